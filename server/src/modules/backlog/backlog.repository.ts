import { and, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { RECENT_EVIDENCE_DAYS, type BacklogStatus, type ListBacklogItemsQuery } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { backlogHighlights, backlogInsights, backlogItems, companies, customers, highlights, sources, users } from '../../db/schema/index.js';
import { cursorText, olderThan } from '../../lib/cursor.js';

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
 * The highlight ids behind a backlog item, as a subquery: its own, and those of its insights
 * outside the trash. A highlight reached both ways is listed twice; every use reads it through
 * `in (…)`, which counts it once.
 */
export function evidenceOf(workspaceId: string, itemId: string | AnyPgColumn): SQL {
  return sql`select bh.highlight_id from backlog_highlights bh where bh.workspace_id = ${workspaceId} and bh.backlog_item_id = ${itemId}
    union all
    select ih.highlight_id from backlog_insights bi
      join insights i on i.id = bi.insight_id and i.deleted_at is null
      join insight_highlights ih on ih.insight_id = bi.insight_id
    where bi.workspace_id = ${workspaceId} and bi.backlog_item_id = ${itemId}`;
}

/**
 * The evidence score's parts for the backlog item row of the enclosing query, in a lateral
 * join (index lookups per item, in the same statement as the page). Evidence is a highlight
 * outside the trash whose source is outside the trash; its customer is the source's (the
 * copy each highlight carries). Revenue sums each distinct company once, looked up by the
 * distinct companies the aggregate collects.
 */
function scoreOf(workspaceId: string): SQL {
  return sql`(
    select count(*)::int as highlights,
      count(distinct h.source_customer_id)::int as customers,
      count(distinct c.company_id)::int as companies,
      (select coalesce(sum(co.annual_revenue), 0)::float8 from companies co where co.id in (select unnest(array_agg(distinct c.company_id)))) as revenue,
      count(*) filter (where h.source_occurred_at >= now() - ${RECENT_EVIDENCE_DAYS}::int * interval '1 day')::int as recent_highlights,
      max(h.source_occurred_at) as last_evidence_at
    from highlights h left join customers c on c.id = h.source_customer_id
    where h.workspace_id = ${workspaceId} and h.deleted_at is null and h.source_deleted_at is null
      and h.id in (${evidenceOf(workspaceId, backlogItems.id)})
  ) score`;
}

/**
 * The evidence score (docs/decisions/009-insights-and-backlog.md):
 *   customers + 2 × companies + 3 × log10(1 + revenue / 10,000) + recent highlights / 2,
 * rounded to one decimal. Breadth first: a person counts once however often they are quoted,
 * a company twice; revenue counts with diminishing returns, so one large account cannot
 * outweigh many; more quotes from the same customer add only their half point of recency.
 */
const points = {
  customers: sql<number>`score.customers::float8`,
  companies: sql<number>`2 * score.companies::float8`,
  revenue: sql<number>`3 * log(1 + score.revenue / 10000)`,
  recency: sql<number>`score.recent_highlights / 2.0::float8`,
};
const total = sql<number>`round((${points.customers} + ${points.companies} + ${points.revenue} + ${points.recency})::numeric, 1)::float8`;

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
  const newest = [desc(recentAt(filters)), desc(backlogItems.id)];
  const page =
    sort === 'recent' && limit !== undefined
      ? inArray(backlogItems.id, executor.select({ id: backlogItems.id }).from(backlogItems).where(conditions).orderBy(...newest).limit(limit + 1))
      : conditions;
  const query = executor
    .select({
      item: backlogItems,
      creatorName: users.name,
      total,
      customers: sql<number>`score.customers`,
      companies: sql<number>`score.companies`,
      revenue: sql<number>`score.revenue`,
      highlights: sql<number>`score.highlights`,
      recentHighlights: sql<number>`score.recent_highlights`,
      lastEvidenceAt: sql<Date | null>`score.last_evidence_at`.mapWith(highlights.sourceOccurredAt),
      customerPoints: points.customers,
      companyPoints: points.companies,
      revenuePoints: points.revenue,
      recencyPoints: points.recency,
      insightCount: sql<number>`(
        select count(*)::int from backlog_insights bi join insights i on i.id = bi.insight_id and i.deleted_at is null
        where bi.workspace_id = ${workspaceId} and bi.backlog_item_id = ${backlogItems.id}
      )`,
      cursorAt: cursorText(recentAt(filters)),
    })
    .from(backlogItems)
    .leftJoin(users, eq(users.id, backlogItems.createdBy))
    .leftJoinLateral(scoreOf(workspaceId), sql`true`)
    .where(page)
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

/** Links that exist among the given highlights and insights, with who made them: what an unlink would remove. */
export async function findLinks(executor: Executor, workspaceId: string, id: string, highlightIds: string[], insightIds: string[]) {
  const [highlightLinks, insightLinks] = [
    highlightIds.length
      ? await executor
          .select({ createdBy: backlogHighlights.createdBy })
          .from(backlogHighlights)
          .where(and(eq(backlogHighlights.workspaceId, workspaceId), eq(backlogHighlights.backlogItemId, id), inArray(backlogHighlights.highlightId, highlightIds)))
      : [],
    insightIds.length
      ? await executor
          .select({ createdBy: backlogInsights.createdBy })
          .from(backlogInsights)
          .where(and(eq(backlogInsights.workspaceId, workspaceId), eq(backlogInsights.backlogItemId, id), inArray(backlogInsights.insightId, insightIds)))
      : [],
  ];
  return [...highlightLinks, ...insightLinks];
}

/** Links the highlights and insights, one statement each; links already there stay as they were. Returns how many were made. */
export async function insertLinks(executor: Executor, workspaceId: string, id: string, highlightIds: string[], insightIds: string[], createdBy: string | null) {
  const made = { highlights: 0, insights: 0 };
  if (highlightIds.length) {
    const rows = await executor
      .insert(backlogHighlights)
      .values(highlightIds.map((highlightId) => ({ workspaceId, backlogItemId: id, highlightId, createdBy })))
      .onConflictDoNothing()
      .returning({ id: backlogHighlights.highlightId });
    made.highlights = rows.length;
  }
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

export async function removeLinks(executor: Executor, workspaceId: string, id: string, highlightIds: string[], insightIds: string[]) {
  const removed = { highlights: 0, insights: 0 };
  if (highlightIds.length) {
    const rows = await executor
      .delete(backlogHighlights)
      .where(and(eq(backlogHighlights.workspaceId, workspaceId), eq(backlogHighlights.backlogItemId, id), inArray(backlogHighlights.highlightId, highlightIds)))
      .returning({ id: backlogHighlights.highlightId });
    removed.highlights = rows.length;
  }
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
