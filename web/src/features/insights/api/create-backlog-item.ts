import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacklogItemSchema, CreateBacklogItemBodySchema, type CreateBacklogItemBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export const createBacklogItem = (ws: string, body: CreateBacklogItemBody) =>
  apiRequest(`/workspaces/${ws}/backlog-items`, BacklogItemSchema, { method: 'POST', body: CreateBacklogItemBodySchema.parse(body) });

export function useCreateBacklogItem(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBacklogItemBody) => createBacklogItem(ws, body),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
