import type { ScoreScale } from '@cairn/shared';

/** A CSAT is asked on 1–5: its high third (4–5) is its "satisfied" share. */
export const isCsatScale = (scale: ScoreScale) => scale.kind === 'rating' && scale.min === 1 && scale.max === 5;

/** A group's scores in words: "4–5", or "3" for one. */
export const scoreRangeText = (group: { min: number; max: number }) => (group.min === group.max ? String(group.min) : `${group.min}–${group.max}`);
