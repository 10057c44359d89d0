import { and, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { PurgeCounts } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import {
  auditEvents,
  backlogHighlights,
  backlogItems,
  clusterMembers,
  clusters,
  customers,
  highlights,
  importRejections,
  imports,
  insightHighlights,
  insights,
  purges,
  sources,
  workspaces,
} from '../../db/schema/index.js';
import { anyOf, rowsOf } from '../../lib/bulk-sql.js';

export type PurgeRow = typeof purges.$inferSelect;
type NewPurge = typeof purges.$inferInsert;

/** Purges not yet finished: what a dead process leaves behind. */
const LIVE_STATUSES = ['queued', 'running'] as const;

export const NO_COUNTS: PurgeCounts = { sources: 0, highlights: 0, insights: 0, backlogItems: 0, evidenceLinks: 0 };

// --- purges ---

/** The new purge, or undefined when the workspace has one under way already (one at a time). */
export async function insertPurge(executor: Executor, values: NewPurge): Promise<PurgeRow | undefined> {
  const [row] = await executor.insert(purges).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findPurge(executor: Executor, workspaceId: string, id: string): Promise<PurgeRow | undefined> {
  const [row] = await executor
    .select()
    .from(purges)
    .where(and(eq(purges.workspaceId, workspaceId), eq(purges.id, id)));
  return row;
}

export async function findLivePurge(executor: Executor, workspaceId: string): Promise<PurgeRow | undefined> {
  const [row] = await executor
    .select()
    .from(purges)
    .where(and(eq(purges.workspaceId, workspaceId), inArray(purges.status, [...LIVE_STATUSES])));
  return row;
}

export async function updatePurge(executor: Executor, workspaceId: string, id: string, values: Partial<NewPurge>) {
  await executor
    .update(purges)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(purges.workspaceId, workspaceId), eq(purges.id, id)));
}

export async function touchPurges(executor: Executor, ids: string[]) {
  if (ids.length) await executor.update(purges).set({ updatedAt: new Date() }).where(inArray(purges.id, ids));
}

/** Fails purges nobody is working on any more. Maintenance across every workspace, like the imports' sweep. */
export async function failAbandonedPurges(executor: Executor, staleBefore: Date, aliveHere: string[], failure: string) {
  return executor
    .update(purges)
    .set({ status: 'failed', failure, finishedAt: new Date(), updatedAt: new Date() })
    .where(and(inArray(purges.status, [...LIVE_STATUSES]), lt(purges.updatedAt, staleBefore), aliveHere.length ? notInArray(purges.id, aliveHere) : undefined))
    .returning({ id: purges.id });
}

export async function findRetentionStart(executor: Executor, workspaceId: string): Promise<Date> {
  const [row] = await executor.select({ startsAt: workspaces.trashRetentionStartsAt }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row!.startsAt;
}

// --- the trash ---

export type TrashCounts = { sources: number; highlights: number; insights: number; backlogItems: number };

/**
 * What is in the workspace's trash, trashed at `before` or earlier when given: sources, highlights
 * trashed on their own (a trashed source's go with it), insights and backlog items.
 */
export async function countTrash(executor: Executor, workspaceId: string, before: Date | null = null): Promise<TrashCounts> {
  const upTo = (column: string) => (before ? sql` and ${sql.raw(column)} <= ${before.toISOString()}::timestamptz` : sql``);
  const [row] = await rowsOf<TrashCounts>(
    executor,
    sql`select
      (select count(*)::int from ${sources} where workspace_id = ${workspaceId} and deleted_at is not null${upTo('deleted_at')}) as sources,
      (select count(*)::int from ${highlights} where workspace_id = ${workspaceId} and deleted_at is not null and source_deleted_at is null${upTo('deleted_at')}) as highlights,
      (select count(*)::int from ${insights} where workspace_id = ${workspaceId} and deleted_at is not null${upTo('deleted_at')}) as insights,
      (select count(*)::int from ${backlogItems} where workspace_id = ${workspaceId} and deleted_at is not null${upTo('deleted_at')}) as "backlogItems"`,
  );
  return row!;
}

/** Workspaces with something trashed at `cutoff` or earlier, whose time limit had begun by then. Across every workspace, for the time limit. */
export async function listWorkspacesWithTrashBefore(executor: Executor, cutoff: Date): Promise<string[]> {
  const at = sql`${cutoff.toISOString()}::timestamptz`;
  const rows = await rowsOf<{ id: string }>(
    executor,
    sql`select w.id from ${workspaces} w
      where w.trash_retention_starts_at <= ${at} and (
        exists (select 1 from ${sources} s where s.workspace_id = w.id and s.deleted_at <= ${at})
        or exists (select 1 from ${highlights} h where h.workspace_id = w.id and h.deleted_at <= ${at})
        or exists (select 1 from ${insights} i where i.workspace_id = w.id and i.deleted_at <= ${at})
        or exists (select 1 from ${backlogItems} b where b.workspace_id = w.id and b.deleted_at <= ${at}))
      order by w.id`,
  );
  return rows.map((row) => row.id);
}

/** How many links (as evidence of insights and of backlog items) the highlights `highlightIds` (a subquery) have. */
function evidenceLinksOf(workspaceId: string, highlightIds: ReturnType<typeof sql>) {
  return sql`(select count(*) from ${insightHighlights} where workspace_id = ${workspaceId} and highlight_id in ${highlightIds})
    + (select count(*) from ${backlogHighlights} where workspace_id = ${workspaceId} and highlight_id in ${highlightIds})`;
}

type Deleted = { sources: number; highlights: number; evidenceLinks: number; sourceIds: string[]; highlightIds: string[] };

/**
 * Deletes the sources `doomed` selects (a `select id from sources … for update`, ending the
 * statement's first CTE) with their highlights, counting those and their evidence links on the way;
 * the foreign keys cascade to tags, evidence links and cluster memberships. Returns the ids gone.
 */
async function deleteSources(executor: Executor, workspaceId: string, doomed: ReturnType<typeof sql>): Promise<Deleted> {
  const [row] = await rowsOf<{ sourceIds: string[]; highlightIds: string[]; evidenceLinks: number }>(
    executor,
    sql`with doomed as (${doomed}),
      doomed_highlights as (select h.id from ${highlights} h where h.workspace_id = ${workspaceId} and h.source_id in (select id from doomed)),
      links as (select ${evidenceLinksOf(workspaceId, sql`(select id from doomed_highlights)`)} as n),
      gone as (delete from ${sources} s where s.workspace_id = ${workspaceId} and s.id in (select id from doomed) returning s.id)
      select coalesce((select json_agg(id) from gone), '[]') as "sourceIds",
        coalesce((select json_agg(id) from doomed_highlights), '[]') as "highlightIds",
        (select n from links)::int as "evidenceLinks"`,
  );
  return { sources: row!.sourceIds.length, highlights: row!.highlightIds.length, evidenceLinks: row!.evidenceLinks, sourceIds: row!.sourceIds, highlightIds: row!.highlightIds };
}

/** Up to `limit` sources trashed at `before` or earlier, deleted for good with their highlights. */
export function deleteTrashedSources(executor: Executor, workspaceId: string, before: Date, limit: number): Promise<Deleted> {
  return deleteSources(
    executor,
    workspaceId,
    sql`select id from ${sources} where workspace_id = ${workspaceId} and deleted_at <= ${before.toISOString()}::timestamptz
      order by deleted_at, id limit ${limit} for update`,
  );
}

/**
 * Up to `limit` highlights trashed on their own at `before` or earlier, deleted for good; the
 * foreign keys cascade to their tags, evidence links and cluster memberships. `aloneOnly` leaves
 * those whose source is in the trash too (the Highlights trash does not list them: they go, or
 * come back, with their source).
 */
export async function deleteTrashedHighlights(executor: Executor, workspaceId: string, before: Date, limit: number, { aloneOnly }: { aloneOnly: boolean }) {
  const [row] = await rowsOf<{ highlights: number; evidenceLinks: number }>(
    executor,
    sql`with doomed as (
        select id from ${highlights} where workspace_id = ${workspaceId} and deleted_at <= ${before.toISOString()}::timestamptz
          ${aloneOnly ? sql`and source_deleted_at is null` : sql``}
        order by id limit ${limit} for update),
      links as (select ${evidenceLinksOf(workspaceId, sql`(select id from doomed)`)} as n),
      gone as (delete from ${highlights} h where h.workspace_id = ${workspaceId} and h.id in (select id from doomed) returning h.id)
      select (select count(*) from gone)::int as highlights, (select n from links)::int as "evidenceLinks"`,
  );
  return row!;
}

/**
 * Up to `limit` insights trashed at `before` or earlier, deleted for good: their evidence and
 * backlog links go with them, what sat under them moves to the top of the tree, and a cluster
 * promoted to one points at none. An insight merged into one can no longer take back what the
 * merge gave it, so its record of the merge goes too: restoring it restores it alone.
 */
export async function deleteTrashedInsights(executor: Executor, workspaceId: string, before: Date, limit: number): Promise<number> {
  const doomed = await rowsOf<{ id: string }>(
    executor,
    sql`select id from ${insights} where workspace_id = ${workspaceId} and deleted_at <= ${before.toISOString()}::timestamptz order by id limit ${limit} for update`,
  );
  return deleteInsights(executor, workspaceId, doomed.map((row) => row.id));
}

/** The insights `ids` deleted for good, as deleteTrashedInsights says. */
export async function deleteInsights(executor: Executor, workspaceId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  await executor.execute(
    sql`update ${insights} set merge_moves = null, updated_at = now() where workspace_id = ${workspaceId} and merged_into_id = any(${anyOf(ids)}::uuid[])`,
  );
  const gone = await executor
    .delete(insights)
    .where(and(eq(insights.workspaceId, workspaceId), inArray(insights.id, ids)))
    .returning({ id: insights.id });
  return gone.length;
}

/** Up to `limit` backlog items trashed at `before` or earlier, deleted for good with their links. */
export async function deleteTrashedBacklogItems(executor: Executor, workspaceId: string, before: Date, limit: number): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(
    executor,
    sql`with doomed as (
        select id from ${backlogItems} where workspace_id = ${workspaceId} and deleted_at <= ${before.toISOString()}::timestamptz order by id limit ${limit} for update),
      gone as (delete from ${backlogItems} b where b.workspace_id = ${workspaceId} and b.id in (select id from doomed) returning b.id)
      select count(*)::int as count from gone`,
  );
  return row!.count;
}

// --- one item deleted forever ---

export type TrashedItem = { id: string; title: string; deletedAt: Date | null };

/** The source, locked, with whether it is in the trash. */
export async function findSourceForUpdate(executor: Executor, workspaceId: string, id: string): Promise<TrashedItem | undefined> {
  const [row] = await executor
    .select({ id: sources.id, title: sources.title, deletedAt: sources.deletedAt })
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .for('update');
  return row;
}

/** The highlight, locked, with the title of its source; trashed on its own or with its source. */
export async function findHighlightForUpdate(executor: Executor, workspaceId: string, id: string): Promise<TrashedItem | undefined> {
  const [row] = await rowsOf<{ id: string; title: string; deletedAt: string | null }>(
    executor,
    sql`select h.id, s.title, coalesce(h.deleted_at, h.source_deleted_at) as "deletedAt"
      from ${highlights} h join ${sources} s on s.id = h.source_id
      where h.workspace_id = ${workspaceId} and h.id = ${id} for update of h`,
  );
  return row && { ...row, deletedAt: row.deletedAt === null ? null : new Date(row.deletedAt) };
}

export async function findInsightForUpdate(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select({ id: insights.id, title: insights.title, type: insights.type, deletedAt: insights.deletedAt })
    .from(insights)
    .where(and(eq(insights.workspaceId, workspaceId), eq(insights.id, id)))
    .for('update');
  return row;
}

export async function findBacklogItemForUpdate(executor: Executor, workspaceId: string, id: string): Promise<TrashedItem | undefined> {
  const [row] = await executor
    .select({ id: backlogItems.id, title: backlogItems.title, deletedAt: backlogItems.deletedAt })
    .from(backlogItems)
    .where(and(eq(backlogItems.workspaceId, workspaceId), eq(backlogItems.id, id)))
    .for('update');
  return row;
}

export function deleteSource(executor: Executor, workspaceId: string, id: string): Promise<Deleted> {
  return deleteSources(executor, workspaceId, sql`select id from ${sources} where workspace_id = ${workspaceId} and id = ${id} for update`);
}

export async function deleteHighlight(executor: Executor, workspaceId: string, id: string): Promise<{ evidenceLinks: number }> {
  const [row] = await rowsOf<{ evidenceLinks: number }>(
    executor,
    sql`with links as (select ${evidenceLinksOf(workspaceId, sql`(${id}::uuid)`)} as n),
      gone as (delete from ${highlights} where workspace_id = ${workspaceId} and id = ${id})
      select (select n from links)::int as "evidenceLinks"`,
  );
  return row!;
}

export function deleteInsight(executor: Executor, workspaceId: string, id: string): Promise<number> {
  return deleteInsights(executor, workspaceId, [id]);
}

export async function deleteBacklogItem(executor: Executor, workspaceId: string, id: string) {
  await executor.delete(backlogItems).where(and(eq(backlogItems.workspaceId, workspaceId), eq(backlogItems.id, id)));
}

/** The backlog items `ids` deleted for good with their links; returns how many. */
export async function deleteBacklogItems(executor: Executor, workspaceId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const gone = await executor
    .delete(backlogItems)
    .where(and(eq(backlogItems.workspaceId, workspaceId), inArray(backlogItems.id, ids)))
    .returning({ id: backlogItems.id });
  return gone.length;
}

// --- a customer erased ---

export type CustomerRow = typeof customers.$inferSelect;

export async function findCustomer(executor: Executor, workspaceId: string, id: string): Promise<CustomerRow | undefined> {
  const [row] = await executor
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  return row;
}

/** Locked: no source can be given this customer until the transaction ends (an insert takes a key-share lock on it). */
export async function findCustomerForUpdate(executor: Executor, workspaceId: string, id: string): Promise<CustomerRow | undefined> {
  const [row] = await executor
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)))
    .for('update');
  return row;
}

const sourcesOfCustomer = (workspaceId: string, customerId: string) =>
  sql`(select id from ${sources} where workspace_id = ${workspaceId} and customer_id = ${customerId})`;
const highlightsOfCustomer = (workspaceId: string, customerId: string) =>
  sql`(select id from ${highlights} where workspace_id = ${workspaceId} and source_id in ${sourcesOfCustomer(workspaceId, customerId)})`;

export type ErasurePlan = { sources: number; trashedSources: number; highlights: number; evidenceLinks: number; insights: number; backlogItems: number };

/** What erasing the customer deletes: their sources (trashed or not), those sources' highlights (the same), their evidence links, and who loses evidence. */
export async function planErasure(executor: Executor, workspaceId: string, customerId: string): Promise<ErasurePlan> {
  const ofCustomer = highlightsOfCustomer(workspaceId, customerId);
  const [row] = await rowsOf<ErasurePlan>(
    executor,
    sql`select
      (select count(*)::int from ${sources} where workspace_id = ${workspaceId} and customer_id = ${customerId}) as sources,
      (select count(*)::int from ${sources} where workspace_id = ${workspaceId} and customer_id = ${customerId} and deleted_at is not null) as "trashedSources",
      (select count(*)::int from ${highlights} where workspace_id = ${workspaceId} and source_id in ${sourcesOfCustomer(workspaceId, customerId)}) as highlights,
      (${evidenceLinksOf(workspaceId, ofCustomer)})::int as "evidenceLinks",
      (select count(distinct insight_id)::int from ${insightHighlights} where workspace_id = ${workspaceId} and highlight_id in ${ofCustomer}) as insights,
      (select count(distinct backlog_item_id)::int from ${backlogHighlights} where workspace_id = ${workspaceId} and highlight_id in ${ofCustomer}) as "backlogItems"`,
  );
  return row!;
}

/** Up to `limit` of the customer's sources deleted for good with their highlights, and the clusters they were members of. */
export async function deleteSourcesOfCustomer(executor: Executor, workspaceId: string, customerId: string, limit: number): Promise<Deleted & { clusterIds: string[] }> {
  const doomed = await rowsOf<{ id: string }>(
    executor,
    sql`select id from ${sources} where workspace_id = ${workspaceId} and customer_id = ${customerId} order by id limit ${limit} for update`,
  );
  return deleteSourcesById(executor, workspaceId, doomed.map((row) => row.id));
}

/** The sources `ids` deleted for good with their highlights, and the clusters they were members of. */
export async function deleteSourcesById(executor: Executor, workspaceId: string, ids: string[]): Promise<Deleted & { clusterIds: string[] }> {
  if (!ids.length) return { sources: 0, highlights: 0, evidenceLinks: 0, sourceIds: [], highlightIds: [], clusterIds: [] };
  const clusterRows = await rowsOf<{ id: string }>(
    executor,
    sql`select distinct m.cluster_id as id from ${clusterMembers} m
      where m.workspace_id = ${workspaceId} and m.cluster_id is not null
        and (m.source_id = any(${anyOf(ids)}::uuid[])
          or m.highlight_id in (select h.id from ${highlights} h where h.workspace_id = ${workspaceId} and h.source_id = any(${anyOf(ids)}::uuid[])))`,
  );
  const deleted = await deleteSources(executor, workspaceId, sql`select id from ${sources} where workspace_id = ${workspaceId} and id = any(${anyOf(ids)}::uuid[])`);
  return { ...deleted, clusterIds: clusterRows.map((row) => row.id) };
}

/** Clusters among `ids` that have no member left: their labels and terms were made of what was erased. */
export async function deleteEmptyClusters(executor: Executor, workspaceId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const [row] = await rowsOf<{ count: number }>(
    executor,
    sql`with gone as (
        delete from ${clusters} c where c.workspace_id = ${workspaceId} and c.id = any(${anyOf(ids)}::uuid[])
          and not exists (select 1 from ${clusterMembers} m where m.cluster_id = c.id)
        returning c.id)
      select count(*)::int as count from gone`,
  );
  return row!.count;
}

/**
 * Replaces the summary of audit events about the customer, their sources and those sources'
 * highlights (which quote titles, passages, names and emails) by `summary`, which quotes nothing.
 * One pass over the workspace's log.
 */
export async function scrubAuditOfCustomer(executor: Executor, workspaceId: string, customerId: string, summary: string): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(
    executor,
    sql`with scrubbed as (
        update ${auditEvents} a set summary = ${summary}
        where a.workspace_id = ${workspaceId} and a.summary <> ${summary} and (
          (a.object_type = 'customer' and a.object_id = ${customerId})
          or (a.object_type = 'source' and a.object_id in (select id::text from ${sourcesOfCustomer(workspaceId, customerId)} s))
          or (a.object_type = 'highlight' and a.object_id in (select id::text from ${highlightsOfCustomer(workspaceId, customerId)} h)))
        returning a.id)
      select count(*)::int as count from scrubbed`,
  );
  return row!.count;
}

/**
 * The same for events about `sourceIds` and `highlightIds` written at `since` or later: what was
 * logged about them while the erasure ran (the whole log was scrubbed when it began). The log's
 * index on time keeps this to the last few minutes.
 */
export async function scrubRecentAudit(executor: Executor, workspaceId: string, since: Date, sourceIds: string[], highlightIds: string[], summary: string) {
  if (!sourceIds.length && !highlightIds.length) return;
  await executor.execute(
    sql`update ${auditEvents} set summary = ${summary}
      where workspace_id = ${workspaceId} and created_at >= ${since.toISOString()}::timestamptz and summary <> ${summary}
        and ((object_type = 'source' and object_id = any(${anyOf(sourceIds)})) or (object_type = 'highlight' and object_id = any(${anyOf(highlightIds)})))`,
  );
}

/**
 * What imports kept of the customer: a transcript import's `customer` option naming them, and
 * rejected rows (kept to be fixed and imported again) holding their email. Returns how many of each.
 */
export async function forgetCustomerInImports(executor: Executor, workspaceId: string, customer: CustomerRow): Promise<{ options: number; rejections: number }> {
  const email = customer.email?.toLowerCase() ?? null;
  const name = customer.name?.toLowerCase() ?? null;
  const [options] = await rowsOf<{ count: number }>(
    executor,
    sql`with changed as (
        update ${imports} set options = options - 'customer', updated_at = now()
        where workspace_id = ${workspaceId} and options ? 'customer' and (
          lower(options->'customer'->>'email') = ${email}
          or (coalesce(options->'customer'->>'email', '') = '' and lower(options->'customer'->>'name') = ${name}))
        returning id)
      select count(*)::int as count from changed`,
  );
  let rejections = 0;
  if (email) {
    const gone = await executor
      .delete(importRejections)
      .where(and(eq(importRejections.workspaceId, workspaceId), sql`strpos(lower(${importRejections.raw}), ${email}) > 0`))
      .returning({ id: importRejections.id });
    rejections = gone.length;
  }
  return { options: options!.count, rejections };
}

export async function deleteCustomer(executor: Executor, workspaceId: string, id: string) {
  await executor.delete(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
}

/** The customers among `ids` that no source (in the trash or not) is of, deleted; returns how many. */
export async function deleteCustomersWithoutSources(executor: Executor, workspaceId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const gone = await executor
    .delete(customers)
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        inArray(customers.id, ids),
        sql`not exists (select 1 from ${sources} s where s.workspace_id = ${workspaceId} and s.customer_id = ${customers.id})`,
      ),
    )
    .returning({ id: customers.id });
  return gone.length;
}
