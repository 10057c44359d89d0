import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateInsightBodySchema, InsightSchema, type CreateInsightBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export const createInsight = (ws: string, body: CreateInsightBody) =>
  apiRequest(`/workspaces/${ws}/insights`, InsightSchema, { method: 'POST', body: CreateInsightBodySchema.parse(body) });

/** Adds a problem, opportunity or solution; the tree, its parent's page and every picker (the catalog) show it after. */
export function useCreateInsight(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInsightBody) => createInsight(ws, body),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
