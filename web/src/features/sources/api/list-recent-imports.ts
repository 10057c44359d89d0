import { useQuery } from '@tanstack/react-query';
import { ImportSummarySchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const RECENT_IMPORTS = 50;

/** The latest imports, to filter the Inbox by the file a source came from. */
export function useRecentImports(ws: string) {
  return useQuery({
    queryKey: ['imports', ws, 'recent', RECENT_IMPORTS],
    queryFn: () => apiRequest(`/workspaces/${ws}/imports?limit=${RECENT_IMPORTS}`, pageOf(ImportSummarySchema)),
    staleTime: 60_000,
  });
}
