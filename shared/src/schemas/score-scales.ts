import { z } from 'zod';

/** A survey answer's score as the import kept it: a number (NPS 0–10, CSAT 1–5) or the export's label ("Very satisfied"). */
export const SourceScoreSchema = z.union([z.number(), z.string()]);
export type SourceScore = z.infer<typeof SourceScoreSchema>;

/** The Net Promoter groups of a 0–10 score, lowest first; the NPS is % promoters − % detractors. */
export const NPS_GROUPS = [
  { key: 'detractor', label: 'Detractors', min: 0, max: 6 },
  { key: 'passive', label: 'Passives', min: 7, max: 8 },
  { key: 'promoter', label: 'Promoters', min: 9, max: 10 },
] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];

/** The NPS group of a score, when it is a whole number 0–10 (an NPS answer); null for any other score. */
export function npsGroupOf(score: SourceScore | null): NpsGroup | null {
  if (typeof score !== 'number' || !Number.isInteger(score)) return null;
  return NPS_GROUPS.find((group) => score >= group.min && score <= group.max) ?? null;
}

/** The widest rating scale: 0–100, a slider's; a wider one is a typo or no rating. */
export const SCORE_SCALE_SPAN_MAX = 100;

export const SCORE_SCALE_KINDS = ['nps', 'rating', 'number'] as const;
export type ScoreScaleKind = (typeof SCORE_SCALE_KINDS)[number];

const ScaleBoundSchema = z.number().int().min(-SCORE_SCALE_SPAN_MAX).max(SCORE_SCALE_SPAN_MAX);

/**
 * How a survey's score question is scored, so that a 4 of a 1–5 CSAT is not read as an NPS
 * detractor:
 * - `nps`: 0–10, read in Net Promoter groups;
 * - `rating`: whole numbers from `min` to `max` (1–5 CSAT, 1–7, a 0–100 slider), read in
 *   thirds (`scoreGroupsOf`);
 * - `number`: numbers on no fixed scale (decimals, counts, a score past 10), shown as they are.
 */
export const ScoreScaleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('nps') }),
  z
    .strictObject({ kind: z.literal('rating'), min: ScaleBoundSchema, max: ScaleBoundSchema })
    .refine((scale) => scale.max > scale.min && scale.max - scale.min <= SCORE_SCALE_SPAN_MAX, {
      message: `The highest score must be above the lowest, at most ${SCORE_SCALE_SPAN_MAX} above it`,
      path: ['max'],
    }),
  z.strictObject({ kind: z.literal('number') }),
]);
export type ScoreScale = z.infer<typeof ScoreScaleSchema>;

export const NPS_SCALE = { kind: 'nps' } as const satisfies ScoreScale;

/** The lowest and highest score a scale allows; null for numbers on no fixed scale. */
export function scaleBoundsOf(scale: ScoreScale): { min: number; max: number } | null {
  if (scale.kind === 'nps') return { min: 0, max: 10 };
  if (scale.kind === 'rating') return { min: scale.min, max: scale.max };
  return null;
}

/** A scale in the words both the API's messages and the SPA use: "0–10 (NPS)", "1–5", "numbers on no fixed scale". */
export function describeScoreScale(scale: ScoreScale): string {
  const bounds = scaleBoundsOf(scale);
  if (!bounds) return 'numbers on no fixed scale';
  return `${bounds.min}–${bounds.max}${scale.kind === 'nps' ? ' (NPS)' : ''}`;
}

/**
 * The scale a score is read on: its own when the answer carries one; else, for answers
 * imported before scales were kept, a whole number 0–10 is read as NPS, as it always was.
 */
export function readingScaleOf(score: SourceScore | null, scale: ScoreScale | null): ScoreScale | null {
  if (typeof score !== 'number') return null;
  return scale ?? (npsGroupOf(score) ? NPS_SCALE : null);
}

export const SCORE_BANDS = [
  { key: 'low', label: 'Low' },
  { key: 'middle', label: 'Middle' },
  { key: 'high', label: 'High' },
] as const;
export type ScoreBandKey = (typeof SCORE_BANDS)[number]['key'];

/** A named part of a scale: an NPS group, or a third of a rating scale; whole scores `min` to `max`. */
export type ScoreGroup = { key: NpsGroup['key'] | ScoreBandKey; label: string; min: number; max: number };

/**
 * Which third of a rating scale a score is in. On a 1–5 scale: 1–2 low, 3 middle, 4–5 high (the
 * CSAT's "satisfied"); on 1–7: 1–2, 3–5, 6–7 (the top two boxes); on 1–10: 1–3, 4–7, 8–10.
 */
function bandOf(score: number, min: number, max: number): ScoreBandKey {
  const span = max - min;
  const position = score - min;
  if (position * 3 < span) return 'low';
  if (position * 3 > span * 2) return 'high';
  return 'middle';
}

/**
 * The groups of a scale, lowest first: NPS_GROUPS for NPS, the thirds of a rating scale (a
 * third too narrow to hold a whole score, the middle of 1–2, is left out), none for plain numbers.
 */
export function scoreGroupsOf(scale: ScoreScale): ScoreGroup[] {
  if (scale.kind === 'nps') return NPS_GROUPS.map((group) => ({ ...group }));
  if (scale.kind === 'number') return [];
  const groups: ScoreGroup[] = [];
  for (let score = scale.min; score <= scale.max; score++) {
    const key = bandOf(score, scale.min, scale.max);
    const last = groups.at(-1);
    if (last?.key === key) last.max = score;
    else groups.push({ key, label: SCORE_BANDS.find((band) => band.key === key)!.label, min: score, max: score });
  }
  return groups;
}

/** The group a score is in on its scale; null for a label, plain numbers, or a score off the scale. */
export function scoreGroupOf(score: SourceScore | null, scale: ScoreScale): ScoreGroup['key'] | null {
  if (typeof score !== 'number') return null;
  if (scale.kind === 'nps') return npsGroupOf(score)?.key ?? null;
  if (scale.kind === 'number' || score < scale.min || score > scale.max) return null;
  return bandOf(score, scale.min, scale.max);
}
