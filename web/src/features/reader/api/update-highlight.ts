import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HighlightSchema, UpdateHighlightBodySchema, type UpdateHighlightBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { applyHighlightChange, upsertHighlight } from './after-highlight-change';

export function useUpdateHighlight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateHighlightBody }) =>
      apiRequest(`/workspaces/${ws}/highlights/${id}`, HighlightSchema, { method: 'PATCH', body: UpdateHighlightBodySchema.parse(body) }),
    onSuccess: (highlight) => applyHighlightChange(queryClient, ws, highlight.sourceId, upsertHighlight(highlight)),
  });
}
