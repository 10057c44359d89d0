import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { HIGHLIGHT_IDS_MAX, HighlightListItemSchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export type HighlightFilters = Partial<
  Record<'tagId' | 'insightId' | 'backlogItemId' | 'evidenceOfBacklogItemId' | 'importance' | 'sourceKind' | 'customerId' | 'companyId' | 'segment' | 'from' | 'to' | 'q' | 'trash', string>
> & {
  /** A selection, up to HIGHLIGHT_IDS_MAX: sent as `ids` repeated. */
  ids?: readonly string[];
};

/** The filters as a query string, the ones left empty left out. */
export function highlightFilterParams(filters: HighlightFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'object') for (const item of value) params.append(key, item);
    else if (value) params.set(key, value);
  }
  return params;
}

const PAGE_SIZE = 50;
/** Ids asked about at once: a list page of them, within what the `ids` filter takes. */
const IDS_PER_ASK = Math.min(PAGE_SIZE, HIGHLIGHT_IDS_MAX);

/** One page of the highlights that match `filters`, from `cursor`. */
function fetchHighlightsPage(ws: string, filters: HighlightFilters, cursor: string | null, limit = PAGE_SIZE) {
  const params = highlightFilterParams(filters);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema));
}

/**
 * Newest first (the trash, `trash: 'true'`: most recently trashed first), one page at a time
 * ("Load more"); the first page carries the total. Not `enabled` while the date range is reversed
 * (it matches nothing: the fields say so).
 */
export function useHighlights(ws: string, filters: HighlightFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['highlights', ws, filters],
    queryFn: ({ pageParam }) => fetchHighlightsPage(ws, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

/**
 * Which of `ids` (highlights on screen) also match `filters`: `{ insightId }` tells which are
 * evidence of that problem already. Asked a list page of ids at a time, so that each answer is one
 * bounded request however much is linked, and the pages already asked stay cached as more load.
 */
export function useHighlightIdsMatching(ws: string, filters: HighlightFilters, ids: readonly string[]): ReadonlySet<string> {
  const chunks: string[][] = [];
  for (let at = 0; at < ids.length; at += IDS_PER_ASK) chunks.push(ids.slice(at, at + IDS_PER_ASK));
  return useQueries({
    queries: chunks.map((chunk) => ({
      queryKey: ['highlights', ws, 'matching', { ...filters, ids: chunk }],
      queryFn: () => fetchHighlightsPage(ws, { ...filters, ids: chunk }, null, chunk.length),
      select: (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id),
    })),
    combine: (results) => new Set(results.flatMap((result) => result.data ?? [])),
  });
}
