import { useQuery } from '@tanstack/react-query';
import { PurgeSchema, type Purge } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** How often a purge this page started is polled for its progress. */
const POLL_MS = 500;

export const isRunning = (purge: Purge) => purge.status === 'queued' || purge.status === 'running';

/** A purge, polled while it runs; `id` null asks nothing. */
export function usePurge(ws: string, id: string | null) {
  return useQuery({
    queryKey: ['trash', ws, 'purges', id],
    queryFn: ({ signal }) => apiRequest(`/workspaces/${ws}/purges/${id}`, PurgeSchema, { signal }),
    enabled: id !== null,
    refetchInterval: ({ state }) => (state.error || (state.data && !isRunning(state.data)) ? false : POLL_MS),
  });
}
