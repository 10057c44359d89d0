import { useInfiniteQuery } from '@tanstack/react-query';
import { CompanyListItemSchema, pageOf, type CompanySort } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const PAGE_SIZE = 50;

/** Companies by name or by evidence, matching `q` (name or a customer's email domain), one page at a time; the first page carries the total. */
export function useCompanies(ws: string, filters: { q: string; sort: CompanySort }) {
  return useInfiniteQuery({
    queryKey: ['companies', ws, 'list', filters],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE), sort: filters.sort });
      if (filters.q) params.set('q', filters.q);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/companies?${params}`, pageOf(CompanyListItemSchema), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
