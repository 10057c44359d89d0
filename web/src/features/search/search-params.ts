import { SEARCH_RESULT_TYPES, SEARCH_SORTS, SOURCE_KINDS, type SavedSearch, type SearchFilters, type SearchSort, type SourceKind } from '@cairn/shared';
import { paths } from '../../lib/paths';

/**
 * What the Search page shows, read from and written to the URL so that a search can be shared
 * and reloaded. `sort` is left out for relevance, the default: the URL of a plain search stays plain.
 */
export type SearchState = SearchFilters & { q: string; sort?: Exclude<SearchSort, 'relevance'> };

const FILTER_KEYS = ['kind', 'tagId', 'segment', 'customerId', 'from', 'to', 'type'] as const;
/** Filters that take several values, each repeated in the URL (`kind=ticket&kind=review`): a match has any of them. */
export type ListFilter = 'kind' | 'tagId' | 'segment';
const LIST_FILTERS: ListFilter[] = ['kind', 'tagId', 'segment'];

/**
 * The API's params for the facet panel's search: with a facet in use, each such facet is also
 * counted without its own filter (`facetsWithout`), so that the panel can list the values to
 * tick beside those ticked. The query key is the state's: the answer is the state's too.
 */
export function withFacetsWithout(state: SearchState, params: URLSearchParams): URLSearchParams {
  if (LIST_FILTERS.some((key) => state[key])) params.set('facetsWithout', 'true');
  return params;
}

const isKind = (value: string): value is SourceKind => (SOURCE_KINDS as readonly string[]).includes(value);

/** Each value once, in the order first given; none is no filter. */
function listOf<T extends string>(values: T[]): T[] | undefined {
  const unique = [...new Set(values.filter(Boolean))];
  return unique.length ? unique : undefined;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = { q: params.get('q') ?? '' };
  const kind = listOf(params.getAll('kind').filter(isKind));
  if (kind) state.kind = kind;
  for (const key of ['tagId', 'segment'] as const) {
    const values = listOf(params.getAll(key));
    if (values) state[key] = values;
  }
  const type = params.get('type');
  if (type && (SEARCH_RESULT_TYPES as readonly string[]).includes(type)) state.type = type as SearchState['type'];
  const sort = params.get('sort');
  if (sort && sort !== 'relevance' && (SEARCH_SORTS as readonly string[]).includes(sort)) state.sort = sort as SearchState['sort'];
  for (const key of ['customerId', 'from', 'to'] as const) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/**
 * Only the parts that are set, in a stable order: the URL, the query key and the API call agree.
 * A filter's values are sorted, so that ticking two boxes in either order is the same search.
 */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (!value) continue;
    if (typeof value === 'string') params.set(key, value);
    else for (const each of [...value].sort()) params.append(key, each);
  }
  if (state.sort) params.set('sort', state.sort);
  return params;
}

/** The same value of a filter: segments are matched whatever their case, as the server matches them. */
export const sameValue = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** The state with `value` added to the filter's values, or taken out of them (the filter left out once none is left). */
export function toggleValue(state: SearchState, key: ListFilter, value: string): SearchState {
  const values: string[] = state[key] ?? [];
  const chosen = values.some((each) => sameValue(each, value));
  const next = chosen ? values.filter((each) => !sameValue(each, value)) : [...values, value];
  return { ...state, [key]: next.length ? next : undefined };
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
