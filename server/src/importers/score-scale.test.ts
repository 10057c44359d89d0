import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScoreScale } from '@cairn/shared';
import { previewFile } from './index.js';
import { inferScoreScale, readScoreOnScale } from './score-scale.js';
import { parseSurveyCsv } from './survey-csv.js';
import { decodeStream } from './decode.js';
import { streamDataset } from './test-datasets.js';
import { acceptedSources, chunksOf, collect, rejectedRows } from './test-streams.js';

const NPS: ScoreScale = { kind: 'nps' };
const rating = (min: number, max: number): ScoreScale => ({ kind: 'rating', min, max });
const NUMBER: ScoreScale = { kind: 'number' };

/** Cairn's sample survey: an NPS question that says "(0-10)", 32 respondents scoring 2 to 10. */
const SAMPLE_NPS_SURVEY = readFileSync(new URL('../sample/nps-survey.csv', import.meta.url));

async function previewScales(content: Buffer | string, fileName = 'survey.csv') {
  const preview = await previewFile('survey-csv', fileName, chunksOf(content, 64));
  if (!('scoreScales' in preview)) throw new Error('a survey preview has score scales');
  return preview.scoreScales;
}

describe('inferScoreScale from the numbers', () => {
  it('reads 0–10 as NPS when a 0 or a score above 7 shows the scale is no 1–5 or 1–7', () => {
    expect(inferScoreScale(['9', '10', '3', '7'])).toEqual(NPS);
    expect(inferScoreScale(['0', '2', '5'])).toEqual(NPS);
    expect(inferScoreScale(['8'])).toEqual(NPS);
  });

  it('reads whole scores 1–5 as a 1–5 rating (a CSAT) and up to 7 as 1–7', () => {
    expect(inferScoreScale(['4', '5', '3', '1', '4'])).toEqual(rating(1, 5));
    expect(inferScoreScale(['3'])).toEqual(rating(1, 5));
    expect(inferScoreScale(['2', '6', '7'])).toEqual(rating(1, 7));
  });

  it('reads decimals, negative scores and scores past 10 as plain numbers', () => {
    expect(inferScoreScale(['4.5', '3'])).toEqual(NUMBER);
    expect(inferScoreScale(['4,5', '3'])).toEqual(NUMBER);
    expect(inferScoreScale(['-1', '3'])).toEqual(NUMBER);
    expect(inferScoreScale(['9', '12'])).toEqual(NUMBER);
    expect(inferScoreScale(['73', '100', '12'])).toEqual(NUMBER);
  });

  it('reads the numbers among labels and blanks, and finds no scale without a number', () => {
    expect(inferScoreScale(['Very satisfied', '', '4', '5'])).toEqual(rating(1, 5));
    expect(inferScoreScale(['Very satisfied', 'Neutral', ''])).toBeNull();
    expect(inferScoreScale([])).toBeNull();
  });
});

describe('inferScoreScale from the question', () => {
  it('takes the scale a question states when every number fits it', () => {
    expect(inferScoreScale(['5', '6', '7'], 'How likely are you to recommend us? (0-10)')).toEqual(NPS);
    expect(inferScoreScale(['3', '4'], 'Overall, how satisfied are you? (1–7)')).toEqual(rating(1, 7));
    expect(inferScoreScale(['8', '9'], 'Rate the onboarding from 1 to 10')).toEqual(rating(1, 10));
    expect(inferScoreScale(['2', '3'], 'Wie zufrieden sind Sie? (0 bis 5)')).toEqual(rating(0, 5));
    expect(inferScoreScale(['40', '85'], 'Slider 0-100')).toEqual(rating(0, 100));
  });

  it('ignores a stated range the numbers do not fit, and numbers in the words that are no range', () => {
    expect(inferScoreScale(['9', '10'], 'How satisfied are you? (1-5)')).toEqual(NPS);
    expect(inferScoreScale(['4', '5'], 'How was your 24-7 support?')).toEqual(rating(1, 5));
    expect(inferScoreScale(['1', '5'], 'How was the 2-3 day delivery? (1-5)')).toEqual(rating(1, 5));
    expect(inferScoreScale(['1', '2'], 'Wait 1-1000 seconds')).toEqual(rating(1, 5));
  });

  it('reads the recommendation question as NPS even when its few answers all lie within 1–7', () => {
    expect(inferScoreScale(['5', '6', '7'], 'How likely are you to recommend Acme to a friend?')).toEqual(NPS);
    expect(inferScoreScale(['5', '6', '7'], 'NPS')).toEqual(NPS);
    expect(inferScoreScale(['5', '6', '7'], 'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?')).toEqual(NPS);
    expect(inferScoreScale(['5', '6', '7'], 'How satisfied are you?')).toEqual(rating(1, 7));
    expect(inferScoreScale(['5', '11'], 'How likely are you to recommend us?')).toEqual(NUMBER);
  });
});

describe('readScoreOnScale', () => {
  it('keeps numbers on the scale and labels as they are, and nothing for a blank', () => {
    expect(readScoreOnScale('4', rating(1, 5), 'CSAT')).toBe(4);
    expect(readScoreOnScale(' 0 ', NPS, 'NPS')).toBe(0);
    expect(readScoreOnScale('Very satisfied', rating(1, 5), 'CSAT')).toBe('Very satisfied');
    expect(readScoreOnScale('', NPS, 'NPS')).toBeNull();
    expect(readScoreOnScale('4,5', NUMBER, 'Effort')).toBe(4.5);
    expect(readScoreOnScale('12', null, 'Score')).toBe(12);
  });

  it('rejects a number off the scale or not whole on it, naming the column and the scale', () => {
    expect(() => readScoreOnScale('7', rating(1, 5), 'CSAT')).toThrow('Score "7" (column "CSAT") is not a whole number on the question\'s 1–5 scale');
    expect(() => readScoreOnScale('0', rating(1, 5), 'CSAT')).toThrow(/1–5 scale/);
    expect(() => readScoreOnScale('11', NPS, 'NPS')).toThrow(/0–10 \(NPS\) scale/);
    expect(() => readScoreOnScale('7,5', NPS, 'NPS')).toThrow('Score "7,5" (column "NPS")');
  });
});

describe('score scales of real survey exports', () => {
  it('finds the sample NPS survey’s scale in its question, "(0-10)"', async () => {
    const scales = await previewScales(SAMPLE_NPS_SURVEY, 'nps-survey.csv');
    expect(scales).toEqual({ 'How likely are you to recommend Ledgerline to a colleague? (0-10)': NPS });
  });

  it('reads the Qualtrics exports’ columns with numbers: a choice number as a small rating, coordinates and progress as plain numbers', async () => {
    // The multiple-choice answer is exported as its choice number (2): numbers alone cannot tell it from a 1–5 rating, so the wizard shows the scale and lets it be changed.
    const current = await previewScales(readFileSync(new URL('../../../../shared/datasets/survey-qualtrics/qualtRics-sample.csv', import.meta.url)), 'qualtRics-sample.csv');
    expect(current).toMatchObject({ Q1: rating(1, 5), Progress: NUMBER, 'Duration (in seconds)': NUMBER, LocationLatitude: NUMBER, LocationLongitude: NUMBER });
    expect(current).not.toHaveProperty('Q2');
    expect(current).not.toHaveProperty('ResponseId');
    const legacy = await previewScales(readFileSync(new URL('../../../../shared/datasets/survey-qualtrics/qualtRics-sample_legacy.csv', import.meta.url)), 'qualtRics-sample_legacy.csv');
    expect(legacy).toMatchObject({ Q1: rating(1, 5), LocationLatitude: NUMBER, LocationAccuracy: NUMBER });
  });

  it('imports the Qualtrics choice column as a score with the scale the preview showed, and with a chosen one', async () => {
    const importQualtrics = async (scoreScale?: ScoreScale) => {
      const { chunks } = await decodeStream(streamDataset('survey-qualtrics/qualtRics-sample.csv', 64));
      return collect(parseSurveyCsv(chunks, { respondentId: 'ResponseId', score: 'Q1', questions: ['Q2'] }, { scoreScale }));
    };
    expect(acceptedSources(await importQualtrics()).map((source) => source.metadata)).toEqual([expect.objectContaining({ score: 2, scoreScale: rating(1, 5) })]);
    expect(acceptedSources(await importQualtrics(NPS)).map((source) => source.metadata)).toEqual([expect.objectContaining({ score: 2, scoreScale: NPS })]);
  });
});

describe('parseSurveyCsv with a score scale', () => {
  const csat = ['id,How satisfied were you with support? (CSAT),Why?', 'r1,4,Quick and friendly answer', 'r2,5,Solved on the first reply', 'r3,2,Took three days to hear back'].join('\n');

  const mapping = { respondentId: 'id', score: 'How satisfied were you with support? (CSAT)', questions: ['Why?'] };

  async function importSurvey(text: string, scoreScale?: ScoreScale) {
    const { chunks } = await decodeStream(chunksOf(text));
    return collect(parseSurveyCsv(chunks, mapping, { scoreScale }));
  }

  it('stores the inferred scale with every numeric score, and none with a label or a blank score', async () => {
    const text = `${csat}\nr4,Very satisfied,Lovely people\nr5,,No score given here`;
    const rows = await importSurvey(text);
    expect(acceptedSources(rows).map((source) => [source.metadata.score, source.metadata.scoreScale])).toEqual([
      [4, rating(1, 5)],
      [5, rating(1, 5)],
      [2, rating(1, 5)],
      ['Very satisfied', undefined],
      [null, undefined],
    ]);
  });

  it('rejects a row whose score is off the scale the import was told, and keeps the others', async () => {
    const text = `${csat}\nr4,7,Scored on another scale`;
    const rows = await importSurvey(text, rating(1, 5));
    expect(rejectedRows(rows)).toEqual([{ line: 5, error: expect.stringMatching(/^Score "7" \(column "How satisfied were you with support\? \(CSAT\)"\) is not a whole number on the question's 1–5 scale/) }]);
    expect(acceptedSources(rows)).toHaveLength(3);
    // Told nothing, the import sees the 7 among its first rows: a 1–7 scale.
    expect(acceptedSources(await importSurvey(text)).map((source) => source.metadata.scoreScale)).toEqual([rating(1, 7), rating(1, 7), rating(1, 7), rating(1, 7)]);
  });

  it('infers the scale from the first 1,000 rows, as the date order, and rejects a later score off it', async () => {
    const early = Array.from({ length: 1_000 }, (_, index) => `r${index},${(index % 5) + 1},Answer number ${index} to the question`);
    const rows = await importSurvey([csat.split('\n')[0], ...early, 'r1000,9,Answer past the rows the scale was read from'].join('\n'));
    expect(rejectedRows(rows)).toEqual([{ line: 1002, error: expect.stringContaining('"9"') }]);
    expect(new Set(acceptedSources(rows).map((source) => JSON.stringify(source.metadata.scoreScale)))).toEqual(new Set([JSON.stringify(rating(1, 5))]));
  });
});
