import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ImportSummarySchema, pageOf, type ImportSummary } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const HISTORY_PAGE_SIZE = 25;
/** While an import in view is still running, the history refreshes this often. */
const LIVE_REFRESH_MS = 2_000;

export const importsKey = (ws: string) => ['imports', ws] as const;
export const importHistoryKey = (ws: string) => [...importsKey(ws), 'list'] as const;

export const listImports = (ws: string, cursor: string | null) => {
  const params = new URLSearchParams({ limit: String(HISTORY_PAGE_SIZE), ...(cursor ? { cursor } : {}) });
  return apiRequest(`/workspaces/${ws}/imports?${params}`, pageOf(ImportSummarySchema));
};

/** The import history, newest first, page by page. */
export function useImports(ws: string) {
  return useInfiniteQuery({
    queryKey: importHistoryKey(ws),
    queryFn: ({ pageParam }) => listImports(ws, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((item) => item.status === 'queued' || item.status === 'running')) ? LIVE_REFRESH_MS : false,
  });
}

/**
 * The imports of the same file (name and format) before `item` that wrote sources, newest first,
 * from the latest page of the history: a re-import leaves unchanged sources with the import that
 * last wrote them, so these are where they are. `enabled: false` asks nothing.
 */
export function useEarlierImportsOf(ws: string, item: ImportSummary, enabled: boolean) {
  return useQuery({
    queryKey: [...importsKey(ws), 'earlier', item.id],
    queryFn: () => listImports(ws, null),
    enabled,
    select: (page) =>
      page.items.filter(
        (other) => other.id !== item.id && other.fileName === item.fileName && other.format === item.format && other.createdAt < item.createdAt && other.counts.created + other.counts.updated > 0,
      ),
  });
}
