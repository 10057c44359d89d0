import { useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ImportSchema, ImportSummarySchema, type Import, type ImportSummary, type Page } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { invalidateEvidence } from '../../../lib/evidence';
import { importHistoryKey, importsKey } from './list-imports';

/** How often a running import is polled for progress. */
const POLL_MS = 500;

export const importKey = (ws: string, id: string) => [...importsKey(ws), id] as const;

export const getImport = (ws: string, id: string) => apiRequest(`/workspaces/${ws}/imports/${id}`, ImportSchema);

export const isRunning = (item: Pick<Import, 'status'>) => item.status === 'queued' || item.status === 'running';

/**
 * Copies a polled import into the history's cached pages, so its row says what the report above
 * it says (the history itself refreshes only every few seconds).
 */
function showInHistory(queryClient: QueryClient, ws: string, item: Import) {
  const summary = ImportSummarySchema.parse(item);
  queryClient.setQueryData<InfiniteData<Page<ImportSummary>>>(importHistoryKey(ws), (history) =>
    history && { ...history, pages: history.pages.map((page) => ({ ...page, items: page.items.map((row) => (row.id === summary.id ? summary : row)) })) },
  );
}

/**
 * One import, polled while it runs (each answer also updates its history row); when it ends,
 * the lists it changed (sources, customers, tags from a tags column) are refreshed.
 */
export function useImport(ws: string, id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKey(ws, id),
    queryFn: () => getImport(ws, id),
    refetchInterval: ({ state }) => (state.error || (state.data && !isRunning(state.data)) ? false : POLL_MS),
  });
  useEffect(() => {
    if (query.data) showInHistory(queryClient, ws, query.data);
  }, [query.data, queryClient, ws]);
  // Invalidating marks cached lists stale; only those on screen refetch, so once per view is cheap.
  const finished = query.data !== undefined && !isRunning(query.data);
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: importHistoryKey(ws) });
    void invalidateEvidence(queryClient, ws);
  }, [finished, queryClient, ws]);
  return query;
}

/** rejected.csv is downloaded by the browser itself (a link), with the session cookie. */
export const rejectedRowsUrl = (ws: string, id: string) => `/api/workspaces/${ws}/imports/${id}/rejected.csv`;
