import { describe, expect, it } from 'vitest';
import { describeSourceTotal, roundEstimate } from './source-total';

describe('describeSourceTotal', () => {
  it('says an exact total as it is', () => {
    expect(describeSourceTotal({ total: 1_284 })).toBe('1,284 sources');
    expect(describeSourceTotal({ total: 1 })).toBe('1 source');
    expect(describeSourceTotal({ total: 0 })).toBe('0 sources');
  });

  it('says an estimate is one, rounded to two figures', () => {
    expect(describeSourceTotal({ total: 197_933, totalIsEstimate: true })).toBe('About 200,000 sources');
    expect(describeSourceTotal({ total: 48_777, totalIsEstimate: true })).toBe('About 49,000 sources');
    expect(describeSourceTotal({ total: 10_001, totalIsEstimate: true })).toBe('About 10,000 sources');
  });

  it('says nothing for a page without a total (a later page)', () => {
    expect(describeSourceTotal({})).toBeNull();
  });
});

describe('roundEstimate', () => {
  it('keeps two figures, as the Triage queue says "About N left"', () => {
    expect(roundEstimate(197_933)).toBe(200_000);
    expect(roundEstimate(10_049)).toBe(10_000);
    expect(roundEstimate(8)).toBe(8);
  });
});
