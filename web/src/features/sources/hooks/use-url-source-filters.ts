import { useSearchParams } from 'react-router';
import { SOURCE_FILTER_KEYS, type SourceFilterChange, type SourceFilters } from '../api/list-sources';

/** The filters live in the query string, so a filtered list survives a reload and can be shared as a link. */
export function useUrlSourceFilters() {
  const [params, setParams] = useSearchParams();
  const filters: SourceFilters = {};
  for (const key of SOURCE_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  // One URL update for the whole change: two in a row would each start from the same old params.
  const setFilters = (change: SourceFilterChange) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    for (const key of SOURCE_FILTER_KEYS) next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, setFilters, clearFilters };
}
