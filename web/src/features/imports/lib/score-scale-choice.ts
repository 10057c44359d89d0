import { describeScoreScale, type ImportPreview, type ScoreScale } from '@cairn/shared';

/** What the preview found for the score column: its scale from the question and the first rows; null without a column or a number in it. */
export function scoreScaleInFile(preview: ImportPreview, column: string | undefined): ScoreScale | null {
  // Own keys only: a column named "constructor" must not find Object's.
  return column !== undefined && Object.hasOwn(preview.scoreScales, column) ? (preview.scoreScales[column] ?? null) : null;
}

/**
 * The scale sent with the import, so that it reads the scores as the wizard showed them: the
 * person's choice, else the one the preview found; none when there is no score column.
 */
export function scoreScaleToSend(column: string | undefined, inFile: ScoreScale | null, choice: ScoreScale | null): ScoreScale | undefined {
  if (column === undefined) return undefined;
  return choice ?? inFile ?? undefined;
}

/** A scale as a select's value: `nps`, `number`, `rating:1:5`. */
export const scoreScaleKey = (scale: ScoreScale) => (scale.kind === 'rating' ? `rating:${scale.min}:${scale.max}` : scale.kind);

/** The scales people pick from, most common first; the one found in the file is added when it is none of them. */
const COMMON_SCALES: ScoreScale[] = [
  { kind: 'nps' },
  { kind: 'rating', min: 1, max: 5 },
  { kind: 'rating', min: 1, max: 7 },
  { kind: 'rating', min: 1, max: 10 },
  { kind: 'rating', min: 0, max: 10 },
  { kind: 'rating', min: 0, max: 100 },
  { kind: 'number' },
];

/** Short: the select sits in a narrow column. The others are named by their range ("1–7"). */
const LABELS: Record<string, string> = {
  nps: '0–10 (NPS)',
  'rating:1:5': '1–5 (CSAT)',
  'rating:0:10': '0–10 (not NPS)',
  number: 'No fixed scale',
};

export function scoreScaleChoices(inFile: ScoreScale | null): Array<{ key: string; label: string; scale: ScoreScale }> {
  const scales = inFile && !COMMON_SCALES.some((scale) => scoreScaleKey(scale) === scoreScaleKey(inFile)) ? [...COMMON_SCALES, inFile] : COMMON_SCALES;
  return scales.map((scale) => ({ key: scoreScaleKey(scale), label: LABELS[scoreScaleKey(scale)] ?? describeScoreScale(scale), scale }));
}
