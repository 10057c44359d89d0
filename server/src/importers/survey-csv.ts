import { IMPORT_PREVIEW_ROWS, type SurveyCsvMapping } from '@cairn/shared';
import {
  cellOf,
  cellRows,
  chainRecords,
  DATE_ORDER_SAMPLE_ROWS,
  dateOrderOf,
  openCsv,
  peekRecords,
  resolveColumn,
  resolveColumns,
  type CsvDelimiter,
  type CsvRecord,
  type ResolvedColumn,
} from './csv.js';
import { normalizeText, toTitle } from './normalize.js';
import { convertRow, readBody, readOptionalDate, readOptionalEmail } from './rows.js';
import { suggestSurveyMapping } from './suggest-mapping.js';
import type { CsvImportOptions } from './tickets-csv.js';
import { ImportFileError, type ImportedSource, type ImportRow } from './types.js';

export type SurveyLayout = 'plain' | 'qualtrics' | 'qualtrics-legacy';

/** A wide survey export: one row per respondent; `labels` are the question texts where the export has them. */
export type SurveyTable = { delimiter: CsvDelimiter; layout: SurveyLayout; columns: string[]; labels: string[]; records: AsyncGenerator<CsvRecord> };

const IMPORT_ID_CELL = /^\{\s*"ImportId"\s*:/;
const LEGACY_COLUMN_ID = /^V\d+$/;
const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * Opens a survey CSV, recognizing Qualtrics' extra header rows: the current export has a
 * question-text row and an `{"ImportId":…}` row under the column ids; the legacy export has
 * `V1…` ids with the field names and question texts in the second row. Both extra rows are
 * skipped and the question texts become the labels.
 */
export async function openSurveyTable(text: AsyncIterable<string>): Promise<SurveyTable> {
  const table = await openCsv(text);
  const { head } = await peekRecords(table.records, 2);
  const [second, third] = head;
  const secondCells = second && 'cells' in second ? second.cells : null;
  const thirdCells = third && 'cells' in third ? third.cells : null;
  if (secondCells && thirdCells && isImportIdRow(thirdCells)) {
    return { ...table, layout: 'qualtrics', labels: labelsFrom(table.columns, secondCells), records: table.records };
  }
  if (secondCells && table.columns.filter((column) => LEGACY_COLUMN_ID.test(column)).length >= 3 && secondCells.includes('ResponseID')) {
    return { ...table, layout: 'qualtrics-legacy', labels: labelsFrom(table.columns, secondCells), records: chainRecords(head.slice(1), table.records) };
  }
  return { ...table, layout: 'plain', labels: table.columns, records: chainRecords(head, table.records) };
}

function isImportIdRow(cells: string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.filter((cell) => IMPORT_ID_CELL.test(cell)).length * 2 > filled.length;
}

function labelsFrom(columns: string[], row: string[]): string[] {
  return columns.map((column, i) => normalizeText(row[i] ?? '') || column);
}

type Question = ResolvedColumn & { label: string };
type SurveyColumns = Partial<Record<Exclude<keyof SurveyCsvMapping, 'questions'>, ResolvedColumn>> & { questions: Question[] };

/** Each non-empty answer to a question column → one `survey_response` source titled by the question. */
export async function* parseSurveyCsv(text: AsyncIterable<string>, mapping?: SurveyCsvMapping, options: CsvImportOptions = {}): AsyncGenerator<ImportRow> {
  const table = await openSurveyTable(text);
  const { head, records } = await peekRecords(table.records, DATE_ORDER_SAMPLE_ROWS);
  const chosen = mapping ?? suggestSurveyMapping({ columns: table.columns, labels: table.labels, rows: cellRows(head.slice(0, IMPORT_PREVIEW_ROWS)) });
  if (chosen.questions.length === 0) {
    throw new ImportFileError('No column looks like a free-text question (answers are short or numeric); choose the question columns in a mapping');
  }
  const columns: SurveyColumns = {
    ...resolveColumns(table.columns, chosen),
    questions: chosen.questions.map((column) => {
      const resolved = resolveColumn(table.columns, 'questions', column);
      return { ...resolved, label: table.labels[resolved.index] ?? column };
    }),
  };
  const read = { ...options, dateOrder: dateOrderOf(options.dateOrder, head, columns.submittedAt) };
  for await (const record of records) {
    yield 'error' in record ? record : convertRow(record.line, record.raw, () => toSurveyResponses(record.cells, columns, read));
  }
}

function toSurveyResponses(cells: string[], columns: SurveyColumns, options: CsvImportOptions): ImportedSource[] {
  const respondentId = cellOf(cells, columns.respondentId) || null;
  const email = columns.respondentEmail ? readOptionalEmail(cellOf(cells, columns.respondentEmail), columns.respondentEmail) : null;
  const submittedAt = columns.submittedAt ? readOptionalDate(cellOf(cells, columns.submittedAt), columns.submittedAt, options.dateOrder) : null;
  const score = readScore(cellOf(cells, columns.score));
  return columns.questions.flatMap((question) => {
    if (cellOf(cells, question) === '') return [];
    return [
      {
        kind: 'survey_response',
        title: toTitle(question.label),
        body: readBody(cells[question.index] ?? '', { field: 'answer', column: question.column }),
        occurredAt: submittedAt ?? options.occurredAt ?? null,
        externalId: respondentId ? `${respondentId}:${question.column}` : null,
        customer: email ? { email } : null,
        metadata: { question: question.label, questionColumn: question.column, score, respondentId },
        segments: null,
      } satisfies ImportedSource,
    ];
  });
}

/** Scores are numbers (NPS 0–10, CSAT 1–5) but some tools export the label ("Very satisfied"): keep that as text. */
function readScore(value: string): number | string | null {
  if (value === '') return null;
  return NUMBER.test(value) ? Number(value.replace(',', '.')) : value;
}
