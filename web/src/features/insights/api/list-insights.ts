import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { InsightPageSchema, PAGE_SIZE_MAX, type InsightListItem } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/**
 * Every insight outside the trash, all pages: the tree needs each parent with its children,
 * and its filters keep the ancestors of a match, which a page of matches alone would not
 * hold. A workspace has hundreds of insights, not many thousands.
 */
export async function fetchAllInsights(ws: string, signal?: AbortSignal): Promise<InsightListItem[]> {
  const insights: InsightListItem[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE_MAX) });
    if (cursor) params.set('cursor', cursor);
    const page = await apiRequest(`/workspaces/${ws}/insights?${params}`, InsightPageSchema, { signal });
    insights.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return insights;
}

export const useInsights = (ws: string) => useQuery({ queryKey: ['insights', ws, 'list'], queryFn: ({ signal }) => fetchAllInsights(ws, signal) });

const TRASH_PAGE_SIZE = 50;

/** The trash, most recently trashed first, one page at a time: it is browsed for one thing, not built into a tree. */
export function useTrashedInsights(ws: string) {
  return useInfiniteQuery({
    queryKey: ['insights', ws, 'trash'],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ trash: 'true', limit: String(TRASH_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/insights?${params}`, InsightPageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
