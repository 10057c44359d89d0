import { useSearchParams } from 'react-router';
import { SOURCE_FILTER_KEYS, type SourceFilterKey, type SourceFilters } from '../api/list-sources';

/** The filters live in the query string, so a filtered list survives a reload and can be shared as a link. */
export function useUrlSourceFilters() {
  const [params, setParams] = useSearchParams();
  const filters: SourceFilters = {};
  for (const key of SOURCE_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const setFilter = (key: SourceFilterKey, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    for (const key of SOURCE_FILTER_KEYS) next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, setFilter, clearFilters };
}
