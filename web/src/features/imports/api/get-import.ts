import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ImportSchema, type Import } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import { importsKey } from './list-imports';

/** How often a running import is polled for progress. */
const POLL_MS = 500;

export const importKey = (ws: string, id: string) => [...importsKey(ws), id] as const;

export const getImport = (ws: string, id: string) => apiRequest(`/workspaces/${ws}/imports/${id}`, ImportSchema);

export const isRunning = (item: Pick<Import, 'status'>) => item.status === 'queued' || item.status === 'running';

/** One import, polled while it runs; when it ends, the lists it changed (sources, customers, tags from a tags column) are refreshed. */
export function useImport(ws: string, id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKey(ws, id),
    queryFn: () => getImport(ws, id),
    refetchInterval: ({ state }) => (state.error || (state.data && !isRunning(state.data)) ? false : POLL_MS),
  });
  // Invalidating marks cached lists stale; only those on screen refetch, so once per view is cheap.
  const finished = query.data !== undefined && !isRunning(query.data);
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: [...importsKey(ws), 'list'] });
    void invalidateEvidence(queryClient, ws);
  }, [finished, queryClient, ws]);
  return query;
}

/** rejected.csv is downloaded by the browser itself (a link), with the session cookie. */
export const rejectedRowsUrl = (ws: string, id: string) => `/api/workspaces/${ws}/imports/${id}/rejected.csv`;
