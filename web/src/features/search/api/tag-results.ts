import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkHighlightBodySchema, BulkHighlightResultSchema, CreateHighlightBodySchema, HighlightSchema, type SearchResult, WHOLE_SOURCE_KINDS } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** The highlight to create for a source result: the whole source, or the passage the snippet shows. */
function highlightFor(result: SearchResult) {
  return WHOLE_SOURCE_KINDS.has(result.kind)
    ? { whole: true as const }
    : { start: result.snippetStart, end: result.snippetStart + result.snippet.length };
}

/** Creates a highlight carrying `tagIds` for each source result (one call per source: a selection is a screenful, not an import). */
async function highlightSources(ws: string, sourceResults: SearchResult[], tagIds: string[]): Promise<string[]> {
  const created = await Promise.all(
    sourceResults.map((result) =>
      apiRequest(`/workspaces/${ws}/sources/${result.sourceId}/highlights`, HighlightSchema, {
        method: 'POST',
        body: CreateHighlightBodySchema.parse({ ...highlightFor(result), tagIds }),
      }),
    ),
  );
  return created.map((highlight) => highlight.id);
}

/**
 * The highlights behind selected results, to link as evidence: highlight results as they are,
 * source results through a new highlight of the whole source or of the matched passage.
 */
export async function highlightIdsOfResults(ws: string, results: SearchResult[]): Promise<string[]> {
  const highlightIds = results.filter((r) => r.type === 'highlight').map((r) => r.id);
  return [...highlightIds, ...(await highlightSources(ws, results.filter((r) => r.type === 'source'), []))];
}

/** Tags selected results: highlight results in one bulk call, source results by creating a highlight that carries the tag. */
export function useTagResults(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ results, tagId }: { results: SearchResult[]; tagId: string }) => {
      const highlightIds = results.filter((r) => r.type === 'highlight').map((r) => r.id);
      if (highlightIds.length) {
        await apiRequest(`/workspaces/${ws}/highlights/bulk`, BulkHighlightResultSchema, {
          method: 'POST',
          body: BulkHighlightBodySchema.parse({ highlightIds, addTagIds: [tagId] }),
        });
      }
      await highlightSources(ws, results.filter((r) => r.type === 'source'), [tagId]);
      return results.length;
    },
    // Tag usage counts (the Tags page, the catalog) change too, not only the results.
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
