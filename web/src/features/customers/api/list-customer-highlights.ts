import { useInfiniteQuery } from '@tanstack/react-query';
import { HighlightListItemSchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const PAGE_SIZE = 20;

/** Whose highlights: one customer's, or those of every customer at one company. */
export type SaidBy = { customerId: string } | { companyId: string };

/** What this customer (or this company's customers) said that someone highlighted, newest first; the first page carries the total. */
export function useCustomerHighlights(ws: string, saidBy: SaidBy) {
  return useInfiniteQuery({
    queryKey: ['highlights', ws, 'said-by', saidBy],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ ...saidBy, limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
