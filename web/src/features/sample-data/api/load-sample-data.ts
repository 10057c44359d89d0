import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SampleDataResultSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Sample data touches sources, customers, imports and search alike: every cached query is stale after it. */
export function useLoadSampleData(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/workspaces/${ws}/sample-data`, SampleDataResultSchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
