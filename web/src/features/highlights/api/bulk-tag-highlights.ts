import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkHighlightBodySchema, BulkHighlightResultSchema, type BulkHighlightBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';

export function useBulkTagHighlights(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkHighlightBody) => apiRequest(`/workspaces/${ws}/highlights/bulk`, BulkHighlightResultSchema, { method: 'POST', body: BulkHighlightBodySchema.parse(body) }),
    onSuccess: () => void invalidateEvidence(queryClient, ws),
  });
}
