import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestTicketsMapping } from './suggest-mapping.js';
import { datasetPath } from './test-datasets.js';

describe('suggestTicketsMapping', () => {
  it('suggests banking77’s category column as the helpdesk tags, beside its text as the ticket text', () => {
    const [header, ...rows] = readFileSync(datasetPath('banking77/train.csv'), 'utf8').split(/\r?\n/).slice(0, 6);
    const sample = { columns: header!.split(','), rows: rows.map((row) => [row.slice(0, row.lastIndexOf(',')), row.slice(row.lastIndexOf(',') + 1)]) };
    expect(sample.columns).toEqual(['text', 'category']);
    expect(suggestTicketsMapping(sample)).toEqual({ body: 'text', tags: 'category' });
  });

  it.each(['Label', 'Tags', 'Categories'])('suggests a %s column as the helpdesk tags', (column) => {
    expect(suggestTicketsMapping({ columns: ['Message', column], rows: [['My card never came', 'card_arrival']] })).toEqual({ body: 'Message', tags: column });
  });
});
