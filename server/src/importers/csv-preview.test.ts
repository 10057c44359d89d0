import { describe, expect, it } from 'vitest';
import { IMPORT_PREVIEW_ROWS } from '@cairn/shared';
import { previewCsv } from './csv-preview.js';
import { importFile } from './index.js';
import { streamDataset } from './test-datasets.js';
import { chunksOf, collect, rejectedRows } from './test-streams.js';
import { ImportFileError } from './types.js';

const TICKETS = [
  'Ticket ID,Opened,Email,Description',
  'T-1,2024-03-25,ana@example.com,The export fails',
  'T-2,2024-03-26,not an email,Where is my invoice?',
  'T-3,2024-03-27,bo@example.com,',
].join('\n');

describe('previewCsv mapping check', () => {
  it('runs the first rows through the suggested mapping: what each would create or why it is rejected', async () => {
    const { mappingCheck } = await previewCsv(chunksOf(TICKETS), 'tickets-csv');
    expect(mappingCheck?.mapping).toEqual({ externalId: 'Ticket ID', body: 'Description', requesterEmail: 'Email', createdAt: 'Opened' });
    expect(mappingCheck?.rows.map((row) => ('error' in row ? { line: row.line, error: row.error } : { line: row.line, titles: row.sources.map((source) => source.title) }))).toEqual([
      { line: 2, titles: ['The export fails'] },
      { line: 3, error: 'Requester email "not an email" (column "Email") is not an email address' },
      { line: 4, error: 'Ticket text is empty (column "Description")' },
    ]);
  });

  it('rejects every row of a wrong mapping with the reasons the import gives, before importing', async () => {
    const mapping = { body: 'Description', createdAt: 'Email' };
    const { mappingCheck } = await previewCsv(chunksOf(TICKETS), 'tickets-csv', { mapping });
    const imported = await collect(importFile('tickets-csv', 't.csv', chunksOf(TICKETS), { mapping }));
    expect(mappingCheck?.mapping).toEqual(mapping);
    expect(rejectedRows(mappingCheck?.rows ?? [])).toEqual(rejectedRows(imported));
    expect(rejectedRows(imported)[0]?.error).toMatch(/^Created at "ana@example.com" \(column "Email"\)/);
    expect(rejectedRows(imported)).toHaveLength(3);
  });

  it('reads dates in the order it is told, as the import does', async () => {
    const csv = 'Opened,Description\n03/04/2024,Slow app\n';
    const told = await previewCsv(chunksOf(csv), 'tickets-csv', { mapping: { body: 'Description', createdAt: 'Opened' }, dateOrder: 'day-first' });
    const untold = await previewCsv(chunksOf(csv), 'tickets-csv', { mapping: { body: 'Description', createdAt: 'Opened' } });
    const [row] = told.mappingCheck?.rows ?? [];
    expect(row && 'sources' in row && row.sources[0]?.occurredAt?.toISOString()).toBe('2024-04-03T00:00:00.000Z');
    expect(rejectedRows(untold.mappingCheck?.rows ?? [])).toEqual([{ line: 2, error: expect.stringMatching(/^Created at "03\/04\/2024"/) }]);
  });

  it('checks a survey’s answers under its mapping', async () => {
    const csv = 'Response ID,Score,Why?\nR1,9,Fast support from the team\nR2,12,Too slow\nR3,7,\n';
    const mapping = { respondentId: 'Response ID', score: 'Score', questions: ['Why?'] };
    const { mappingCheck } = await previewCsv(chunksOf(csv), 'survey-csv', { mapping, scoreScale: { kind: 'nps' } });
    expect(mappingCheck?.rows).toEqual([
      expect.objectContaining({ line: 2, sources: [expect.objectContaining({ kind: 'survey_response', body: 'Fast support from the team', metadata: expect.objectContaining({ score: 9 }) })] }),
      { line: 3, raw: 'R2,12,Too slow', error: expect.stringContaining('"12"') },
      // A respondent who left the question blank: nothing to create, nothing wrong.
      { line: 4, raw: 'R3,7,', sources: [] },
    ]);
  });

  it('checks only the previewed rows of a large file', async () => {
    const { mappingCheck } = await previewCsv(streamDataset('banking77/train.csv', 16 * 1024), 'tickets-csv');
    expect(mappingCheck?.mapping).toEqual({ body: 'text', tags: 'category' });
    expect(mappingCheck?.rows).toHaveLength(IMPORT_PREVIEW_ROWS);
    expect(rejectedRows(mappingCheck?.rows ?? [])).toEqual([]);
  });

  it('has nothing to check without a mapping when the suggestion is incomplete', async () => {
    const { mappingCheck } = await previewCsv(chunksOf('Response ID,Score\nR1,9\n'), 'survey-csv');
    expect(mappingCheck).toBeNull();
  });

  it.each([
    [{ body: 'Description', when: 'Opened' }, /The column mapping is not valid/],
    [{ body: 'Text' }, /no such column/],
  ])('finds a mapping the file cannot take unusable, as the import does', async (mapping, message) => {
    await expect(previewCsv(chunksOf(TICKETS), 'tickets-csv', { mapping })).rejects.toThrow(ImportFileError);
    await expect(previewCsv(chunksOf(TICKETS), 'tickets-csv', { mapping })).rejects.toThrow(message);
  });
});
