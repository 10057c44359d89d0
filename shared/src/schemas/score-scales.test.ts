import { describe, expect, it } from 'vitest';
import { describeScoreScale, readingScaleOf, ScoreScaleSchema, scoreGroupOf, scoreGroupsOf } from './score-scales.js';

const rating = (min: number, max: number) => ({ kind: 'rating' as const, min, max });
const ranges = (scale: Parameters<typeof scoreGroupsOf>[0]) => scoreGroupsOf(scale).map((group) => `${group.key} ${group.min}–${group.max}`);

describe('scoreGroupsOf', () => {
  it('splits NPS into detractors, passives and promoters', () => {
    expect(ranges({ kind: 'nps' })).toEqual(['detractor 0–6', 'passive 7–8', 'promoter 9–10']);
  });

  it('splits a rating scale in thirds: the high third is a CSAT’s 4–5 and a 1–7 scale’s top two boxes', () => {
    expect(ranges(rating(1, 5))).toEqual(['low 1–2', 'middle 3–3', 'high 4–5']);
    expect(ranges(rating(1, 7))).toEqual(['low 1–2', 'middle 3–5', 'high 6–7']);
    expect(ranges(rating(1, 10))).toEqual(['low 1–3', 'middle 4–7', 'high 8–10']);
    expect(ranges(rating(0, 100))).toEqual(['low 0–33', 'middle 34–66', 'high 67–100']);
    expect(ranges(rating(1, 3))).toEqual(['low 1–1', 'middle 2–2', 'high 3–3']);
  });

  it('leaves out a third too narrow for a whole score, and has no groups for plain numbers', () => {
    expect(ranges(rating(1, 2))).toEqual(['low 1–1', 'high 2–2']);
    expect(ranges({ kind: 'number' })).toEqual([]);
  });
});

describe('scoreGroupOf', () => {
  it('names the group of a score on its scale, and none off it, for a label or for plain numbers', () => {
    expect(scoreGroupOf(4, rating(1, 5))).toBe('high');
    expect(scoreGroupOf(4, { kind: 'nps' })).toBe('detractor');
    expect(scoreGroupOf(2.5, rating(1, 5))).toBe('middle');
    expect(scoreGroupOf(6, rating(1, 5))).toBeNull();
    expect(scoreGroupOf('Very satisfied', rating(1, 5))).toBeNull();
    expect(scoreGroupOf(42, { kind: 'number' })).toBeNull();
  });
});

describe('readingScaleOf', () => {
  it('reads a score on its own scale, and a whole 0–10 without one as NPS, as before scales were kept', () => {
    expect(readingScaleOf(4, rating(1, 5))).toEqual(rating(1, 5));
    expect(readingScaleOf(4, null)).toEqual({ kind: 'nps' });
    expect(readingScaleOf(4.5, null)).toBeNull();
    expect(readingScaleOf(12, null)).toBeNull();
    expect(readingScaleOf('Very satisfied', null)).toBeNull();
  });
});

describe('ScoreScaleSchema', () => {
  it('accepts NPS, whole rating scales up to 100 points wide, and plain numbers', () => {
    for (const scale of [{ kind: 'nps' }, rating(1, 5), rating(-3, 3), rating(0, 100), { kind: 'number' }]) {
      expect(ScoreScaleSchema.safeParse(scale).success, JSON.stringify(scale)).toBe(true);
    }
  });

  it('refuses a reversed, empty, too wide or fractional rating scale, and unknown kinds or fields', () => {
    const pathsOf = (value: unknown) => (ScoreScaleSchema.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(pathsOf(rating(5, 1))).toEqual(['max']);
    expect(pathsOf(rating(3, 3))).toEqual(['max']);
    expect(pathsOf(rating(-50, 60))).toEqual(['max']);
    expect(pathsOf(rating(1, 4.5))).toEqual(['max']);
    expect(pathsOf({ kind: 'csat' })).toEqual(['kind']);
    expect(pathsOf({ kind: 'nps', min: 0 })).toEqual(['']);
  });
});

describe('describeScoreScale', () => {
  it('names a scale by its range, NPS as such', () => {
    expect([{ kind: 'nps' } as const, rating(1, 5), rating(-3, 3), { kind: 'number' } as const].map(describeScoreScale)).toEqual(['0–10 (NPS)', '1–5', '-3–3', 'numbers on no fixed scale']);
  });
});
