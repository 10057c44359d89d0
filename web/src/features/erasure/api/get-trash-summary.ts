import { useQuery } from '@tanstack/react-query';
import { TrashSummarySchema, type TrashSummary } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** How often the trash is asked again while a purge runs, for its progress. */
const POLL_MS = 500;

export const trashKey = (ws: string) => ['trash', ws] as const;

/** What each trash holds, how long it keeps things, and the purge under way, polled while there is one. */
export function useTrashSummary(ws: string) {
  return useQuery({
    queryKey: trashKey(ws),
    queryFn: ({ signal }) => apiRequest(`/workspaces/${ws}/trash`, TrashSummarySchema, { signal }),
    refetchInterval: ({ state }) => (state.data?.purge ? POLL_MS : false),
  });
}

export const isPurging = (summary: TrashSummary | undefined) => Boolean(summary?.purge);
