import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SampleDataRemovalSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Like loading it, removing the sample touches sources, customers, imports and search alike: every cached query is stale after it. */
export function useRemoveSampleData(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/workspaces/${ws}/sample-data`, SampleDataRemovalSchema, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
