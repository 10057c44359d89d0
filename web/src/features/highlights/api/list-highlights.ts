import { useInfiniteQuery } from '@tanstack/react-query';
import { HighlightListItemSchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export type HighlightFilters = Partial<
  Record<'tagId' | 'insightId' | 'backlogItemId' | 'evidenceOfBacklogItemId' | 'sourceKind' | 'customerId' | 'companyId' | 'segment' | 'from' | 'to' | 'q' | 'trash', string>
> & {
  /** A selection, up to HIGHLIGHT_IDS_MAX: sent as `ids` repeated. */
  ids?: readonly string[];
};

/** The filters as a query string, the ones left empty left out. */
export function highlightFilterParams(filters: HighlightFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'object') for (const item of value) params.append(key, item);
    else if (value) params.set(key, value);
  }
  return params;
}

const PAGE_SIZE = 50;

/**
 * Newest first (the trash, `trash: 'true'`: most recently trashed first), one page at a time
 * ("Load more"); the first page carries the total. Not `enabled` while the date range is reversed
 * (it matches nothing: the fields say so).
 */
export function useHighlights(ws: string, filters: HighlightFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['highlights', ws, filters],
    queryFn: ({ pageParam }) => {
      const params = highlightFilterParams(filters);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}
