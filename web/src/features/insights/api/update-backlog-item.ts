import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacklogItemSchema, UpdateBacklogItemBodySchema, type UpdateBacklogItemBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useUpdateBacklogItem(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateBacklogItemBody }) =>
      apiRequest(`/workspaces/${ws}/backlog-items/${id}`, BacklogItemSchema, { method: 'PATCH', body: UpdateBacklogItemBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
