import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { applyHighlightChange, withoutHighlight } from './after-highlight-change';

/** Moves a highlight to the trash; `useRestoreHighlight` undoes it. */
export function useDeleteHighlight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string; sourceId: string }) => apiRequest(`/workspaces/${ws}/highlights/${id}`, null, { method: 'DELETE' }),
    onSuccess: (_, { id, sourceId }) => applyHighlightChange(queryClient, ws, sourceId, withoutHighlight(id)),
  });
}
