import { useQuery } from '@tanstack/react-query';
import { PAGE_SIZE_MAX, SourceSummarySchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { readSourceOrder } from '../../../lib/source-order';

/**
 * The sources before and after this one for `k`/`j`: in the order of the list the person came
 * from when it remembered one, else in the Inbox's order (newest first).
 */
export function useSourceNeighbours(ws: string, id: string) {
  const remembered = readSourceOrder(ws);
  const known = remembered.includes(id);
  const inbox = useQuery({
    queryKey: ['sources', ws, 'list', { order: 'newest', limit: PAGE_SIZE_MAX }],
    // Refetched whenever evidence changes (a highlight made here): the Inbox's count it does not show is left out.
    queryFn: () => apiRequest(`/workspaces/${ws}/sources?limit=${PAGE_SIZE_MAX}&count=false`, pageOf(SourceSummarySchema)),
    enabled: !known,
    staleTime: 60_000,
  });
  const ids = known ? remembered : (inbox.data?.items.map((item) => item.id) ?? []);
  const index = ids.indexOf(id);
  // `listed`: this source is in that list (and the list is loaded), so no next one means the list's end.
  return { previous: index > 0 ? ids[index - 1] : undefined, next: index >= 0 ? ids[index + 1] : undefined, listed: index >= 0 };
}
