import { highlightFilterParams, type HighlightFilters } from './list-highlights';

/** Where the browser downloads every highlight the filters match as CSV (the session cookie goes with a plain link). */
export function highlightsCsvUrl(ws: string, filters: HighlightFilters): string {
  const query = highlightFilterParams(filters).toString();
  return `/api/workspaces/${ws}/highlights.csv${query ? `?${query}` : ''}`;
}
