import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EvidenceChangeSchema, LinkInsightEvidenceBodySchema, type LinkInsightEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Links highlights to an insight (`important` unless `importance` says otherwise); ones already linked are not counted in `changed`. */
export const linkInsightEvidence = (ws: string, id: string, body: LinkInsightEvidenceBody) =>
  apiRequest(`/workspaces/${ws}/insights/${id}/evidence`, EvidenceChangeSchema, { method: 'POST', body: LinkInsightEvidenceBodySchema.parse(body) });

export function useLinkInsightEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LinkInsightEvidenceBody }) => linkInsightEvidence(ws, id, body),
    // Settled once the evidence is fetched again: an Undo that links back shows the quote when it says done.
    onSuccess: () => invalidateEvidence(queryClient, ws),
  });
}
