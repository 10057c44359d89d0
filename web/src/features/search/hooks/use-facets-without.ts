import type { SearchFacets } from '@cairn/shared';
import { useSearchEvidence } from '../api/search-evidence';
import type { ListFilter, SearchState } from '../search-params';

export type FacetsWithout = Partial<Record<ListFilter, SearchFacets>>;

/**
 * For each facet in use, the facets of the same search without that facet's own filter: a
 * search's facets count only what its filters let through, so a facet with a ticked value would
 * list that value alone, and nothing to tick beside it. Each is that search's first page, which
 * the page usually has in its cache already (the search as it was before the tick).
 */
export function useFacetsWithout(ws: string, state: SearchState, enabled: boolean): FacetsWithout {
  const without = (key: ListFilter) => ({ ...state, [key]: undefined });
  const kind = useSearchEvidence(ws, without('kind'), enabled && Boolean(state.kind));
  const tagId = useSearchEvidence(ws, without('tagId'), enabled && Boolean(state.tagId));
  const segment = useSearchEvidence(ws, without('segment'), enabled && Boolean(state.segment));
  const facetsOf = (key: ListFilter, search: typeof kind) => (state[key] ? search.data?.pages[0]?.facets : undefined);
  return { kind: facetsOf('kind', kind), tagId: facetsOf('tagId', tagId), segment: facetsOf('segment', segment) };
}
