import { describeScoreScale, NPS_SCALE, SCORE_SCALE_SPAN_MAX, scaleBoundsOf, type ScoreScale } from '@cairn/shared';
import { RowError } from './types.js';

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/** Scores are numbers (NPS 0–10, CSAT 1–5) but some tools export the label ("Very satisfied"): keep that as text. */
export function readScore(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return NUMBER.test(trimmed) ? Number(trimmed.replace(',', '.')) : trimmed;
}

/** A scale a question states: "(0-10)", "1 to 5", "1–7", "0 bis 10". */
const STATED_RANGE = /(?<![\d.,])(-?\d{1,3})\s*(?:-|–|—|to|bis)\s*(\d{1,3})(?![\d.,])/giu;
/** The Net Promoter question ("How likely are you to recommend…"), in the words exports use. */
const NPS_WORDING = /recommend|net promoter|\bnps\b|weiterempfehlen|recommander|recomendar|raccomandare|aanbevelen/iu;

/** The highest score of a 1–5 CSAT; a 1–7 scale reaches 7; a higher score on 0–10 is an NPS. */
const FIVE_POINT_TOP = 5;
const SEVEN_POINT_TOP = 7;

function statedScales(words: string): ScoreScale[] {
  return [...words.matchAll(STATED_RANGE)].flatMap(([, low, high]) => {
    const min = Number(low);
    const max = Number(high);
    if (!(max > min && max - min <= SCORE_SCALE_SPAN_MAX)) return [];
    return [min === 0 && max === 10 ? NPS_SCALE : { kind: 'rating', min, max }];
  });
}

/**
 * The scale of a score column, from its question (column name and question text) and its
 * sampled values; null when no value is a number (labels only, or empty). In this order:
 * 1. a scale the question states, "(1-5)", when every number fits it;
 * 2. the recommendation question is an NPS when every number is a whole 0–10;
 * 3. the numbers: all whole within 0–10 with a 0 or a score above 7 → NPS (no 1–5 or 1–7
 *    scale has either); all 1–5 → 1–5; all 1–7 → 1–7; anything else (decimals, negative,
 *    past 10) → plain numbers.
 * Qualtrics exports code a multiple-choice answer as its choice number (the real
 * qualtRics sample's Q1 holds 2): such a column reads as a small rating, which is why the
 * import wizard shows the inferred scale and lets it be changed.
 */
export function inferScoreScale(values: string[], question = ''): ScoreScale | null {
  const numbers = values.map(readScore).filter((score): score is number => typeof score === 'number');
  if (numbers.length === 0) return null;
  const whole = numbers.every(Number.isInteger);
  const lowest = Math.min(...numbers);
  const highest = Math.max(...numbers);
  const fits = (scale: ScoreScale) => {
    const bounds = scaleBoundsOf(scale);
    return bounds !== null && whole && lowest >= bounds.min && highest <= bounds.max;
  };
  const stated = statedScales(question).find(fits);
  if (stated) return stated;
  if (NPS_WORDING.test(question) && fits(NPS_SCALE)) return NPS_SCALE;
  if (!fits(NPS_SCALE)) return { kind: 'number' };
  if (lowest === 0 || highest > SEVEN_POINT_TOP) return NPS_SCALE;
  return { kind: 'rating', min: 1, max: highest <= FIVE_POINT_TOP ? FIVE_POINT_TOP : SEVEN_POINT_TOP };
}

/** A cell's score, read on the import's scale: a number off the scale (or not whole on it) rejects the row, naming the scale. */
export function readScoreOnScale(value: string, scale: ScoreScale | null, column: string): number | string | null {
  const score = readScore(value);
  const bounds = scale && scaleBoundsOf(scale);
  if (typeof score !== 'number' || !bounds) return score;
  if (Number.isInteger(score) && score >= bounds.min && score <= bounds.max) return score;
  throw new RowError(
    `Score ${JSON.stringify(value.trim())} (column "${column}") is not a whole number on the question's ${describeScoreScale(scale!)} scale; choose the scale when importing if the question has another one`,
  );
}
