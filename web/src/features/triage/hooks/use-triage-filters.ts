import { readTriageFilters, writeTriageFilters, type TriageFilters } from '../lib/triage-filters';
import { useUrlParams } from '../../../lib/use-url-params';

/** The queue's filters live in the query string, as the Inbox's do: a reload or a shared link shows the same queue. */
export function useTriageFilters() {
  const [params, setParams] = useUrlParams();
  const filters = readTriageFilters(params);
  // One URL update for the whole change, replacing the entry: filtering is not a page to go back to. Read
  // from the URL as it is then, not as this render saw it: a run that ends later changes it after others.
  const setFilters = (change: Partial<TriageFilters>) => setParams((current) => writeTriageFilters(current, { ...readTriageFilters(current), ...change }), { replace: true });
  return { filters, setFilters };
}
