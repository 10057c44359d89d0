import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ClusterSchema, UpdateClusterBodySchema, type ClusterRun, type UpdateClusterBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { clusterRunKey } from './get-cluster-run';

/**
 * Renames a cluster, moves members into it from the run's other clusters, or takes members out.
 * The answer is this cluster alone: it shows at once, and the run is fetched again for the
 * cluster the members left.
 */
export function useUpdateCluster(ws: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateClusterBody }) =>
      apiRequest(`/workspaces/${ws}/clusters/${id}`, ClusterSchema, { method: 'PATCH', body: UpdateClusterBodySchema.parse(body) }),
    onSuccess: (cluster) => {
      queryClient.setQueryData<ClusterRun>(clusterRunKey(ws, runId), (run) => run && { ...run, clusters: run.clusters.map((c) => (c.id === cluster.id ? cluster : c)) });
      return queryClient.invalidateQueries({ queryKey: clusterRunKey(ws, runId) });
    },
  });
}
