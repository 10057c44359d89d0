import { useInfiniteQuery } from '@tanstack/react-query';
import { SearchResponseSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** The Search page's params for these words among highlights: the same key, so either fills the other's cache and evidence changes refresh both. */
const searchParams = (q: string) => new URLSearchParams({ q, type: 'highlight' });

export const highlightSearchKey = (ws: string, q: string) => ['search', ws, searchParams(q).toString()] as const;

/**
 * Highlights found by their words through search (`GET …/search?type=highlight`): best match
 * first, word forms and typos forgiven ("did you mean"), one page at a time. Not `enabled` without words.
 */
export function useHighlightSearch(ws: string, q: string) {
  return useInfiniteQuery({
    queryKey: highlightSearchKey(ws, q),
    queryFn: ({ pageParam, signal }) => {
      const params = searchParams(q);
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest(`/workspaces/${ws}/search?${params}`, SearchResponseSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q.length > 0,
    staleTime: 10_000,
  });
}
