import { describe, expect, it } from 'vitest';
import { formatShare, sizeBars } from './sizes';

describe('sizeBars', () => {
  const clusters = [
    { id: 'a', label: 'Card arrival', size: 60 },
    { id: 'b', label: 'Exchange rates', size: 30 },
    { id: 'c', label: 'Top-ups', size: 0 },
  ];

  it('scales the bars to the largest cluster, and shares to every text read', () => {
    expect(sizeBars(clusters, 120).map(({ width, share }) => [width, share])).toEqual([
      [100, 50],
      [50, 25],
      [0, 0],
    ]);
  });

  it('shares out the clustered texts when the run did not say how many it read', () => {
    expect(sizeBars(clusters, null)[0]!.share).toBeCloseTo(66.67, 1);
  });

  it('draws nothing for a run without members', () => {
    expect(sizeBars([{ id: 'a', label: 'Empty', size: 0 }], 0)).toEqual([{ id: 'a', label: 'Empty', size: 0, width: 0, share: 0 }]);
  });
});

describe('formatShare', () => {
  it('rounds, and never calls a member or two 0%', () => {
    expect(formatShare(49.6)).toBe('50%');
    expect(formatShare(0.4)).toBe('<1%');
    expect(formatShare(0)).toBe('0%');
  });
});
