import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkHighlightBodySchema, BulkHighlightResultSchema, type BulkHighlightBody } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { refreshCatalog } from '../../../lib/catalog';

export function useBulkTagHighlights(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkHighlightBody) => apiRequest(`/workspaces/${ws}/highlights/bulk`, BulkHighlightResultSchema, { method: 'POST', body: BulkHighlightBodySchema.parse(body) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['highlights', ws] });
      void queryClient.invalidateQueries({ queryKey: ['sources', ws] });
      void queryClient.invalidateQueries({ queryKey: ['tags', ws] });
      void refreshCatalog(queryClient, ws);
    },
  });
}
