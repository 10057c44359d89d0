import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { afterTrash } from './after-trash';
import { backlogItemKey } from './get-backlog-item';

/** Moves a backlog item to the trash, links intact; `useRestoreBacklogItem` brings it back. */
export function useDeleteBacklogItem(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/backlog-items/${id}`, null, { method: 'DELETE' }),
    onSuccess: (_, id) => afterTrash(queryClient, ws, backlogItemKey(ws, id)),
  });
}
