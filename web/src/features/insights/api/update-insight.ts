import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InsightSchema, UpdateInsightBodySchema, type UpdateInsightBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Renames, restates, re-types, re-parents or changes the status of an insight; its title changes in the catalog and on its backlog items too. */
export function useUpdateInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateInsightBody }) =>
      apiRequest(`/workspaces/${ws}/insights/${id}`, InsightSchema, { method: 'PATCH', body: UpdateInsightBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
