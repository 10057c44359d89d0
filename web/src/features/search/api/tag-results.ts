import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkHighlightBodySchema, BulkHighlightResultSchema, HighlightPassagesBodySchema, HighlightPassagesResultSchema, SourceSchema, type SearchResult } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import { resultPassage } from '../lib/result-passage';

/**
 * The highlights standing for source results: each source is read (in parallel; a selection is
 * a screenful, not an import) to cut its passage (`resultPassage`), then all passages are
 * highlighted in one call, which reuses a highlight of exactly that range and logs one event.
 */
async function highlightSources(ws: string, sourceResults: SearchResult[], tagIds: string[]): Promise<string[]> {
  if (!sourceResults.length) return [];
  const passages = await Promise.all(
    sourceResults.map(async (result) => {
      const source = await apiRequest(`/workspaces/${ws}/sources/${result.sourceId}`, SourceSchema);
      return { sourceId: result.sourceId, ...resultPassage(result, source) };
    }),
  );
  const { items } = await apiRequest(`/workspaces/${ws}/highlights/passages`, HighlightPassagesResultSchema, {
    method: 'POST',
    body: HighlightPassagesBodySchema.parse({ passages, tagIds }),
  });
  return items.map((item) => item.id);
}

/**
 * The highlights behind selected results, to link as evidence: highlight results as they are,
 * source results through a highlight of the whole source or of the matched passage.
 */
export async function highlightIdsOfResults(ws: string, results: SearchResult[]): Promise<string[]> {
  const highlightIds = results.filter((r) => r.type === 'highlight').map((r) => r.id);
  const ids = await highlightSources(ws, results.filter((r) => r.type === 'source'), []);
  return [...new Set([...highlightIds, ...ids])];
}

/** Tags selected results: source results through their passages' highlights, highlight results in one bulk call. */
export function useTagResults(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ results, tagId }: { results: SearchResult[]; tagId: string }) => {
      await highlightSources(ws, results.filter((r) => r.type === 'source'), [tagId]);
      const highlightIds = [...new Set(results.filter((r) => r.type === 'highlight').map((r) => r.id))];
      if (highlightIds.length) {
        await apiRequest(`/workspaces/${ws}/highlights/bulk`, BulkHighlightResultSchema, {
          method: 'POST',
          body: BulkHighlightBodySchema.parse({ highlightIds, addTagIds: [tagId] }),
        });
      }
      return results.length;
    },
    // Tag usage counts (the Tags page, the catalog) change too, not only the results.
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
