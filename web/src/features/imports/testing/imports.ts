import type { Import, ImportSummary } from '@cairn/shared';

export const IMPORT_ID = '00000000-0000-4000-8000-0000000000aa';
const AT = '2025-03-04T10:00:00.000Z';
export const NO_COUNTS = { total: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };

/** A finished tickets CSV import with nothing in it, as the history lists it; tests say what differs. */
export const importSummary = (overrides: Partial<ImportSummary> = {}): ImportSummary => ({
  id: IMPORT_ID,
  format: 'tickets-csv',
  fileName: 'export.csv',
  status: 'done',
  progress: 1,
  counts: NO_COUNTS,
  skipped: 0,
  redactPii: false,
  redacted: 0,
  failure: null,
  createdBy: null,
  createdAt: AT,
  finishedAt: AT,
  scoreScale: null,
  sample: false,
  ...overrides,
});

/** The same import as `GET …/imports/:id` answers it, with its rejected rows. */
export const anImport = (overrides: Partial<Import> = {}): Import => ({ ...importSummary(), errors: [], errorsTotal: 0, unchangedFrom: [], ...overrides });
