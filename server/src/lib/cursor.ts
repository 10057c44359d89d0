import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.js';

/**
 * Keyset cursors: the sort key of the last row, base64url-encoded JSON. Opaque to clients,
 * stable under concurrent inserts (no OFFSET).
 */
export function encodeCursor(values: Array<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): Array<string | number | null> | undefined {
  if (!cursor) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values as Array<string | number | null>;
  } catch {
    // fall through to the 400 below
  }
  throw new AppError('validation_failed', 'The cursor is not one this API handed out', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
}

/** Splits the extra row fetched to know whether another page exists. */
export function pageFrom<Row, Item>(rows: Row[], limit: number, present: (row: Row) => Item, cursorOf: (row: Row) => Array<string | number | null>) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(present), nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}

/**
 * `(column, id) < (after)` for newest-first keyset pages. Timestamps travel as PostgreSQL's
 * own text form: JavaScript dates would drop the microseconds and skip rows.
 */
export function olderThan(column: AnyPgColumn, idColumn: AnyPgColumn, after: Array<string | number | null> | undefined): SQL | undefined {
  if (!after) return undefined;
  return sql`(${column}, ${idColumn}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`;
}

/** The exact text of a timestamp column, to put in a cursor. */
export function cursorText(column: AnyPgColumn): SQL<string> {
  return sql<string>`${column}::text`;
}
