import { useInfiniteQuery } from '@tanstack/react-query';
import { ClusterMemberPageSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { clusterRunKey } from './get-cluster-run';

const MEMBERS_PAGE_SIZE = 50;

/** Every member of a cluster, best first, a page at a time: asked for only once someone wants more than the run shows. */
export function useClusterMembers(ws: string, runId: string, clusterId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...clusterRunKey(ws, runId), 'members', clusterId],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(MEMBERS_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
      return apiRequest(`/workspaces/${ws}/clusters/${clusterId}/members?${params}`, ClusterMemberPageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}
