import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkHighlightBodySchema, BulkHighlightResultSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import type { ResultsTagged } from './tag-results';

/**
 * Undoes a bulk tagging from Search: the tag comes off the highlights that got it from that
 * tagging (`POST …/highlights/bulk`), no others. The highlights it made for source results stay,
 * untagged: taking them back as well would be one delete each, with no check that nobody linked
 * or annotated one meanwhile (Triage's undo makes that check on the server, for its own runs).
 */
export function useUntagResults(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tagId, taggedIds }: Pick<ResultsTagged, 'tagId' | 'taggedIds'>) =>
      apiRequest(`/workspaces/${ws}/highlights/bulk`, BulkHighlightResultSchema, {
        method: 'POST',
        body: BulkHighlightBodySchema.parse({ highlightIds: taggedIds, removeTagIds: [tagId] }),
      }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
