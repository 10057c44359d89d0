import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkHighlightBodySchema, BulkHighlightResultSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export type HighlightTagChange = { highlightId: string; addTagId?: string; removeTagId?: string };

/**
 * Adds or takes off one tag of a highlight, leaving its other tags as they are on the server
 * (a teammate may have added one since this page loaded, which a PATCH of every tag would drop):
 * tagging a passage highlighted already, and undoing that. The source is read again after.
 */
export function useChangeHighlightTags(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ highlightId, addTagId, removeTagId }: HighlightTagChange) =>
      apiRequest(`/workspaces/${ws}/highlights/bulk`, BulkHighlightResultSchema, {
        method: 'POST',
        body: BulkHighlightBodySchema.parse({ highlightIds: [highlightId], addTagIds: addTagId ? [addTagId] : undefined, removeTagIds: removeTagId ? [removeTagId] : undefined }),
      }),
    onSuccess: () => invalidateEvidence(queryClient, ws),
  });
}
