import { SEARCH_RESULT_TYPES, SOURCE_KINDS, type SearchFilters } from '@cairn/shared';

/** What the Search page shows, read from and written to the URL so that a search can be shared and reloaded. */
export type SearchState = SearchFilters & { q: string };

const FILTER_KEYS = ['kind', 'tagId', 'segment', 'customerId', 'from', 'to', 'type'] as const;

export function readSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = { q: params.get('q') ?? '' };
  const kind = params.get('kind');
  if (kind && (SOURCE_KINDS as readonly string[]).includes(kind)) state.kind = kind as SearchState['kind'];
  const type = params.get('type');
  if (type && (SEARCH_RESULT_TYPES as readonly string[]).includes(type)) state.type = type as SearchState['type'];
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
  return params;
}

export function filtersOf(state: SearchState): SearchFilters {
  const { q: _q, ...filters } = state;
  return filters;
}
