import type { QueryClient } from '@tanstack/react-query';
import { invalidateEvidence } from '../../../lib/evidence';
import { companyKey } from './get-company';

/**
 * After a company was merged away or deleted from its own page: refreshes everything that showed
 * or counted it, and marks the page's own query stale without fetching it. The page, open until it
 * navigates away, would otherwise ask for the company again and get a 404; coming back to it later
 * fetches it and says it is gone.
 */
export function afterCompanyGone(queryClient: QueryClient, ws: string, id: string) {
  const pageKey = companyKey(ws, id);
  void queryClient.invalidateQueries({ queryKey: pageKey, exact: true, refetchType: 'none' });
  return invalidateEvidence(queryClient, ws, { keep: pageKey });
}
