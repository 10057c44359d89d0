import { useUrlParams } from '../../../lib/use-url-params';

/**
 * A list's order, held in the URL (`?sort=`) so that a sorted list can be bookmarked and shared:
 * `fallback` when the URL names none (or one the list does not know), and left out of it when chosen.
 */
export function useUrlSort<Sort extends string>(sorts: readonly Sort[], fallback: Sort): [Sort, (next: Sort) => void] {
  const [params, setParams] = useUrlParams();
  const named = params.get('sort');
  const sort = sorts.find((option) => option === named) ?? fallback;
  const setSort = (next: Sort) => {
    const nextParams = new URLSearchParams(params);
    if (next === fallback) nextParams.delete('sort');
    else nextParams.set('sort', next);
    setParams(nextParams, { replace: true });
  };
  return [sort, setSort];
}
