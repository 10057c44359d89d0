import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BacklogStatus, InsightRef, InsightStatus, InsightType } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { highlightLinksOf } from '../../db/evidence-links.js';
import { scoreColumns, scoresOf } from '../../db/evidence-score.js';
import { backlogInsights, backlogItems, clusters, companies, customers, highlights, insightHighlights, insights, users, type MergedLink, type MergeMoves } from '../../db/schema/index.js';
import { anyOf, rowsOf } from '../../lib/bulk-sql.js';
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
 * The links of the insights `insightIds` selects, as the evidence score reads them
 * (`scoresOf`): each link is the insight's own, and weighs by its importance.
 */
function evidencePairs(workspaceId: string, insightIds: SQL): SQL {
  return sql`select ih.insight_id as item_id, ih.highlight_id, ih.importance, true as direct from insight_highlights ih
    where ih.workspace_id = ${workspaceId} and ih.insight_id in (${insightIds})`;
}

/**
 * The backlog items outside the trash that the insight row of the enclosing query is linked to,
 * as the backlog counts an item's insights: its links by backlog_insights_insight_idx (workspace,
 * insight), then each item by its key, in the same statement as the page.
 */
const backlogItemCountOf = (workspaceId: string) => sql<number>`(
  select count(*)::int from backlog_insights bi join backlog_items b on b.id = bi.backlog_item_id and b.deleted_at is null
  where bi.workspace_id = ${workspaceId} and bi.insight_id = ${insights.id}
)`;

/** An insight's columns as lists read them: a merge record can be long, and only a restore reads it, in SQL. */
const { mergeMoves: _mergeRecord, ...listedColumns } = getTableColumns(insights);

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
 * Insights with their creator, evidence score (its counts are the evidence and customer counts)
 * and backlog count, newest first (keyset); every one when `limit` is left out. The page is
 * chosen first, so only its insights are scored. The trash is listed by when each insight went
 * there, most recent first: what was just thrown away is what one comes looking for.
 */
export async function list(executor: Executor, workspaceId: string, filters: InsightFilters, limit?: number, after?: Array<string | number | null>) {
  const sortedAt = filters.trash ? insights.deletedAt : insights.createdAt;
  const conditions = and(filterConditions(workspaceId, filters), olderThan(sortedAt, insights.id, after));
  const newest = newestFirst(sortedAt, insights.id);
  const pageIds =
    limit === undefined
      ? undefined
      : executor
          .select({ id: insights.id })
          .from(insights)
          .leftJoin(liveParent, liveParentOf)
          .where(conditions)
          .orderBy(...newest)
          .limit(limit + 1);
  // Scored: the page's insights, or every one that passes the filters.
  const scored = sql`${pageIds ?? executor.select({ id: insights.id }).from(insights).leftJoin(liveParent, liveParentOf).where(conditions)}`;
  return executor
    .select({
      insight: listedColumns,
      parentId: liveParent.id,
      creatorName: users.name,
      ...scoreColumns,
      backlogItemCount: backlogItemCountOf(workspaceId),
      linkedBy: linkedByOf(filters),
      cursorAt: cursorText(sortedAt),
    })
    .from(insights)
    .leftJoin(liveParent, liveParentOf)
    .leftJoin(users, eq(users.id, insights.createdBy))
    .leftJoin(scoresOf(workspaceId, evidencePairs(workspaceId, scored)), sql`score.item_id = ${insights.id}`)
    .where(pageIds ? inArray(insights.id, pageIds) : conditions)
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
    .select({ id: insights.id, type: insights.type, title: insights.title, status: insights.status, deletedAt: insights.deletedAt, mergedIntoId: insights.mergedIntoId })
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

/**
 * The backlog items outside the trash linked to the insight's family but not to the insight:
 * its ancestors through parents outside the trash (as the API shows the tree), and its
 * descendants outside the trash, under it through live insights only. One row per item and
 * relative, newest item first, then the nearest relative above, then the nearest below.
 */
export async function listFamilyBacklogItems(executor: Executor, workspaceId: string, insightId: string) {
  return rowsOf<{ id: string; title: string; status: BacklogStatus; externalKey: string | null; relative: InsightRef }>(
    executor,
    sql`with recursive
      up (id, parent_id, depth) as (
        select i.id, i.parent_id, 0 from insights i where i.workspace_id = ${workspaceId} and i.id = ${insightId}
        union all
        select p.id, p.parent_id, up.depth + 1 from up join insights p on p.id = up.parent_id and p.workspace_id = ${workspaceId} and p.deleted_at is null
      ),
      down (id, depth) as (
        select ${insightId}::uuid, 0
        union all
        select c.id, down.depth + 1 from down join insights c on c.workspace_id = ${workspaceId} and c.parent_id = down.id and c.deleted_at is null
      ),
      family (id, place) as (
        select id, -depth from up where depth > 0
        union all
        select id, depth from down where depth > 0
      )
    select b.id, b.title, b.status, b.external_key as "externalKey",
      json_build_object('id', r.id, 'type', r.type, 'title', r.title, 'status', r.status) as relative
    from family f
    join insights r on r.id = f.id
    join backlog_insights bi on bi.workspace_id = ${workspaceId} and bi.insight_id = f.id
    join backlog_items b on b.id = bi.backlog_item_id and b.deleted_at is null
    where not exists (
      select 1 from backlog_insights own where own.workspace_id = ${workspaceId} and own.insight_id = ${insightId} and own.backlog_item_id = b.id
    )
    order by b.created_at desc, b.id desc, f.place < 0 desc, abs(f.place), r.created_at desc, r.id`,
  );
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

/** The insight's own highlight links: found, made, re-weighed and removed as the backlog's are (db/evidence-links.ts). */
export const evidenceLinks = highlightLinksOf({ table: insightHighlights, owner: 'insightId' });

// --- merging: everything that points at one insight moves to another, and back on restore ---

/**
 * The link tables a merge moves, each with the column naming what the insight is linked to, its
 * list in the merge record, and whether its links carry an importance (evidence does, ADR 009).
 */
const LINK_TABLES = {
  evidence: { table: 'insight_highlights', other: 'highlight_id', record: 'highlights', importance: true },
  backlog: { table: 'backlog_insights', other: 'backlog_item_id', record: 'backlogItems', importance: false },
} as const satisfies Record<string, { table: string; other: string; record: keyof MergeMoves; importance: boolean }>;

/** `, importance` after a link table's other columns where its links carry one. */
const importanceColumn = (links: keyof typeof LINK_TABLES) => sql.raw(LINK_TABLES[links].importance ? ', importance' : '');

/**
 * Moves the evidence links (or backlog links) of `fromId` to `intoId` in one statement. A link
 * `intoId` has already is kept as it was; a moved link keeps who made it (a contributor may still
 * unlink their own), when, and how much it matters. Returns every link `fromId` had, as the merge
 * record keeps it.
 */
export async function moveLinks(executor: Executor, workspaceId: string, links: keyof typeof LINK_TABLES, fromId: string, intoId: string): Promise<MergedLink[]> {
  const table = sql.raw(LINK_TABLES[links].table);
  const other = sql.raw(LINK_TABLES[links].other);
  const [row] = await rowsOf<{ moves: MergedLink[] }>(
    executor,
    sql`with moved as (
      delete from ${table} where workspace_id = ${workspaceId} and insight_id = ${fromId}
      returning ${other} as id, created_by, created_at${importanceColumn(links)}
    ), added as (
      insert into ${table} (workspace_id, insight_id, ${other}, created_by, created_at${importanceColumn(links)})
      select ${workspaceId}::uuid, ${intoId}::uuid, id, created_by, created_at${importanceColumn(links)} from moved
      on conflict do nothing
      returning ${other} as id
    )
    select coalesce(jsonb_agg(jsonb_build_object('id', moved.id, 'createdBy', moved.created_by, 'createdAt', moved.created_at, 'survivorHad', added.id is null)
      ${LINK_TABLES[links].importance ? sql`|| jsonb_build_object('importance', moved.importance)` : sql``}), '[]') as moves
    from moved left join added on added.id = moved.id`,
  );
  return row!.moves;
}

/**
 * What `moveLinks` and `moveChildren` would move from `fromId` to `intoId`, counted as the pages
 * show them (highlights, backlog items and children outside the trash), with how many of the
 * highlights and backlog items `intoId` is linked to already.
 */
export async function countMergeMoves(executor: Executor, workspaceId: string, fromId: string, intoId: string) {
  const [row] = await rowsOf<{ highlights: number; highlightsAlreadyThere: number; backlogItems: number; backlogItemsAlreadyThere: number; children: number }>(
    executor,
    sql`with moved_highlights as (
      select exists (select 1 from insight_highlights kept where kept.insight_id = ${intoId} and kept.highlight_id = ih.highlight_id) as there
      from insight_highlights ih join highlights h on h.id = ih.highlight_id
      where ih.workspace_id = ${workspaceId} and ih.insight_id = ${fromId} and h.deleted_at is null and h.source_deleted_at is null
    ), moved_backlog as (
      select exists (select 1 from backlog_insights kept where kept.insight_id = ${intoId} and kept.backlog_item_id = bi.backlog_item_id) as there
      from backlog_insights bi join backlog_items b on b.id = bi.backlog_item_id
      where bi.workspace_id = ${workspaceId} and bi.insight_id = ${fromId} and b.deleted_at is null
    )
    select (select count(*) from moved_highlights)::int as highlights,
      (select count(*) from moved_highlights where there)::int as "highlightsAlreadyThere",
      (select count(*) from moved_backlog)::int as "backlogItems",
      (select count(*) from moved_backlog where there)::int as "backlogItemsAlreadyThere",
      (select count(*) from insights c where c.workspace_id = ${workspaceId} and c.parent_id = ${fromId} and c.deleted_at is null)::int as children`,
  );
  return row!;
}

/** Puts every child of `fromId`, trashed ones included, under `intoId`. Returns their ids. */
export async function moveChildren(executor: Executor, workspaceId: string, fromId: string, intoId: string): Promise<string[]> {
  const rows = await executor
    .update(insights)
    .set({ parentId: intoId, updatedAt: new Date() })
    .where(and(eq(insights.workspaceId, workspaceId), eq(insights.parentId, fromId)))
    .returning({ id: insights.id });
  return rows.map((row) => row.id);
}

/**
 * Clusters promoted to `fromId` point at `intoId`, where their evidence now is: promoting them
 * again would make a duplicate. The one write of the clusters table outside its module: clusters
 * depend on insights (promotion calls this module's service), so calling back into theirs would
 * make the two services import each other; `promoted_insight_id` is a reference to an insight,
 * and an insight merge (or the restore that undoes it) is what moves it. Returns their ids.
 */
export async function movePromotedClusters(executor: Executor, workspaceId: string, fromId: string, intoId: string): Promise<string[]> {
  const rows = await executor
    .update(clusters)
    .set({ promotedInsightId: intoId, updatedAt: new Date() })
    .where(and(eq(clusters.workspaceId, workspaceId), eq(clusters.promotedInsightId, fromId)))
    .returning({ id: clusters.id });
  return rows.map((row) => row.id);
}

/*
 * Restoring a merged insight takes back from the survivor what the merge gave it, as the merge
 * record (`merge_moves`) lists it. `linksToReturn` and `childrenToReturn` say what comes back, for
 * the restore and for the trash, which counts it beforehand; their `mergedId` is an SQL
 * expression: a parameter, or the trash query's row.
 */

/**
 * The links a merge moved that restoring brings back. A moved link comes back while it is still on
 * the survivor: the same link, which kept its `created_at` (one removed since stays removed, even
 * if made again). A link the survivor had already stays there, and the restored one gets its own
 * back, while the survivor still has it. Links of highlights or backlog items deleted for good went
 * with them; links made since are not in the record and stay. A link made by an account removed
 * since comes back as no one's, as that account's other links became (on delete set null). A moved
 * link comes back as important as it is now; the restored one's own copy of a link the survivor
 * had, as important as it was (records from before importance: `important`, as every link then).
 */
function linksToReturn(links: keyof typeof LINK_TABLES, mergedId: SQL): SQL {
  const { table, other, record } = LINK_TABLES[links];
  const importance = LINK_TABLES[links].importance ? sql`, case when r."survivorHad" then coalesce(r.importance, 'important') else l.importance end as importance` : sql``;
  return sql`select r.id, r."survivorHad" as survivor_had, u.id as created_by, r."createdAt" as created_at${importance}
    from insights merged
    cross join lateral jsonb_to_recordset(merged.merge_moves -> ${record}::text) as r(id uuid, "createdBy" uuid, "createdAt" timestamptz, "survivorHad" boolean, importance text)
    join ${sql.raw(table)} l on l.insight_id = merged.merged_into_id and l.${sql.raw(other)} = r.id and (r."survivorHad" or l.created_at = r."createdAt")
    left join users u on u.id = r."createdBy"
    where merged.id = ${mergedId}`;
}

/**
 * The children a merge moved that restoring brings back: those still under the survivor, while the
 * survivor is of the merged one's type (they suit the survivor, so then they suit the restored one).
 */
function childrenToReturn(mergedId: SQL): SQL {
  return sql`select c.id, c.deleted_at
    from insights merged
    join insights survivor on survivor.id = merged.merged_into_id and survivor.type = merged.type
    join insights c on c.parent_id = survivor.id and c.id in (select value::uuid from jsonb_array_elements_text(merged.merge_moves -> 'childIds'))
    where merged.id = ${mergedId}`;
}

/**
 * Takes the links of `linksToReturn` back from the survivor to the merged insight, with who made
 * each and when, in one statement. Returns how many came back, and how many of them the survivor
 * keeps as well (it had them before the merge).
 */
export async function returnMergedLinks(executor: Executor, workspaceId: string, links: keyof typeof LINK_TABLES, mergedId: string, survivorId: string) {
  const table = sql.raw(LINK_TABLES[links].table);
  const other = sql.raw(LINK_TABLES[links].other);
  const [row] = await rowsOf<{ total: number; kept: number }>(
    executor,
    sql`with back as (${linksToReturn(links, sql`${mergedId}::uuid`)}), taken as (
      delete from ${table} l using back
      where l.insight_id = ${survivorId} and l.${other} = back.id and not back.survivor_had
    ), returned as (
      insert into ${table} (workspace_id, insight_id, ${other}, created_by, created_at${importanceColumn(links)})
      select ${workspaceId}::uuid, ${mergedId}::uuid, id, created_by, created_at${importanceColumn(links)} from back
      returning 1
    )
    select (select count(*) from returned)::int as total, (select count(*) from back where survivor_had)::int as kept`,
  );
  return row!;
}

/** Puts the children of `childrenToReturn` back under the merged insight. Returns how many. */
export async function returnMergedChildren(executor: Executor, mergedId: string): Promise<number> {
  const rows = await executor
    .update(insights)
    .set({ parentId: mergedId, updatedAt: new Date() })
    .where(sql`${insights.id} in (select id from (${childrenToReturn(sql`${mergedId}::uuid`)}) back)`)
    .returning({ id: insights.id });
  return rows.length;
}

/** Clusters the merge pointed at the survivor point at the merged insight again, if they still point at the survivor. */
export async function returnMergedClusters(executor: Executor, workspaceId: string, mergedId: string, survivorId: string) {
  await executor
    .update(clusters)
    .set({ promotedInsightId: mergedId, updatedAt: new Date() })
    .where(
      and(
        eq(clusters.workspaceId, workspaceId),
        eq(clusters.promotedInsightId, survivorId),
        sql`${clusters.id} in (select value::uuid from insights merged, jsonb_array_elements_text(merged.merge_moves -> 'clusterIds') where merged.id = ${mergedId})`,
      ),
    );
}

/**
 * Merged insights among `ids` whose survivor still exists: the survivor, whether it has since been
 * merged into another in turn, and what restoring each would take back from it, counted as the
 * restored insight will show them (highlights, backlog items and children outside the trash).
 */
export async function listMergeUndos(executor: Executor, workspaceId: string, ids: string[]) {
  if (!ids.length) return [];
  return rowsOf<{ id: string; intoId: string; intoTitle: string; intoMergedSince: boolean; highlights: number; backlogItems: number; children: number }>(
    executor,
    sql`select m.id, s.id as "intoId", s.title as "intoTitle", s.merged_into_id is not null as "intoMergedSince",
      (select count(*) from (${linksToReturn('evidence', sql`m.id`)}) back
        join highlights h on h.id = back.id where h.deleted_at is null and h.source_deleted_at is null)::int as highlights,
      (select count(*) from (${linksToReturn('backlog', sql`m.id`)}) back
        join backlog_items b on b.id = back.id where b.deleted_at is null)::int as "backlogItems",
      (select count(*) from (${childrenToReturn(sql`m.id`)}) back where back.deleted_at is null)::int as children
    from insights m join insights s on s.id = m.merged_into_id
    where m.workspace_id = ${workspaceId} and m.id = any(${anyOf(ids)}::uuid[])`,
  );
}

/**
 * The distinct customers behind a set of highlights (a subquery of highlight ids), with how
 * many of the live ones each said, most first. Customers are the sources' (the copy each
 * highlight carries); highlights of sources without a customer count for nobody.
 */
export async function listEvidenceCustomers(executor: Executor, workspaceId: string, highlightIds: SQL) {
  return executor
    .select({
      customer: { id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId },
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
