import { countOf, type SourcePage } from '@cairn/shared';

/** An estimated count rounded to what an estimate can claim, two figures: 197,933 → 200,000. */
export function roundEstimate(count: number): number {
  return Number(count.toPrecision(2));
}

/**
 * How many sources a list matches, from its first page: "1,284 sources", or past the count's cap
 * the server's estimate, rounded to what an estimate can claim: "About 200,000 sources".
 */
export function describeSourceTotal(page: Pick<SourcePage, 'total' | 'totalIsEstimate'>): string | null {
  if (page.total === undefined) return null;
  if (!page.totalIsEstimate) return countOf(page.total, 'source');
  return `About ${countOf(roundEstimate(page.total), 'source')}`;
}
