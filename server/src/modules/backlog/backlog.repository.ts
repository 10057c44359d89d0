import { and, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { type BacklogStatus, type EvidenceImportance, type ListBacklogItemsQuery } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { highlightLinksOf } from '../../db/evidence-links.js';
import { scoreColumns, scoresOf } from '../../db/evidence-score.js';
import { backlogHighlights, backlogInsights, backlogItems, companies, customers, highlights, sources, users } from '../../db/schema/index.js';
import { cursorText, newestFirst, olderThan } from '../../lib/cursor.js';

export type NewBacklogItem = typeof backlogItems.$inferInsert;

export type BacklogFilters = {
  id?: string;
  status?: BacklogStatus;
  q?: string;
  /** The trash instead of the live items. */
  trash?: boolean;
};
type BacklogSort = ListBacklogItemsQuery['sort'];

/**
 * The links behind the backlog items `itemIds` selects, as (item_id, highlight_id, importance,
 * direct) rows: each item's own highlights (`direct`), and those of its insights outside the
 * trash. A highlight reached both ways is listed twice; every use counts it once.
 */
function evidencePairs(workspaceId: string, itemIds: SQL): SQL {
  return sql`select bh.backlog_item_id as item_id, bh.highlight_id, bh.importance, true as direct from backlog_highlights bh
    where bh.workspace_id = ${workspaceId} and bh.backlog_item_id in (${itemIds})
    union all
    select bi.backlog_item_id, ih.highlight_id, ih.importance, false from backlog_insights bi
      join insights i on i.id = bi.insight_id and i.deleted_at is null
      join insight_highlights ih on ih.insight_id = bi.insight_id
    where bi.workspace_id = ${workspaceId} and bi.backlog_item_id in (${itemIds})`;
}

/** The highlight ids behind one backlog item, as a subquery to read through `in (…)`. */
export function evidenceOf(workspaceId: string, itemId: string): SQL {
  return sql`select pairs.highlight_id from (${evidencePairs(workspaceId, sql`${itemId}`)}) pairs`;
}

function filterConditions(workspaceId: string, filters: BacklogFilters): SQL | undefined {
  return and(
    eq(backlogItems.workspaceId, workspaceId),
    filters.trash ? isNotNull(backlogItems.deletedAt) : isNull(backlogItems.deletedAt),
    filters.id ? eq(backlogItems.id, filters.id) : undefined,
    filters.status ? eq(backlogItems.status, filters.status) : undefined,
    filters.q
      ? sql`(to_tsvector('english', ${backlogItems.title} || ' ' || coalesce(${backlogItems.description}, '')) @@ websearch_to_tsquery('english', ${filters.q})
          or lower(${backlogItems.externalKey}) = lower(${filters.q}))`
      : undefined,
  );
}

/**
 * What `recent` sorts by: creation, and in the trash the time each item went there, most recent
 * first, since what was just thrown away is what one comes looking for.
 */
const recentAt = (filters: BacklogFilters) => (filters.trash ? backlogItems.deletedAt : backlogItems.createdAt);

/** What `sort=evidence` ranks by: the evidence score. */
const { total } = scoreColumns;

/** Where the next page starts: after (total, id) ranked by evidence, after (recentAt, id) by recency. */
function after(sort: BacklogSort, filters: BacklogFilters, cursor: Array<string | number | null> | undefined): SQL | undefined {
  if (!cursor) return undefined;
  if (sort === 'recent') return olderThan(recentAt(filters), backlogItems.id, cursor);
  return sql`(${total}, ${backlogItems.id}) < (${Number(cursor[0])}::float8, ${String(cursor[1])}::uuid)`;
}

/**
 * Backlog items with their score and linked insights, newest first or highest score first
 * (keyset on what they are sorted by); every one when `limit` is left out. Newest first, the
 * page is chosen before any score is computed, so a page costs its own items' scores; ranking
 * by score computes the score of every item that passes the filters. An item in the trash is
 * scored as it would be once restored: its links stay, and the score never looks at the item's
 * own trash time.
 */
export async function list(executor: Executor, workspaceId: string, filters: BacklogFilters, sort: BacklogSort, limit?: number, cursor?: Array<string | number | null>) {
  const conditions = and(filterConditions(workspaceId, filters), after(sort, filters, cursor));
  const newest = newestFirst(recentAt(filters), backlogItems.id);
  const pageIds =
    sort === 'recent' && limit !== undefined ? executor.select({ id: backlogItems.id }).from(backlogItems).where(conditions).orderBy(...newest).limit(limit + 1) : undefined;
  // Scored: the page's items, or, ranked by score, every item that passes the filters.
  const scored = pageIds ? sql`${pageIds}` : sql`select ${backlogItems.id} from ${backlogItems} where ${filterConditions(workspaceId, filters)}`;
  const query = executor
    .select({
      item: backlogItems,
      creatorName: users.name,
      ...scoreColumns,
      insightCount: sql<number>`(
        select count(*)::int from backlog_insights bi join insights i on i.id = bi.insight_id and i.deleted_at is null
        where bi.workspace_id = ${workspaceId} and bi.backlog_item_id = ${backlogItems.id}
      )`,
      cursorAt: cursorText(recentAt(filters)),
    })
    .from(backlogItems)
    .leftJoin(users, eq(users.id, backlogItems.createdBy))
    .leftJoin(scoresOf(workspaceId, evidencePairs(workspaceId, scored)), sql`score.item_id = ${backlogItems.id}`)
    .where(pageIds ? inArray(backlogItems.id, pageIds) : conditions)
    .orderBy(...(sort === 'evidence' ? [desc(total), desc(backlogItems.id)] : newest));
  return limit === undefined ? query : query.limit(limit + 1);
}

export type BacklogListRow = Awaited<ReturnType<typeof list>>[number];

export async function count(executor: Executor, workspaceId: string, filters: BacklogFilters): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)::int` }).from(backlogItems).where(filterConditions(workspaceId, filters));
  return row?.count ?? 0;
}

export async function insert(executor: Executor, values: NewBacklogItem) {
  const [row] = await executor.insert(backlogItems).values(values).returning();
  return row!;
}

/** Locks the item for the rest of the transaction (trashed ones only when asked, to restore them). */
export async function findForUpdate(executor: Executor, workspaceId: string, id: string, options: { inTrash?: boolean } = {}) {
  const [row] = await executor
    .select()
    .from(backlogItems)
    .where(and(eq(backlogItems.workspaceId, workspaceId), eq(backlogItems.id, id), options.inTrash ? undefined : isNull(backlogItems.deletedAt)))
    .for('update');
  return row;
}

/** Another item of the workspace with this tracker key, compared case-insensitively as the unique index does (the trash included: it holds the key too). */
export async function findByExternalKey(executor: Executor, workspaceId: string, externalKey: string, exceptId?: string) {
  const [row] = await executor
    .select({ id: backlogItems.id, title: backlogItems.title, deletedAt: backlogItems.deletedAt })
    .from(backlogItems)
    .where(and(eq(backlogItems.workspaceId, workspaceId), sql`lower(${backlogItems.externalKey}) = lower(${externalKey})`, exceptId ? ne(backlogItems.id, exceptId) : undefined));
  return row;
}

export async function update(executor: Executor, workspaceId: string, id: string, values: Partial<NewBacklogItem>) {
  await executor
    .update(backlogItems)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(backlogItems.workspaceId, workspaceId), eq(backlogItems.id, id)));
}

// --- evidence: links to highlights and insights ---

/** The item's own highlight links: found, made, re-weighed and removed as an insight's are (db/evidence-links.ts). */
export const highlightLinks = highlightLinksOf({ table: backlogHighlights, owner: 'backlogItemId' });

/** Links that exist among the given highlights and insights, with who made them: what an unlink would remove. */
export async function findLinks(executor: Executor, workspaceId: string, id: string, highlightIds: string[], insightIds: string[]) {
  const linkedHighlights = await highlightLinks.find(executor, workspaceId, id, highlightIds);
  const linkedInsights = insightIds.length
    ? await executor
        .select({ createdBy: backlogInsights.createdBy })
        .from(backlogInsights)
        .where(and(eq(backlogInsights.workspaceId, workspaceId), eq(backlogInsights.backlogItemId, id), inArray(backlogInsights.insightId, insightIds)))
    : [];
  return [...linkedHighlights, ...linkedInsights];
}

/** Links the highlights (of `importance`) and insights, one statement each; links already there stay as they were. Returns how many were made. */
export async function insertLinks(
  executor: Executor,
  workspaceId: string,
  id: string,
  highlightIds: string[],
  insightIds: string[],
  createdBy: string | null,
  importance?: EvidenceImportance,
) {
  const made = { highlights: await highlightLinks.insert(executor, workspaceId, id, highlightIds, createdBy, importance), insights: 0 };
  if (insightIds.length) {
    const rows = await executor
      .insert(backlogInsights)
      .values(insightIds.map((insightId) => ({ workspaceId, backlogItemId: id, insightId, createdBy })))
      .onConflictDoNothing()
      .returning({ id: backlogInsights.insightId });
    made.insights = rows.length;
  }
  return made;
}

/** Unlinks the highlights and insights, one statement each. Returns how many links of each there were to remove. */
export async function removeLinks(executor: Executor, workspaceId: string, id: string, highlightIds: string[], insightIds: string[]) {
  const removed = { highlights: await highlightLinks.remove(executor, workspaceId, id, highlightIds), insights: 0 };
  if (insightIds.length) {
    const rows = await executor
      .delete(backlogInsights)
      .where(and(eq(backlogInsights.workspaceId, workspaceId), eq(backlogInsights.backlogItemId, id), inArray(backlogInsights.insightId, insightIds)))
      .returning({ id: backlogInsights.insightId });
    removed.insights = rows.length;
  }
  return removed;
}

/** The `limit` newest live highlights behind the item (its own and its insights'), with their source, customer and company. */
export async function listEvidenceQuotes(executor: Executor, workspaceId: string, id: string, limit: number) {
  return executor
    .select({
      id: highlights.id,
      quote: highlights.quote,
      source: { id: sources.id, title: sources.title, kind: sources.kind, occurredAt: sources.occurredAt },
      customer: { id: customers.id, name: customers.name },
      company: { id: companies.id, name: companies.name },
    })
    .from(highlights)
    .innerJoin(sources, eq(sources.id, highlights.sourceId))
    .leftJoin(customers, eq(customers.id, highlights.sourceCustomerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(and(eq(highlights.workspaceId, workspaceId), isNull(highlights.deletedAt), isNull(highlights.sourceDeletedAt), sql`${highlights.id} in (${evidenceOf(workspaceId, id)})`))
    .orderBy(desc(sources.occurredAt), desc(highlights.id))
    .limit(limit);
}
