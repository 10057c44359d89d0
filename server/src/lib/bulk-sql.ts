import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/**
 * Helpers for statements over a whole import batch. Rows and key lists travel as one JSON
 * parameter: no placeholder limit, and far less work than building thousands of bind
 * parameters (drizzle's multi-row `values()` costs more time than the insert itself).
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
