import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HighlightSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { applyHighlightChange, upsertHighlight } from './after-highlight-change';

export function useRestoreHighlight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/workspaces/${ws}/highlights/${id}/restore`, HighlightSchema, { method: 'POST' }),
    onSuccess: (highlight) => applyHighlightChange(queryClient, ws, highlight.sourceId, upsertHighlight(highlight)),
  });
}
