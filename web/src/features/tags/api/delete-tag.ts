import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** `force` confirms deleting a tag that highlights still carry (the UI asks first, with the count). */
export function useDeleteTag(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, force }: { id: string; force: boolean }) => apiRequest(`/workspaces/${ws}/tags/${id}${force ? '?force=true' : ''}`, null, { method: 'DELETE' }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
