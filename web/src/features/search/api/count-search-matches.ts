import { useQuery } from '@tanstack/react-query';
import { SearchCountSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { toSearchParams, withFacetsWithout, type SearchState } from '../search-params';

/** The order changes no count: a search re-sorted keeps the count it had. */
const countParams = (state: SearchState) => toSearchParams({ ...state, sort: undefined });

export const searchCountKey = (ws: string, state: SearchState) => ['search', ws, 'count', countParams(state).toString()] as const;

export const countSearchMatches = (ws: string, state: SearchState, signal?: AbortSignal) =>
  apiRequest(`/workspaces/${ws}/search/count?${withFacetsWithout(state, countParams(state))}`, SearchCountSchema, { signal });

/**
 * The exact number of matches and their facets, asked only when the first page counted on a
 * sample (`estimated`: its total, or a facet in use listed without its own filter): counting
 * reads every match, so it is a request of its own, after the page. `counting` while it runs; `data.total` is null (and
 * `data.facets` absent) when the server gave up counting, and the page's estimate and facets stand.
 */
export function useSearchCount(ws: string, state: SearchState, estimated: boolean) {
  const query = useQuery({
    queryKey: searchCountKey(ws, state),
    queryFn: ({ signal }) => countSearchMatches(ws, state, signal),
    enabled: estimated,
    staleTime: 10_000,
  });
  return { data: query.data, counting: query.isFetching && !query.data };
}
