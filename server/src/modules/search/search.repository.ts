import { sql, type SQL } from 'drizzle-orm';
import type { SearchResultType, SourceKind, TagRef } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw-query.js';
import { rowsOf } from '../../lib/bulk-sql.js';
import type { DateRange } from '../../lib/date-range.js';
import { companies, customers, highlightTags, highlights, searchTerms, sources } from '../../db/schema/index.js';
import { tidParts, type DateKey, type DateSort, type RankKey, type TypeWindow } from '../../search/cursor.js';
import type { SearchTerm } from '../../search/query.js';
import { SEARCH_CONFIG } from '../../search/tsquery.js';

/** A list as one parameter (drizzle would spread a JS array into one placeholder per item). */
const jsonList = (values: string[]) => sql`jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)`;

/**
 * Why a search found nothing, when it did: what of the query the index can look up (its
 * `querytree`: empty or `T` when nothing), beside the caller's `columns` (whether the filters'
 * ids are the workspace's: `checkFilterIds`). A search that finds something needs neither.
 */
export async function checkQuery(executor: Executor, query: SQL, columns: SQL[]): Promise<Record<string, unknown> & { tree: string }> {
  const [row] = await rowsOf<Record<string, unknown> & { tree: string }>(executor, sql`select ${sql.join([sql`querytree(${query}) as tree`, ...columns], sql`, `)}`);
  return row!;
}

/** The filters, resolved; the date range bounds the source's occurredAt. */
export type SearchConditions = DateRange & {
  workspaceId: string;
  /**
   * The tsquery expression (`plainto_tsquery('english', $1) && …`), written into each statement:
   * its functions are immutable, so the planner folds it into the tsquery itself and plans with
   * the real lexemes and their frequencies, with no round trip to compile it first.
   */
  query: SQL;
  /** Each facet filter matches any of its values (none given: no filter). */
  kinds?: SourceKind[];
  tagIds?: string[];
  segments?: string[];
  customerId?: string;
  /** The terms every match must contain (`requiredTerms`): with a phrase among them, see SequentialRead. */
  required: SearchTerm[];
};

/** The ctid bounds of a window of candidates. */
export type WindowBound = NonNullable<TypeWindow>;

export type Candidate = {
  type: SearchResultType;
  id: string;
  /** Where the row sits in its table (`ctid`, as text): windows are runs of this order. */
  tid: string;
  /** Position in the scan's output, to check that the scan really went in table order. */
  seq: number;
  score: number;
  kind: SourceKind;
  segment: string | null;
  /** The highlight's tags (facets count them on the first window); null for sources and later windows. */
  tags: TagRef[] | null;
  /** What the result shows, for the candidates the page may show (`Shown`); null for the rest. */
  hit: Hit | null;
};

/** One type's window: its candidates in scan order (table order), up to the window size. */
export type Window = Candidate[];

const tsquery = (conditions: SearchConditions) => sql`(${conditions.query})`;
/**
 * False when the index can look nothing up (only stop words, or only exclusions): folded at
 * plan time, so such a search scans nothing instead of every row. `checkQuery` then says why.
 */
const lookable = (conditions: SearchConditions) => sql`querytree(${tsquery(conditions)}) not in ('', 'T')`;

/** Where a table keeps the source's fields that filters read: the source's own columns, or a highlight's copies of them. */
type SourceColumns = { workspaceId: SQL; kind: SQL; customerId: SQL; occurredAt: SQL; deletedAt: SQL };
const SOURCE_OWN: SourceColumns = { workspaceId: sql`s.workspace_id`, kind: sql`s.kind`, customerId: sql`s.customer_id`, occurredAt: sql`s.occurred_at`, deletedAt: sql`s.deleted_at` };
/** A highlight's copies of its source's fields (kept by triggers, migration 0009): no join per row. */
const HIGHLIGHT_COPIES: SourceColumns = { workspaceId: sql`h.workspace_id`, kind: sql`h.source_kind`, customerId: sql`h.source_customer_id`, occurredAt: sql`h.source_occurred_at`, deletedAt: sql`h.source_deleted_at` };

/**
 * Any of a filter's values. One value is planned as `= $1`, as it was before filters took several
 * (PostgreSQL reads `in ($1)` as `= $1`); several as `= any(array[…])`.
 */
const anyOf = (column: SQL, values: string[], each = (value: string) => sql`${value}`) => sql`${column} in (${sql.join(values.map(each), sql`, `)})`;

/** Filters on the source: a live source of the workspace, of the requested kinds, customer, segments and dates. */
function sourceFilters(conditions: SearchConditions, columns: SourceColumns): SQL[] {
  const filters: SQL[] = [sql`${columns.workspaceId} = ${conditions.workspaceId}`, sql`${columns.deletedAt} is null`];
  if (conditions.kinds) filters.push(anyOf(columns.kind, conditions.kinds));
  if (conditions.customerId) filters.push(sql`${columns.customerId} = ${conditions.customerId}`);
  if (conditions.from) filters.push(sql`${columns.occurredAt} >= ${conditions.from.toISOString()}::timestamptz`);
  if (conditions.before) filters.push(sql`${columns.occurredAt} < ${conditions.before.toISOString()}::timestamptz`);
  if (conditions.segments) {
    // Wrapped so that it stays a hashed subplan: pulled up into a semi-join, the planner drives
    // the search from the segment's customers (1.8 s instead of 34 ms on the bench).
    filters.push(sql`coalesce(${columns.customerId} in (select id from segment_customers), false)`);
  }
  return filters;
}

/**
 * A statement with its common table expressions, and `segment_customers` among them when its
 * source filters name it: the segments' customers, looked up once per statement (materialized)
 * rather than once in each part of the estimate's union. The sources and highlights windows,
 * two statements, each look them up, from `customers_company_idx` alone (migration 0020).
 */
function withExpressions(conditions: SearchConditions, expressions: SQL[], statement: SQL): SQL {
  const all = conditions.segments
    ? [
        sql`segment_customers as materialized (
      select c.id from ${customers} c join ${companies} co on co.id = c.company_id
      where c.workspace_id = ${conditions.workspaceId} and co.workspace_id = ${conditions.workspaceId} and ${anyOf(sql`lower(co.segment)`, conditions.segments, (segment) => sql`lower(${segment})`)})`,
        ...expressions,
      ]
    : expressions;
  return all.length ? sql`with ${sql.join(all, sql`, `)} ${statement}` : statement;
}

/**
 * Sources have no tags of their own: a tag filter searches highlights only (the service's rule).
 * `ts_match_vq` is what `@@` calls, written so that the planner cannot answer it from the index.
 */
function sourceConditions(conditions: SearchConditions, match: 'index' | 'row' = 'index'): SQL {
  const matches = match === 'index' ? sql`s.search @@ ${tsquery(conditions)}` : sql`ts_match_vq(s.search, ${tsquery(conditions)})`;
  return sql.join([...sourceFilters(conditions, SOURCE_OWN), lookable(conditions), matches], sql` and `);
}

/**
 * How a sources window reads the table in order before the index is asked, when a required
 * phrase is made of common words: `pages` pages past its start, when every stem a match must
 * contain is in at least `minShare` of the sources table's rows (the planner's own row count;
 * the vocabulary's counts are the workspace's) and in at least `minMatches` sources. Tests
 * set all three to make both paths and the split between them happen.
 *
 * PostgreSQL estimates a phrase as if its words were independent ('credit' in 2.4% of sources,
 * 'card' in 5%: 0.12%), while "credit card" is in 2% of them, so on a million sources it builds
 * a bitmap of all ~20,000 matches and sorts it (8 ms) to return the first 100, which a
 * sequential read finds in ~6,000 rows (2–4 ms). 2,000 pages are ~12,000 short tickets: a phrase
 * in 1% of them fills a window there, and a phrase rarer than its words costs at most that read
 * more. A bitmap costs ~0.4 µs a match, so below ~10,000 matches it is the cheaper of the two
 * (on PGlite, 100,000 sources: 11–12 ms a phrase with the index, 15 ms with the read).
 */
export type SequentialRead = { pages: number; minShare: number; minMatches: number };
const SEQUENTIAL_READ: SequentialRead = { pages: 2_000, minShare: 0.01, minMatches: 10_000 };

/** Whether the sequential read can be worth it. A stem the vocabulary lacks matches nothing, and counts as 0. */
const wordsAreCommon = (conditions: SearchConditions, read: SequentialRead) => sql`((
    select coalesce(min(coalesce(t.doc_count, 0)), 0)
    from unnest(tsvector_to_array(to_tsvector(${SEARCH_CONFIG}::regconfig, ${conditions.required.map((term) => term.text).join(' ')}))) as stem
    left join ${searchTerms} t on t.workspace_id = ${conditions.workspaceId} and t.term = stem
  ) >= (select greatest(c.reltuples * ${read.minShare}, ${read.minMatches}) from pg_class c where c.oid = 'sources'::regclass))`;

/** The tid `pages` pages past a window's start: where the sequential read of it stops. */
function tidPagesAfter(bound: WindowBound, pages: number): string {
  const startPage = bound.after ? tidParts(bound.after)[0] : 0;
  return `(${startPage + pages},0)`;
}

/** What a highlight must match: its own text, tag and trash, and its source's filters through the copies it carries. */
function highlightConditions(conditions: SearchConditions): SQL {
  const filters = [sql`h.deleted_at is null`, ...sourceFilters(conditions, HIGHLIGHT_COPIES), lookable(conditions), sql`h.search @@ ${tsquery(conditions)}`];
  if (conditions.tagIds) filters.push(sql`exists (select 1 from ${highlightTags} ht where ht.highlight_id = h.id and ${anyOf(sql`ht.tag_id`, conditions.tagIds)})`);
  return sql.join(filters, sql` and `);
}

/** A candidate's segment, looked up by key (a join made the planner scan every customer). */
const segmentOf = (customerId: SQL) =>
  sql`(select co.segment from ${customers} c join ${companies} co on co.id = c.company_id where c.id = ${customerId}) as segment`;

function boundCondition(tid: SQL, bound: WindowBound): SQL {
  const parts = [sql`true`];
  if (bound.after) parts.push(sql`${tid} > ${bound.after}::tid`);
  if (bound.upto) parts.push(sql`${tid} <= ${bound.upto}::tid`);
  return sql.join(parts, sql` and `);
}

/**
 * The candidates of a window that the page may show: its best `limit` ranked after `after`
 * (the cursor's last result), which hold every result of the page whichever type it takes them
 * from. Windows return what these show, so a page costs no second round trip to fetch it.
 */
export type Shown = { limit: number; after: RankKey | null; positive: SQL };

/**
 * Rows of a window ranked after `after`, in the order `byRank` sorts (score, then type, then
 * id, each descending). The type is the window's own, so its comparison is made here.
 */
function rankedAfter(type: SearchResultType, after: RankKey | null): SQL {
  if (!after) return sql`true`;
  if (type < after.type) return sql`r.score <= ${after.score}::float8`;
  if (type > after.type) return sql`r.score < ${after.score}::float8`;
  return sql`(r.score, r.id) < (${after.score}::float8, ${after.id}::uuid)`;
}

const customerJson = sql`json_build_object(
  'id', c.id, 'name', c.name, 'email', c.email, 'externalId', c.external_id,
  'company', case when co.id is null then null else json_build_object('id', co.id, 'name', co.name, 'segment', co.segment) end)`;

/** What a result shows (`Hit`), as JSON built from the window's row; `positive` is the query's positive part. */
function hitJson(positive: SQL, fields: { highlightId: SQL; start: SQL; end: SQL; sourceId: SQL; title: SQL; kind: SQL; occurredAt: SQL; customerId: SQL; marks: SQL; text: SQL }): SQL {
  return sql`json_build_object(
      'highlightId', ${fields.highlightId}, 'start', ${fields.start}, 'end', ${fields.end},
      'sourceId', ${fields.sourceId}, 'title', ${fields.title}, 'kind', ${fields.kind}, 'occurredAt', ${fields.occurredAt},
      'customer', (select ${customerJson} from ${customers} c left join ${companies} co on co.id = c.company_id where c.id = ${fields.customerId}),
      'marks', ${fields.marks}, 'text', ${fields.text}, 'positive', (${positive})::text)`;
}

/**
 * A source's marks (`Marks`), from one read of its live highlights: their tags, each listed once,
 * by name, and the one that covers its whole body (`h.quote = body`, as a whole-source highlight
 * is found elsewhere), if any.
 */
const marksOfSource = (workspaceId: string, sourceId: SQL, body: SQL) => sql`(select json_build_object(
      'tags', coalesce((select json_agg(t.ref order by lower(t.ref->>'name')) from (
        select distinct on (ref->>'id') ref from unnest(x.refs) refs, json_array_elements(refs) ref) t), '[]'::json),
      'wholeHighlightId', x.whole)
    from (select array_agg(h.tag_refs) as refs, min(h.id::text) filter (where h.start = 0 and h.quote = ${body}) as whole
      from ${highlights} h where h.workspace_id = ${workspaceId} and h.source_id = ${sourceId} and h.deleted_at is null) x)`;
/** A highlight's marks: its own tags. */
const marksOfHighlight = (tagRefs: SQL) => sql`json_build_object('tags', ${tagRefs}, 'wholeHighlightId', null)`;

/**
 * One window of candidates per type: the first `size` matches in table order past the bound,
 * and only these are ranked — the cost is bounded by the window, not by the number of matches.
 * Without ORDER BY, PostgreSQL stops the scan at the limit: a bitmap heap scan over the GIN
 * index visits only the pages of those matches (a very common word may get a sequential scan
 * that stops after a few hundred rows). Both return rows in ctid order, which the windows rely
 * on (Cairn's connections plan no parallel scans; the caller checks the order, `orderByTid` forces it).
 * Highlights are filtered by the copies of their source's fields they carry, with no join.
 * `ts_rank` normalisation 1 divides by the log of the document length, so a long transcript
 * does not outrank a ticket just by being long. The window is materialized before its shown
 * rows are picked and described, so that nothing changes how the scan runs.
 */
export async function listCandidates(
  db: Db,
  conditions: SearchConditions,
  windows: { source: WindowBound | null; highlight: WindowBound | null },
  size: number,
  shown: Shown,
  options: { withFacets: boolean; orderByTid: boolean; sequentialRead?: SequentialRead; onFull?: () => void },
): Promise<{ source: Window | null; highlight: Window | null }> {
  const q = tsquery(conditions);
  const order = (tid: SQL) => (options.orderByTid ? sql`order by ${tid}` : sql``);
  const segment = (customerId: SQL) => (options.withFacets ? segmentOf(customerId) : sql`null::text as segment`);
  // Rows are numbered after the limit: a window function below it would read every match.
  const numbered = (scan: SQL) => sql`(select x.*, (row_number() over ())::int as seq from (${scan}) x) w`;
  const scanSources = (match: 'index' | 'row', range: SQL) => sql`
        select s.ctid as row_tid, s.id, s.search, s.kind, s.customer_id, s.title, s.body, s.occurred_at from ${sources} s
        where ${sourceConditions(conditions, match)} and ${range}
        ${order(sql`s.ctid`)} limit ${size}`;
  // A required phrase of common words, and no filter: the window's first pages are read in
  // order, then (only if they held fewer than `size` matches: Append runs its parts in turn)
  // the index is asked for the rest. The parts cover consecutive ranges: rows stay in table order.
  const sourceScan = (bound: WindowBound) => {
    const inBound = boundCondition(sql`s.ctid`, bound);
    // A filter thins the matches out, and the read would rarely fill the window (tried: a phrase
    // with a kind filter took 23 ms instead of 13).
    const filtered = conditions.kinds || conditions.customerId || conditions.segments || conditions.from || conditions.before;
    if (filtered || !conditions.required.some((term) => term.kind === 'phrase')) return scanSources('index', inBound);
    const read = options.sequentialRead ?? SEQUENTIAL_READ;
    const split = sql`${tidPagesAfter(bound, read.pages)}::tid`;
    const common = wordsAreCommon(conditions, read);
    return sql`(${scanSources('row', sql`${inBound} and s.ctid < ${split} and ${common}`)})
      union all (${scanSources('index', sql`${inBound} and (s.ctid >= ${split} or not ${common})`)})
      limit ${size}`;
  };
  // The window's rows, then the ones the page may show, then the window with what those show.
  const statement = (type: SearchResultType, windowRows: SQL, hit: SQL) =>
    withExpressions(
      conditions,
      [
        sql`window_rows as materialized (${windowRows})`,
        sql`shown as (select r.id from window_rows r where ${rankedAfter(type, shown.after)} order by r.score desc, r.id desc limit ${shown.limit})`,
      ],
      sql`select r.type, r.id, r.tid, r.seq, r.score, r.kind, r.segment, r.tags, case when r.id in (select id from shown) then ${hit} end as hit
        from window_rows r`,
    );
  const sourceWindow = (bound: WindowBound) =>
    statement(
      'source',
      sql`select 'source' as type, w.id, w.row_tid::text as tid, w.seq,
        ts_rank(w.search, ${q}, 1)::float8 as score, w.kind, ${segment(sql`w.customer_id`)}, null::json as tags,
        w.customer_id, w.title, w.body, w.occurred_at
      from ${numbered(sourceScan(bound))}`,
      hitJson(shown.positive, {
        highlightId: sql`null`, start: sql`null`, end: sql`null`, sourceId: sql`r.id`, title: sql`r.title`, kind: sql`r.kind`,
        occurredAt: sql`r.occurred_at`, customerId: sql`r.customer_id`, marks: marksOfSource(conditions.workspaceId, sql`r.id`, sql`r.body`), text: sql`r.body`,
      }),
    );
  const highlightWindow = (bound: WindowBound) =>
    statement(
      'highlight',
      sql`select 'highlight' as type, w.id, w.row_tid::text as tid, w.seq,
        ts_rank(w.search, ${q}, 1)::float8 as score, w.source_kind as kind, ${segment(sql`w.source_customer_id`)}, ${options.withFacets ? sql`w.tag_refs` : sql`null::json`} as tags,
        w.source_id, w.source_customer_id, w.source_occurred_at, w.tag_refs, w.quote, w.start, w."end"
      from ${numbered(sql`
        select h.ctid as row_tid, h.id, h.search, h.source_kind, h.source_customer_id, h.source_occurred_at, h.source_id, h.tag_refs, h.quote, h.start, h."end" from ${highlights} h
        where ${highlightConditions(conditions)} and ${boundCondition(sql`h.ctid`, bound)}
        ${order(sql`h.ctid`)} limit ${size}`)}`,
      hitJson(shown.positive, {
        highlightId: sql`r.id`, start: sql`r.start`, end: sql`r."end"`, sourceId: sql`r.source_id`,
        title: sql`(select s.title from ${sources} s where s.id = r.source_id)`, kind: sql`r.kind`,
        occurredAt: sql`r.source_occurred_at`, customerId: sql`r.source_customer_id`, marks: marksOfHighlight(sql`r.tag_refs`), text: sql`r.quote`,
      }),
    );
  const windowOf = async (statement: SQL): Promise<Window> => {
    const rows = (await queryRows<Candidate>(db, statement)).sort((a, b) => a.seq - b.seq);
    // Said as soon as one window is full, while the other may still be running.
    if (rows.length === size) options.onFull?.();
    return rows;
  };
  // Two statements, not one union: on PostgreSQL they run on two connections at once, so a
  // search waits for the slower of the two scans instead of both.
  const [source, highlight] = await Promise.all([
    windows.source ? windowOf(sourceWindow(windows.source)) : null,
    windows.highlight ? windowOf(highlightWindow(windows.highlight)) : null,
  ]);
  return { source, highlight };
}

/** A row's date as a date cursor keeps it (`DateKey`): UTC to the microsecond, always the same width. */
const dateKeyText = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Rows that come after `after` in the date order, for the given type's table: its date, then
 * its type (newest first puts a source before its highlights of the same date; oldest first
 * is exactly the reverse), then its id. Row comparisons let the index start at the cursor.
 */
function datedAfter(type: SearchResultType, at: SQL, id: SQL, sort: DateSort, after: DateKey | null): SQL {
  if (!after) return sql`true`;
  const before = sort === 'newest' ? '<' : '>';
  const bound = sql`${after.at}::timestamptz`;
  if (type === after.type) return sql`(${at}, ${id}) ${sql.raw(before)} (${bound}, ${after.id}::uuid)`;
  const typeComesLater = sort === 'newest' ? type < after.type : type > after.type;
  return sql`${at} ${sql.raw(typeComesLater ? `${before}=` : before)} ${bound}`;
}

/**
 * The direction of the `(workspace_id, date desc nulls last, id desc nulls last)` indexes, forwards
 * or backwards: written any other way (plain `desc` is nulls first) the planner cannot walk them
 * and sorts every match instead.
 */
const dateOrder = (at: SQL, id: SQL, sort: DateSort) =>
  sort === 'newest' ? sql`order by ${at} desc nulls last, ${id} desc nulls last` : sql`order by ${at} asc nulls first, ${id} asc nulls first`;

/** A match in date order, with what it shows. */
export type DatedMatch = { type: SearchResultType; id: string; at: string; score: number; hit: Hit };

/**
 * The first `limit` matches of each type after `after`, in date order, with what they show.
 * For a common word the planner walks the date index and stops after `limit` matches (a word in
 * 10% of rows: ~10 rows read per match); for a rare one it takes every match from the GIN index
 * and sorts them — each costs what it reads, see docs/decisions/005-search.md. Only the page's
 * rows are ranked and described: the page is materialized before that.
 */
export async function listByDate(
  db: Db,
  conditions: SearchConditions,
  types: { source: boolean; highlight: boolean },
  sort: DateSort,
  after: DateKey | null,
  limit: number,
  positive: SQL,
): Promise<{ source: DatedMatch[] | null; highlight: DatedMatch[] | null }> {
  const q = tsquery(conditions);
  const statement = (page: SQL, select: SQL) => withExpressions(conditions, [sql`page as materialized (${page})`], select);
  const sourcePage = statement(
    sql`select s.id, s.search, s.kind, s.customer_id, s.title, s.body, s.occurred_at from ${sources} s
      where ${sourceConditions(conditions)} and ${datedAfter('source', sql`s.occurred_at`, sql`s.id`, sort, after)}
      ${dateOrder(sql`s.occurred_at`, sql`s.id`, sort)} limit ${limit}`,
    sql`select 'source' as type, r.id, ${dateKeyText(sql`r.occurred_at`)} as at, ts_rank(r.search, ${q}, 1)::float8 as score, ${hitJson(positive, {
      highlightId: sql`null`, start: sql`null`, end: sql`null`, sourceId: sql`r.id`, title: sql`r.title`, kind: sql`r.kind`,
      occurredAt: sql`r.occurred_at`, customerId: sql`r.customer_id`, marks: marksOfSource(conditions.workspaceId, sql`r.id`, sql`r.body`), text: sql`r.body`,
    })} as hit from page r`,
  );
  const highlightPage = statement(
    sql`select h.id, h.search, h.source_kind, h.source_customer_id, h.source_occurred_at, h.source_id, h.tag_refs, h.quote, h.start, h."end" from ${highlights} h
      where ${highlightConditions(conditions)} and ${datedAfter('highlight', sql`h.source_occurred_at`, sql`h.id`, sort, after)}
      ${dateOrder(sql`h.source_occurred_at`, sql`h.id`, sort)} limit ${limit}`,
    sql`select 'highlight' as type, r.id, ${dateKeyText(sql`r.source_occurred_at`)} as at, ts_rank(r.search, ${q}, 1)::float8 as score, ${hitJson(positive, {
      highlightId: sql`r.id`, start: sql`r.start`, end: sql`r."end"`, sourceId: sql`r.source_id`,
      title: sql`(select s.title from ${sources} s where s.id = r.source_id)`, kind: sql`r.source_kind`,
      occurredAt: sql`r.source_occurred_at`, customerId: sql`r.source_customer_id`, marks: marksOfHighlight(sql`r.tag_refs`), text: sql`r.quote`,
    })} as hit from page r`,
  );
  // Side by side, as the windows are.
  const [source, highlight] = await Promise.all([
    types.source ? queryRows<DatedMatch>(db, sourcePage) : null,
    types.highlight ? queryRows<DatedMatch>(db, highlightPage) : null,
  ]);
  return { source, highlight };
}

/**
 * Matches that arrived after `since` (a timestamp as PostgreSQL writes it), counted up to `max`
 * per type. Each count walks the rows created since through a `created_at` index, in its order,
 * and stops at `max` matches; for a rare word the planner takes its matches from the GIN index
 * and sorts those instead. Without the order it would rather scan the table from its start,
 * while new rows sit at its end (an import of 10% of 100,000 sources, a common word: 61,000
 * rows read, 62 ms, against 0.7 ms).
 */
export async function countNewMatches(db: Db, conditions: SearchConditions, types: { source: boolean; highlight: boolean }, since: string, max: number): Promise<number> {
  const scans: SQL[] = [];
  if (types.source) {
    scans.push(sql`select 1 from ${sources} s where ${sourceConditions(conditions)} and s.created_at > ${since}::timestamptz order by s.created_at`);
  }
  if (types.highlight) {
    // `highlights_workspace_created_idx` is (workspace_id, created_at desc nulls last, id desc nulls last).
    scans.push(sql`select 1 from ${highlights} h where ${highlightConditions(conditions)} and h.created_at > ${since}::timestamptz order by h.created_at desc nulls last`);
  }
  const [row] = await queryRows<{ count: number }>(db, countedUpTo(conditions, scans, max));
  return row!.count;
}

/** One statement summing each scan's rows, counted up to `max` per scan: the scan stops there. */
function countedUpTo(conditions: SearchConditions, scans: SQL[], max: number): SQL {
  const counts = scans.map((scan) => sql`(select count(*)::int from (${scan} limit ${max}) x)`);
  return withExpressions(conditions, [], sql`select ${sql.join(counts, sql` + `)} as count`);
}

/** Each type's matches (up to the cap of each) and what the facets count among them. */
export type MatchCounts = {
  source: number;
  highlight: number;
  /** Matches by the source's kind (a highlight's source's). */
  kind: Partial<Record<SourceKind, number>>;
  /** Matches by the segment of the source's customer's company, as written on the company; none for no segment. */
  segment: Record<string, number>;
  /** Highlight matches by tag (each of a highlight's tags once). */
  tag: Array<TagRef & { count: number }>;
};

/** A facet filter, by its query parameter. */
export type FacetFilter = 'kind' | 'tagId' | 'segment';
const FACET_CONDITIONS = { kind: 'kinds', tagId: 'tagIds', segment: 'segments' } as const satisfies Record<FacetFilter, keyof SearchConditions>;
/** Which of the facets' counts (`MatchCounts`) each facet filter's values are. */
export const FACET_COUNTS = { kind: 'kind', tagId: 'tag', segment: 'segment' } as const satisfies Record<FacetFilter, keyof MatchCounts>;

/**
 * Two common table expressions of matches, up to `max` of each type, with the columns the facets
 * count (kind, customer, a highlight's copy of its tags): `<name>_sources`, `<name>_highlights`.
 * A type not searched scans nothing.
 */
function matchesOf(name: string, conditions: SearchConditions, types: { source: boolean; highlight: boolean }, max: number): SQL[] {
  const where = (searched: boolean, condition: () => SQL) => (searched ? condition() : sql`false`);
  return [
    sql`${sql.identifier(`${name}_sources`)} as materialized (
      select s.kind, s.customer_id from ${sources} s where ${where(types.source, () => sourceConditions(conditions))} limit ${max})`,
    sql`${sql.identifier(`${name}_highlights`)} as materialized (
      select h.source_kind as kind, h.source_customer_id as customer_id, h.tag_refs from ${highlights} h
      where ${where(types.highlight, () => highlightConditions(conditions))} limit ${max})`,
  ];
}

/**
 * What each facet counts among the matches of `matchesOf(name)`. Segments group the rows by
 * customer first, so that each customer's company is looked up once (the segment filter's
 * reading: the customer's company's segment), and tags group highlights by their tags' copy
 * first, so that each distinct set of tags is parsed once (a quarter less time for
 * highlights-heavy counts). Measured in ADR 005's addendum of session 19.
 */
function facetCountsOf(name: string, workspaceId: string) {
  const sourceRows = sql.identifier(`${name}_sources`);
  const highlightRows = sql.identifier(`${name}_highlights`);
  const rows = sql`(select kind, customer_id from ${sourceRows} union all select kind, customer_id from ${highlightRows})`;
  return {
    source: sql`(select count(*)::int from ${sourceRows})`,
    highlight: sql`(select count(*)::int from ${highlightRows})`,
    kind: sql`(select coalesce(json_object_agg(k.kind, k.n), '{}'::json) from (select kind, count(*)::int as n from ${rows} m group by kind) k)`,
    segment: sql`(select coalesce(json_object_agg(g.segment, g.n), '{}'::json) from (
          select co.segment, sum(b.n)::int as n
          from (select customer_id, count(*) as n from ${rows} m where customer_id is not null group by customer_id) b
          join ${customers} c on c.id = b.customer_id and c.workspace_id = ${workspaceId}
          join ${companies} co on co.id = c.company_id
          where co.segment <> '' group by co.segment) g)`,
    tag: sql`(select coalesce(json_agg(t.ref::jsonb || jsonb_build_object('count', t.n)), '[]'::json) from (
          select min(ref::text) as ref, sum(r.n)::int as n
          from (select tag_refs::text as refs, count(*) as n from ${highlightRows} group by 1) r, json_array_elements(r.refs::json) ref
          group by ref->>'id') t)`,
  };
}

/**
 * Every match of each type, counted up to `max` per type (so the sum may pass `max`): the same
 * conditions as the windows, but each type read until `max` matches, not `SEARCH_WINDOW`.
 * Reads in proportion to the matches, which is why search itself estimates instead (ADR 005).
 * The facets are counted over the same rows, in the same statement: each type's scan stops at
 * the cap as the bare count did.
 */
export async function countMatches(executor: Executor, conditions: SearchConditions, types: { source: boolean; highlight: boolean }, max: number): Promise<MatchCounts> {
  const counts = facetCountsOf('all', conditions.workspaceId);
  const [row] = await rowsOf<MatchCounts>(
    executor,
    withExpressions(
      conditions,
      matchesOf('all', conditions, types, max),
      sql`select ${counts.source} as source, ${counts.highlight} as highlight, ${counts.kind} as kind, ${counts.segment} as segment, ${counts.tag} as tag`,
    ),
  );
  return row!;
}

/** A facet's counts without its own filter: that facet's values (`counts`), among how many matches of each type. */
export type FacetWithout = { source: number; highlight: number; counts: MatchCounts['kind'] | MatchCounts['segment'] | MatchCounts['tag'] };

/**
 * For each facet filter in `facets`, that facet's values among the matches of every other filter
 * (its own left out), up to `max` of each type. One statement for all: each facet reads its own
 * matches (`types` says which types each searches: leaving out a tag filter brings sources in).
 * A segment facet groups by the segment's customers' companies as `countMatches` does. Only the
 * facet's own values are counted; `source` and `highlight` say how many matches they came from.
 */
export async function countFacetsWithout(
  executor: Executor,
  conditions: SearchConditions,
  facets: Array<{ facet: FacetFilter; types: { source: boolean; highlight: boolean } }>,
  max: number,
): Promise<Partial<Record<FacetFilter, FacetWithout>>> {
  if (!facets.length) return {};
  const columns = facets.map(({ facet }) => {
    const counts = facetCountsOf(facet, conditions.workspaceId);
    return sql`json_build_object('source', ${counts.source}, 'highlight', ${counts.highlight}, 'counts', ${counts[FACET_COUNTS[facet]]}) as ${sql.identifier(facet)}`;
  });
  const expressions = facets.flatMap(({ facet, types }) => matchesOf(facet, { ...conditions, [FACET_CONDITIONS[facet]]: undefined }, types, max));
  const [row] = await rowsOf<Partial<Record<FacetFilter, FacetWithout>>>(executor, withExpressions(conditions, expressions, sql`select ${sql.join(columns, sql`, `)}`));
  return row!;
}

/**
 * Cancels any later statement of the transaction that runs longer than `ms` (SQLSTATE 57014),
 * waiting on locks included. Transaction-local. PGlite, one process running one statement at a
 * time, has nothing to cancel it with and ignores it.
 */
export async function limitStatementTime(executor: Executor, ms: number) {
  await executor.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)`);
}

type PlanNode = { 'Plan Rows': number; 'Parent Relationship'?: string; Plans?: PlanNode[] };

/**
 * The planner's estimate of each type's matches: it costs a plan, not a scan (counting 100k
 * matches reads 100k rows). One statement: the types are the members of its Append, in order.
 */
export async function estimateMatches(db: Db, conditions: SearchConditions, types: { source: boolean; highlight: boolean }): Promise<{ source: number; highlight: number }> {
  const parts: Array<[SearchResultType, SQL]> = [];
  if (types.source) parts.push(['source', sql`select 1 from ${sources} s where ${sourceConditions(conditions)}`]);
  if (types.highlight) parts.push(['highlight', sql`select 1 from ${highlights} h where ${highlightConditions(conditions)}`]);
  const statement = sql.join(parts.map(([, part]) => part), sql` union all `);
  const [row] = await queryRows<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(db, sql`explain (format json) ${withExpressions(conditions, [], statement)}`);
  const plan = row!['QUERY PLAN'][0]!.Plan;
  // A segment's customers hang beside the members as an InitPlan. Should the planner ever drop
  // a member, each type is given the whole estimate: too high, never a crash.
  const members = parts.length > 1 ? (plan.Plans ?? []).filter((node) => node['Parent Relationship'] === 'Member') : [plan];
  const rows = { source: 0, highlight: 0 };
  parts.forEach(([type], i) => (rows[type] = Math.round((members.length === parts.length ? members[i]! : plan)['Plan Rows'])));
  return rows;
}

/**
 * A result's tags (a source's: those of its live highlights) and, for a source, the live
 * highlight that covers its whole body: the same text, which search finds as that highlight too.
 */
export type Marks = { tags: TagRef[]; wholeHighlightId: string | null };

/**
 * What a result shows: title, customer, tags, and the text to cut a snippet from (a highlight's
 * quote, or the source's body). A source shows the tags of its live highlights; a highlight its own.
 */
export type Hit = {
  /** Null for a source result. */
  highlightId: string | null;
  start: number | null;
  end: number | null;
  sourceId: string;
  title: string;
  kind: SourceKind;
  occurredAt: string;
  customer: { id: string; name: string | null; email: string | null; externalId: string | null; company: { id: string; name: string; segment: string | null } | null } | null;
  marks: Marks;
  text: string;
  /** The positive part of the query as tsquery text (`'credit' <-> 'card'`): what snippets mark. */
  positive: string;
};

/** The English stem of each word (null for stop words), as the `search` columns were built. */
export async function stemWords(executor: Executor, words: string[]): Promise<Map<string, string | null>> {
  if (!words.length) return new Map();
  const rows = await rowsOf<{ word: string; stem: string | null }>(
    executor,
    sql`select value as word, (ts_lexize('english_stem', value))[1] as stem from ${jsonList(words)}`,
  );
  return new Map(rows.map((row) => [row.word, row.stem]));
}

/**
 * pg_trgm's default threshold (0.3) misses transpositions in short stems ("reciev" and "receiv"
 * share 0.27 of their trigrams); edit distance sorts out the extra candidates. Transaction-local.
 */
export async function lowerSimilarityThreshold(executor: Executor, threshold: number) {
  await executor.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`);
}

/**
 * For each typed word: its English stem, how many live sources use that stem, and the vocabulary
 * stems sharing enough trigrams with it (pg_trgm's `%`, through the trigram index), most similar
 * first. A word without similar stems still comes back once, with `term` null.
 */
export async function listSpellingCandidates(executor: Executor, workspaceId: string, words: string[], perWord: number) {
  return rowsOf<{ word: string; stem: string; ownCount: number; term: string | null; docCount: number }>(
    executor,
    sql`with typed as (
          select value as word, coalesce((tsvector_to_array(to_tsvector(${SEARCH_CONFIG}::regconfig, value)))[1], value) as stem from ${jsonList(words)}
        )
        select w.word, w.stem, coalesce(own.doc_count, 0) as "ownCount", t.term, coalesce(t.doc_count, 0) as "docCount"
        from typed w
        left join ${searchTerms} own on own.workspace_id = ${workspaceId} and own.term = w.stem
        left join lateral (
          select term, doc_count from ${searchTerms}
          where workspace_id = ${workspaceId} and term % w.stem and term <> w.stem and doc_count > 0
          order by similarity(term, w.stem) desc, doc_count desc limit ${perWord}
        ) t on true`,
  );
}

/**
 * The real words spelling each stem: the distinct words with that stem in a few sources that
 * contain it (found through the GIN index; only a short stretch of each text is re-parsed). A
 * stem no live source contains gets no words. The parser splits "hasn't" into "hasn", an
 * apostrophe and "t": a token followed by those is spelled with them, never as "hasn".
 */
export async function spellStems(executor: Executor, workspaceId: string, stems: string[], sourcesPerStem: number): Promise<Map<string, string[]>> {
  const rows = await rowsOf<{ stem: string; word: string }>(
    executor,
    sql`select distinct stem, word from (
          select c.stem, d.lexemes,
            lower(d.token || case when lead(d.token) over next in ('''', '’') and lower(lead(d.token, 2) over next) = 't' then '''t' else '' end) as word
          from ${jsonList(stems)} as c(stem),
            lateral (
              select s.id, s.title || ' ' || s.body as text from ${sources} s
              where s.workspace_id = ${workspaceId} and s.deleted_at is null and s.search @@ quote_literal(c.stem)::tsquery
              limit ${sourcesPerStem}
            ) s,
            lateral ts_debug(${SEARCH_CONFIG}::regconfig, substr(s.text, greatest(1, strpos(lower(s.text), left(c.stem, 3)) - 40), 400))
              with ordinality d(alias, description, token, dictionaries, dictionary, lexemes, n)
          window next as (partition by c.stem, s.id order by d.n)
        ) spelled
        where stem = any(lexemes)`,
  );
  const words = new Map<string, string[]>();
  for (const row of rows) words.set(row.stem, [...(words.get(row.stem) ?? []), row.word]);
  return words;
}
