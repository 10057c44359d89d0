import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EvidenceChangeSchema, LinkBacklogEvidenceBodySchema, type LinkBacklogEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Links highlights (`important` unless `importance` says otherwise) and insights to a backlog item; links already there are not counted in `changed`. */
export const linkBacklogEvidence = (ws: string, id: string, body: LinkBacklogEvidenceBody) =>
  apiRequest(`/workspaces/${ws}/backlog-items/${id}/evidence`, EvidenceChangeSchema, { method: 'POST', body: LinkBacklogEvidenceBodySchema.parse(body) });

export function useLinkBacklogEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LinkBacklogEvidenceBody }) => linkBacklogEvidence(ws, id, body),
    // Settled once the evidence is fetched again: an Undo that links back shows the quote when it says done.
    onSuccess: () => invalidateEvidence(queryClient, ws),
  });
}
