import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EvidenceChangeSchema, InsightEvidenceBodySchema, type InsightEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Takes highlights off an insight's evidence; the highlights themselves stay. */
export function useUnlinkInsightEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InsightEvidenceBody }) =>
      apiRequest(`/workspaces/${ws}/insights/${id}/evidence`, EvidenceChangeSchema, { method: 'DELETE', body: InsightEvidenceBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
