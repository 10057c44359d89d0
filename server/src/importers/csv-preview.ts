import { IMPORT_PREVIEW_ROWS, type SurveyCsvMapping, type TicketsCsvMapping } from '@cairn/shared';
import { cellRows, openCsv, peekRecords, type CsvDelimiter } from './csv.js';
import { decodeStream, type ByteSource, type TextEncodingName } from './decode.js';
import { suggestSurveyMapping, suggestTicketsMapping } from './suggest-mapping.js';
import { openSurveyTable } from './survey-csv.js';

export type CsvFormat = 'tickets-csv' | 'survey-csv';

export type CsvPreview = {
  columns: string[];
  /** Question texts (Qualtrics' second header row), one per column; the column names otherwise. */
  labels: string[];
  /** The first data rows, keyed by column name (the first of duplicate names wins). */
  rows: Array<Record<string, string>>;
  suggestedMapping: Partial<TicketsCsvMapping> | Partial<SurveyCsvMapping>;
  delimiter: CsvDelimiter;
  encoding: TextEncodingName;
};

/** Reads only the header and the first IMPORT_PREVIEW_ROWS rows; stops reading the stream there. */
export async function previewCsv(bytes: ByteSource, format: CsvFormat): Promise<CsvPreview> {
  const { encoding, chunks } = await decodeStream(bytes);
  const table = format === 'survey-csv' ? await openSurveyTable(chunks) : { ...(await openCsv(chunks)), labels: undefined };
  const { head } = await peekRecords(table.records, IMPORT_PREVIEW_ROWS);
  await table.records.return(undefined);
  const cells = cellRows(head);
  const sample = { columns: table.columns, labels: table.labels, rows: cells };
  return {
    columns: table.columns,
    labels: table.labels ?? table.columns,
    rows: cells.map((row) => toRecord(table.columns, row)),
    suggestedMapping: format === 'survey-csv' ? suggestSurveyMapping(sample) : suggestTicketsMapping(sample),
    delimiter: table.delimiter,
    encoding,
  };
}

function toRecord(columns: string[], cells: string[]): Record<string, string> {
  // Reversed so the first of duplicate names is written last and wins; fromEntries also makes
  // a column named "__proto__" an ordinary key.
  return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']).reverse());
}
