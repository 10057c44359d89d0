import { describe, expect, it } from 'vitest';
import type { SurveyCsvMapping } from '@cairn/shared';
import { decodeStream } from './decode.js';
import { parseSurveyCsv } from './survey-csv.js';
import { streamDataset } from './test-datasets.js';
import type { CsvImportOptions } from './tickets-csv.js';
import { acceptedSources, chunksOf, collect, rejectedRows } from './test-streams.js';

async function importDataset(fileName: string, mapping?: SurveyCsvMapping) {
  const { chunks } = await decodeStream(streamDataset(`survey-qualtrics/${fileName}`, 64));
  return collect(parseSurveyCsv(chunks, mapping));
}

async function importSurvey(text: string, mapping?: SurveyCsvMapping, options?: CsvImportOptions) {
  const { chunks } = await decodeStream(chunksOf(text));
  return collect(parseSurveyCsv(chunks, mapping, options));
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
        metadata: {
          question: 'This is a free text question.',
          questionColumn: 'Q2',
          score: null,
          respondentId: 'R_2YPOQ602ER1jkf1',
          // The columns nobody mapped, named by the export's second header row, in file order; empty ones left out.
          fields: [
            { name: 'Anfangsdatum', value: '2017-07-18 08:28:09' },
            { name: 'Enddatum', value: '2017-07-18 08:28:48' },
            { name: 'Antworttyp', value: '0' },
            { name: 'IP-Adresse', value: '130.92.34.66' },
            { name: 'Aktueller Stand', value: '100' },
            { name: 'Dauer (in Sekunden)', value: '38' },
            { name: 'Beendet', value: '1' },
            { name: 'Breitengrad des Standorts', value: '47.115097045898' },
            { name: 'Längengrad des Standorts', value: '7.2315979003906' },
            { name: 'Verteilungskanal', value: 'anonymous' },
            { name: 'Benutzersprache', value: 'DE' },
            { name: 'This is a multiple choice question.', value: '2' },
          ],
        },
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
        metadata: expect.objectContaining({ question: 'This is a free text question.', questionColumn: 'Q2', score: null, respondentId: 'R_2YPOQ602ER1jkf1' }),
      }),
    ]);
    // Its fields are named by the second row's field names, not the V2… ids; the empty last column (a trailing comma) is left out.
    expect(acceptedSources(rows)[0]?.metadata.fields).toEqual([
      { name: 'ResponseSet', value: 'Standard-Antwortsatz' },
      { name: 'Name', value: 'Anonym' },
      { name: 'IPAddress', value: '130.92.34.66' },
      { name: 'Status', value: '0' },
      { name: 'StartDate', value: '2017-07-18 08:28:09' },
      { name: 'Finished', value: '1' },
      { name: 'This is a multiple choice question.', value: '2' },
      { name: 'LocationLatitude', value: '47.115097045898' },
      { name: 'LocationLongitude', value: '7.2315979003906' },
      { name: 'LocationAccuracy', value: '-1' },
    ]);
  });

  it('imports the multiple-choice column too when the mapping asks for it', async () => {
    const rows = await importDataset('qualtRics-sample.csv', { respondentId: 'ResponseId', score: 'Q1', questions: ['Q1', 'Q2', 'Q2 - Topics'] });
    expect(acceptedSources(rows).map((source) => [source.title, source.body, source.metadata.score])).toEqual([
      ['This is a multiple choice question.', '2', 2],
      ['This is a free text question.', 'Hello World!', 2],
    ]);
    // Columns mapped to a field or taken as questions are not fields as well.
    const names = (acceptedSources(rows)[0]?.metadata.fields as Array<{ name: string }>).map((field) => field.name);
    expect(names).not.toContain('This is a multiple choice question.');
    expect(names).not.toContain('Antwort-ID');
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

  // The header and rows of a real NPS export (a review's test file): US dates, the score question in words.
  const nps = [
    'Response ID,Email,Submitted,How likely are you to recommend Acme Bank? (0-10),What is the main reason for your score?,What one thing should we improve?',
    'R_00001,pia.haddad5@vandelay.net,09/11/2026 16:58,1,A transaction on my card shows as pending.,',
    'R_00000,omar.demir6@acme.org,06/22/2026 10:26,3,Can I use my account before my Identity verification has passed?,',
    'R_00002,gus.kaur4@hooli.com,06/01/2026 08:17,5,pending transaction?,',
    'R_00003,vik.haddad1@initech.co,06/13/2026 04:42,10,What is this $1 charge on my account?,There is a pending 1£ charge on my statement.  I haven\'t purchased anything for 1£.  Why is it on my statement?',
  ].join('\n');

  it('takes the 0–10 recommendation question as the score and both questions in words as questions', async () => {
    const sources = acceptedSources(await importSurvey(nps));
    expect(sources.map((source) => [source.title, source.metadata.score])).toEqual([
      ['What is the main reason for your score?', 1],
      ['What is the main reason for your score?', 3],
      ['What is the main reason for your score?', 5],
      ['What is the main reason for your score?', 10],
      ['What one thing should we improve?', 10],
    ]);
  });

  it('reads dates that read both ways in the order the other rows of the column prove, even before the proof', async () => {
    const rows = await importSurvey(nps);
    expect(rejectedRows(rows)).toEqual([]);
    expect(acceptedSources(rows).map((source) => source.occurredAt?.toISOString())).toEqual([
      '2026-09-11T16:58:00.000Z',
      '2026-06-22T10:26:00.000Z',
      '2026-06-01T08:17:00.000Z',
      '2026-06-13T04:42:00.000Z',
      '2026-06-13T04:42:00.000Z',
    ]);
  });

  it('rejects dates that read both ways when nothing proves the order, naming the line and field, unless the order is chosen', async () => {
    const text = 'id,submitted,feedback\nr1,09/11/2026,Too slow to load\nr2,06/01/2026,Search is broken\n';
    expect(rejectedRows(await importSurvey(text))).toEqual([
      { line: 2, error: expect.stringMatching(/^Submitted at "09\/11\/2026" \(column "submitted"\) is ambiguous.*choose the date order/) },
      { line: 3, error: expect.stringMatching(/^Submitted at "06\/01\/2026"/) },
    ]);
    const dayFirst = acceptedSources(await importSurvey(text, undefined, { dateOrder: 'day-first' }));
    expect(dayFirst.map((source) => source.occurredAt?.toISOString())).toEqual(['2026-11-09T00:00:00.000Z', '2026-01-06T00:00:00.000Z']);
  });

  it('rejects a respondent row whose date cannot be read', async () => {
    const rows = await importSurvey('id,submitted,feedback\nr1,13/13/2024,Too slow to load\n');
    expect(rejectedRows(rows)).toEqual([{ line: 2, error: expect.stringMatching(/^Submitted at "13\/13\/2024" \(column "submitted"\)/) }]);
  });

  it('raises ImportFileError when there is no free-text column to import', async () => {
    await expect(importSurvey('id,score\n1,9\n')).rejects.toThrow(/No column looks like a free-text question/);
  });

  it('raises ImportFileError when a mapped question column is missing', async () => {
    await expect(importSurvey('id,q1\n1,Hello there friend\n', { questions: ['q2'] })).rejects.toThrow('column "q2" for Question columns');
  });
});
