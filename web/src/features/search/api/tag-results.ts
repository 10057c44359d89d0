import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  BulkHighlightBodySchema,
  BulkHighlightResultSchema,
  HighlightListItemSchema,
  HighlightPassagesBodySchema,
  HighlightPassagesResultSchema,
  PAGE_SIZE_MAX,
  SourceSchema,
  pageOf,
  type HighlightPassagesResult,
  type SearchResult,
} from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import { resultPassage } from '../lib/result-passage';

/**
 * The highlights standing for source results: each source is read (in parallel; a selection is
 * a screenful, not an import) to cut its passage (`resultPassage`), then all passages are
 * highlighted in one call, which reuses a highlight of exactly that range and logs one event.
 */
async function highlightSources(ws: string, sourceResults: SearchResult[], tagIds: string[]): Promise<HighlightPassagesResult['items']> {
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
  return items;
}

/**
 * The highlights behind selected results, to link as evidence: highlight results as they are,
 * source results through a highlight of the whole source or of the matched passage.
 */
export async function highlightIdsOfResults(ws: string, results: SearchResult[]): Promise<string[]> {
  const highlightIds = results.filter((r) => r.type === 'highlight').map((r) => r.id);
  const items = await highlightSources(ws, results.filter((r) => r.type === 'source'), []);
  return [...new Set([...highlightIds, ...items.map((item) => item.id)])];
}

/** The highlights of these sources that carry the tag, every page of them (`GET …/highlights?sourceId=…&tagId=…`). */
async function highlightIdsWithTag(ws: string, tagId: string, sourceIds: string[]): Promise<Set<string>> {
  const perSource = await Promise.all(
    sourceIds.map(async (sourceId) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const params = new URLSearchParams({ sourceId, tagId, limit: String(PAGE_SIZE_MAX) });
        if (cursor) params.set('cursor', cursor);
        const page = await apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema));
        ids.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    }),
  );
  return new Set(perSource.flat());
}

/** What a bulk tagging did, for its Undo (`useUntagResults`). */
export type ResultsTagged = {
  tagId: string;
  /** How many results were selected and tagged. */
  results: number;
  /** The highlights that got the tag from it: not those that carried it already. */
  taggedIds: string[];
  /** How many of those it made, for source results. */
  made: number;
};

/**
 * Tags selected results: source results through their passages' highlights, highlight results in
 * one bulk call. Which highlights of those sources carried the tag is read first, so that Undo
 * takes it off only where this added it.
 */
export function useTagResults(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ results, tagId }: { results: SearchResult[]; tagId: string }): Promise<ResultsTagged> => {
      const hadTag = await highlightIdsWithTag(ws, tagId, [...new Set(results.map((r) => r.sourceId))]);
      const passages = await highlightSources(ws, results.filter((r) => r.type === 'source'), [tagId]);
      const highlightIds = [...new Set(results.filter((r) => r.type === 'highlight').map((r) => r.id))];
      if (highlightIds.length) {
        await apiRequest(`/workspaces/${ws}/highlights/bulk`, BulkHighlightResultSchema, {
          method: 'POST',
          body: BulkHighlightBodySchema.parse({ highlightIds, addTagIds: [tagId] }),
        });
      }
      const touched = new Set([...passages.map((item) => item.id), ...highlightIds]);
      const made = new Set(passages.filter((item) => item.created).map((item) => item.id)).size;
      return { tagId, results: results.length, taggedIds: [...touched].filter((id) => !hadTag.has(id)), made };
    },
    // Tag usage counts (the Tags page, the catalog) change too, not only the results.
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
