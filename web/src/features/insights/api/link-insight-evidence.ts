import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EvidenceChangeSchema, InsightEvidenceBodySchema, type InsightEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Links highlights to an insight; ones already linked are not counted in `changed`. */
export const linkInsightEvidence = (ws: string, id: string, body: InsightEvidenceBody) =>
  apiRequest(`/workspaces/${ws}/insights/${id}/evidence`, EvidenceChangeSchema, { method: 'POST', body: InsightEvidenceBodySchema.parse(body) });

export function useLinkInsightEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InsightEvidenceBody }) => linkInsightEvidence(ws, id, body),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
