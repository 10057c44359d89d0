import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { invalidateEvidence } from '../../../lib/evidence';

/**
 * After a problem or backlog item went to the trash from its own page: refreshes everything
 * else, and forgets the page's query (`pageKey`) once the page has let go of it. Refetching or
 * dropping it sooner would make the page, still open until it navigates away, ask for it again
 * and get a 404; keeping it would show it as live on the way back.
 */
export function afterTrash(queryClient: QueryClient, ws: string, pageKey: QueryKey) {
  void queryClient.cancelQueries({ queryKey: pageKey, exact: true });
  void invalidateEvidence(queryClient, ws, { keep: pageKey });
  const cache = queryClient.getQueryCache();
  const query = cache.find({ queryKey: pageKey, exact: true });
  if (!query?.getObserversCount()) {
    queryClient.removeQueries({ queryKey: pageKey, exact: true });
    return;
  }
  const unsubscribe = cache.subscribe((event) => {
    if (event.query !== query || event.type !== 'observerRemoved' || query.getObserversCount()) return;
    unsubscribe();
    cache.remove(query);
  });
}
