import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ClusterRunSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { clusterRunsKey, isRunning } from './list-cluster-runs';

/** How often a queued or running run is polled for its progress. */
const POLL_MS = 500;

/** The run, and under it everything read from its clusters (members' pages): one prefix refreshes them all. */
export const clusterRunKey = (ws: string, id: string) => [...clusterRunsKey(ws), id] as const;

export const getClusterRun = (ws: string, id: string, signal?: AbortSignal) => apiRequest(`/workspaces/${ws}/cluster-runs/${id}`, ClusterRunSchema, { signal });

/**
 * One run, polled while it is queued or running; once it ends the list shows its result too.
 * `enabled` is false once the run is deleted, so that nothing asks for it again (a 404).
 */
export function useClusterRun(ws: string, id: string, { enabled = true }: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: clusterRunKey(ws, id),
    queryFn: ({ signal }) => getClusterRun(ws, id, signal),
    enabled,
    refetchInterval: ({ state }) => (state.error || (state.data && !isRunning(state.data)) ? false : POLL_MS),
  });
  const finished = query.data !== undefined && !isRunning(query.data);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: [...clusterRunsKey(ws), 'list'] });
  }, [finished, queryClient, ws]);
  return query;
}
