import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.js';
import { rowsOf } from '../lib/bulk-sql.js';
import type { Executor } from './client.js';
import { backlogItems, companies, customers, imports, insights, sources, tags } from './schema/index.js';

type OwnedTable = PgTable & { workspaceId: AnyPgColumn; id: AnyPgColumn };

/** What list filters name, each a table of the workspace's objects keyed by id. */
const OWNED = {
  customer: { what: 'Customer', table: customers },
  company: { what: 'Company', table: companies },
  import: { what: 'Import', table: imports },
  tag: { what: 'Tag', table: tags },
  source: { what: 'Source', table: sources },
  insight: { what: 'Insight', table: insights },
  backlogItem: { what: 'Backlog item', table: backlogItems },
} satisfies Record<string, { what: string; table: OwnedTable }>;

export type FilterOwner = keyof typeof OWNED;

/** One id a list or bulk action is filtered by: where the request gave it (`query.customerId`), and what it names. */
export type FilterId = { path: string; names: FilterOwner; id: string | undefined };

/**
 * A list filtered by an id of nothing in the workspace (another workspace's object, or none at
 * all) would find nothing and say so as an empty list, which reads as "none yet". It is a 404
 * naming each such filter instead, as search answers and as a route with the id in its path does.
 * Callers ask only when a page came back empty: rows that match carry the filters' ids, which
 * shows them the workspace's, so a list's usual path costs no extra round trip. One statement
 * whatever the number of filters; an object in the trash is still the workspace's.
 */
export async function refuseForeignFilterIds(executor: Executor, workspaceId: string, filterIds: FilterId[]): Promise<void> {
  const check = checkFilterIds(workspaceId, filterIds);
  if (!check.columns.length) return;
  const [found] = await rowsOf<Record<string, boolean>>(executor, sql`select ${sql.join(check.columns, sql`, `)}`);
  check.refuse(found!);
}

/**
 * The same check as columns (`found0`, `found1`…) for a caller to select beside its own (search
 * asks them with its query's `querytree`), and `refuse`, which reads them from the row that comes back.
 */
export function checkFilterIds(workspaceId: string, filterIds: FilterId[]): { columns: SQL[]; refuse: (row: Record<string, unknown>) => void } {
  const given = filterIds.filter((filter): filter is FilterId & { id: string } => filter.id !== undefined);
  const columns = given.map(({ names, id }, index) => {
    const { table } = OWNED[names];
    return sql`exists (select 1 from ${table} where ${table.workspaceId} = ${workspaceId} and ${table.id} = ${id}) as ${sql.identifier(`found${index}`)}`;
  });
  const refuse = (row: Record<string, unknown>) => {
    const issues = given.filter((_, index) => !row[`found${index}`]).map(({ path, names }) => ({ path, message: `${OWNED[names].what} not found` }));
    if (issues.length) throw new AppError('not_found', issues.map((issue) => issue.message).join('; '), issues);
  };
  return { columns, refuse };
}
