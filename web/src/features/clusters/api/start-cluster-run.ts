import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ClusterRunStartedSchema, CreateClusterRunBodySchema, type CreateClusterRunBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { clusterRunsKey } from './list-cluster-runs';

/** Starts a run; the server answers 202 at once and clusters in the background. */
export function useStartClusterRun(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClusterRunBody) =>
      apiRequest(`/workspaces/${ws}/cluster-runs`, ClusterRunStartedSchema, { method: 'POST', body: CreateClusterRunBodySchema.parse(body) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...clusterRunsKey(ws), 'list'] }),
  });
}
