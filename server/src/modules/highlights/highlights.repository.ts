import { and, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { BacklogItemRef, EvidenceImportance, InsightRef, TagRef } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { backlogHighlights, backlogInsights, backlogItems, companies, customers, highlightTags, highlights, insightHighlights, insights, sources, users } from '../../db/schema/index.js';
import type { SourceSegment } from '../../db/schema/index.js';
import { backlogImportanceOf } from '../../db/importance.js';
import { preparedStatement } from '../../db/prepared.js';
import { rowsOf } from '../../lib/bulk-sql.js';
import { cursorText, newestFirst, olderThan } from '../../lib/cursor.js';
import type { DateRange } from '../../lib/date-range.js';

type NewHighlight = typeof highlights.$inferInsert;

/** Everything a Highlight DTO needs; the generated search vector is left out on purpose. */
const detail = {
  id: highlights.id,
  sourceId: highlights.sourceId,
  start: highlights.start,
  end: highlights.end,
  quote: highlights.quote,
  note: highlights.note,
  createdBy: highlights.createdBy,
  createdAt: highlights.createdAt,
  updatedAt: highlights.updatedAt,
  deletedAt: highlights.deletedAt,
  authorName: users.name,
  tags: highlights.tagRefs,
};

export type HighlightDetailRow = {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  authorName: string | null;
  tags: TagRef[];
};

type TagOfHighlight = { id: string; name: string; color: string | null; groupName: string | null };

/**
 * A transcript's turns by the interviewer, in reading order (null when it marks none): what a new
 * range is checked against (`interviewerOnlySpeakers`), without the customer's turns it needs not.
 */
const interviewerTurns = sql<SourceSegment[] | null>`(
  select jsonb_agg(t.turn order by t.n) from jsonb_array_elements(${sources.segments}) with ordinality as t(turn, n)
  where t.turn->>'interviewer' = 'true'
)`;

/**
 * The row versions (`xmin`: the transaction that last wrote the row) of what a new highlight
 * copies: the source (its text, cut into the quote, and title), the requested tags (into its tag
 * copies) and the author (their name, in the response). Creating a highlight checks them again in
 * its insert, so what it copied may come from a read made earlier.
 */
export type NewHighlightVersions = { source: string; tags: string; author: string | null };

const bind = (name: string) => sql.placeholder(name);
const tagsVersion = sql<string>`(
  select coalesce(string_agg(t.xmin::text, ',' order by t.id), '') from tags t
  where t.workspace_id = ${bind('workspaceId')} and t.id = any(${bind('tagIds')}::uuid[])
)`;
const authorVersion = sql<string | null>`(select u.xmin::text from users u where u.id = ${bind('userId')})`;

/** Creating a highlight and loading a source's highlights are the hottest paths: prepared statements. */
const findForNewHighlightStatement = preparedStatement((executor) =>
  executor
    .select({
      title: sources.title,
      body: sources.body,
      interviewerTurns,
      tags: sql<TagOfHighlight[]>`(
        select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'groupName', t.group_name)), '[]'::json)
        from tags t where t.workspace_id = ${bind('workspaceId')} and t.id = any(${bind('tagIds')}::uuid[])
      )`,
      authorName: sql<string | null>`(select u.name from users u where u.id = ${bind('userId')})`,
      versions: sql<NewHighlightVersions>`json_build_object('source', ${sources}.xmin::text, 'tags', ${tagsVersion}, 'author', ${authorVersion})`,
    })
    .from(sources)
    .where(and(eq(sources.workspaceId, bind('workspaceId')), eq(sources.id, bind('sourceId')), isNull(sources.deletedAt)))
    .prepare('highlights_find_for_new'),
);

/**
 * Everything creating a highlight needs to read, in one round trip: the live source's text
 * (the range is checked against it and the quote cut from it), the requested tags of this
 * workspace, the author's name for the response, and the versions of those rows.
 */
export async function findForNewHighlight(executor: Executor, workspaceId: string, sourceId: string, tagIds: string[], userId: string | null) {
  const [row] = await findForNewHighlightStatement(executor).execute({ workspaceId, sourceId, tagIds, userId });
  return row;
}

/** No summary, no event: the highlight is one step of a bulk operation that logs one event for all. */
type AuditRow = { actorUserId: string | null; actorTokenId: string | null; summary: string | null };

const insertWithTagsAndAuditStatement = preparedStatement((executor) => {
  // Share-locked: the source cannot be edited or trashed until the highlight is in. A write
  // committed since the statement began is re-checked on its new row version, whose xmin differs.
  // The highlight's copies of the source's fields come from this locked row (the trigger that
  // fills them for other writers then has nothing to do).
  const checked = executor.$with('checked', {}).as(sql`
    select sources.kind, sources.occurred_at, sources.customer_id, sources.deleted_at from sources
    where sources.workspace_id = ${bind('workspaceId')} and sources.id = ${bind('sourceId')} and sources.deleted_at is null
      and sources.xmin::text = ${bind('sourceVersion')} and ${tagsVersion} = ${bind('tagsVersion')}
      and ${authorVersion} is not distinct from ${bind('authorVersion')}::text
    for share`);
  const inserted = executor.$with('h', { id: highlights.id, createdAt: highlights.createdAt, updatedAt: highlights.updatedAt }).as(sql`
    insert into highlights (workspace_id, source_id, start, "end", quote, note, tag_names, tag_refs, created_by, source_kind, source_occurred_at, source_customer_id, source_deleted_at)
    select ${bind('workspaceId')}, ${bind('sourceId')}, ${bind('start')}, ${bind('end')}, ${bind('quote')}, ${bind('note')}, ${bind('tagNames')}, ${bind('tagRefs')}, ${bind('userId')},
      checked.kind, checked.occurred_at, checked.customer_id, checked.deleted_at from checked
    returning id, created_at, updated_at`);
  const links = executor.$with('links', {}).as(sql`
    insert into highlight_tags (workspace_id, highlight_id, tag_id)
    select ${bind('workspaceId')}::uuid, h.id, t.id from h, tags t where t.workspace_id = ${bind('workspaceId')} and t.id = any(${bind('tagIds')}::uuid[])`);
  const audit = executor.$with('audit', {}).as(sql`
    insert into audit_events (workspace_id, actor_user_id, actor_token_id, action, object_type, object_id, summary)
    select ${bind('workspaceId')}::uuid, ${bind('actorUserId')}::uuid, ${bind('actorTokenId')}::uuid, 'highlight.create', 'highlight', h.id::text, ${bind('summary')} from h
    where ${bind('summary')}::text is not null`);
  return executor.with(checked, inserted, links, audit).select().from(inserted).prepare('highlights_insert');
});

/**
 * Inserts the highlight, its tag links and its audit event as one statement — atomic without
 * an explicit transaction, and one round trip instead of five on the hottest write path — if
 * the source is live and it, the tags and the author are still at `versions`; otherwise
 * nothing, and `undefined`. The audit row has the columns `recordAudit` writes.
 */
export async function insertWithTagsAndAudit(
  executor: Executor,
  values: Required<Pick<NewHighlight, 'workspaceId' | 'sourceId' | 'start' | 'end' | 'quote' | 'note' | 'tagNames' | 'tagRefs'>> & { userId: string | null },
  tagIds: string[],
  versions: NewHighlightVersions,
  audit: AuditRow,
) {
  const [row] = await insertWithTagsAndAuditStatement(executor).execute({
    ...values,
    tagRefs: JSON.stringify(values.tagRefs),
    tagIds,
    sourceVersion: versions.source,
    tagsVersion: versions.tags,
    authorVersion: versions.author,
    ...audit,
  });
  return row;
}

/** The live sources passages are cut from, share-locked so that none is edited or trashed until the highlights are in. */
export async function findLiveSourcesForPassages(executor: Executor, workspaceId: string, sourceIds: string[]) {
  return executor
    .select({ id: sources.id, title: sources.title, body: sources.body, interviewerTurns })
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), inArray(sources.id, sourceIds), isNull(sources.deletedAt)))
    .for('share');
}

export type PassageRange = { sourceId: string; start: number; end: number };

/** Live highlights with exactly these ranges (the oldest, where a range is highlighted twice), with their authors. */
export async function findLiveByRanges(executor: Executor, workspaceId: string, ranges: PassageRange[]) {
  return rowsOf<PassageRange & { id: string; createdBy: string | null }>(
    executor,
    sql`select distinct on (h.source_id, h.start, h."end") h.id, h.source_id as "sourceId", h.start, h."end", h.created_by as "createdBy"
      from highlights h
      join json_to_recordset(${JSON.stringify(ranges)}::json) as r("sourceId" uuid, start int, "end" int)
        on h.source_id = r."sourceId" and h.start = r.start and h."end" = r."end"
      where h.workspace_id = ${workspaceId} and h.deleted_at is null
      order by h.source_id, h.start, h."end", h.created_at, h.id`,
  );
}

/** Untagged highlights in one statement; the source copies come from the insert trigger (migration 0009). */
export async function insertMany(executor: Executor, rows: Array<Required<Pick<NewHighlight, 'workspaceId' | 'sourceId' | 'start' | 'end' | 'quote' | 'createdBy'>>>) {
  return executor.insert(highlights).values(rows).returning({ id: highlights.id, sourceId: highlights.sourceId, start: highlights.start, end: highlights.end });
}

/** A highlight with its source's text, for edits (trashed ones only when restoring). */
export async function findForChange(executor: Executor, workspaceId: string, id: string, options: { inTrash?: boolean } = {}) {
  const [row] = await executor
    .select({ id: highlights.id, createdBy: highlights.createdBy, start: highlights.start, end: highlights.end, deletedAt: highlights.deletedAt, sourceTitle: sources.title, body: sources.body, interviewerTurns })
    .from(highlights)
    .innerJoin(sources, eq(sources.id, highlights.sourceId))
    .where(and(eq(highlights.workspaceId, workspaceId), eq(highlights.id, id), options.inTrash ? undefined : isNull(highlights.deletedAt)))
    .for('update', { of: highlights });
  return row;
}

export async function update(executor: Executor, workspaceId: string, id: string, values: Partial<NewHighlight>) {
  await executor
    .update(highlights)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(highlights.workspaceId, workspaceId), eq(highlights.id, id)));
}

/** Live highlights among `ids`, with their authors: what a bulk change may touch. */
export async function findLiveByIds(executor: Executor, workspaceId: string, ids: string[]) {
  return executor
    .select({ id: highlights.id, createdBy: highlights.createdBy })
    .from(highlights)
    .where(and(eq(highlights.workspaceId, workspaceId), inArray(highlights.id, ids), isNull(highlights.deletedAt)));
}

/**
 * Highlights among `ids`, in the trash or not, locked for the rest of the transaction (in id order,
 * so two callers cannot deadlock), with their authors, and `madeThen`: whether the transaction that
 * began `at` (`findTransactionTime`'s, to the microsecond) made it.
 */
export async function lockByIds(executor: Executor, workspaceId: string, ids: string[], at: string) {
  if (!ids.length) return [];
  return executor
    .select({ id: highlights.id, createdBy: highlights.createdBy, deletedAt: highlights.deletedAt, madeThen: sql<boolean>`${highlights.createdAt} = ${at}::timestamptz` })
    .from(highlights)
    .where(and(eq(highlights.workspaceId, workspaceId), inArray(highlights.id, ids)))
    .orderBy(highlights.id)
    .for('update');
}

/**
 * When the current transaction began, to the microsecond, in UTC (`2024-05-01T09:30:00.123456Z`):
 * the `now()` every row it writes carries in `created_at`, so that an undo can tell what it wrote
 * from what was written since. A JavaScript Date keeps milliseconds only.
 */
export async function findTransactionTime(executor: Executor): Promise<string> {
  const [row] = await rowsOf<{ at: string }>(executor, sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`);
  return row!.at;
}

/**
 * Moves to the trash those of `ids` nobody has made anything of: no tag, no note, evidence of
 * nothing (a link to an insight or backlog item in the trash counts: restoring it brings the link
 * back). Returns the ids moved; the others stay as they are.
 */
export async function trashUnused(executor: Executor, workspaceId: string, ids: string[]) {
  if (!ids.length) return [];
  return rowsOf<{ id: string }>(
    executor,
    sql`update highlights h set deleted_at = now(), updated_at = now()
      where h.workspace_id = ${workspaceId} and h.id = any(${sql.param(ids)}::uuid[]) and h.deleted_at is null and h.note is null
        and not exists (select 1 from ${highlightTags} ht where ht.highlight_id = h.id)
        and not exists (select 1 from ${insightHighlights} ih where ih.workspace_id = h.workspace_id and ih.highlight_id = h.id)
        and not exists (select 1 from ${backlogHighlights} bh where bh.workspace_id = h.workspace_id and bh.highlight_id = h.id)
      returning h.id`,
  );
}

export async function findDetail(executor: Executor, workspaceId: string, id: string): Promise<HighlightDetailRow | undefined> {
  const [row] = await executor
    .select(detail)
    .from(highlights)
    .leftJoin(users, eq(users.id, highlights.createdBy))
    .where(and(eq(highlights.workspaceId, workspaceId), eq(highlights.id, id)));
  return row;
}

/** A highlight as `liveHighlightsOfSource` returns it: JSON, so its dates are strings. */
export type HighlightJson = Omit<HighlightDetailRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/**
 * The live highlights of the source row in the enclosing query, in reading order, as one JSON
 * array: the reader opens a source with its highlights in one round trip, its hottest read.
 */
export const liveHighlightsOfSource = sql<HighlightJson[]>`coalesce((
  select json_agg(json_build_object(
    'id', highlights.id, 'sourceId', highlights.source_id, 'start', highlights.start, 'end', highlights."end",
    'quote', highlights.quote, 'note', highlights.note, 'createdBy', highlights.created_by,
    'createdAt', highlights.created_at, 'updatedAt', highlights.updated_at, 'authorName', author.name, 'tags', highlights.tag_refs
  ) order by highlights.start, highlights."end", highlights.created_at)
  from highlights left join users author on author.id = highlights.created_by
  where highlights.workspace_id = ${sources.workspaceId} and highlights.source_id = ${sources.id} and highlights.deleted_at is null
), '[]'::json)`;

/**
 * The source in the enclosing query (its workspace and id) is untriaged: none of its highlights
 * outside the trash carries a tag, or is evidence of an insight or a backlog item outside the
 * trash. The triage queue (`?untriaged=true`) and clustering's "nobody has triaged yet" both mean
 * this. Three `not exists`, each a conjunct of its own: the planner turns each into an anti-join
 * on the (workspace_id, source_id) and (workspace_id, highlight_id) indexes, which it cannot do
 * for a `not exists` under an `or`. A link row counts only in its highlight's workspace.
 */
export function untriagedSource(source: { workspaceId: SQLWrapper; id: SQLWrapper }): SQL {
  const live = sql`th.workspace_id = ${source.workspaceId} and th.source_id = ${source.id} and th.deleted_at is null`;
  return sql`(not exists (select 1 from ${highlights} th join ${highlightTags} tt on tt.highlight_id = th.id where ${live})
    and not exists (select 1 from ${highlights} th
      join ${insightHighlights} ih on ih.workspace_id = th.workspace_id and ih.highlight_id = th.id
      join ${insights} i on i.id = ih.insight_id and i.workspace_id = ih.workspace_id and i.deleted_at is null
      where ${live})
    and not exists (select 1 from ${highlights} th
      join ${backlogHighlights} bh on bh.workspace_id = th.workspace_id and bh.highlight_id = th.id
      join ${backlogItems} b on b.id = bh.backlog_item_id and b.workspace_id = bh.workspace_id and b.deleted_at is null
      where ${live}))`;
}

export function highlightFromJson(json: HighlightJson): HighlightDetailRow {
  return { ...json, createdAt: new Date(json.createdAt), updatedAt: new Date(json.updatedAt) };
}

/** The date range bounds the source's occurredAt (when the customer said it). */
export type HighlightFilters = DateRange & {
  ids?: string[];
  tagId?: string;
  insightId?: string;
  backlogItemId?: string;
  evidenceOfBacklogItemId?: string;
  /** With one of the three above: evidence of these importances there (`importanceOf`). */
  importances?: EvidenceImportance[];
  sourceId?: string;
  sourceKinds?: string[];
  customerId?: string;
  companyId?: string;
  segment?: string;
  q?: string;
  /** The trash instead of the live highlights: those trashed on their own (one trashed with its source comes back with it). */
  trash?: boolean;
};

/**
 * Filters on the highlight's own row: the source's kind, customer, date and trash are the copies
 * the highlight carries (migration 0009), so a count needs no join; the segment is the company's.
 */
function filterConditions(workspaceId: string, filters: HighlightFilters): SQL | undefined {
  return and(
    eq(highlights.workspaceId, workspaceId),
    filters.trash ? isNotNull(highlights.deletedAt) : isNull(highlights.deletedAt),
    isNull(highlights.sourceDeletedAt),
    filters.ids ? inArray(highlights.id, filters.ids) : undefined,
    filters.tagId
      ? sql`exists (select 1 from highlight_tags ht where ht.highlight_id = "highlights"."id" and ht.tag_id = ${filters.tagId})`
      : undefined,
    filters.insightId
      ? sql`exists (select 1 from ${insightHighlights} ih where ih.highlight_id = "highlights"."id" and ih.insight_id = ${filters.insightId})`
      : undefined,
    filters.backlogItemId
      ? sql`exists (select 1 from ${backlogHighlights} bh where bh.highlight_id = "highlights"."id" and bh.backlog_item_id = ${filters.backlogItemId})`
      : undefined,
    // The pairs the item's evidence score reads (backlog.repository.ts): its own links, and its live insights'.
    filters.evidenceOfBacklogItemId
      ? sql`"highlights"."id" in (
          select bh.highlight_id from backlog_highlights bh where bh.workspace_id = ${workspaceId} and bh.backlog_item_id = ${filters.evidenceOfBacklogItemId}
          union all
          select ih.highlight_id from backlog_insights bi
            join insights i on i.id = bi.insight_id and i.deleted_at is null
            join insight_highlights ih on ih.insight_id = bi.insight_id
          where bi.workspace_id = ${workspaceId} and bi.backlog_item_id = ${filters.evidenceOfBacklogItemId})`
      : undefined,
    // The importance each row is listed with, so the filter and the badges cannot disagree.
    filters.importances?.length ? inArray(importanceOf(workspaceId, filters), filters.importances) : undefined,
    filters.sourceId ? eq(highlights.sourceId, filters.sourceId) : undefined,
    filters.sourceKinds?.length ? inArray(highlights.sourceKind, filters.sourceKinds as Array<NonNullable<typeof highlights.$inferSelect.sourceKind>>) : undefined,
    filters.customerId ? eq(highlights.sourceCustomerId, filters.customerId) : undefined,
    // Through the company's customers' sources, by index: for the usual small company a few lookups, where the customer copy has no index to scan by.
    filters.companyId
      ? sql`"highlights"."source_id" in (select s.id from ${customers} c join ${sources} s on s.workspace_id = c.workspace_id and s.customer_id = c.id
          where c.workspace_id = ${workspaceId} and c.company_id = ${filters.companyId})`
      : undefined,
    filters.segment
      ? sql`exists (select 1 from ${customers} c join ${companies} co on co.id = c.company_id where c.id = "highlights"."source_customer_id" and lower(co.segment) = lower(${filters.segment}))`
      : undefined,
    filters.from ? gte(highlights.sourceOccurredAt, filters.from) : undefined,
    filters.before ? lt(highlights.sourceOccurredAt, filters.before) : undefined,
    filters.q ? sql`${highlights.search} @@ websearch_to_tsquery('english', ${filters.q})` : undefined,
  );
}

/** Listed as evidence of an insight or a backlog item: who made each link. */
function linkedByOf(filters: HighlightFilters): SQL<string | null> {
  if (filters.insightId) {
    return sql<string | null>`(select ih.created_by from ${insightHighlights} ih where ih.highlight_id = "highlights"."id" and ih.insight_id = ${filters.insightId})`;
  }
  const backlogItemId = filters.backlogItemId ?? filters.evidenceOfBacklogItemId;
  if (backlogItemId) {
    return sql<string | null>`(select bh.created_by from ${backlogHighlights} bh where bh.highlight_id = "highlights"."id" and bh.backlog_item_id = ${backlogItemId})`;
  }
  return sql<null>`null`;
}

/** Listed as evidence: how much it matters there (ADR 009), as the backlog score weighs it. */
function importanceOf(workspaceId: string, filters: HighlightFilters): SQL<EvidenceImportance | null> {
  if (filters.insightId) {
    return sql<EvidenceImportance>`(select ih.importance from ${insightHighlights} ih where ih.highlight_id = "highlights"."id" and ih.insight_id = ${filters.insightId})`;
  }
  if (filters.backlogItemId) {
    return sql<EvidenceImportance>`(select bh.importance from ${backlogHighlights} bh where bh.highlight_id = "highlights"."id" and bh.backlog_item_id = ${filters.backlogItemId})`;
  }
  if (filters.evidenceOfBacklogItemId) return backlogImportanceOf(workspaceId, sql`${filters.evidenceOfBacklogItemId}::uuid`, sql`"highlights"."id"`);
  return sql<null>`null`;
}

export type EvidenceVia = { direct: boolean; insights: Array<{ id: string; type: InsightRef['type']; title: string }> };

/**
 * Listed as all the evidence of a backlog item: how each highlight reaches it, by the same links
 * `evidenceOfBacklogItemId` follows (primary-key lookups per row of the page).
 */
function viaOf(workspaceId: string, filters: HighlightFilters): SQL<EvidenceVia | null> {
  const itemId = filters.evidenceOfBacklogItemId;
  if (!itemId) return sql<null>`null`;
  return sql<EvidenceVia>`json_build_object(
    'direct', exists (select 1 from ${backlogHighlights} bh where bh.backlog_item_id = ${itemId} and bh.highlight_id = "highlights"."id"),
    'insights', (select coalesce(json_agg(json_build_object('id', i.id, 'type', i.type, 'title', i.title) order by i.title, i.id), '[]'::json)
      from ${backlogInsights} bi
      join ${insights} i on i.id = bi.insight_id and i.deleted_at is null
      join ${insightHighlights} ih on ih.insight_id = bi.insight_id and ih.highlight_id = "highlights"."id"
      where bi.workspace_id = ${workspaceId} and bi.backlog_item_id = ${itemId}))`;
}

/** What the list sorts by, newest first: creation, and in the trash the time each went there. */
const sortedAt = (filters: HighlightFilters) => (filters.trash ? highlights.deletedAt : highlights.createdAt);

/** Highlights of live sources with where they come from and who said it, newest first (in the trash: most recently trashed first; keyset). */
export async function list(executor: Executor, workspaceId: string, filters: HighlightFilters, limit: number, after?: Array<string | number | null>) {
  const at = sortedAt(filters);
  return executor
    .select({
      ...detail,
      linkedBy: linkedByOf(filters),
      importance: importanceOf(workspaceId, filters),
      via: viaOf(workspaceId, filters),
      cursorAt: cursorText(at),
      source: { id: sources.id, title: sources.title, kind: sources.kind, occurredAt: sources.occurredAt },
      customer: { id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId },
      company: { id: companies.id, name: companies.name, segment: companies.segment },
    })
    .from(highlights)
    .innerJoin(sources, eq(sources.id, highlights.sourceId))
    .leftJoin(customers, eq(customers.id, sources.customerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .leftJoin(users, eq(users.id, highlights.createdBy))
    .where(and(filterConditions(workspaceId, filters), olderThan(at, highlights.id, after)))
    .orderBy(...newestFirst(at, highlights.id))
    .limit(limit + 1);
}

export async function count(executor: Executor, workspaceId: string, filters: HighlightFilters): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(highlights)
    .where(filterConditions(workspaceId, filters));
  return row?.count ?? 0;
}

/** Whether the source is this workspace's (in the trash or not). */
export async function sourceExists(executor: Executor, workspaceId: string, sourceId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, sourceId)));
  return !!row;
}

export type EvidenceLinksRow = { highlightId: string; insights: InsightRef[]; backlogItems: BacklogItemRef[] };

/** For each live highlight of a source, the live insights and backlog items it is linked to, oldest link first. */
export async function listEvidenceLinksOfSource(executor: Executor, workspaceId: string, sourceId: string): Promise<EvidenceLinksRow[]> {
  return rowsOf<EvidenceLinksRow>(
    executor,
    sql`select h.id as "highlightId",
        coalesce((select json_agg(json_build_object('id', i.id, 'type', i.type, 'title', i.title, 'status', i.status) order by ih.created_at, i.id)
          from ${insightHighlights} ih join ${insights} i on i.id = ih.insight_id and i.deleted_at is null
          where ih.workspace_id = ${workspaceId} and ih.highlight_id = h.id), '[]') as insights,
        coalesce((select json_agg(json_build_object('id', b.id, 'title', b.title, 'status', b.status, 'externalKey', b.external_key) order by bh.created_at, b.id)
          from ${backlogHighlights} bh join ${backlogItems} b on b.id = bh.backlog_item_id and b.deleted_at is null
          where bh.workspace_id = ${workspaceId} and bh.highlight_id = h.id), '[]') as "backlogItems"
      from ${highlights} h
      where h.workspace_id = ${workspaceId} and h.source_id = ${sourceId} and h.deleted_at is null
      order by h.start, h.id`,
  );
}
