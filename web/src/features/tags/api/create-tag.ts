import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateTagBodySchema, TagSchema, type CreateTagBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useCreateTag(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTagBody) => apiRequest(`/workspaces/${ws}/tags`, TagSchema, { method: 'POST', body: CreateTagBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
