import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from '../db/client.js';

/**
 * Helpers for statements over a whole import batch. Rows and key lists travel as one JSON
 * parameter: no placeholder limit, and far less work than building thousands of bind
 * parameters (drizzle's multi-row `values()` costs more time than the insert itself).
 * On PostgreSQL, the largest batches (sources) go in with COPY instead (`copyIntoTemporaryTable`).
 */

/** Many rows as one `json` parameter, for `json_to_recordset(…) as v(col type, …)`. */
export function jsonRows(rows: unknown[]): SQL {
  return sql`${JSON.stringify(rows)}::json`;
}

/**
 * `column = any(anyOf(values))`: an array built from one parameter. Unlike a long `in (…)`
 * list, whose row estimate makes the planner prefer a sequential scan, this keeps the lookup
 * on the index.
 */
export function anyOf(values: string[]): SQL {
  return sql`array(select json_array_elements_text(${JSON.stringify(values)}::json))`;
}

/** The rows of a raw statement, whichever driver ran it. */
export async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = await executor.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value in COPY's text format: `\N` for null, objects as JSON (for json/jsonb columns),
 * backslash escapes for what separates values and rows.
 */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIALS, (special) => COPY_ESCAPES[special]!) : text;
}

/** The node-postgres connection of a transaction; drizzle keeps it as `session.client`. Null on PGlite and outside a transaction. */
function connectionOf(executor: Executor): pg.ClientBase | null {
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

/**
 * PostgreSQL only: puts rows, and only these, into the temporary table `table` (created on a
 * connection's first use, emptied at commit) with `COPY … FROM STDIN`, the cheapest way in:
 * PostgreSQL parses no JSON, and the driver sends the bytes as they are instead of measuring
 * and copying one huge bind parameter. `rows` hold values in the order of `columns` (see
 * copyValue). Returns false where COPY is not available (PGlite, or no transaction), so the
 * caller sends the rows as JSON instead.
 */
export async function copyIntoTemporaryTable(executor: Executor, table: string, columns: string, rows: unknown[][]): Promise<boolean> {
  const connection = connectionOf(executor);
  if (!connection) return false;
  let text = '';
  for (const row of rows) text += `${row.map(copyValue).join('\t')}\n`;
  await connection.query(`create temporary table if not exists ${table} (${columns}) on commit delete rows; delete from ${table}`);
  const copy = connection.query(copyFrom(`copy ${table} from stdin`));
  await new Promise<void>((resolve, reject) => {
    copy.on('error', reject);
    copy.on('finish', resolve);
    copy.end(Buffer.from(text));
  });
  return true;
}
