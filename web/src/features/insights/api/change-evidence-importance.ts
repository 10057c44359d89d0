import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EvidenceChangeSchema, EvidenceImportanceBodySchema, type EvidenceImportanceBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Where the links are: an insight's evidence, or a backlog item's own (what comes through its problems changes on the problem). */
export type ImportanceOwner = { insightId: string } | { backlogItemId: string };

const evidencePath = (ws: string, owner: ImportanceOwner) =>
  'insightId' in owner ? `/workspaces/${ws}/insights/${owner.insightId}/evidence` : `/workspaces/${ws}/backlog-items/${owner.backlogItemId}/evidence`;

/**
 * Changes how much linked highlights matter where they are linked (it weighs the backlog score).
 * Pending until the evidence is fetched again, so a control showing the chosen value meanwhile
 * never flicks back to the old one.
 */
export function useChangeEvidenceImportance(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ owner, body }: { owner: ImportanceOwner; body: EvidenceImportanceBody }) =>
      apiRequest(evidencePath(ws, owner), EvidenceChangeSchema, { method: 'PATCH', body: EvidenceImportanceBodySchema.parse(body) }),
    onSuccess: () => invalidateEvidence(queryClient, ws),
  });
}
