import { useInfiniteQuery } from '@tanstack/react-query';
import { SourcePageSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** The Inbox's filters, as they sit in the page's query string and go to `GET …/sources`. */
export const SOURCE_FILTER_KEYS = ['kind', 'customerId', 'importId', 'from', 'to', 'scoreMin', 'scoreMax', 'scoreScale', 'untriaged', 'trash'] as const;
export type SourceFilterKey = (typeof SOURCE_FILTER_KEYS)[number];
export type SourceFilters = Partial<Record<SourceFilterKey, string>>;
/** Filters to set (a value) or remove (undefined) together, such as both ends of a score range. */
export type SourceFilterChange = Partial<Record<SourceFilterKey, string | undefined>>;

const PAGE_SIZE = 50;

export const sourcesListKey = (ws: string, filters: SourceFilters) => ['sources', ws, 'list', filters] as const;

/** Newest first, one page at a time ("Load more"); the first page says how many match (`total`). Not `enabled` while the date range is reversed (it matches nothing: the fields say so). */
export function useSources(ws: string, filters: SourceFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: sourcesListKey(ws, filters),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/sources?${params}`, SourcePageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}
