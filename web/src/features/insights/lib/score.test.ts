import type { EvidenceScore } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { SCORE_RULE } from '../components/score';
import { describeScore, describeWeights, formatEvidenceAge, formatScore, scoreParts } from './score';

type Counts = Omit<EvidenceScore, 'total' | 'lastEvidenceAt' | 'points'> & { lastEvidenceAt?: string | null };

/** A score as the server sends it: customers + 2 × companies + 3 × log10(1 + revenue / 10 000) + recent / 2, with each term's points. */
function score(counts: Counts): EvidenceScore {
  const points = { customers: counts.customers, companies: 2 * counts.companies, revenue: 3 * Math.log10(1 + counts.revenue / 10_000), recency: counts.recentHighlights / 2 };
  const total = points.customers + points.companies + points.revenue + points.recency;
  return { lastEvidenceAt: null, ...counts, points, total: Math.round(total * 10) / 10 };
}

describe('scoreParts', () => {
  it('names the four parts of the total with the points the server gave each', () => {
    const value = score({ customers: 4, companies: 3, revenue: 990_000, highlights: 12, recentHighlights: 5 });
    const parts = scoreParts(value);
    expect(parts.map((part) => part.key)).toEqual(['customers', 'companies', 'revenue', 'recency']);
    expect(parts.map((part) => Math.round(part.points * 10) / 10)).toEqual([4, 6, 6, 2.5]);
    expect(parts.map((part) => part.label)).toEqual(['4 customers', '3 companies', '990K yearly revenue', '5 highlights in the last 90 days']);
  });

  it('gives every part zero points when there is no evidence', () => {
    expect(scoreParts(score({ customers: 0, companies: 0, revenue: 0, highlights: 0, recentHighlights: 0 })).map((part) => part.points)).toEqual([0, 0, 0, 0]);
  });
});

describe('where importance weighed the score', () => {
  /** `score`, with the points of some parts as the server weighed them. */
  const weighed = (counts: Counts, points: Partial<EvidenceScore['points']>): EvidenceScore => {
    const plain = score(counts);
    const all = { ...plain.points, ...points };
    return { ...plain, points: all, total: Math.round((all.customers + all.companies + all.revenue + all.recency) * 10) / 10 };
  };
  const counts = { customers: 2, companies: 1, revenue: 90_000, highlights: 3, recentHighlights: 2 };

  it('says nothing of importance when every link is important: each part is its plain count', () => {
    const value = score(counts);
    expect(scoreParts(value).map((part) => [part.label, part.weighed])).toEqual([
      ['2 customers', false],
      ['1 company', false],
      ['90K yearly revenue', false],
      ['2 highlights in the last 90 days', false],
    ]);
    expect(describeWeights(value)).toBeNull();
  });

  it('marks the parts whose points the weights moved, and the parts still add up to the total', () => {
    // One customer critical (2) and one nice to have (0.5); their company at critical, its revenue doubled; the recent quotes 2 + 0.5.
    const value = weighed(counts, { customers: 2.5, companies: 4, revenue: 3 * Math.log10(1 + 180_000 / 10_000), recency: 1.25 });
    const parts = scoreParts(value);
    expect(parts.map((part) => part.label)).toEqual([
      '2 customers, weighed by importance',
      '1 company, weighed by importance',
      '90K yearly revenue, weighed by importance',
      '2 highlights in the last 90 days, weighed by importance',
    ]);
    expect(parts.reduce((sum, part) => sum + part.points, 0)).toBeCloseTo(value.total, 1);
    expect(describeWeights(value)).toBe(
      'Weighed by importance: critical evidence counts twice as much as important, nice to have half as much. Each customer and company counts at their most important evidence, each recent highlight at its own.',
    );
  });

  it('marks only the parts the weights moved', () => {
    // Two critical quotes of two customers at no company, said long ago: only the customers weigh more.
    const value = weighed({ customers: 2, companies: 0, revenue: 0, highlights: 2, recentHighlights: 0 }, { customers: 4 });
    expect(scoreParts(value).filter((part) => part.weighed).map((part) => part.key)).toEqual(['customers']);
    expect(describeWeights(value)).not.toBeNull();
  });
});

describe('formatting a score', () => {
  it('shows one decimal', () => {
    expect(formatScore(12)).toMatch(/^12[.,]0$/);
    expect(formatScore(3.14159)).toMatch(/^3[.,]1$/);
  });

  it('says who is behind the item, what they are worth and how recent it is', () => {
    const text = describeScore(score({ customers: 1, companies: 1, revenue: 1_200_000, highlights: 3, recentHighlights: 1, lastEvidenceAt: '2024-05-01T12:00:00.000Z' }));
    expect(text).toMatch(/^1 customer at 1 company, 1\.2M yearly revenue, 3 highlights \(1 in the last 90 days\); the newest said on .+2024\.$/);
  });

  it('leaves companies and revenue out when none is known, and says when there is no evidence', () => {
    expect(describeScore(score({ customers: 2, companies: 0, revenue: 0, highlights: 2, recentHighlights: 0 }))).toBe('2 customers, 2 highlights (0 in the last 90 days).');
    expect(describeScore(score({ customers: 0, companies: 0, revenue: 0, highlights: 0, recentHighlights: 0 }))).toMatch(/^No evidence yet/);
  });
});

describe('formatEvidenceAge', () => {
  const NOW = Date.parse('2025-06-30T12:00:00.000Z');
  const ago = (hours: number) => new Date(NOW - hours * 60 * 60 * 1000).toISOString();

  it('says the age in whole days, then weeks, months and years', () => {
    expect([ago(1), ago(25), ago(3 * 24 + 5), ago(13 * 24), ago(40 * 24), ago(400 * 24)].map((at) => formatEvidenceAge(at, NOW))).toEqual([
      'today',
      '1 day ago',
      '3 days ago',
      '1 week ago',
      '1 month ago',
      '1 year ago',
    ]);
  });

  it('says today for a time ahead of the clock', () => {
    expect(formatEvidenceAge(ago(-30), NOW)).toBe('today');
  });
});

describe('SCORE_RULE', () => {
  it('names the revenue points the server gives for each amount it mentions', () => {
    const examples = [...SCORE_RULE.matchAll(/(\d+\.\d) for (\d+)([KM])/g)];
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const [, points, amount, unit] of examples) {
      const revenue = Number(amount) * (unit === 'K' ? 1_000 : 1_000_000);
      expect(Number(points), `${amount}${unit}`).toBeCloseTo(score({ customers: 1, companies: 1, revenue, highlights: 1, recentHighlights: 0 }).points.revenue, 1);
    }
  });
});
