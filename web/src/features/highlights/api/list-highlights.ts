import { useInfiniteQuery } from '@tanstack/react-query';
import { HighlightListItemSchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export type HighlightFilters = Partial<Record<'tagId' | 'insightId' | 'sourceKind' | 'customerId' | 'segment' | 'from' | 'to' | 'q', string>>;

const PAGE_SIZE = 50;

/** Newest first, one page at a time ("Load more"); the first page carries the total. */
export function useHighlights(ws: string, filters: HighlightFilters) {
  return useInfiniteQuery({
    queryKey: ['highlights', ws, filters],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
