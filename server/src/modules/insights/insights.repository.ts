import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { InsightStatus, InsightType } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { backlogInsights, backlogItems, clusters, companies, customers, highlights, insightHighlights, insights, users } from '../../db/schema/index.js';
import { rowsOf } from '../../lib/bulk-sql.js';
import { cursorText, newestFirst, olderThan } from '../../lib/cursor.js';

export type InsightRow = typeof insights.$inferSelect;
export type NewInsight = typeof insights.$inferInsert;

export type InsightFilters = {
  id?: string;
  type?: InsightType;
  status?: InsightStatus;
  parentId?: string;
  /** Insights linked to this backlog item. */
  backlogItemId?: string;
  q?: string;
  /** The trash instead of the live insights. */
  trash?: boolean;
};

/**
 * The evidence of the insight row of the enclosing query, counted in a lateral join: index
 * lookups per listed insight (its links, then each highlight by id), in the same statement as
 * the page. Evidence is a highlight outside the trash whose source is outside the trash (the
 * copy of the source's trash time each highlight carries).
 */
const evidenceCounts = sql`(
  select count(*)::int as evidence_count, count(distinct h.source_customer_id)::int as customer_count
  from insight_highlights ih join highlights h on h.id = ih.highlight_id
  where ih.insight_id = ${insights.id} and h.deleted_at is null and h.source_deleted_at is null
) counts`;

/** The parent as the API shows it: one in the trash is hidden, and comes back with it. */
const liveParent = alias(insights, 'parent');
const liveParentOf = and(eq(liveParent.id, insights.parentId), isNull(liveParent.deletedAt));

function filterConditions(workspaceId: string, filters: InsightFilters): SQL | undefined {
  return and(
    eq(insights.workspaceId, workspaceId),
    filters.trash ? isNotNull(insights.deletedAt) : isNull(insights.deletedAt),
    filters.id ? eq(insights.id, filters.id) : undefined,
    filters.type ? eq(insights.type, filters.type) : undefined,
    filters.status ? eq(insights.status, filters.status) : undefined,
    filters.parentId ? eq(liveParent.id, filters.parentId) : undefined,
    filters.backlogItemId
      ? sql`exists (select 1 from ${backlogInsights} bi where bi.insight_id = ${insights.id} and bi.backlog_item_id = ${filters.backlogItemId})`
      : undefined,
    filters.q ? sql`to_tsvector('english', ${insights.title} || ' ' || coalesce(${insights.statement}, '')) @@ websearch_to_tsquery('english', ${filters.q})` : undefined,
  );
}

/** Listed as a backlog item's insights: who linked each one there. */
function linkedByOf(filters: InsightFilters): SQL<string | null> {
  if (!filters.backlogItemId) return sql<null>`null`;
  return sql<string | null>`(select bi.created_by from ${backlogInsights} bi where bi.insight_id = ${insights.id} and bi.backlog_item_id = ${filters.backlogItemId})`;
}

/**
 * Insights with their creator and evidence counts, newest first (keyset); every one when `limit`
 * is left out. The page is chosen first, so only its insights are counted. The trash is listed
 * by when each insight went there, most recent first: what was just thrown away is what one
 * comes looking for.
 */
export async function list(executor: Executor, workspaceId: string, filters: InsightFilters, limit?: number, after?: Array<string | number | null>) {
  const sortedAt = filters.trash ? insights.deletedAt : insights.createdAt;
  const conditions = and(filterConditions(workspaceId, filters), olderThan(sortedAt, insights.id, after));
  const newest = newestFirst(sortedAt, insights.id);
  const page =
    limit === undefined
      ? conditions
      : inArray(
          insights.id,
          executor
            .select({ id: insights.id })
            .from(insights)
            .leftJoin(liveParent, liveParentOf)
            .where(conditions)
            .orderBy(...newest)
            .limit(limit + 1),
        );
  return executor
    .select({
      insight: insights,
      parentId: liveParent.id,
      creatorName: users.name,
      evidenceCount: sql<number>`counts.evidence_count`,
      customerCount: sql<number>`counts.customer_count`,
      linkedBy: linkedByOf(filters),
      cursorAt: cursorText(sortedAt),
    })
    .from(insights)
    .leftJoin(liveParent, liveParentOf)
    .leftJoin(users, eq(users.id, insights.createdBy))
    .leftJoinLateral(evidenceCounts, sql`true`)
    .where(page)
    .orderBy(...newest);
}

export type InsightListRow = Awaited<ReturnType<typeof list>>[number];

export async function count(executor: Executor, workspaceId: string, filters: InsightFilters): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(insights)
    .leftJoin(liveParent, liveParentOf)
    .where(filterConditions(workspaceId, filters));
  return row?.count ?? 0;
}

export async function insert(executor: Executor, values: NewInsight) {
  const [row] = await executor.insert(insights).values(values).returning();
  return row!;
}

/** Locks the insight for the rest of the transaction (trashed ones only when asked, to restore them). */
export async function findForUpdate(executor: Executor, workspaceId: string, id: string, options: { inTrash?: boolean } = {}) {
  const [row] = await executor
    .select()
    .from(insights)
    .where(and(eq(insights.workspaceId, workspaceId), eq(insights.id, id), options.inTrash ? undefined : isNull(insights.deletedAt)))
    .for('update');
  return row;
}

/**
 * The insights among `ids` in this workspace, trashed ones included. `forShare` locks them until
 * the transaction ends: a parent checked for a new child cannot change its type meanwhile.
 */
export async function findByIds(executor: Executor, workspaceId: string, ids: string[], options: { forShare?: boolean } = {}) {
  if (!ids.length) return [];
  const query = executor
    .select({ id: insights.id, type: insights.type, title: insights.title, status: insights.status, deletedAt: insights.deletedAt })
    .from(insights)
    .where(and(eq(insights.workspaceId, workspaceId), inArray(insights.id, ids)));
  return options.forShare ? query.for('share') : query;
}

/**
 * Locks the insights among `ids` in this workspace, trashed ones included, in id order: two
 * merges of the same pair at once, either way round, wait for each other instead of deadlocking.
 */
export async function findByIdsForUpdate(executor: Executor, workspaceId: string, ids: string[]) {
  return executor
    .select()
    .from(insights)
    .where(and(eq(insights.workspaceId, workspaceId), inArray(insights.id, ids)))
    .orderBy(asc(insights.id))
    .for('update');
}

/** Whether `ancestorId` sits above `id` in the tree, through any number of parents, trashed ones included. */
export async function isAncestorOf(executor: Executor, workspaceId: string, ancestorId: string, id: string): Promise<boolean> {
  const [row] = await rowsOf<{ found: boolean }>(
    executor,
    sql`with recursive up (id, parent_id) as (
      select id, parent_id from insights where workspace_id = ${workspaceId} and id = ${id}
      union
      select i.id, i.parent_id from insights i join up on i.id = up.parent_id where i.workspace_id = ${workspaceId}
    )
    select exists (select 1 from up where parent_id = ${ancestorId}) as found`,
  );
  return row?.found ?? false;
}

/** Every insight whose parent is `parentId`, trashed ones included: a change of type must suit them all. */
export async function listChildren(executor: Executor, workspaceId: string, parentId: string) {
  return executor
    .select({ id: insights.id, type: insights.type, title: insights.title, deletedAt: insights.deletedAt })
    .from(insights)
    .where(and(eq(insights.workspaceId, workspaceId), eq(insights.parentId, parentId)));
}

export async function update(executor: Executor, workspaceId: string, id: string, values: Partial<NewInsight>) {
  await executor
    .update(insights)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(insights.workspaceId, workspaceId), eq(insights.id, id)));
}

/** Takes trashed children out from under a parent whose new type they no longer suit. */
export async function detach(executor: Executor, workspaceId: string, ids: string[]) {
  if (!ids.length) return;
  await executor
    .update(insights)
    .set({ parentId: null, updatedAt: new Date() })
    .where(and(eq(insights.workspaceId, workspaceId), inArray(insights.id, ids)));
}

/** Backlog items outside the trash that the insight is linked to, with who linked each. */
export async function listBacklogItemRefs(executor: Executor, workspaceId: string, insightId: string) {
  return executor
    .select({ id: backlogItems.id, title: backlogItems.title, status: backlogItems.status, externalKey: backlogItems.externalKey, linkedBy: backlogInsights.createdBy })
    .from(backlogInsights)
    .innerJoin(backlogItems, eq(backlogItems.id, backlogInsights.backlogItemId))
    .where(and(eq(backlogInsights.workspaceId, workspaceId), eq(backlogInsights.insightId, insightId), isNull(backlogItems.deletedAt)))
    .orderBy(desc(backlogItems.createdAt), desc(backlogItems.id));
}

// --- evidence: links to highlights ---

/** The highlight ids an insight links to, as a subquery. */
export function evidenceOf(workspaceId: string, insightId: string): SQL {
  return sql`select ih.highlight_id from insight_highlights ih where ih.workspace_id = ${workspaceId} and ih.insight_id = ${insightId}`;
}

/** The highlights among `ids` in this workspace, and whether each is in the trash (itself or with its source). */
export async function findHighlightStates(executor: Executor, workspaceId: string, ids: string[]) {
  if (!ids.length) return [];
  return executor
    .select({ id: highlights.id, trashed: sql<boolean>`(${highlights.deletedAt} is not null or ${highlights.sourceDeletedAt} is not null)` })
    .from(highlights)
    .where(and(eq(highlights.workspaceId, workspaceId), inArray(highlights.id, ids)));
}

/** Links that exist among `highlightIds`, with who made them: what an unlink would remove. */
export async function findEvidenceLinks(executor: Executor, workspaceId: string, insightId: string, highlightIds: string[]) {
  return executor
    .select({ highlightId: insightHighlights.highlightId, createdBy: insightHighlights.createdBy })
    .from(insightHighlights)
    .where(and(eq(insightHighlights.workspaceId, workspaceId), eq(insightHighlights.insightId, insightId), inArray(insightHighlights.highlightId, highlightIds)));
}

/** Links the highlights in one statement; links already there stay as they were. Returns how many were made. */
export async function insertEvidence(executor: Executor, workspaceId: string, insightId: string, highlightIds: string[], createdBy: string | null): Promise<number> {
  const rows = await executor
    .insert(insightHighlights)
    .values(highlightIds.map((highlightId) => ({ workspaceId, insightId, highlightId, createdBy })))
    .onConflictDoNothing()
    .returning({ highlightId: insightHighlights.highlightId });
  return rows.length;
}

export async function removeEvidence(executor: Executor, workspaceId: string, insightId: string, highlightIds: string[]): Promise<number> {
  const rows = await executor
    .delete(insightHighlights)
    .where(and(eq(insightHighlights.workspaceId, workspaceId), eq(insightHighlights.insightId, insightId), inArray(insightHighlights.highlightId, highlightIds)))
    .returning({ highlightId: insightHighlights.highlightId });
  return rows.length;
}

// --- merging: everything that points at one insight moves to another ---

/** The link tables a merge moves, each with the column naming what the insight is linked to. */
const LINK_TABLES = {
  evidence: { table: 'insight_highlights', other: 'highlight_id' },
  backlog: { table: 'backlog_insights', other: 'backlog_item_id' },
} as const;

/**
 * Moves the evidence links (or backlog links) of `fromId` to `intoId` in one statement. A link
 * `intoId` has already is kept as it was; a moved link keeps who made it (a contributor may still
 * unlink their own) and when. Returns how many links `fromId` had and how many were new to `intoId`.
 */
export async function moveLinks(executor: Executor, workspaceId: string, links: keyof typeof LINK_TABLES, fromId: string, intoId: string) {
  const table = sql.raw(LINK_TABLES[links].table);
  const other = sql.raw(LINK_TABLES[links].other);
  const [row] = await rowsOf<{ total: number; added: number }>(
    executor,
    sql`with moved as (
      delete from ${table} where workspace_id = ${workspaceId} and insight_id = ${fromId}
      returning ${other}, created_by, created_at
    ), added as (
      insert into ${table} (workspace_id, insight_id, ${other}, created_by, created_at)
      select ${workspaceId}::uuid, ${intoId}::uuid, ${other}, created_by, created_at from moved
      on conflict do nothing
      returning 1
    )
    select (select count(*) from moved)::int as total, (select count(*) from added)::int as added`,
  );
  return row!;
}

/** Puts every child of `fromId`, trashed ones included, under `intoId`. Returns how many moved. */
export async function moveChildren(executor: Executor, workspaceId: string, fromId: string, intoId: string): Promise<number> {
  const rows = await executor
    .update(insights)
    .set({ parentId: intoId, updatedAt: new Date() })
    .where(and(eq(insights.workspaceId, workspaceId), eq(insights.parentId, fromId)))
    .returning({ id: insights.id });
  return rows.length;
}

/**
 * Clusters promoted to `fromId` point at `intoId`, where their evidence now is: promoting them
 * again would make a duplicate. The one write of the clusters table outside its module: clusters
 * depend on insights (promotion calls this module's service), so calling back into theirs would
 * make the two services import each other; `promoted_insight_id` is a reference to an insight,
 * and an insight merge is what moves it.
 */
export async function movePromotedClusters(executor: Executor, workspaceId: string, fromId: string, intoId: string) {
  await executor
    .update(clusters)
    .set({ promotedInsightId: intoId, updatedAt: new Date() })
    .where(and(eq(clusters.workspaceId, workspaceId), eq(clusters.promotedInsightId, fromId)));
}

/**
 * The distinct customers behind a set of highlights (a subquery of highlight ids), with how
 * many of the live ones each said, most first. Customers are the sources' (the copy each
 * highlight carries); highlights of sources without a customer count for nobody.
 */
export async function listEvidenceCustomers(executor: Executor, workspaceId: string, highlightIds: SQL) {
  return executor
    .select({
      customer: { id: customers.id, name: customers.name, email: customers.email },
      company: { id: companies.id, name: companies.name, segment: companies.segment },
      highlightCount: sql<number>`count(*)::int`,
    })
    .from(highlights)
    .innerJoin(customers, eq(customers.id, highlights.sourceCustomerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(and(eq(highlights.workspaceId, workspaceId), isNull(highlights.deletedAt), isNull(highlights.sourceDeletedAt), sql`${highlights.id} in (${highlightIds})`))
    .groupBy(customers.id, companies.id)
    .orderBy(desc(sql`count(*)`), sql`lower(${customers.name}) nulls last`, asc(customers.id));
}
