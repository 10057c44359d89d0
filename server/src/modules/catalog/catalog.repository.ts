import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../lib/bulk-sql.js';
import { backlogItems, companies, companyAliases, customers, highlightTags, highlights, insights, tags } from '../../db/schema/index.js';

export async function listCustomerNames(executor: Executor, workspaceId: string) {
  return executor
    .select({ id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId, company: companies.name })
    .from(customers)
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(customers.workspaceId, workspaceId))
    .orderBy(asc(customers.id));
}

/**
 * Each company with its customers counted and its aliases (A to Z): one grouped pass over the
 * workspace's customers (`customers_company_idx`) and one over its aliases.
 */
export async function listCompanyNames(executor: Executor, workspaceId: string) {
  const counts = executor
    .select({ companyId: customers.companyId, customers: sql<number>`count(*)::int`.as('customers') })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .groupBy(customers.companyId)
    .as('counts');
  const aliases = executor
    .select({ companyId: companyAliases.companyId, names: sql<string[]>`array_agg(${companyAliases.name} order by lower(${companyAliases.name}))`.as('names') })
    .from(companyAliases)
    .where(eq(companyAliases.workspaceId, workspaceId))
    .groupBy(companyAliases.companyId)
    .as('aliases');
  return executor
    .select({
      id: companies.id,
      name: companies.name,
      segment: companies.segment,
      customers: sql<number>`coalesce(${counts.customers}, 0)`,
      aliases: sql<string[]>`coalesce(${aliases.names}, '{}')`,
    })
    .from(companies)
    .leftJoin(counts, eq(counts.companyId, companies.id))
    .leftJoin(aliases, eq(aliases.companyId, companies.id))
    .where(eq(companies.workspaceId, workspaceId))
    .orderBy(asc(companies.id));
}

export async function listInsightNames(executor: Executor, workspaceId: string) {
  return executor
    .select({ id: insights.id, type: insights.type, title: insights.title, status: insights.status })
    .from(insights)
    .where(and(eq(insights.workspaceId, workspaceId), isNull(insights.deletedAt)))
    .orderBy(asc(insights.id));
}

export async function listBacklogItemNames(executor: Executor, workspaceId: string) {
  return executor
    .select({ id: backlogItems.id, title: backlogItems.title, status: backlogItems.status, externalKey: backlogItems.externalKey })
    .from(backlogItems)
    .where(and(eq(backlogItems.workspaceId, workspaceId), isNull(backlogItems.deletedAt)))
    .orderBy(asc(backlogItems.id));
}

/**
 * `count:sum of stamps` over one table's rows of the workspace. A sum, not a max: a row whose
 * stamp changes always changes the sum, whereas a writer whose transaction began before the
 * latest stamp (stamps are taken before commit) would not move the max. The stamps are summed
 * as whole microseconds: an integer sum does not depend on the order rows are read in (a float
 * sum would), and is faster than a numeric one.
 */
function tally(table: PgTable, workspaceColumn: PgColumn, stamp: PgColumn, workspaceId: string, filter?: SQL): SQL {
  return sql`(select count(*) || ':' || coalesce(sum((date_part('epoch', ${stamp}) * 1000000)::int8), 0) from ${table}
    where ${workspaceColumn} = ${workspaceId} ${filter ? sql`and ${filter}` : sql``})`;
}

/**
 * A summary of every row the catalog is built from, in one statement: it differs whenever a
 * row is added, removed or written with a new stamp. What each part covers:
 * - tags: created, renamed, recoloured, regrouped, deleted (`updated_at` is set on insert and update);
 * - highlight_tags: usage counts as links come and go (a merge also deletes a tag);
 * - trashed highlights: usage counts, which leave out the trash, move with `deleted_at`;
 * - customers: added, renamed, moved to another company (which also moves companies' customer counts);
 * - companies: created, renamed, given a new segment by an import or an edit, or deleted (which
 *   empties customers' `company_id` without touching them);
 * - company aliases: added by a rename or a merge, moved by a merge, let go by an edit, taken over
 *   by another company's rename, or deleted with their company;
 * - insights and backlog items: created, renamed, given a new status, type or tracker key,
 *   trashed or restored (a move to or from the trash stamps `updated_at` too).
 * It relies on every writer setting `updated_at`, as the repositories do.
 */
export async function findCatalogVersion(executor: Executor, workspaceId: string): Promise<string> {
  const [row] = await rowsOf<{ version: string }>(
    executor,
    sql`select concat_ws(' ',
      ${tally(tags, tags.workspaceId, tags.updatedAt, workspaceId)},
      ${tally(highlightTags, highlightTags.workspaceId, highlightTags.createdAt, workspaceId)},
      ${tally(highlights, highlights.workspaceId, highlights.deletedAt, workspaceId, sql`${highlights.deletedAt} is not null`)},
      ${tally(customers, customers.workspaceId, customers.updatedAt, workspaceId)},
      ${tally(companies, companies.workspaceId, companies.updatedAt, workspaceId)},
      ${tally(companyAliases, companyAliases.workspaceId, companyAliases.updatedAt, workspaceId)},
      ${tally(insights, insights.workspaceId, insights.updatedAt, workspaceId)},
      ${tally(backlogItems, backlogItems.workspaceId, backlogItems.updatedAt, workspaceId)}
    ) as version`,
  );
  return row!.version;
}
