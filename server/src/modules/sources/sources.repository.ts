import { and, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { SOURCE_PREVIEW_LENGTH, type ScoreScaleKind, type SourceKind, type SourceOrder } from '@cairn/shared';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { estimateRowCount } from '../../db/statistics.js';
import { companies, customers, highlightTags, highlights, sources, users } from '../../db/schema/index.js';
import { anyOf, copyIntoTemporaryTable, jsonRows, rowsOf } from '../../lib/bulk-sql.js';
import { liveHighlightsOfSource, untriagedSource } from '../highlights/highlights.repository.js';
import { cursorText, newerThan, newestFirst, oldestFirst, olderThan } from '../../lib/cursor.js';
import type { DateRange } from '../../lib/date-range.js';

export type NewSource = typeof sources.$inferInsert;

/**
 * What an import or the API writes. `occurredAt: null` means "the input does not say": a new
 * source gets the import time, an existing one keeps its date.
 */
export type SourceValues = Omit<NewSource, 'occurredAt' | 'workspaceId'> & { id: string; occurredAt: Date | null };

/**
 * Stands for "no date given" inside one upsert statement: the transaction time plus one
 * microsecond. Dates that come from JavaScript have millisecond precision, so no real input can
 * equal it, and `on conflict do update` can tell "keep the stored date" from a new date.
 */
const UNDATED = sql`(date_trunc('milliseconds', now()) + interval '1 microsecond')`;

/** Any highlight, even one in the trash (it can be restored), pins the body its offsets point into. */
const HAS_HIGHLIGHTS = sql`exists (select 1 from ${highlights} where ${highlights.workspaceId} = ${sources.workspaceId} and ${highlights.sourceId} = ${sources.id})`;

/** Inputs without a customer keep the stored one: a re-import that lacks the requester does not erase it. */
const CHANGED = sql`(
  ${sources.title} is distinct from excluded.title
  or ${sources.metadata} is distinct from excluded.metadata
  or (excluded.occurred_at <> ${UNDATED} and ${sources.occurredAt} is distinct from excluded.occurred_at)
  or (excluded.customer_id is not null and ${sources.customerId} is distinct from excluded.customer_id)
  or ((${sources.body} is distinct from excluded.body or ${sources.segments} is distinct from excluded.segments) and not ${HAS_HIGHLIGHTS})
)`;

/** The columns of a batch of sources on its way in, as `json_to_recordset` and the COPY table declare them. */
const BATCH_COLUMNS = 'id uuid, kind text, title text, body text, segments jsonb, occurred_at timestamptz, customer_id uuid, metadata jsonb, import_id uuid, external_id text, created_by uuid';

/** The batch's rows, in BATCH_COLUMNS order. */
function batchRows(values: SourceValues[]): unknown[][] {
  return values.map((value) => [
    value.id,
    value.kind,
    value.title,
    value.body,
    value.segments ?? null,
    value.occurredAt?.toISOString() ?? null,
    value.customerId ?? null,
    value.metadata ?? {},
    value.importId ?? null,
    value.externalId ?? null,
    value.createdBy ?? null,
  ]);
}

/**
 * Where the upsert reads the batch from: on PostgreSQL a temporary table filled with COPY, the
 * cheapest way in for both sides; elsewhere (PGlite) one JSON parameter.
 */
async function stageBatch(executor: Executor, values: SourceValues[]): Promise<SQL> {
  const rows = batchRows(values);
  if (await copyIntoTemporaryTable(executor, 'source_batch', BATCH_COLUMNS, rows)) return sql`pg_temp.source_batch v`;
  const names = BATCH_COLUMNS.split(', ').map((column) => column.split(' ')[0]!);
  const objects = rows.map((row) => Object.fromEntries(names.map((name, index) => [name, row[index]])));
  return sql`json_to_recordset(${jsonRows(objects)}) as v(${sql.raw(BATCH_COLUMNS)})`;
}

/**
 * One multi-row `insert … on conflict do update` for a whole batch. Rows whose (kind,
 * external id) exists are updated only when something differs, so an identical re-import
 * writes nothing and returns no row for them; `inserted` tells new rows from updated ones.
 * The trash flag is never touched: a re-imported trashed source stays in the trash.
 */
export async function upsertMany(executor: Executor, workspaceId: string, values: SourceValues[]) {
  if (!values.length) return [];
  const batch = await stageBatch(executor, values);
  return rowsOf<{ id: string; kind: SourceKind; externalId: string | null; inserted: boolean }>(
    executor,
    sql`
      insert into ${sources} (id, workspace_id, kind, title, body, segments, occurred_at, customer_id, metadata, import_id, external_id, created_by)
      select v.id, ${workspaceId}::uuid, v.kind, v.title, v.body, v.segments, coalesce(v.occurred_at, ${UNDATED}), v.customer_id, v.metadata, v.import_id, v.external_id, v.created_by
      from ${batch}
      on conflict (workspace_id, kind, external_id) where external_id is not null do update set
        title = excluded.title,
        body = case when ${HAS_HIGHLIGHTS} then ${sources.body} else excluded.body end,
        segments = case when ${HAS_HIGHLIGHTS} then ${sources.segments} else excluded.segments end,
        occurred_at = case when excluded.occurred_at = ${UNDATED} then ${sources.occurredAt} else excluded.occurred_at end,
        customer_id = coalesce(excluded.customer_id, ${sources.customerId}),
        metadata = excluded.metadata,
        import_id = coalesce(excluded.import_id, ${sources.importId}),
        updated_at = now()
      where ${CHANGED}
      returning id, kind, external_id as "externalId", (xmax = 0) as inserted`,
  );
}

/** Ids of sources by (kind, external id), with the import that last wrote them, for rows an upsert left unchanged. */
export async function findIdsByExternalIds(executor: Executor, workspaceId: string, keys: Array<{ kind: SourceKind; externalId: string }>) {
  if (!keys.length) return [];
  return executor
    .select({ id: sources.id, kind: sources.kind, externalId: sources.externalId, importId: sources.importId })
    .from(sources)
    .where(
      and(
        eq(sources.workspaceId, workspaceId),
        sql`${sources.kind} = any(${anyOf([...new Set(keys.map((key) => key.kind))])})`,
        sql`${sources.externalId} = any(${anyOf([...new Set(keys.map((key) => key.externalId))])})`,
      ),
    );
}

const liveHighlightOf = and(eq(highlights.workspaceId, sources.workspaceId), eq(highlights.sourceId, sources.id), isNull(highlights.deletedAt));

/** At least one highlight outside the trash carries a tag (or this tag). */
function hasTaggedHighlight(tagId?: string): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from ${highlights} join ${highlightTags} on ${highlightTags.highlightId} = ${highlights.id}
    where ${liveHighlightOf}${tagId ? sql` and ${highlightTags.tagId} = ${tagId}` : sql``}
  )`;
}

/** What a list item and the detail both show of a source, its customer and its creator. */
const describingColumns = {
  source: {
    id: sources.id,
    kind: sources.kind,
    title: sources.title,
    externalId: sources.externalId,
    occurredAt: sources.occurredAt,
    importId: sources.importId,
    createdBy: sources.createdBy,
    createdAt: sources.createdAt,
    deletedAt: sources.deletedAt,
  },
  customer: { id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId },
  company: { id: companies.id, name: companies.name, segment: companies.segment },
  creatorName: users.name,
};

/** A survey answer's score as stored: a JSON number or string, or anything an API caller put there. */
const storedScore = sql<unknown>`${sources.metadata}->'score'`;

/**
 * The score when it is a JSON number, else null. `case` guards the cast: a text label such as
 * "Very satisfied" is never cast, whatever order the planner evaluates conditions in.
 */
const numericScore = sql`(case when jsonb_typeof(${storedScore}) = 'number' then (${storedScore})::numeric end)`;

/** The columns of a list item; the body itself stays in the database. */
const summaryColumns = {
  ...describingColumns,
  cursorAt: cursorText(sources.occurredAt),
  preview: sql<string>`left(${sources.body}, ${SOURCE_PREVIEW_LENGTH})`,
  // Read for the page's rows only, after the page is chosen.
  score: storedScore,
  scoreScale: sql<unknown>`${sources.metadata}->'scoreScale'`,
  highlightCount: sql<number>`(select count(*)::int from ${highlights} where ${liveHighlightOf})`,
  tagged: hasTaggedHighlight(),
  triaged: sql<boolean>`not ${untriagedSource({ workspaceId: sources.workspaceId, id: sources.id })}`,
};

export type SourceFilter = DateRange & {
  kinds?: SourceKind[] | undefined;
  customerId?: string | undefined;
  tagId?: string | undefined;
  importId?: string | undefined;
  untagged?: boolean | undefined;
  /** No tagged highlight and none linked as evidence: the triage queue (`untriagedSource`). */
  untriaged?: boolean | undefined;
  /** One of its helpdesk tags is this one, ignoring case (`hasHelpdeskTag`). */
  helpdeskTag?: string | undefined;
  trash?: boolean | undefined;
  /** Inclusive bounds on numeric scores; either one makes text scores and sources without one drop out. */
  scoreMin?: number | undefined;
  scoreMax?: number | undefined;
  /** Only numeric scores on this kind of scale (`scoreOnScaleOf`). */
  scoreScale?: ScoreScaleKind | undefined;
};

function filterConditions(workspaceId: string, filter: SourceFilter): SQL | undefined {
  return and(
    eq(sources.workspaceId, workspaceId),
    filter.trash ? isNotNull(sources.deletedAt) : isNull(sources.deletedAt),
    filter.kinds ? inArray(sources.kind, filter.kinds) : undefined,
    filter.customerId ? eq(sources.customerId, filter.customerId) : undefined,
    filter.importId ? eq(sources.importId, filter.importId) : undefined,
    filter.from ? gte(sources.occurredAt, filter.from) : undefined,
    filter.before ? lt(sources.occurredAt, filter.before) : undefined,
    filter.tagId ? hasTaggedHighlight(filter.tagId) : undefined,
    filter.untagged ? sql`not ${hasTaggedHighlight()}` : undefined,
    filter.untriaged ? untriagedSource({ workspaceId: sources.workspaceId, id: sources.id }) : undefined,
    filter.helpdeskTag ? hasHelpdeskTag(filter.helpdeskTag) : undefined,
    filter.scoreMin !== undefined ? sql`${numericScore} >= ${filter.scoreMin}` : undefined,
    filter.scoreMax !== undefined ? sql`${numericScore} <= ${filter.scoreMax}` : undefined,
    filter.scoreScale ? scoreOnScaleOf(filter.scoreScale) : undefined,
  );
}

/**
 * A ticket's helpdesk tags (`metadata.tags`, written by imports and the ticket webhook) as rows
 * of text, none when the metadata holds no array there (the API takes any metadata).
 */
const helpdeskTagNames = sql`jsonb_array_elements_text(case when jsonb_typeof(${sources.metadata}->'tags') = 'array' then ${sources.metadata}->'tags' else '[]'::jsonb end)`;

/**
 * One of the source's helpdesk tags is `name`, ignoring case. No index serves it (adding one is a
 * migration): the other conditions narrow the rows, then each one's few tags are read. Measured on
 * PostgreSQL 15 in a workspace of 50,000 sources (40,000 tickets with five helpdesk tags each among
 * 200 names, about half of them untriaged), on a machine at load average 8: the queue's first page
 * for a helpdesk tag 42 ms (10 ms without one), its count 185 ms (94 ms), the helpdesk tag counts
 * (`countByHelpdeskTag`) 255 ms, the ids of a bulk tagging 158 ms. Fine at tens of thousands; past
 * that, a GIN index on the lowercased tags, matched with `@>`, is the first thing to try.
 */
function hasHelpdeskTag(name: string): SQL {
  return sql`exists (select 1 from ${helpdeskTagNames} as tag where lower(tag) = lower(${name}))`;
}

/**
 * A numeric score on a kind of scale (`metadata.scoreScale.kind`). An answer imported before
 * scales were kept has none: its whole score 0–10 is read as NPS, as it always was.
 */
function scoreOnScaleOf(kind: ScoreScaleKind): SQL {
  const scaleKind = sql`${sources.metadata}->'scoreScale'->>'kind'`;
  const onScale = sql`${numericScore} is not null and ${scaleKind} = ${kind}`;
  if (kind !== 'nps') return onScale;
  const withoutScale = sql`jsonb_typeof(${sources.metadata}->'scoreScale') is distinct from 'object' and ${numericScore} between 0 and 10 and ${numericScore} = trunc(${numericScore})`;
  return sql`(${onScale} or (${withoutScale}))`;
}

/**
 * A page of sources. The page is chosen on sources alone, then described: joined before the
 * sort, the customer, company and creator were looked up for every row that passed the filters
 * (27,500 untagged of 55,000 tickets: ~150 ms), not for the page's.
 */
export async function list(executor: Executor, workspaceId: string, filter: SourceFilter, order: SourceOrder, limit: number, after?: Array<string | number | null>) {
  const orderBy = order === 'newest' ? newestFirst(sources.occurredAt, sources.id) : oldestFirst(sources.occurredAt, sources.id);
  const page = executor
    .select({ id: sources.id })
    .from(sources)
    .where(and(filterConditions(workspaceId, filter), order === 'newest' ? olderThan(sources.occurredAt, sources.id, after) : newerThan(sources.occurredAt, sources.id, after)))
    .orderBy(...orderBy)
    .limit(limit + 1);
  return executor
    // Untagged (and untriaged) by definition: asking would cost a pass over every tagged highlight.
    .select(filter.untriaged ? { ...summaryColumns, tagged: sql<boolean>`false`, triaged: sql<boolean>`false` } : filter.untagged ? { ...summaryColumns, tagged: sql<boolean>`false` } : summaryColumns)
    .from(sources)
    .leftJoin(customers, eq(customers.id, sources.customerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .leftJoin(users, eq(users.id, sources.createdBy))
    .where(and(eq(sources.workspaceId, workspaceId), inArray(sources.id, page)))
    .orderBy(...orderBy);
}

export async function count(executor: Executor, workspaceId: string, filter: SourceFilter): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)::int` }).from(sources).where(filterConditions(workspaceId, filter));
  return row?.count ?? 0;
}

/** The sources the filter matches, counted up to `max`: reads at most `max` matches, however many there are. */
export async function countUpTo(executor: Executor, workspaceId: string, filter: SourceFilter, max: number): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(executor, sql`select count(*)::int as count from (select 1 from ${sources} where ${filterConditions(workspaceId, filter)} limit ${max}) matches`);
  return row?.count ?? 0;
}

/** The planner's estimate of the sources the filter matches: a plan, not a scan. */
export function estimateCount(executor: Executor, workspaceId: string, filter: SourceFilter): Promise<number> {
  return estimateRowCount(executor, sql`select 1 from ${sources} where ${filterConditions(workspaceId, filter)}`);
}

/** The ids of up to `limit` sources the filter matches, oldest first (the queue's order). */
export async function listIds(executor: Executor, workspaceId: string, filter: SourceFilter, limit: number): Promise<string[]> {
  const rows = await executor
    .select({ id: sources.id })
    .from(sources)
    .where(filterConditions(workspaceId, filter))
    .orderBy(...oldestFirst(sources.occurredAt, sources.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * The helpdesk tags of the sources the filter matches, each with how many of them carry it, most
 * first, at most `limit`. Names that differ only in case are one tag, as the filter matches them,
 * named by the first spelling in code-point order, and a source counts once per tag.
 */
export async function countByHelpdeskTag(executor: Executor, workspaceId: string, filter: SourceFilter, limit: number) {
  return rowsOf<{ name: string; count: number }>(
    executor,
    sql`select min(tag collate "C") as name, count(distinct ${sources.id})::int as count
      from ${sources} cross join lateral ${helpdeskTagNames} as tag
      where ${filterConditions(workspaceId, filter)}
      group by lower(tag)
      order by count(distinct ${sources.id}) desc, 1
      limit ${limit}`,
  );
}

/**
 * An import's live sources counted by score: a respondent (`metadata.respondentId`) counts
 * once however many questions they answered; an answer without one counts alone. One grouped
 * query; scores that are neither numbers nor text are left out.
 */
export async function countRespondentsByScore(executor: Executor, workspaceId: string, importId: string) {
  return executor
    .select({ score: storedScore, respondents: sql<number>`count(distinct coalesce(${sources.metadata}->>'respondentId', ${sources.id}::text))::int` })
    .from(sources)
    .where(
      and(
        eq(sources.workspaceId, workspaceId),
        eq(sources.importId, importId),
        isNull(sources.deletedAt),
        sql`jsonb_typeof(${storedScore}) in ('number', 'string')`,
      ),
    )
    .groupBy(storedScore);
}

/**
 * One value that changes whenever anything a source's response shows does: every row it reads
 * (the source, its customer, company and creator, each highlight and its author) gets a new
 * `xmin` — the id of the transaction that wrote it — on every write. Trashed highlights count
 * too, so trashing one changes it. The reader's cache and ETag rest on it.
 */
const fingerprint = sql<string>`md5(concat(
  ${sources}.xmin, ',', ${customers}.xmin, ',', ${companies}.xmin, ',', ${users}.xmin, ';',
  (select string_agg(h.xmin::text || '/' || coalesce(author.xmin::text, ''), ',' order by h.id)
   from ${highlights} h left join ${users} author on author.id = h.created_by
   where h.workspace_id = ${sources.workspaceId} and h.source_id = ${sources.id})
))`;

/** The source of the `workspaceId` and `id` placeholders, with the rows that describe it: its customer, their company, its creator. */
function oneSourceDescribed<Query extends PgSelect>(query: Query) {
  return query
    .leftJoin(customers, eq(customers.id, sources.customerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .leftJoin(users, eq(users.id, sources.createdBy))
    .where(and(eq(sources.workspaceId, sql.placeholder('workspaceId')), eq(sources.id, sql.placeholder('id'))));
}

const findByIdStatement = preparedStatement((executor) =>
  oneSourceDescribed(
    executor
      .select({
        ...describingColumns,
        body: sources.body,
        segments: sources.segments,
        metadata: sources.metadata,
        updatedAt: sources.updatedAt,
        highlights: liveHighlightsOfSource,
        fingerprint,
      })
      .from(sources)
      .$dynamic(),
  ).prepare('sources_find_by_id'),
);

/**
 * Opening a source is the reader's hot path: one prepared statement, highlights included
 * (what a list item counts of them, the service derives from the list), with its fingerprint.
 */
export async function findById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await findByIdStatement(executor).execute({ workspaceId, id });
  return row;
}

const fingerprintStatement = preparedStatement((executor) => oneSourceDescribed(executor.select({ fingerprint }).from(sources).$dynamic()).prepare('sources_fingerprint'));

/** The fingerprint alone: whether a response made earlier still holds, without reading the text. */
export async function findFingerprint(executor: Executor, workspaceId: string, id: string): Promise<string | undefined> {
  const [row] = await fingerprintStatement(executor).execute({ workspaceId, id });
  return row?.fingerprint;
}

/** The row with a lock for the rest of the transaction: edits and trash moves of one source do not interleave. */
export async function findForUpdate(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select({ id: sources.id, title: sources.title, body: sources.body, createdBy: sources.createdBy, deletedAt: sources.deletedAt })
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .for('update');
  return row;
}

export async function hasHighlights(executor: Executor, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: highlights.id })
    .from(highlights)
    .where(and(eq(highlights.workspaceId, workspaceId), eq(highlights.sourceId, id)))
    .limit(1);
  return row !== undefined;
}

export async function update(executor: Executor, workspaceId: string, id: string, values: Partial<NewSource>) {
  await executor
    .update(sources)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)));
}
