import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TagSchema, UpdateTagBodySchema, type UpdateTagBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useUpdateTag(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTagBody }) =>
      apiRequest(`/workspaces/${ws}/tags/${id}`, TagSchema, { method: 'PATCH', body: UpdateTagBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
