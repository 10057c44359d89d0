import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SourceSchema, type CreateSourceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useCreateSource(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSourceBody) => apiRequest(`/workspaces/${ws}/sources`, SourceSchema, { method: 'POST', body }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
