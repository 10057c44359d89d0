import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UndoTagSourcesWholeBodySchema, UndoTagSourcesWholeResultSchema, type TagSourcesWholeRun } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

/**
 * Takes back one "Tag all" (`POST …/sources/tag-whole/undo` with the run it answered): the
 * highlights it made go to the trash, the tags it added come off, and its tickets wait in the queue
 * again. Refreshes what the run refreshed.
 */
export function useUndoTagSourcesWhole(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: TagSourcesWholeRun) =>
      apiRequest(`/workspaces/${ws}/sources/tag-whole/undo`, UndoTagSourcesWholeResultSchema, { method: 'POST', body: UndoTagSourcesWholeBodySchema.parse(run) }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['triage', ws] }), invalidateEvidence(queryClient, ws)]),
  });
}
