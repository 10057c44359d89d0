import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EvidenceChangeSchema, InsightEvidenceBodySchema, type LinkInsightEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/**
 * Takes highlights off an insight's evidence; the highlights themselves stay. Takes the body they
 * were linked with, so that Undo links them back as they were; only `highlightIds` is sent.
 */
export function useUnlinkInsightEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LinkInsightEvidenceBody }) =>
      apiRequest(`/workspaces/${ws}/insights/${id}/evidence`, EvidenceChangeSchema, { method: 'DELETE', body: InsightEvidenceBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
