import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacklogEvidenceBodySchema, EvidenceChangeSchema, type LinkBacklogEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/**
 * Takes highlights or insights off a backlog item; they themselves stay. Takes the body they were
 * linked with, so that Undo links them back as they were; only the ids are sent.
 */
export function useUnlinkBacklogEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LinkBacklogEvidenceBody }) =>
      apiRequest(`/workspaces/${ws}/backlog-items/${id}/evidence`, EvidenceChangeSchema, { method: 'DELETE', body: BacklogEvidenceBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
