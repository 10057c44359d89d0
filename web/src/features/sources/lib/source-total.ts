import { countOf, type SourcePage } from '@cairn/shared';

/**
 * How many sources a list matches, from its first page: "1,284 sources", or past the count's cap
 * the server's estimate, rounded to what an estimate can claim: "About 200,000 sources".
 */
export function describeSourceTotal(page: Pick<SourcePage, 'total' | 'totalIsEstimate'>): string | null {
  if (page.total === undefined) return null;
  if (!page.totalIsEstimate) return countOf(page.total, 'source');
  return `About ${countOf(Number(page.total.toPrecision(2)), 'source')}`;
}
