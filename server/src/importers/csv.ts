import { IMPORT_ROW_MAX_BYTES } from '@cairn/shared';
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
 * Oversized rows are measured once complete and rejected on their own. To keep memory bounded
 * when a quote is never closed, reading stops once one record has swallowed this much text: any
 * row that long was going to be rejected anyway.
 */
const RUNAWAY_RECORD_CHARS = 4 * IMPORT_ROW_MAX_BYTES;
const LINE_BREAKS = /\r\n?/g;

/**
 * Opens a CSV text stream: sniffs the delimiter from the first line, reads the header row and
 * streams the records after it. Throws ImportFileError for files that are no CSV at all.
 * Line breaks are normalized to `\n` before parsing so that line numbers and raw text are
 * exact whatever the file used.
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

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/** One record cut from the text, or the quote that never closed; `end` is where the next record starts. */
type ScannedRecord = { end: number; cells: string[] } | { end: number; cells: null };

const UNCLOSED_QUOTE = 'A quoted field opened on this line is never closed: the rest of the file was read as one value';
const RUNAWAY_QUOTE = `A quoted field opened on this line is still open ${RUNAWAY_RECORD_CHARS} characters later; reading stopped here (an unclosed quote?)`;

/**
 * The quoted value starting at `pos`, with `""` read as a quote and line breaks kept, and
 * where it ends; null when the text ends before its closing quote.
 */
function scanQuoted(text: string, pos: number, final: boolean): { value: string; end: number } | null {
  let value = '';
  let from = pos + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    // A quote at the very end may be the first half of "".
    if (quote === -1 || (quote === text.length - 1 && !final)) return null;
    if (text.charCodeAt(quote + 1) !== QUOTE) return { value: value + text.slice(from, quote), end: quote + 1 };
    value += text.slice(from, quote + 1);
    from = quote + 2;
  }
}

/**
 * Reads the record starting at `start` (never a blank line), or returns null when the text
 * ends inside it and more may come. `seen` remembers the next delimiter across calls on one
 * text. The dialect is RFC 4180 as spreadsheets write it, read leniently as csv-parse's
 * `relax_quotes` did: a value that starts with a quote runs to its closing quote; a quote
 * anywhere else is an ordinary character (`5" screen`), and a closing quote followed by more
 * text is kept as written, the value running on to the next delimiter (`"He said "hi" to me"`).
 */
function scanRecord(text: string, start: number, delimiter: string, final: boolean, seen: { delimiterAt: number }): ScannedRecord | null {
  const cells: string[] = [];
  let pos = start;
  // Where the current line ends; found again after a quoted value, which may span lines.
  let lineEnd = -1;
  for (;;) {
    let value: string | null = null;
    let written = '';
    if (text.charCodeAt(pos) === QUOTE) {
      const quoted = scanQuoted(text, pos, final);
      if (quoted === null) return final ? { end: text.length, cells: null } : null;
      pos = quoted.end;
      lineEnd = -1;
      if (pos >= text.length || text.charCodeAt(pos) === LINE_FEED || text.startsWith(delimiter, pos)) value = quoted.value;
      else written = `"${quoted.value}"`;
    }
    if (value === null) {
      if (lineEnd < pos) {
        lineEnd = text.indexOf('\n', pos);
        if (lineEnd === -1) {
          if (!final) return null;
          lineEnd = text.length;
        }
      }
      if (seen.delimiterAt < pos) {
        const found = text.indexOf(delimiter, pos);
        seen.delimiterAt = found === -1 ? text.length : found;
      }
      const valueEnd = Math.min(seen.delimiterAt, lineEnd);
      value = written + text.slice(pos, valueEnd);
      pos = valueEnd;
    }
    cells.push(value);
    if (pos >= text.length) return final ? { end: pos, cells } : null;
    if (text.charCodeAt(pos) === LINE_FEED) return { end: pos + 1, cells };
    pos += delimiter.length;
  }
}

/** Normalizes line breaks chunk by chunk: a \r at the end of a chunk may be the first half of \r\n. */
async function* normalizeLineBreaks(text: AsyncIterable<string>): AsyncGenerator<string> {
  let carriageReturn = false;
  for await (const chunk of text) {
    const joined: string = carriageReturn ? `\r${chunk}` : chunk;
    carriageReturn = joined.endsWith('\r');
    const whole = carriageReturn ? joined.slice(0, -1) : joined;
    yield whole.includes('\r') ? whole.replace(LINE_BREAKS, '\n') : whole;
  }
  if (carriageReturn) yield '\n';
}

/**
 * Streams the records of a CSV text. Reading is string-based and holds no more than one
 * record and one chunk: the text is cut at line feeds and delimiters with indexOf, so a
 * 100,000-row file costs a few microseconds a row (csv-parse, byte by byte, cost ~20).
 */
async function* readRecords(text: AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<CsvRecord> {
  let pending = '';
  let line = 1;
  const take = function* (final: boolean): Generator<CsvRecord, boolean> {
    let start = 0;
    // The next delimiter found so far, shared by the records of this text: a file without
    // delimiters (one column) must not make every row search to the end of the text.
    const seen = { delimiterAt: -1 };
    for (;;) {
      while (pending.charCodeAt(start) === LINE_FEED) {
        start++;
        line++;
      }
      if (start >= pending.length) break;
      const record = scanRecord(pending, start, delimiter, final, seen);
      if (!record) {
        if (pending.length - start > RUNAWAY_RECORD_CHARS) {
          yield { line, raw: pending.slice(start), error: RUNAWAY_QUOTE };
          return false;
        }
        break;
      }
      const raw = pending.slice(start, pending.charCodeAt(record.end - 1) === LINE_FEED ? record.end - 1 : record.end);
      // A UTF-16 unit is at most 3 UTF-8 bytes: only long rows need measuring.
      const bytes = raw.length * 3 > IMPORT_ROW_MAX_BYTES ? Buffer.byteLength(raw) : 0;
      if (bytes > IMPORT_ROW_MAX_BYTES) yield { line, raw, error: `The row is ${bytes} bytes long; the limit is ${IMPORT_ROW_MAX_BYTES}` };
      else if (record.cells === null) yield { line, raw, error: UNCLOSED_QUOTE };
      else if (!isBlankRecord(record.cells)) yield { line, raw, cells: record.cells };
      line += countLineBreaks(raw) + 1;
      start = record.end;
    }
    pending = pending.slice(start);
    return true;
  };
  for await (const chunk of normalizeLineBreaks(text)) {
    pending += chunk;
    if (!(yield* take(false))) return;
  }
  yield* take(true);
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

/** A mapped field's column and its position, resolved once per file. */
export type ResolvedColumn = { field: string; column: string; index: number };

/** A mapped column the file lacks makes the whole file unusable: every row would miss it. */
export function resolveColumn(columns: string[], field: string, column: string): ResolvedColumn {
  const index = columns.indexOf(column.trim());
  if (index === -1) throw new ImportFileError(`The mapping names column "${column}" for ${field}, but the file has no such column`);
  return { field, column, index };
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
