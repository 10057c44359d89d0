import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacklogItemSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useRestoreBacklogItem(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/backlog-items/${id}/restore`, BacklogItemSchema, { method: 'POST' }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
