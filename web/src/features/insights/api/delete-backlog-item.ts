import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import { backlogItemKey } from './get-backlog-item';

/** Moves a backlog item to the trash, links intact; `useRestoreBacklogItem` brings it back. */
export function useDeleteBacklogItem(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/backlog-items/${id}`, null, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      // Its page is left: asking for it again would only answer 404.
      queryClient.removeQueries({ queryKey: backlogItemKey(ws, id) });
      void invalidateEvidence(queryClient, ws);
    },
  });
}
