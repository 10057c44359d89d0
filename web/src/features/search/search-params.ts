import { SEARCH_RESULT_TYPES, SEARCH_SORTS, SOURCE_KINDS, type SavedSearch, type SearchFilters, type SearchSort } from '@cairn/shared';
import { paths } from '../../lib/paths';

/**
 * What the Search page shows, read from and written to the URL so that a search can be shared
 * and reloaded. `sort` is left out for relevance, the default: the URL of a plain search stays plain.
 */
export type SearchState = SearchFilters & { q: string; sort?: Exclude<SearchSort, 'relevance'> };

const FILTER_KEYS = ['kind', 'tagId', 'segment', 'customerId', 'from', 'to', 'type'] as const;

export function readSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = { q: params.get('q') ?? '' };
  const kind = params.get('kind');
  if (kind && (SOURCE_KINDS as readonly string[]).includes(kind)) state.kind = kind as SearchState['kind'];
  const type = params.get('type');
  if (type && (SEARCH_RESULT_TYPES as readonly string[]).includes(type)) state.type = type as SearchState['type'];
  const sort = params.get('sort');
  if (sort && sort !== 'relevance' && (SEARCH_SORTS as readonly string[]).includes(sort)) state.sort = sort as SearchState['sort'];
  for (const key of ['tagId', 'segment', 'customerId', 'from', 'to'] as const) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/** Only the parts that are set, in a stable order: the URL, the query key and the API call agree. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  if (state.sort) params.set('sort', state.sort);
  return params;
}

/** The filters alone, as a saved search keeps them: which matches, not their order. */
export function filtersOf(state: SearchState): SearchFilters {
  const { q: _q, sort: _sort, ...filters } = state;
  return filters;
}

type SearchSaved = Pick<SavedSearch, 'query' | 'filters'>;

/** The Search page's params that rerun a saved search. */
const savedSearchParams = (search: SearchSaved) => toSearchParams({ q: search.query, ...search.filters });

/** The address that reruns a saved search, for its link in the sidebar and in the palette. */
export const savedSearchPath = (ws: string, search: SearchSaved) => `${paths.search(ws)}?${savedSearchParams(search)}`;

/** Whether the Search page's params show this saved search: its query and filters, in whatever order, sorted any way. */
export function showsSavedSearch(params: URLSearchParams, search: SearchSaved): boolean {
  const state = readSearchState(params);
  return savedSearchParams({ query: state.q, filters: filtersOf(state) }).toString() === savedSearchParams(search).toString();
}
