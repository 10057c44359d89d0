import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TagSourcesWholeBodySchema, TagSourcesWholeResultSchema, type TagSourcesWholeBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/** Every run of one workspace, so that a button mounted while one runs (the page left and opened again) knows of it. */
export const tagSourcesWholeKey = (ws: string) => ['triage', ws, 'tag-whole'] as const;

/**
 * Tags every source the filters match as a whole, at once (`POST …/sources/tag-whole`); the answer's
 * `run` is what `undoTagSourcesWhole` takes back. The queue and its helpdesk tag counts
 * (`['triage', ws]`) are fetched again, as is everything that shows evidence.
 */
export function useTagSourcesWhole(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: tagSourcesWholeKey(ws),
    mutationFn: (body: TagSourcesWholeBody) => apiRequest(`/workspaces/${ws}/sources/tag-whole`, TagSourcesWholeResultSchema, { method: 'POST', body: TagSourcesWholeBodySchema.parse(body) }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['triage', ws] }), invalidateEvidence(queryClient, ws)]),
  });
}
