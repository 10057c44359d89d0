import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Moves the open source to the trash (Inbox → Trash restores it); its highlights leave every list and count with it. */
export function useTrashSource(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/sources/${id}`, null, { method: 'DELETE' }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
