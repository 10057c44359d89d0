import { readTriageFilters, writeTriageFilters, type TriageFilters } from '../lib/triage-filters';
import { useUrlParams } from '../../../lib/use-url-params';

/** The queue's filters live in the query string, as the Inbox's do: a reload or a shared link shows the same queue. */
export function useTriageFilters() {
  const [params, setParams] = useUrlParams();
  const filters = readTriageFilters(params);
  // One URL update for the whole change, replacing the entry: filtering is not a page to go back to. React
  // Router hands the update the params of the render that made it: what changes them later (a Tag all
  // that ends) calls the setFilters of the render on screen then, or changes back what was chosen since.
  const setFilters = (change: Partial<TriageFilters>) => setParams((current) => writeTriageFilters(current, { ...readTriageFilters(current), ...change }), { replace: true });
  return { filters, setFilters };
}
