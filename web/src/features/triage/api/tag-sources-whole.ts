import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TagSourcesWholeBodySchema, TagSourcesWholeResultSchema, type TagSourcesWholeBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/**
 * Tags every source the filters match as a whole, at once (`POST …/sources/tag-whole`); the answer's
 * `run` is what `undoTagSourcesWhole` takes back. The queue and its helpdesk tag counts
 * (`['triage', ws]`) are fetched again, as is everything that shows evidence.
 */
export function useTagSourcesWhole(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TagSourcesWholeBody) => apiRequest(`/workspaces/${ws}/sources/tag-whole`, TagSourcesWholeResultSchema, { method: 'POST', body: TagSourcesWholeBodySchema.parse(body) }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['triage', ws] }), invalidateEvidence(queryClient, ws)]),
  });
}
