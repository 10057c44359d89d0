import { Readable } from 'node:stream';
import { IMPORT_BATCH_SIZE, IMPORT_ROW_MAX_BYTES, type DateOrder } from '@cairn/shared';
import { parse, type CsvError, type Options } from 'csv-parse';
import type { z } from 'zod';
import { inferDateOrder } from './dates.js';
import { assertTextual, prependText, SNIFF_BYTES } from './decode.js';
import { ImportFileError } from './types.js';

export type CsvDelimiter = ',' | ';' | '\t';
/** One CSV record; `line` is the 1-based line it starts on, `raw` its text as it came (line breaks as `\n`). */
export type CsvRecord = { line: number; raw: string } & ({ cells: string[] } | { error: string });
export type CsvTable = { delimiter: CsvDelimiter; columns: string[]; records: AsyncGenerator<CsvRecord> };

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t'];
/** Column names are short; a first line with a longer "name" is prose, not a header row. */
const HEADER_CELL_MAX_LENGTH = 200;
/**
 * csv-parse cannot skip a record that outgrows a size limit (its max_record_size aborts the
 * chunk), so oversized rows are measured once complete. To keep memory bounded when a quote is
 * never closed, reading stops once one record has swallowed this much text: any row that long
 * was going to be rejected anyway.
 */
const RUNAWAY_RECORD_CHARS = 4 * IMPORT_ROW_MAX_BYTES;
const LINE_BREAKS = /\r\n?/g;
/**
 * Rows read before the first is converted, to learn the day/month order of the date column
 * (`dateOrderOf`): no more than one import batch, which is held in memory anyway.
 */
export const DATE_ORDER_SAMPLE_ROWS = IMPORT_BATCH_SIZE;

type ParsedRecord = { record: string[]; raw: string };

/**
 * Opens a CSV text stream: sniffs the delimiter from the first line, reads the header row and
 * streams the records after it. Throws ImportFileError for files that are no CSV at all.
 * Line breaks are normalized to `\n` before parsing so that line numbers and raw text are
 * exact whatever the file used (csv-parse miscounts lines in CRLF files).
 */
export async function openCsv(text: AsyncIterable<string>): Promise<CsvTable> {
  const { head, rest } = await readHead(text);
  if (head.trim() === '') throw new ImportFileError('The file is empty');
  assertTextual(head, 'The file');
  const delimiter = detectDelimiter(head.slice(0, firstLineEnd(head)));
  const records = readRecords(prependText(head, rest), delimiter);
  const first = await records.next();
  if (first.done) throw new ImportFileError('The file is empty');
  if ('error' in first.value) throw new ImportFileError(`The header row could not be read: ${first.value.error}`);
  const columns = first.value.cells.map((cell) => cell.trim());
  const longest = columns.reduce((max, column) => Math.max(max, column.length), 0);
  if (longest > HEADER_CELL_MAX_LENGTH) {
    throw new ImportFileError(
      `The first line is not a header row (one "column name" is ${longest} characters long). A CSV import needs a first line naming its columns.`,
    );
  }
  return { delimiter, columns, records };
}

/** Reads until the first line break (or SNIFF_BYTES characters), keeping the rest of the stream unread. */
async function readHead(text: AsyncIterable<string>): Promise<{ head: string; rest: AsyncIterator<string> }> {
  const rest = text[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n') && head.length < SNIFF_BYTES) {
    const next = await rest.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, rest };
}

function firstLineEnd(text: string): number {
  const end = text.search(/[\r\n]/);
  return end === -1 ? text.length : end;
}

/** The candidate that occurs most often outside quotes in the first line; a comma when none does. */
function detectDelimiter(firstLine: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, candidate) => ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0) ? candidate : best));
}

async function* readRecords(text: AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<CsvRecord> {
  let fedChars = 0;
  let parsedChars = 0;
  let nextLine = 1;
  let runaway = false;
  // on_record and on_skip run synchronously, in file order, while csv-parse reads; errors are
  // parked here and handed out just before the record that follows them, keeping the order.
  let skipped: CsvRecord[] = [];

  const locate = (raw: string): { line: number; raw: string; bytes: number } => {
    parsedChars += raw.length;
    let leadingBlankLines = 0;
    while (raw[leadingBlankLines] === '\n') leadingBlankLines++;
    const line = nextLine + leadingBlankLines;
    nextLine += countLineBreaks(raw);
    const trimmed = raw.slice(leadingBlankLines, raw.endsWith('\n') ? -1 : undefined);
    return { line, raw: trimmed, bytes: Buffer.byteLength(trimmed) };
  };

  async function* normalizeLineBreaks(): AsyncGenerator<string> {
    let carriageReturn = false;
    for await (const chunk of text) {
      // A \r at the end of a chunk may be the first half of \r\n: decide with the next chunk.
      const joined: string = (carriageReturn ? '\r' : '') + chunk;
      carriageReturn = joined.endsWith('\r');
      const normalized = (carriageReturn ? joined.slice(0, -1) : joined).replace(LINE_BREAKS, '\n');
      fedChars += normalized.length;
      yield normalized;
      if (fedChars - parsedChars > RUNAWAY_RECORD_CHARS) {
        runaway = true;
        return;
      }
    }
    if (carriageReturn) yield '\n';
  }

  const options: Options<CsvRecord[], ParsedRecord> = {
    delimiter,
    record_delimiter: '\n',
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: ({ record, raw }) => {
      const where = locate(raw);
      const row: CsvRecord =
        where.bytes > IMPORT_ROW_MAX_BYTES
          ? { line: where.line, raw: where.raw, error: `The row is ${where.bytes} bytes long; the limit is ${IMPORT_ROW_MAX_BYTES}` }
          : { line: where.line, raw: where.raw, cells: record };
      const ready = [...skipped, row];
      skipped = [];
      return ready;
    },
    on_skip: (error, raw) => {
      const where = locate(raw ?? '');
      skipped.push({ line: where.line, raw: where.raw, error: describeCsvError(error, runaway) });
      return undefined;
    },
  };
  // csv-parse's typings do not model `raw: true`, under which on_record receives `{ record, raw }`.
  const parser = parse(options as unknown as Options);
  const source = Readable.from(normalizeLineBreaks());
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const ready of parser as AsyncIterable<CsvRecord[]>) {
      for (const row of ready) if ('error' in row || !isBlankRecord(row.cells)) yield row;
    }
    yield* skipped;
  } finally {
    source.destroy();
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** A line of only delimiters or spaces is padding, not a row. */
function isBlankRecord(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function describeCsvError(error: CsvError | undefined, runaway: boolean): string {
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
    return runaway
      ? `A quoted field opened on this line is still open ${RUNAWAY_RECORD_CHARS} characters later; reading stopped here (an unclosed quote?)`
      : 'A quoted field opened on this line is never closed: the rest of the file was read as one value';
  }
  return error?.message ?? 'The row could not be read as CSV';
}

/** Reads the first `count` records (for suggestions) without losing them for the import that follows. */
export async function peekRecords(records: AsyncGenerator<CsvRecord>, count: number): Promise<{ head: CsvRecord[]; records: AsyncGenerator<CsvRecord> }> {
  const head: CsvRecord[] = [];
  while (head.length < count) {
    const next = await records.next();
    if (next.done) break;
    head.push(next.value);
  }
  return { head, records: chainRecords(head, records) };
}

export async function* chainRecords(first: CsvRecord[], rest: AsyncGenerator<CsvRecord>): AsyncGenerator<CsvRecord> {
  yield* first;
  yield* rest;
}

export function cellRows(records: CsvRecord[]): string[][] {
  return records.flatMap((record) => ('cells' in record ? [record.cells] : []));
}

/** A mapped field's column and its position, resolved once per file; `field` is the field's name in words, for messages. */
export type ResolvedColumn = { field: string; column: string; index: number };

/**
 * The mapping's fields as the import wizard names them, so that a rejected row says
 * `Created at "31/31/2024" (column "Opened")`, in the words the person chose the column by.
 */
const FIELD_NAMES: Record<string, string> = {
  body: 'Ticket text',
  subject: 'Subject',
  externalId: 'Ticket ID',
  requesterEmail: 'Requester email',
  requesterName: 'Requester name',
  company: 'Company',
  createdAt: 'Created at',
  priority: 'Priority',
  status: 'Status',
  channel: 'Channel',
  tags: 'Helpdesk tags',
  respondentId: 'Respondent ID',
  respondentEmail: 'Respondent email',
  submittedAt: 'Submitted at',
  score: 'Score',
  questions: 'Question columns',
};

/** A mapped column the file lacks makes the whole file unusable: every row would miss it. */
export function resolveColumn(columns: string[], field: string, column: string): ResolvedColumn {
  const name = FIELD_NAMES[field] ?? field;
  const index = columns.indexOf(column.trim());
  if (index === -1) throw new ImportFileError(`The mapping names column "${column}" for ${name}, but the file has no such column`);
  return { field: name, column, index };
}

/** A mapping from the import's options, checked against the format's schema; a wrong one makes the file unusable. */
export function readMapping<Schema extends z.ZodType>(schema: Schema, mapping: unknown): z.infer<Schema> | undefined {
  if (mapping === undefined || mapping === null) return undefined;
  const parsed = schema.safeParse(mapping);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'mapping'}: ${issue.message}`);
  throw new ImportFileError(`The column mapping is not valid: ${problems.join('; ')}`);
}

/** Resolves every single-column field of a mapping (list fields such as survey questions are left out). */
export function resolveColumns<Field extends string>(columns: string[], mapping: Partial<Record<Field, unknown>>): Partial<Record<Field, ResolvedColumn>> {
  const resolved: Partial<Record<Field, ResolvedColumn>> = {};
  for (const [field, column] of Object.entries(mapping) as Array<[Field, unknown]>) {
    if (typeof column === 'string') resolved[field] = resolveColumn(columns, field, column);
  }
  return resolved;
}

export function cellOf(cells: string[], column: ResolvedColumn | undefined): string {
  return column === undefined ? '' : (cells[column.index] ?? '').trim();
}

/** The order a date column is read in: the one chosen for the import, else the one the sampled rows prove. */
export function dateOrderOf(chosen: DateOrder | undefined, sample: CsvRecord[], column: ResolvedColumn | undefined): DateOrder | undefined {
  if (chosen || !column) return chosen;
  const inferred = inferDateOrder(cellRows(sample).map((cells) => cellOf(cells, column)));
  return inferred === 'unknown' || inferred === null ? undefined : inferred;
}
