import { useInfiniteQuery } from '@tanstack/react-query';
import { CustomerDetailSchema, pageOf, type CustomerSort } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const PAGE_SIZE = 50;

/**
 * Customers by name (or by `sort`: most highlights, latest source), matching `q` (name, email,
 * external id or company) and at `companyId` when given, one page at a time.
 */
export function useCustomers(ws: string, filters: { q?: string; companyId?: string; sort?: CustomerSort }) {
  return useInfiniteQuery({
    queryKey: ['customers', ws, 'list', filters],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.q) params.set('q', filters.q);
      if (filters.companyId) params.set('companyId', filters.companyId);
      if (filters.sort) params.set('sort', filters.sort);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/customers?${params}`, pageOf(CustomerDetailSchema), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
