import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { SourcePageSchema, type DateRangeQuery, type SourceKind, type SourcePage } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Short sources worth tagging as a whole. */
export const TRIAGE_KINDS = ['ticket', 'survey_response'] as const satisfies readonly SourceKind[];

/** Small, so the first item shows fast; the queue fetches the next page while a few are still waiting. */
export const TRIAGE_PAGE_SIZE = 50;

/** The date range as the API takes it (`from`/`to`, days as they are: ADR 008), without the bounds left out. */
export function dateRangeParams(range: DateRangeQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(range).filter(([, value]) => value)) as Record<string, string>;
}

/** The key of one queue (its kinds, helpdesk tag and dates), under `['triage', ws]`. */
export const untriagedSourcesKey = (ws: string, kinds: readonly SourceKind[], helpdeskTag: string | null, range: DateRangeQuery) => ['triage', ws, { kinds, helpdeskTag, ...range }] as const;

/** What a queue's cache holds: its pages as fetched. */
export type UntriagedSources = InfiniteData<SourcePage, string | null>;

/**
 * The queue: tickets and survey answers nobody has triaged (no tag, and not linked to a problem
 * or backlog item: `untriaged=true`), oldest first, page by page, narrowed to one helpdesk tag
 * and to a date range when chosen; the first page carries how many there are in all. Its key is outside
 * `['sources', ws]` on purpose: every tag or link applied would otherwise fetch each page again
 * under the person working through them (the queue itself keeps track of what was tagged,
 * linked, skipped and undone). Each visit starts afresh. Not `enabled` while the range is reversed
 * (it matches nothing: the fields say so).
 */
export function useUntriagedSources(ws: string, kinds: readonly SourceKind[], helpdeskTag: string | null, range: DateRangeQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: untriagedSourcesKey(ws, kinds, helpdeskTag, range),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ untriaged: 'true', order: 'oldest', kind: kinds.join(','), limit: String(TRIAGE_PAGE_SIZE), ...dateRangeParams(range) });
      if (helpdeskTag) params.set('helpdeskTag', helpdeskTag);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/sources?${params}`, SourcePageSchema);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}
