import { describe, expect, it } from 'vitest';
import { describeCounts, describeImportChoice, describeStatus } from './import-words';

const counts = (values: Partial<{ created: number; updated: number; unchanged: number; rejected: number }>) => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  ...values,
  total: Object.values(values).reduce((sum, value) => sum + value, 0),
});

describe('describeCounts', () => {
  it('says a re-import that changed nothing left every ticket unchanged', () => {
    expect(describeCounts('tickets-csv', counts({ unchanged: 3000 }))).toBe('3,000 tickets unchanged');
  });

  it('counts survey answers as answers and rejected rows as rows', () => {
    expect(describeCounts('survey-csv', counts({ created: 1, unchanged: 321, rejected: 2 }))).toBe('1 answer created · 321 answers unchanged · 2 rows rejected');
  });

  it('says when nothing was imported', () => {
    expect(describeCounts('zendesk-json', counts({}))).toBe('No tickets');
  });
});

describe('describeStatus', () => {
  it('says how many rows a finished import rejected, as a warning', () => {
    expect(describeStatus({ status: 'done', format: 'survey-csv', counts: counts({ created: 185, rejected: 115 }), skipped: 0 })).toEqual({ label: 'Done, 115 rows rejected', warning: true });
  });

  it('says how many parts of a file were skipped, as a warning, after any rejected rows', () => {
    expect(describeStatus({ status: 'done', format: 'transcript', counts: counts({ created: 1 }), skipped: 30 })).toEqual({ label: 'Done, 30 parts skipped', warning: true });
    expect(describeStatus({ status: 'done', format: 'transcript', counts: counts({ created: 1, rejected: 1 }), skipped: 1 })).toEqual({ label: 'Done, 1 file rejected, 1 part skipped', warning: true });
  });

  it('says Done for a clean import, and the status otherwise', () => {
    expect(describeStatus({ status: 'done', format: 'tickets-csv', counts: counts({ created: 3 }), skipped: 0 })).toEqual({ label: 'Done', warning: false });
    expect(describeStatus({ status: 'running', format: 'tickets-csv', counts: counts({ rejected: 1 }), skipped: 2 })).toEqual({ label: 'Importing', warning: false });
  });
});

describe('describeImportChoice', () => {
  it('tells two imports of one file apart by their time and what they brought', () => {
    const first = describeImportChoice({ fileName: 'survey-nps-300.csv', createdAt: '2026-12-05T09:00:00.000Z', format: 'survey-csv', counts: counts({ created: 321 }) }, 'en-US');
    const second = describeImportChoice({ fileName: 'survey-nps-300.csv', createdAt: '2026-12-05T11:30:00.000Z', format: 'survey-csv', counts: counts({ unchanged: 321 }) }, 'en-US');
    expect(first).toMatch(/^survey-nps-300\.csv \(Dec 5, 2026, \d{1,2}:\d{2} [AP]M · 321 answers\)$/);
    expect(first).not.toBe(second);
  });
});
