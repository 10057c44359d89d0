import { IMPORT_PREVIEW_ROWS, type ScoreScale, type SurveyCsvMapping } from '@cairn/shared';
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
import { readFields, unmappedColumns, withFields, type FieldColumn } from './fields.js';
import { normalizeText, toTitle } from './normalize.js';
import { convertRow, readBody, readOptionalDate, readOptionalEmail } from './rows.js';
import { inferScoreScale, readScoreOnScale } from './score-scale.js';
import { suggestSurveyMapping } from './suggest-mapping.js';
import type { CsvImportOptions } from './tickets-csv.js';
import { ImportFileError, type ImportedSource, type ImportRow } from './types.js';

export type SurveyLayout = 'plain' | 'qualtrics' | 'qualtrics-legacy';

/** A wide survey export: one row per respondent; `labels` are the question texts where the export has them. */
export type SurveyTable = { delimiter: CsvDelimiter; layout: SurveyLayout; columns: string[]; labels: string[]; records: AsyncGenerator<CsvRecord> };

const IMPORT_ID_CELL = /^\{\s*"ImportId"\s*:/;
const LEGACY_COLUMN_ID = /^V\d+$/;

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

/** A survey's options: a CSV's, and the score column's scale when the import was told it. */
export type SurveyImportOptions = CsvImportOptions & { scoreScale?: ScoreScale | undefined };

/**
 * The scale of the score column: the one chosen for the import, else the one its question
 * states or its sampled rows show (`inferScoreScale`), read from the same rows as the date order.
 */
export function scoreScaleOf(chosen: ScoreScale | undefined, sample: CsvRecord[], column: (ResolvedColumn & { label: string }) | undefined): ScoreScale | null {
  if (!column) return null;
  return chosen ?? inferScoreScale(cellRows(sample).map((cells) => cellOf(cells, column)), `${column.column} ${column.label}`);
}

type Question = ResolvedColumn & { label: string };
type SurveyColumns = Partial<Record<Exclude<keyof SurveyCsvMapping, 'questions'>, ResolvedColumn>> & { questions: Question[] };
type SurveyRead = CsvImportOptions & { scoreScale: ScoreScale | null; fieldColumns: FieldColumn[] };

/** Each non-empty answer to a question column → one `survey_response` source titled by the question. */
export async function* parseSurveyCsv(text: AsyncIterable<string>, mapping?: SurveyCsvMapping, options: SurveyImportOptions = {}): AsyncGenerator<ImportRow> {
  const table = await openSurveyTable(text);
  const { head, records } = await peekRecords(table.records, DATE_ORDER_SAMPLE_ROWS);
  const chosen = mapping ?? suggestSurveyMapping({ columns: table.columns, labels: table.labels, rows: cellRows(head.slice(0, IMPORT_PREVIEW_ROWS)) });
  if (chosen.questions.length === 0) {
    throw new ImportFileError('No column looks like a free-text question (answers are short or numeric); choose the question columns in a mapping');
  }
  const readRow = surveyRowReader(table, head, chosen, options);
  for await (const record of records) yield readRow(record);
}

/** As `ticketRowReader`: one record's conversion under a mapping, for the import and the preview's mapping check. */
export function surveyRowReader(
  table: Pick<SurveyTable, 'columns' | 'labels'>,
  head: CsvRecord[],
  mapping: SurveyCsvMapping,
  options: SurveyImportOptions,
): (record: CsvRecord) => ImportRow {
  const columns: SurveyColumns = {
    ...resolveColumns(table.columns, mapping),
    questions: mapping.questions.map((column) => {
      const resolved = resolveColumn(table.columns, 'questions', column);
      return { ...resolved, label: table.labels[resolved.index] ?? column };
    }),
  };
  const score = columns.score && { ...columns.score, label: table.labels[columns.score.index] ?? columns.score.column };
  const { questions, ...fields } = columns;
  const mapped = new Set([...Object.values(fields), ...questions].map((column) => column.index));
  const read: SurveyRead = {
    ...options,
    dateOrder: dateOrderOf(options.dateOrder, head, columns.submittedAt),
    scoreScale: scoreScaleOf(options.scoreScale, head, score),
    // Named as answers are titled, by the question text where the export has one (Qualtrics' "V2" is "ResponseSet").
    fieldColumns: unmappedColumns(table.labels, mapped),
  };
  return (record) => ('error' in record ? record : convertRow(record.line, record.raw, () => toSurveyResponses(record.cells, columns, read)));
}

function toSurveyResponses(cells: string[], columns: SurveyColumns, options: SurveyRead): ImportedSource[] {
  const respondentId = cellOf(cells, columns.respondentId) || null;
  const email = columns.respondentEmail ? readOptionalEmail(cellOf(cells, columns.respondentEmail), columns.respondentEmail) : null;
  const submittedAt = columns.submittedAt ? readOptionalDate(cellOf(cells, columns.submittedAt), columns.submittedAt, options.dateOrder) : null;
  const score = columns.score ? readScoreOnScale(cellOf(cells, columns.score), options.scoreScale, columns.score.column) : null;
  // Each answer carries its score's scale, so a list of answers from many imports (the Inbox) reads every score rightly.
  const scoreScale = typeof score === 'number' ? (options.scoreScale ?? undefined) : undefined;
  // The respondent's other columns (a plan, a country, unchosen questions) go with each of their answers.
  const fields = readFields(cells, options.fieldColumns);
  return columns.questions.flatMap((question) => {
    if (cellOf(cells, question) === '') return [];
    return [
      {
        kind: 'survey_response',
        title: toTitle(question.label),
        body: readBody(cells[question.index] ?? '', { field: 'Answer', column: question.column }),
        occurredAt: submittedAt ?? options.occurredAt ?? null,
        externalId: respondentId ? `${respondentId}:${question.column}` : null,
        customer: email ? { email } : null,
        metadata: withFields({ question: question.label, questionColumn: question.column, score, scoreScale, respondentId }, fields),
        segments: null,
      } satisfies ImportedSource,
    ];
  });
}
