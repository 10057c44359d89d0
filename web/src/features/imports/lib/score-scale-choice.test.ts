import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '@cairn/shared';
import { scoreScaleChoices, scoreScaleInFile, scoreScaleToSend } from './score-scale-choice';

const CSAT = { kind: 'rating', min: 1, max: 5 } as const;
const preview = { scoreScales: { CSAT, Stars: { kind: 'rating', min: 0, max: 5 } } } as unknown as ImportPreview;

describe('scoreScaleInFile', () => {
  it('gives the scale the preview found for the score column, and null without one or for a name Object has', () => {
    expect(scoreScaleInFile(preview, 'CSAT')).toEqual(CSAT);
    expect(scoreScaleInFile(preview, 'Comment')).toBeNull();
    expect(scoreScaleInFile(preview, undefined)).toBeNull();
    expect(scoreScaleInFile(preview, 'constructor')).toBeNull();
  });
});

describe('scoreScaleToSend', () => {
  it('sends the person’s choice, else what the preview found, and nothing without a score column', () => {
    expect(scoreScaleToSend('CSAT', CSAT, { kind: 'nps' })).toEqual({ kind: 'nps' });
    expect(scoreScaleToSend('CSAT', CSAT, null)).toEqual(CSAT);
    expect(scoreScaleToSend('Labels', null, null)).toBeUndefined();
    expect(scoreScaleToSend(undefined, CSAT, { kind: 'nps' })).toBeUndefined();
  });
});

describe('scoreScaleChoices', () => {
  it('offers the common scales, and the one found in the file when it is none of them', () => {
    expect(scoreScaleChoices(CSAT).map((choice) => choice.key)).toEqual(['nps', 'rating:1:5', 'rating:1:7', 'rating:1:10', 'rating:0:10', 'rating:0:100', 'number']);
    const stars = scoreScaleChoices({ kind: 'rating', min: 0, max: 5 });
    expect(stars.at(-1)).toEqual({ key: 'rating:0:5', label: '0–5', scale: { kind: 'rating', min: 0, max: 5 } });
  });
});
