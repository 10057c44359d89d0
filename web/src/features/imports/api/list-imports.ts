import { useInfiniteQuery } from '@tanstack/react-query';
import { ImportSummarySchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const HISTORY_PAGE_SIZE = 25;
/** While an import in view is still running, the history refreshes this often. */
const LIVE_REFRESH_MS = 2_000;

export const importsKey = (ws: string) => ['imports', ws] as const;
export const importHistoryKey = (ws: string) => [...importsKey(ws), 'list'] as const;

export const listImports = (ws: string, cursor: string | null) => {
  const params = new URLSearchParams({ limit: String(HISTORY_PAGE_SIZE), ...(cursor ? { cursor } : {}) });
  return apiRequest(`/workspaces/${ws}/imports?${params}`, pageOf(ImportSummarySchema));
};

/** The import history, newest first, page by page. */
export function useImports(ws: string) {
  return useInfiniteQuery({
    queryKey: importHistoryKey(ws),
    queryFn: ({ pageParam }) => listImports(ws, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((item) => item.status === 'queued' || item.status === 'running')) ? LIVE_REFRESH_MS : false,
  });
}
