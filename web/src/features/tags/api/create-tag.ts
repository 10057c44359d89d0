import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateTagBodySchema, TagSchema, type CreateTagBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { addTagToCatalog } from '../../../lib/catalog';
import { invalidateEvidence } from '../../../lib/evidence';

export function useCreateTag(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTagBody) => apiRequest(`/workspaces/${ws}/tags`, TagSchema, { method: 'POST', body: CreateTagBodySchema.parse(body) }),
    onSuccess: (tag) => {
      addTagToCatalog(queryClient, ws, tag);
      void invalidateEvidence(queryClient, ws);
    },
  });
}
