import { useInfiniteQuery } from '@tanstack/react-query';
import { HighlightListItemSchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const PAGE_SIZE = 20;

/** What this customer said that someone highlighted, newest first. */
export function useCustomerHighlights(ws: string, customerId: string) {
  return useInfiniteQuery({
    queryKey: ['highlights', ws, 'customer', customerId],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ customerId, limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
