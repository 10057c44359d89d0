import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InsightSchema, PromoteClusterBodySchema, type ClusterRun, type PromoteClusterBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import { clusterRunKey } from './get-cluster-run';

/**
 * Makes a problem (or another insight) of a cluster, its members as evidence. The cluster
 * points at it at once; the problems, the catalog and whatever counts evidence catch up after.
 */
export function usePromoteCluster(ws: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PromoteClusterBody }) =>
      apiRequest(`/workspaces/${ws}/clusters/${id}/promote`, InsightSchema, { method: 'POST', body: PromoteClusterBodySchema.parse(body) }),
    onSuccess: (insight, { id }) => {
      const promotedTo = { id: insight.id, type: insight.type, title: insight.title, status: insight.status };
      queryClient.setQueryData<ClusterRun>(clusterRunKey(ws, runId), (run) => run && { ...run, clusters: run.clusters.map((c) => (c.id === id ? { ...c, promotedTo } : c)) });
      return invalidateEvidence(queryClient, ws);
    },
  });
}
