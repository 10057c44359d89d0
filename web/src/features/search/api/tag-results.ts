import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkHighlightBodySchema, BulkHighlightResultSchema, CreateHighlightBodySchema, HighlightSchema, SourceSchema, type SearchResult } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import { resultPassage } from '../lib/result-passage';

/**
 * The highlight standing for each source result (one call or two per source: a selection is a
 * screenful, not an import): one already covering the passage (`resultPassage`) is reused, so
 * that tagging or linking a result twice does not quote it twice; otherwise one is created,
 * carrying `tagIds`. Returns the highlights' ids, and those reused (which do not carry the tags yet).
 */
async function highlightSources(ws: string, sourceResults: SearchResult[], tagIds: string[]): Promise<{ ids: string[]; reused: string[] }> {
  const found = await Promise.all(
    sourceResults.map(async (result) => {
      const source = await apiRequest(`/workspaces/${ws}/sources/${result.sourceId}`, SourceSchema);
      const passage = resultPassage(result, source);
      const existing = source.highlights.find((highlight) => highlight.start === passage.start && highlight.end === passage.end);
      if (existing) return { id: existing.id, reused: true };
      const created = await apiRequest(`/workspaces/${ws}/sources/${result.sourceId}/highlights`, HighlightSchema, {
        method: 'POST',
        body: CreateHighlightBodySchema.parse({ ...passage, tagIds }),
      });
      return { id: created.id, reused: false };
    }),
  );
  return { ids: found.map((one) => one.id), reused: found.filter((one) => one.reused).map((one) => one.id) };
}

/**
 * The highlights behind selected results, to link as evidence: highlight results as they are,
 * source results through a new highlight of the whole source or of the matched passage.
 */
export async function highlightIdsOfResults(ws: string, results: SearchResult[]): Promise<string[]> {
  const highlightIds = results.filter((r) => r.type === 'highlight').map((r) => r.id);
  const { ids } = await highlightSources(ws, results.filter((r) => r.type === 'source'), []);
  return [...new Set([...highlightIds, ...ids])];
}

/** Tags selected results: highlight results in one bulk call, source results by creating a highlight that carries the tag. */
export function useTagResults(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ results, tagId }: { results: SearchResult[]; tagId: string }) => {
      const { reused } = await highlightSources(ws, results.filter((r) => r.type === 'source'), [tagId]);
      const highlightIds = [...new Set([...results.filter((r) => r.type === 'highlight').map((r) => r.id), ...reused])];
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
