import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacklogEvidenceBodySchema, EvidenceChangeSchema, type BacklogEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Links highlights and insights to a backlog item; links already there are not counted in `changed`. */
export const linkBacklogEvidence = (ws: string, id: string, body: BacklogEvidenceBody) =>
  apiRequest(`/workspaces/${ws}/backlog-items/${id}/evidence`, EvidenceChangeSchema, { method: 'POST', body: BacklogEvidenceBodySchema.parse(body) });

export function useLinkBacklogEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BacklogEvidenceBody }) => linkBacklogEvidence(ws, id, body),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
