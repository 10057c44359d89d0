import { describe, expect, it } from 'vitest';
import type { EvidenceCustomer } from '@cairn/shared';
import { segmentShares } from './segments';

let next = 0;
/** A customer at a company of `segment` (undefined: no company at all). */
function customer(segment: string | null | undefined): EvidenceCustomer {
  next++;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
  return { id, name: `Customer ${next}`, email: null, externalId: null, highlightCount: 1, company: segment === undefined ? null : { id, name: `Company ${next}`, segment } };
}

describe('segmentShares', () => {
  it('counts customers by segment, the largest first and equals by name, those of no known segment last', () => {
    const customers = [customer('SMB'), customer('Enterprise'), customer('Mid-market'), customer('SMB'), customer(null), customer(undefined), customer('Enterprise')];
    expect(segmentShares(customers)).toEqual([
      { label: 'Enterprise', customers: 2, slot: 0 },
      { label: 'SMB', customers: 2, slot: 1 },
      { label: 'Mid-market', customers: 1, slot: 2 },
      { label: 'No segment', customers: 2, slot: 'none' },
    ]);
  });

  it('names the four largest segments and adds up the rest', () => {
    const customers = ['A', 'A', 'A', 'B', 'B', 'C', 'C', 'D', 'E', 'F', ' '].map(customer);
    expect(segmentShares(customers)).toEqual([
      { label: 'A', customers: 3, slot: 0 },
      { label: 'B', customers: 2, slot: 1 },
      { label: 'C', customers: 2, slot: 2 },
      { label: 'D', customers: 1, slot: 3 },
      { label: 'Other segments', customers: 2, slot: 'other' },
      { label: 'No segment', customers: 1, slot: 'none' },
    ]);
  });

  it('has nothing to show without customers', () => {
    expect(segmentShares([])).toEqual([]);
  });
});
