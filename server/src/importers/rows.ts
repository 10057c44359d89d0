import { SOURCE_BODY_MAX_LENGTH, type DateOrder } from '@cairn/shared';
import { readDate } from './dates.js';
import { normalizeText } from './normalize.js';
import { RowError, type ImportedSource, type ImportRow } from './types.js';

/** Runs one row's conversion; a RowError becomes the row's rejection reason, anything else is a bug and propagates. */
export function convertRow(line: number, raw: string, convert: () => ImportedSource[]): ImportRow {
  try {
    return { line, raw, sources: convert() };
  } catch (error) {
    if (error instanceof RowError) return { line, raw, error: error.message };
    throw error;
  }
}

/** Where a value came from, for messages such as `Created at "31/31/2024" (column "Opened") is …`; JSON fields (a vendor's own names) have no column. */
export type FieldSource = { field: string; column?: string };

function inColumn(column: string | undefined): string {
  return column === undefined ? '' : ` (column "${column}")`;
}

function describe({ field, column }: FieldSource, value: string): string {
  return `${field} ${JSON.stringify(value)}${inColumn(column)}`;
}

/** The normalized body, or a RowError naming the column when it is empty or too long. */
export function readBody(value: string, from: FieldSource): string {
  const body = normalizeText(value);
  if (body === '') throw new RowError(`${from.field} is empty${inColumn(from.column)}`);
  if (body.length > SOURCE_BODY_MAX_LENGTH) {
    throw new RowError(`${from.field} is ${body.length} characters long; the limit is ${SOURCE_BODY_MAX_LENGTH}${inColumn(from.column)}`);
  }
  return body;
}

export function readOptionalDate(value: string, from: FieldSource, order?: DateOrder): Date | null {
  if (value.trim() === '') return null;
  const reading = readDate(value, order);
  if ('problem' in reading) throw new RowError(`${describe(from, value.trim())} ${reading.problem}`);
  return reading.date;
}

// Deliberately loose: the goal is to catch "N/A" or a name in the email column, not to validate RFC 5322.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readOptionalEmail(value: string, from: FieldSource): string | null {
  const email = value.trim();
  if (email === '') return null;
  if (!EMAIL_SHAPE.test(email)) throw new RowError(`${describe(from, email)} is not an email address`);
  return email;
}

/** Drops null, undefined and empty-string values so that metadata only says what is known. */
export function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}
