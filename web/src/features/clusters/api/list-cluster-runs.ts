import { useInfiniteQuery } from '@tanstack/react-query';
import { ClusterRunPageSchema, type ClusterRunSummary } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const RUNS_PAGE_SIZE = 25;
/** While a run in view is still working, the list refreshes this often. */
const LIVE_REFRESH_MS = 2_000;

export const clusterRunsKey = (ws: string) => ['cluster-runs', ws] as const;

export const isRunning = (run: Pick<ClusterRunSummary, 'status'>) => run.status === 'queued' || run.status === 'running';

export const listClusterRuns = (ws: string, cursor: string | null, signal?: AbortSignal) => {
  const params = new URLSearchParams({ limit: String(RUNS_PAGE_SIZE), ...(cursor ? { cursor } : {}) });
  return apiRequest(`/workspaces/${ws}/cluster-runs?${params}`, ClusterRunPageSchema, { signal });
};

/** Every run of the workspace, newest first, page by page; refreshed while one of them runs. */
export function useClusterRuns(ws: string) {
  return useInfiniteQuery({
    queryKey: [...clusterRunsKey(ws), 'list'],
    queryFn: ({ pageParam, signal }) => listClusterRuns(ws, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isRunning)) ? LIVE_REFRESH_MS : false),
  });
}
