import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { afterTrash } from './after-trash';
import { insightKey } from './get-insight';

/** Moves an insight to the trash, links and children intact; `useRestoreInsight` brings it back. */
export function useDeleteInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/insights/${id}`, null, { method: 'DELETE' }),
    onSuccess: (_, id) => afterTrash(queryClient, ws, insightKey(ws, id)),
  });
}
