import { useInfiniteQuery } from '@tanstack/react-query';
import { BacklogItemPageSchema, type BacklogStatus, type ListBacklogItemsQuery } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const PAGE_SIZE = 50;

/** `trash` lists the trash instead, where `recent` means the most recently trashed first. */
export type BacklogFilters = { sort: ListBacklogItemsQuery['sort']; status?: BacklogStatus; trash?: boolean };

/** Backlog items ranked by evidence score or newest first, one page at a time. */
export function useBacklogItems(ws: string, filters: BacklogFilters) {
  return useInfiniteQuery({
    queryKey: ['backlog-items', ws, 'list', filters],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ sort: filters.sort, limit: String(PAGE_SIZE) });
      if (filters.status) params.set('status', filters.status);
      if (filters.trash) params.set('trash', 'true');
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/backlog-items?${params}`, BacklogItemPageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
