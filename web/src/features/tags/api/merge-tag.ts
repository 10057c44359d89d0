import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MergeTagBodySchema, TagSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useMergeTag(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, intoTagId }: { id: string; intoTagId: string }) =>
      apiRequest(`/workspaces/${ws}/tags/${id}/merge`, TagSchema, { method: 'POST', body: MergeTagBodySchema.parse({ intoTagId }) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
