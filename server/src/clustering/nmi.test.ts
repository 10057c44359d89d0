import { describe, expect, it } from 'vitest';
import { normalizedMutualInformation } from './nmi.js';

describe('normalizedMutualInformation', () => {
  it('is 1 for identical labelings, whatever the names of the groups', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
    expect(normalizedMutualInformation(['a', 'a', 'b', 'b', 'c'], [7, 7, 3, 3, 5])).toBeCloseTo(1, 12);
  });

  it('is 0 for independent labelings', () => {
    const items = Array.from({ length: 4_000 }, (_, i) => i);
    expect(normalizedMutualInformation(items.map((i) => i % 2), items.map((i) => Math.floor(i / 2) % 2))).toBeCloseTo(0, 12);
    expect(normalizedMutualInformation([0, 0, 1, 1], [5, 5, 5, 5])).toBe(0);
  });

  it('matches scikit-learn (arithmetic mean of the entropies)', () => {
    // normalized_mutual_info_score([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]): MI = (2/3)·ln 2, H = ln 2 and ln 3.
    expect(normalizedMutualInformation([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.5158037429793889, 12);
    expect(normalizedMutualInformation([0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 1])).toBeCloseTo(0.5158037429793889, 12);
  });

  it('agrees perfectly when both labelings put everything in one group, as scikit-learn does', () => {
    expect(normalizedMutualInformation([3, 3, 3], ['x', 'x', 'x'])).toBe(1);
    expect(normalizedMutualInformation([], [])).toBe(1);
  });

  it('refuses labelings of different lengths', () => {
    expect(() => normalizedMutualInformation([0, 1], [0])).toThrow(RangeError);
  });
});
