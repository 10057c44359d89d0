import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PurgeSchema, type TrashList } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { trashKey } from './get-trash-summary';

/** Starts emptying one trash; the purge runs in the background (usePurge follows it). */
export function useEmptyTrash(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (list: TrashList) => apiRequest(`/workspaces/${ws}/trash/empty`, PurgeSchema, { method: 'POST', body: { list } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trashKey(ws) }),
  });
}
