import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacklogEvidenceBodySchema, EvidenceChangeSchema, type BacklogEvidenceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Takes highlights or insights off a backlog item; they themselves stay. */
export function useUnlinkBacklogEvidence(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BacklogEvidenceBody }) =>
      apiRequest(`/workspaces/${ws}/backlog-items/${id}/evidence`, EvidenceChangeSchema, { method: 'DELETE', body: BacklogEvidenceBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
