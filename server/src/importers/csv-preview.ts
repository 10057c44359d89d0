import {
  IMPORT_PREVIEW_ROWS,
  SurveyCsvMappingSchema,
  TicketsCsvMappingSchema,
  type DateOrder,
  type ScoreScale,
  type SurveyCsvMapping,
  type TicketsCsvMapping,
} from '@cairn/shared';
import { cellRows, DATE_ORDER_SAMPLE_ROWS, openCsv, peekRecords, readMapping, type CsvDelimiter, type CsvRecord } from './csv.js';
import { inferDateOrder } from './dates.js';
import { decodeStream, type ByteSource, type TextEncodingName } from './decode.js';
import { inferScoreScale } from './score-scale.js';
import { suggestSurveyMapping, suggestTicketsMapping, type ColumnSample } from './suggest-mapping.js';
import { openSurveyTable, surveyRowReader, type SurveyImportOptions } from './survey-csv.js';
import { ticketRowReader } from './tickets-csv.js';
import type { ImportRow } from './types.js';

export type CsvFormat = 'tickets-csv' | 'survey-csv';

export type CsvPreview = {
  columns: string[];
  /** Question texts (Qualtrics' second header row), one per column; the column names otherwise. */
  labels: string[];
  /** The first data rows, keyed by column name (the first of duplicate names wins). */
  rows: Array<Record<string, string>>;
  suggestedMapping: Partial<TicketsCsvMapping> | Partial<SurveyCsvMapping>;
  /** The day/month order of each column with slashed dates, from the same rows an import without a chosen order reads it from. */
  dateOrders: Record<string, DateOrder | 'unknown'>;
  /** Surveys: the scale of each column with numbers, as an import infers its score column's from the same rows. */
  scoreScales: Record<string, ScoreScale>;
  delimiter: CsvDelimiter;
  encoding: TextEncodingName;
  /** The first rows as the import would read them under the mapping given, else the suggested one; null when neither is complete. */
  mappingCheck: MappingCheck | null;
};

export type MappingCheck = { mapping: TicketsCsvMapping | SurveyCsvMapping; rows: ImportRow[] };

/** What the import would be told: the mapping (unchecked, as it came) and how its dates and scores read. */
export type CsvPreviewOptions = SurveyImportOptions & { mapping?: unknown };

/**
 * Reads only the header and the first DATE_ORDER_SAMPLE_ROWS rows, and stops reading the stream
 * there; the first IMPORT_PREVIEW_ROWS are shown, make the suggestion and are run through the
 * mapping, as in an import.
 */
export async function previewCsv(bytes: ByteSource, format: CsvFormat, options: CsvPreviewOptions = {}): Promise<CsvPreview> {
  const { encoding, chunks } = await decodeStream(bytes);
  const table = format === 'survey-csv' ? await openSurveyTable(chunks) : { ...(await openCsv(chunks)), labels: undefined };
  const { head } = await peekRecords(table.records, DATE_ORDER_SAMPLE_ROWS);
  await table.records.return(undefined);
  const sampled = cellRows(head);
  const cells = cellRows(head.slice(0, IMPORT_PREVIEW_ROWS));
  const sample = { columns: table.columns, labels: table.labels, rows: cells };
  const suggestedMapping = format === 'survey-csv' ? suggestSurveyColumns(sample) : suggestTicketsMapping(sample);
  const readRow = rowReaderFor(format, { columns: table.columns, labels: table.labels ?? table.columns }, head, suggestedMapping, options);
  return {
    columns: table.columns,
    labels: table.labels ?? table.columns,
    rows: cells.map((row) => toRecord(table.columns, row)),
    suggestedMapping,
    dateOrders: dateOrdersOf(table.columns, sampled),
    scoreScales: format === 'survey-csv' ? scoreScalesOf(table.columns, table.labels ?? table.columns, sampled) : {},
    delimiter: table.delimiter,
    encoding,
    mappingCheck: readRow && { mapping: readRow.mapping, rows: head.slice(0, IMPORT_PREVIEW_ROWS).map(readRow.read) },
  };
}

/**
 * The import's own row conversion under the mapping given, else the suggestion when it is
 * complete (what an import without a mapping would use); null when there is nothing to check.
 */
function rowReaderFor(
  format: CsvFormat,
  table: { columns: string[]; labels: string[] },
  head: CsvRecord[],
  suggested: Partial<TicketsCsvMapping> | Partial<SurveyCsvMapping>,
  options: CsvPreviewOptions,
): { mapping: TicketsCsvMapping | SurveyCsvMapping; read: (record: CsvRecord) => ImportRow } | null {
  if (format === 'survey-csv') {
    const mapping = readMapping(SurveyCsvMappingSchema, options.mapping) ?? SurveyCsvMappingSchema.safeParse(suggested).data;
    return mapping ? { mapping, read: surveyRowReader(table, head, mapping, options) } : null;
  }
  const mapping = readMapping(TicketsCsvMappingSchema, options.mapping) ?? TicketsCsvMappingSchema.safeParse(suggested).data;
  return mapping ? { mapping, read: ticketRowReader(table.columns, head, mapping, options) } : null;
}

/**
 * A survey's suggestion names question columns only when some look like free text: the mapping
 * schema wants at least one, and a preview that failed it could not be shown, so the person could
 * not choose them (answers of a few words, "Slow app", are too short to be suggested).
 */
function suggestSurveyColumns(sample: ColumnSample): Partial<SurveyCsvMapping> {
  const { questions, ...fields } = suggestSurveyMapping(sample);
  return questions.length > 0 ? { ...fields, questions } : fields;
}

function dateOrdersOf(columns: string[], rows: string[][]): Record<string, DateOrder | 'unknown'> {
  const orders: Array<[string, DateOrder | 'unknown']> = [];
  columns.forEach((column, i) => {
    const order = inferDateOrder(rows.map((row) => row[i] ?? ''));
    if (order !== null) orders.push([column, order]);
  });
  // Reversed so that the first of duplicate names wins, as in `rows`.
  return Object.fromEntries(orders.reverse());
}

function scoreScalesOf(columns: string[], labels: string[], rows: string[][]): Record<string, ScoreScale> {
  const scales: Array<[string, ScoreScale]> = [];
  columns.forEach((column, i) => {
    const scale = inferScoreScale(
      rows.map((row) => row[i] ?? ''),
      `${column} ${labels[i] ?? ''}`,
    );
    if (scale !== null) scales.push([column, scale]);
  });
  // Reversed so that the first of duplicate names wins, as in `rows`.
  return Object.fromEntries(scales.reverse());
}

function toRecord(columns: string[], cells: string[]): Record<string, string> {
  // Reversed so the first of duplicate names is written last and wins; fromEntries also makes
  // a column named "__proto__" an ordinary key.
  return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']).reverse());
}
