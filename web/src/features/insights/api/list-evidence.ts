import { useInfiniteQuery } from '@tanstack/react-query';
import { HighlightListItemSchema, pageOf, type EvidenceImportance } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

const PAGE_SIZE = 20;

/** Whose evidence: an insight's, or all a backlog item's (its own and its insights', as its score counts it; each item then says how it arrives). */
export type EvidenceOwner = { insightId: string } | { evidenceOfBacklogItemId: string };

/**
 * The evidence of an insight or a backlog item, newest first, one page at a time; the first page
 * carries the total. With `importance`, only the quotes that matter that much there (for a
 * backlog item, as its score weighs them).
 */
export function useEvidence(ws: string, owner: EvidenceOwner, importance?: EvidenceImportance) {
  return useInfiniteQuery({
    queryKey: ['highlights', ws, owner, importance ?? null],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ ...owner, limit: String(PAGE_SIZE) });
      if (importance) params.set('importance', importance);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/highlights?${params}`, pageOf(HighlightListItemSchema), { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
