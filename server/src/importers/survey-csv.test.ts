import { describe, expect, it } from 'vitest';
import type { SurveyCsvMapping } from '@cairn/shared';
import { decodeStream } from './decode.js';
import { parseSurveyCsv } from './survey-csv.js';
import { streamDataset } from './test-datasets.js';
import { acceptedSources, chunksOf, collect, rejectedRows } from './test-streams.js';

async function importDataset(fileName: string, mapping?: SurveyCsvMapping) {
  const { chunks } = await decodeStream(streamDataset(`survey-qualtrics/${fileName}`, 64));
  return collect(parseSurveyCsv(chunks, mapping));
}

async function importSurvey(text: string, mapping?: SurveyCsvMapping) {
  const { chunks } = await decodeStream(chunksOf(text));
  return collect(parseSurveyCsv(chunks, mapping));
}

describe('parseSurveyCsv on real Qualtrics exports', () => {
  it('skips the question-text and ImportId rows of the current export and titles the answer by its question', async () => {
    const rows = await importDataset('qualtRics-sample.csv');
    expect(rows.map((row) => row.line)).toEqual([4]);
    expect(acceptedSources(rows)).toEqual([
      {
        kind: 'survey_response',
        title: 'This is a free text question.',
        body: 'Hello World!',
        occurredAt: new Date('2017-07-18T08:28:48Z'),
        externalId: 'R_2YPOQ602ER1jkf1:Q2',
        customer: null,
        metadata: { question: 'This is a free text question.', questionColumn: 'Q2', score: null, respondentId: 'R_2YPOQ602ER1jkf1' },
        segments: null,
      },
    ]);
  });

  it('reads the legacy export (BOM, V1… ids, field names in the second row, trailing commas)', async () => {
    const rows = await importDataset('qualtRics-sample_legacy.csv');
    expect(rows.map((row) => row.line)).toEqual([3]);
    expect(acceptedSources(rows)).toEqual([
      expect.objectContaining({
        title: 'This is a free text question.',
        body: 'Hello World!',
        occurredAt: new Date('2017-07-18T08:28:48Z'),
        externalId: 'R_2YPOQ602ER1jkf1:Q2',
        metadata: { question: 'This is a free text question.', questionColumn: 'Q2', score: null, respondentId: 'R_2YPOQ602ER1jkf1' },
      }),
    ]);
  });

  it('imports the multiple-choice column too when the mapping asks for it', async () => {
    const rows = await importDataset('qualtRics-sample.csv', { respondentId: 'ResponseId', score: 'Q1', questions: ['Q1', 'Q2', 'Q2 - Topics'] });
    expect(acceptedSources(rows).map((source) => [source.title, source.body, source.metadata.score])).toEqual([
      ['This is a multiple choice question.', '2', 2],
      ['This is a free text question.', 'Hello World!', 2],
    ]);
  });
});

describe('parseSurveyCsv', () => {
  const googleForms = [
    'Timestamp,Email Address,How likely are you to recommend us? (NPS),What should we improve?,Anything else?',
    '2024/03/25 10:00:00,ana@example.com,9,The export is far too slow for us,',
    '2024/03/26 11:30:00,bo@example.com,3,"Search never finds old tickets, and filters reset",Please add SSO',
    '2024/03/27 09:00:00,,7,,',
  ].join('\n');

  it('suggests question columns by their long free text and makes one source per non-empty answer', async () => {
    const rows = await importSurvey(googleForms);
    const sources = acceptedSources(rows);
    expect(sources.map((source) => [source.title, source.customer?.email, source.metadata.score])).toEqual([
      ['What should we improve?', 'ana@example.com', 9],
      ['What should we improve?', 'bo@example.com', 3],
      ['Anything else?', 'bo@example.com', 3],
    ]);
    expect(sources.every((source) => source.externalId === null)).toBe(true);
    expect(rows[2]).toEqual({ line: 4, raw: '2024/03/27 09:00:00,,7,,', sources: [] });
  });

  it('rejects a respondent row whose date cannot be read', async () => {
    const rows = await importSurvey('id,submitted,feedback\nr1,13/13/2024,Too slow to load\n');
    expect(rejectedRows(rows)).toEqual([{ line: 2, error: expect.stringMatching(/^submittedAt "13\/13\/2024" \(column "submitted"\)/) }]);
  });

  it('raises ImportFileError when there is no free-text column to import', async () => {
    await expect(importSurvey('id,score\n1,9\n')).rejects.toThrow(/No column looks like a free-text question/);
  });

  it('raises ImportFileError when a mapped question column is missing', async () => {
    await expect(importSurvey('id,q1\n1,Hello there friend\n', { questions: ['q2'] })).rejects.toThrow('column "q2" for questions');
  });
});
