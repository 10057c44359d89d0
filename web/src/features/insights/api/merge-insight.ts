import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InsightSchema, MergeInsightBodySchema, type MergeInsightBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { afterTrash } from './after-trash';
import { insightKey } from './get-insight';

/** Merges an insight into another of its type and answers the survivor; the merged one goes to the trash, so its page lets go of it as after trashing. */
export function useMergeInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MergeInsightBody }) =>
      apiRequest(`/workspaces/${ws}/insights/${id}/merge`, InsightSchema, { method: 'POST', body: MergeInsightBodySchema.parse(body) }),
    onSuccess: (_, { id }) => afterTrash(queryClient, ws, insightKey(ws, id)),
  });
}
