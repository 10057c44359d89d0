import { SQL, StringChunk, Table, getTableName } from 'drizzle-orm';
import type { Db } from './client.js';

export type RenderedStatement = { text: string; params: unknown[] };

/**
 * A statement's text and values, for statements made only of `sql` text, tables and plain values
 * (strings, numbers, booleans, null); anything else throws. drizzle's own rendering accepts every
 * kind of chunk, and tells them apart by walking each one's class chain: for a search window's
 * ~175 chunks that took 25–50 µs a statement (ADR 005). The text is drizzle's, chunk for chunk.
 */
export function renderStatement(statement: SQL): RenderedStatement {
  let text = '';
  const params: unknown[] = [];
  const render = (chunk: unknown) => {
    if (chunk instanceof SQL) for (const part of chunk.queryChunks) render(part);
    else if (chunk instanceof StringChunk) text += chunk.value.join('');
    else if (chunk instanceof Table) text += `"${getTableName(chunk).replaceAll('"', '""')}"`;
    else if (chunk === undefined) return;
    else if (chunk === null || typeof chunk === 'string' || typeof chunk === 'number' || typeof chunk === 'boolean') text += `$${params.push(chunk)}`;
    else throw new Error(`renderStatement renders text, tables and plain values, not ${Object.prototype.toString.call(chunk)}`);
  };
  render(statement);
  return { text, params };
}

type DriverClient = { query: <T>(text: string, params: unknown[]) => Promise<{ rows: T[] }> };

/**
 * The rows of a statement (see `renderStatement`), sent straight to the driver's client — the
 * `pg` pool, or PGlite — rather than through drizzle's query pipeline: for the statements every
 * search sends (its windows and its estimate). Values come back as the driver parses them, so
 * these statements return no timestamp columns (drizzle's drivers hand those out as strings).
 */
export async function queryRows<T>(db: Db, statement: SQL): Promise<T[]> {
  const { text, params } = renderStatement(statement);
  const client = (db as unknown as { $client: DriverClient }).$client;
  return (await client.query<T>(text, params)).rows;
}
