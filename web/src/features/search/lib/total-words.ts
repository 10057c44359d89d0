import { countOf, type SearchCount, type SearchResponse } from '@cairn/shared';

/**
 * The results header: the first page's total ("About 105 results" when it is an estimate), or,
 * once the exact count is in, that count ("363 results", "10,000+ results" past the cap). A
 * count the server gave up on (`total: null`) leaves the estimate. An exact number leaves out
 * the `folded` sources (`foldWholeHighlights`), which the list shows as their highlights.
 */
export function describeTotal(page: Pick<SearchResponse, 'total' | 'totalIsEstimate'>, count: SearchCount | undefined, folded = 0): string {
  if (!page.totalIsEstimate) return countOf(page.total - folded, 'result');
  if (count?.total == null) return `About ${countOf(page.total, 'result')}`;
  return count.capped ? `${count.total.toLocaleString('en')}+ results` : countOf(count.total - folded, 'result');
}
