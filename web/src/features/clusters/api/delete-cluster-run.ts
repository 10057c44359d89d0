import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { clusterRunKey } from './get-cluster-run';
import { clusterRunsKey } from './list-cluster-runs';

/**
 * Deletes a run with its clusters (a running one is stopped first). Its page must stop asking
 * for it before this succeeds (`useClusterRun`'s `enabled`), or forgetting it would fetch it again.
 */
export function useDeleteClusterRun(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/cluster-runs/${id}`, null, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: clusterRunKey(ws, id) });
      return queryClient.invalidateQueries({ queryKey: [...clusterRunsKey(ws), 'list'] });
    },
  });
}
