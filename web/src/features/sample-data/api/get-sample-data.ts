import { useQuery } from '@tanstack/react-query';
import { SampleDataStatusSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const sampleDataKey = (ws: string) => ['sample-data', ws] as const;

/** Whether the sample data is here, what loading it adds, and what removing it would delete and keep. */
export function useSampleData(ws: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: sampleDataKey(ws),
    queryFn: ({ signal }) => apiRequest(`/workspaces/${ws}/sample-data`, SampleDataStatusSchema, { signal }),
    enabled,
  });
}
