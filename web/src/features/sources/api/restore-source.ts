import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SourceSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useRestoreSource(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/sources/${id}/restore`, SourceSchema, { method: 'POST' }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
