import { withParams } from '../../../lib/url-params';
import { SOURCE_FILTER_KEYS, type SourceFilterChange, type SourceFilterKey, type SourceFilters } from '../api/list-sources';
import { useUrlParams } from '../../../lib/use-url-params';

/**
 * Parameters of links made before a filter was renamed, read as the filter that replaced them:
 * "Untagged only" became "Not triaged yet" (ADR 014), what still waits for someone either way.
 */
const FORMER_KEYS: Array<[former: string, key: SourceFilterKey]> = [['untagged', 'untriaged']];

/** The filters live in the query string, so a filtered list survives a reload and can be shared as a link. */
export function useUrlSourceFilters() {
  const [params, setParams] = useUrlParams();
  const filters: SourceFilters = {};
  for (const key of SOURCE_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  for (const [former, key] of FORMER_KEYS) {
    const value = params.get(former);
    if (value && !filters[key]) filters[key] = value;
  }
  const setFilters = (change: SourceFilterChange) => {
    const next = withParams(params, change);
    for (const [former, key] of FORMER_KEYS) if (key in change) next.delete(former);
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    for (const key of [...SOURCE_FILTER_KEYS, ...FORMER_KEYS.map(([former]) => former)]) next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, setFilters, clearFilters };
}
