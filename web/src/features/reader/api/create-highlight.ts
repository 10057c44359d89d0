import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateHighlightBodySchema, HighlightSchema, type CreateHighlightBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { applyHighlightChange, upsertHighlight } from './after-highlight-change';

export type CreateHighlightInput = { sourceId: string; body: CreateHighlightBody };

export const createHighlight = (ws: string, { sourceId, body }: CreateHighlightInput) =>
  apiRequest(`/workspaces/${ws}/sources/${sourceId}/highlights`, HighlightSchema, { method: 'POST', body: CreateHighlightBodySchema.parse(body) });

export function useCreateHighlight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateHighlightInput) => createHighlight(ws, input),
    onSuccess: (highlight) => applyHighlightChange(queryClient, ws, highlight.sourceId, upsertHighlight(highlight)),
  });
}
