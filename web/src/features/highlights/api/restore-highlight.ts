import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HighlightSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Brings a highlight back from the trash; the lists, counts and the source that show it follow. */
export function useRestoreHighlight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/highlights/${id}/restore`, HighlightSchema, { method: 'POST' }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
