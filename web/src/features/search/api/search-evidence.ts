import { useInfiniteQuery } from '@tanstack/react-query';
import { SearchResponseSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { toSearchParams, withFacetsWithout, type SearchState } from '../search-params';

export const searchKey = (ws: string, state: SearchState) => ['search', ws, toSearchParams(state).toString()] as const;

/** A first page answers facets, and each facet in use without its own filter; later pages only results. */
export function searchEvidence(ws: string, state: SearchState, cursor: string | null, signal?: AbortSignal) {
  const params = toSearchParams(state);
  if (cursor) params.set('cursor', cursor);
  else withFacetsWithout(state, params);
  return apiRequest(`/workspaces/${ws}/search?${params}`, SearchResponseSchema, { signal });
}

/**
 * Pages of results; "Load more" fetches the next one with the cursor the last page handed out.
 * Not `enabled` without words, nor while the date range is reversed.
 */
export function useSearchEvidence(ws: string, state: SearchState, enabled = true) {
  return useInfiniteQuery({
    queryKey: searchKey(ws, state),
    queryFn: ({ pageParam, signal }) => searchEvidence(ws, state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled && state.q.trim().length > 0,
    staleTime: 10_000,
  });
}
