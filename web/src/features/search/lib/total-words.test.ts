import { describe, expect, it } from 'vitest';
import { describeTotal } from './total-words';

const estimated = { total: 105, totalIsEstimate: true };

describe('describeTotal', () => {
  it('says an exact total as it is', () => {
    expect(describeTotal({ total: 42, totalIsEstimate: false }, undefined)).toBe('42 results');
    expect(describeTotal({ total: 1, totalIsEstimate: false }, undefined)).toBe('1 result');
  });

  it('marks an estimate "About" until the count is in', () => {
    expect(describeTotal(estimated, undefined)).toBe('About 105 results');
  });

  it('replaces the estimate by the exact count', () => {
    expect(describeTotal(estimated, { total: 363, capped: false })).toBe('363 results');
    expect(describeTotal({ total: 1_200, totalIsEstimate: true }, { total: 1_234, capped: false })).toBe('1,234 results');
  });

  it('says a count that reached the cap is at least that many', () => {
    expect(describeTotal(estimated, { total: 10_000, capped: true })).toBe('10,000+ results');
  });

  it('keeps the estimate when the server gave up counting', () => {
    expect(describeTotal(estimated, { total: null, capped: false })).toBe('About 105 results');
  });

  it('leaves the sources shown as their whole highlights out of an exact number, not out of an estimate', () => {
    expect(describeTotal({ total: 3, totalIsEstimate: false }, undefined, 1)).toBe('2 results');
    expect(describeTotal(estimated, undefined, 1)).toBe('About 105 results');
    expect(describeTotal(estimated, { total: 363, capped: false }, 2)).toBe('361 results');
    expect(describeTotal(estimated, { total: 10_000, capped: true }, 2)).toBe('10,000+ results');
  });
});
