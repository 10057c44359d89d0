import type { EvidenceCustomer } from '@cairn/shared';

/** How many distinct companies the customers behind some evidence are at. */
export const companyCount = (customers: readonly EvidenceCustomer[]) => new Set(customers.flatMap((customer) => (customer.company ? [customer.company.id] : []))).size;

/** Segments named one by one; the rest are added up, so that the bar and its legend stay readable. */
export const NAMED_SEGMENTS_MAX = 4;

/** One slice of the bar: `slot` picks its colour (0 to NAMED_SEGMENTS_MAX - 1 for named segments, then "other", then "none"). */
export type SegmentShare = { label: string; customers: number; slot: number | 'other' | 'none' };

/**
 * The customers behind some evidence by their company's segment: the largest segments first (by
 * name among equals), then the others added up, then those whose segment is not known (no
 * company, or a company without a segment), which are evidence all the same.
 */
export function segmentShares(customers: readonly EvidenceCustomer[]): SegmentShare[] {
  const bySegment = new Map<string, number>();
  let unknown = 0;
  for (const customer of customers) {
    const segment = customer.company?.segment?.trim();
    if (segment) bySegment.set(segment, (bySegment.get(segment) ?? 0) + 1);
    else unknown++;
  }
  const ranked = [...bySegment].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  const named = ranked.slice(0, NAMED_SEGMENTS_MAX);
  const shares: SegmentShare[] = named.map(([label, count], slot) => ({ label, customers: count, slot }));
  const others = ranked.slice(named.length).reduce((sum, [, count]) => sum + count, 0);
  if (others) shares.push({ label: 'Other segments', customers: others, slot: 'other' });
  if (unknown) shares.push({ label: 'No segment', customers: unknown, slot: 'none' });
  return shares;
}
