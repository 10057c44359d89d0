import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  HELPDESK_TAGS_SHOWN,
  SOURCE_COUNT_MAX,
  SOURCE_KINDS,
  SOURCE_PREVIEW_LENGTH,
  SOURCES_TAGGED_WHOLE_MAX,
  WHOLE_SOURCE_KINDS,
  countOf,
  hasRole,
  IMPORT_BATCH_SIZE,
  npsGroupOf,
  ScoreScaleSchema,
  scoreGroupOf,
  type CreateSourceBody,
  type HelpdeskTagCounts,
  type ImportScores,
  type ListHelpdeskTagsQuery,
  type ListSourcesQuery,
  type ScoreScale,
  type SegmentInput,
  type Source,
  type SourceScore,
  type SourceKind,
  type SourcePage,
  type SourceSummary,
  type TagSourcesWholeBody,
  type TagSourcesWholeResult,
  type TagSourcesWholeRun,
  type UndoTagSourcesWholeBody,
  type UndoTagSourcesWholeResult,
  type UpdateSourceBody,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { refuseForeignFilterIds, type FilterId } from '../../db/filter-ids.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { normalizeText, toTitle } from '../../importers/normalize.js';
import type { ImportedSegment, ImportedSource } from '../../importers/types.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { resolveDateRange } from '../../lib/date-range.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { presentCustomerRef, resolveCustomers } from '../customers/customers.service.js';
import { highlightPassagesIn, passagesWrittenAt, presentHighlightsOfSource, unhighlightPassagesIn } from '../highlights/highlights.service.js';
import * as tagsService from '../tags/tags.service.js';
import * as sourcesRepository from './sources.repository.js';
import type { NewSource, SourceValues } from './sources.repository.js';
import { presentPerson } from '../../lib/people.js';
import { VERSION } from '../../version.js';
import { matchesEtag } from '../../lib/etag.js';

// ---------------------------------------------------------------------------------------------
// The batch write path: every import and the API write sources through upsertSources.
// ---------------------------------------------------------------------------------------------

export type SourceWrite = ImportedSource;
export type UpsertResult = {
  created: number;
  updated: number;
  unchanged: number;
  sourceIds: string[];
  /** For each unchanged input, the import that last wrote its source (null: the API, or an import since deleted). */
  unchangedImportIds: Array<string | null>;
};

/** What identifies a source across writes: its kind and external id (null without one). */
export const sourceKey = (source: { kind: string; externalId?: string | null | undefined }) => (source.externalId ? `${source.kind}\u0000${source.externalId}` : null);

function toValues(input: SourceWrite, customerId: string | null, actor: WorkspaceActor, importId: string | null): SourceValues {
  return {
    id: crypto.randomUUID(),
    kind: input.kind,
    title: input.title,
    body: input.body,
    segments: input.segments?.length ? input.segments : null,
    occurredAt: input.occurredAt,
    customerId,
    // Vendor tags are kept as data, not turned into codebook tags: the team's codebook stays theirs.
    metadata: input.tags?.length ? { ...input.metadata, tags: input.tags } : input.metadata,
    importId,
    externalId: input.externalId,
    createdBy: actor.userId,
  };
}

/**
 * Writes up to IMPORT_BATCH_SIZE sources in one round trip per table; called inside the caller's transaction.
 * Bodies must already be normalized (importers and `createSource` call normalizeText). A source
 * with an external id that exists (same workspace and kind) is updated, or left alone when
 * nothing differs (`unchanged`); within one batch the last row with an external id wins and
 * the earlier ones count as updates to it. `sourceIds[i]` is the source input `i` wrote.
 * `customerIds` are the inputs' customers when the caller matched them already (`resolveCustomers`).
 */
export async function upsertSources(
  tx: Executor,
  actor: WorkspaceActor,
  inputs: SourceWrite[],
  options: { importId: string | null; customerIds?: Array<string | null> },
): Promise<UpsertResult> {
  if (inputs.length > IMPORT_BATCH_SIZE) throw new Error(`upsertSources takes at most ${IMPORT_BATCH_SIZE} sources per call, got ${inputs.length}`);
  const customerIds = options.customerIds ?? (await resolveCustomers(tx, actor.workspaceId, inputs.map((input) => input.customer)));

  const lastWithKey = new Map<string, number>();
  inputs.forEach((input, index) => {
    const key = sourceKey(input);
    if (key) lastWithKey.set(key, index);
  });
  const valuesOf = new Map<number, SourceValues>();
  inputs.forEach((input, index) => {
    const key = sourceKey(input);
    if (!key || lastWithKey.get(key) === index) valuesOf.set(index, toValues(input, customerIds[index] ?? null, actor, options.importId));
  });
  const values = [...valuesOf.values()];
  const written = await sourcesRepository.upsertMany(tx, actor.workspaceId, values);

  const writtenByKey = new Map(written.map((row) => [sourceKey(row), row]));
  const untouched = values.filter((value) => !writtenByKey.has(sourceKey(value)) && value.externalId);
  const untouchedRows = new Map(
    (await sourcesRepository.findIdsByExternalIds(tx, actor.workspaceId, untouched.map((value) => ({ kind: value.kind, externalId: value.externalId! })))).map((row) => [sourceKey(row), row]),
  );

  const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, sourceIds: [], unchangedImportIds: [] };
  inputs.forEach((input, index) => {
    const key = sourceKey(input);
    if (!key) {
      result.created += 1;
      result.sourceIds.push(valuesOf.get(index)!.id);
      return;
    }
    const row = writtenByKey.get(key);
    const untouchedRow = untouchedRows.get(key);
    const id = row?.id ?? untouchedRow?.id;
    if (!id) throw new Error(`Source ${key} was neither written nor found`);
    result.sourceIds.push(id);
    const isLast = lastWithKey.get(key) === index;
    if (!row) {
      result.unchanged += 1;
      result.unchangedImportIds.push(untouchedRow!.importId);
    } else if (row.inserted && isLast) result.created += 1;
    else result.updated += 1;
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// The sources API.
// ---------------------------------------------------------------------------------------------

type ListRow = Awaited<ReturnType<typeof sourcesRepository.list>>[number];
type DescribedRow = Pick<ListRow, 'source' | 'customer' | 'company' | 'creatorName' | 'preview' | 'highlightCount' | 'tagged'>;
type DetailRow = NonNullable<Awaited<ReturnType<typeof sourcesRepository.findById>>>;

const WHITESPACE_RUN = /\s+/g;
const ENDS_IN_HALF_A_CHARACTER = /[\uD800-\uDBFF]$/;

/** The start of the body, as lists show it, without cutting an emoji in two. */
function previewOf(body: string): string {
  const cut = body.slice(0, SOURCE_PREVIEW_LENGTH);
  return ENDS_IN_HALF_A_CHARACTER.test(cut) ? cut.slice(0, -1) : cut;
}

/** What a list item and the detail share; the list adds the score and triage, the detail the whole metadata. */
function presentDescribed(row: DescribedRow): Omit<SourceSummary, 'score' | 'scoreScale' | 'triaged'> {
  const { source } = row;
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    externalId: source.externalId,
    occurredAt: iso(source.occurredAt),
    customer: presentCustomerRef(row.customer, row.company),
    importId: source.importId,
    preview: row.preview.replace(WHITESPACE_RUN, ' ').trim(),
    highlightCount: row.highlightCount,
    tagged: row.tagged,
    createdBy: presentPerson(source.createdBy, row.creatorName),
    createdAt: iso(source.createdAt),
    deletedAt: iso(source.deletedAt),
  };
}

/** A stored score as the API shows it: metadata written through the API may hold anything. */
function presentScore(value: unknown): SourceScore | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null;
}

/** A stored scale as the API shows it: one an API caller wrote that is no scale is left out. */
function presentScoreScale(value: unknown): ScoreScale | null {
  const parsed = ScoreScaleSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function presentSummary(row: ListRow): SourceSummary {
  return { ...presentDescribed(row), triaged: row.triaged, score: presentScore(row.score), scoreScale: presentScoreScale(row.scoreScale) };
}

async function loadSourceRow(executor: Executor, workspaceId: string, id: string): Promise<{ source: Source; fingerprint: string }> {
  const row: DetailRow | undefined = await sourcesRepository.findById(executor, workspaceId, id);
  if (!row) throw notFound('Source');
  const highlights = presentHighlightsOfSource(row.highlights);
  const summary = presentDescribed({
    ...row,
    preview: previewOf(row.body),
    highlightCount: highlights.length,
    tagged: highlights.some((highlight) => highlight.tags.length > 0),
  });
  const source = { ...summary, body: row.body, segments: row.segments, metadata: row.metadata, highlights, updatedAt: iso(row.updatedAt) };
  return { source, fingerprint: row.fingerprint };
}

async function loadSource(executor: Executor, workspaceId: string, id: string): Promise<Source> {
  return (await loadSourceRow(executor, workspaceId, id)).source;
}

/** An encoded source response and the fingerprint of the rows it was made from. */
type EncodedSource = { fingerprint: string; json: Buffer };

/** Source responses kept per process: 32 MB of JSON, least recently read first out. */
const readCaches = new WeakMap<Db, LRUCache<string, EncodedSource>>();

function readCacheOf(db: Db): LRUCache<string, EncodedSource> {
  let cache = readCaches.get(db);
  if (!cache) readCaches.set(db, (cache = new LRUCache({ maxSize: 32 * 1024 * 1024, sizeCalculation: (entry) => entry.json.length })));
  return cache;
}

/** The entity tag of a response: the server version too, since another version may encode it differently. */
const etagOf = (fingerprint: string) => `"${VERSION}-${fingerprint}"`;

export type SourceRead = { etag: string; notModified: true } | { etag: string; notModified: false; json: Buffer };

/**
 * Opening a source, as the reader does all day: the JSON bytes and its entity tag. A response
 * served before is served again while the source's fingerprint (one small query, no text
 * read) still matches; a client that sends the tag back gets `notModified`. `serialize` is the
 * route's own encoder, so a cached response is exactly what an uncached one would be.
 */
export async function readSource(db: Db, actor: WorkspaceActor, id: string, request: { ifNoneMatch?: string | undefined; serialize: (source: Source) => string }): Promise<SourceRead> {
  const cache = readCacheOf(db);
  const key = `${actor.workspaceId}/${id}`;
  const cached = cache.get(key);
  if (request.ifNoneMatch || cached) {
    const fingerprint = await sourcesRepository.findFingerprint(db, actor.workspaceId, id);
    if (!fingerprint) throw notFound('Source');
    const etag = etagOf(fingerprint);
    if (matchesEtag(request.ifNoneMatch, etag)) return { etag, notModified: true };
    if (cached?.fingerprint === fingerprint) return { etag, notModified: false, json: cached.json };
  }
  const { source, fingerprint } = await loadSourceRow(db, actor.workspaceId, id);
  const json = Buffer.from(request.serialize(source));
  cache.set(key, { fingerprint, json });
  return { etag: etagOf(fingerprint), notModified: false, json };
}

/** `scoreMin` above `scoreMax` can match nothing: a 400 naming `query.scoreMax`, as a reversed date range names `query.to`. */
function resolveScoreRange(query: Pick<ListSourcesQuery, 'scoreMin' | 'scoreMax' | 'scoreScale'>) {
  if (query.scoreMin !== undefined && query.scoreMax !== undefined && query.scoreMin > query.scoreMax) {
    throw invalidField('query.scoreMax', 'The highest score is below the lowest');
  }
  return { scoreMin: query.scoreMin, scoreMax: query.scoreMax, scoreScale: query.scoreScale };
}

/** The ids the sources list and a bulk tagging are filtered by, at `at` (`query`, `body.filters`): see refuseForeignFilterIds. */
function filterIdsOf(filter: { customerId?: string | undefined; importId?: string | undefined; tagId?: string | undefined }, at: string): FilterId[] {
  return [
    { path: `${at}.customerId`, names: 'customer', id: filter.customerId },
    { path: `${at}.importId`, names: 'import', id: filter.importId },
    { path: `${at}.tagId`, names: 'tag', id: filter.tagId },
  ];
}

export async function listSources(db: Db, actor: WorkspaceActor, query: ListSourcesQuery): Promise<SourcePage> {
  const after = decodeCursor(query.cursor, 2);
  const filter = {
    kinds: query.kind,
    customerId: query.customerId,
    tagId: query.tagId,
    importId: query.importId,
    ...resolveDateRange(query),
    untagged: query.untagged,
    untriaged: query.untriaged,
    helpdeskTag: query.helpdeskTag,
    trash: query.trash,
    ...resolveScoreRange(query),
  };
  const rows = await sourcesRepository.list(db, actor.workspaceId, filter, query.order, query.limit, after);
  if (!rows.length) await refuseForeignFilterIds(db, actor.workspaceId, filterIdsOf(query, 'query'));
  const page = pageFrom(rows, query.limit, presentSummary, (row) => [row.cursorAt, row.source.id]);
  // Only the first page says how many match, when asked, and counts only when a next page follows.
  if (after || query.count === false) return page;
  if (!page.nextCursor) return { ...page, total: page.items.length };
  // Counting reads every match (a million sources, a million rows): exact up to the cap, the planner's estimate past it.
  const counted = await sourcesRepository.countUpTo(db, actor.workspaceId, filter, SOURCE_COUNT_MAX + 1);
  if (counted <= SOURCE_COUNT_MAX) return { ...page, total: counted };
  return { ...page, total: Math.max(counted, await sourcesRepository.estimateCount(db, actor.workspaceId, filter)), totalIsEstimate: true };
}

/** The helpdesk tags in use and how many sources carry each (of those nobody has triaged, and of a date range, when asked), most first. */
export async function listHelpdeskTags(db: Db, actor: WorkspaceActor, query: ListHelpdeskTagsQuery): Promise<HelpdeskTagCounts> {
  const filter = { kinds: query.kind, untriaged: query.untriaged, ...resolveDateRange(query) };
  const items = await sourcesRepository.countByHelpdeskTag(db, actor.workspaceId, filter, HELPDESK_TAGS_SHOWN);
  return { items };
}

/** The kinds the reader offers "Highlight all" for: short texts in the customer's words, not an interview, which holds the interviewer's too (ADR 017). */
const WHOLE_KINDS = SOURCE_KINDS.filter((kind) => WHOLE_SOURCE_KINDS.has(kind));

/** Sources highlighted per statement batch: each batch reads its sources' text at once. */
const TAG_WHOLE_BATCH_SIZE = 500;

/** The filters of a bulk tagging in words, for its audit event: `helpdesk tag “billing”, not triaged, ticket`. */
function describeWholeFilters(filters: TagSourcesWholeBody['filters'], kinds: readonly SourceKind[]): string {
  return [
    filters.helpdeskTag && `helpdesk tag “${filters.helpdeskTag}”`,
    filters.untriaged && 'not triaged',
    filters.untagged && 'untagged',
    filters.customerId && 'one customer',
    filters.importId && 'one import',
    filters.from && `from ${filters.from}`,
    filters.to && `to ${filters.to}`,
    kinds.map((kind) => kind.replace('_', ' ')).join(', '),
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Tags every source the filters match as a whole, as the triage queue tags one: the highlight of
 * its whole text (reused when there is one) gets the tags, through the same `highlightPassagesIn`
 * as `POST …/highlights/passages` with `whole: true`. One transaction, batches of
 * TAG_WHOLE_BATCH_SIZE, one audit event; at most SOURCES_TAGGED_WHOLE_MAX sources, else nothing is
 * written and the 422 says how many match.
 */
export async function tagSourcesWhole(db: Db, actor: WorkspaceActor, body: TagSourcesWholeBody): Promise<TagSourcesWholeResult> {
  const { filters } = body;
  if (filters.kinds?.some((kind) => !WHOLE_SOURCE_KINDS.has(kind))) {
    const message = 'An interview is highlighted passage by passage, in the customer’s words: tag tickets, survey answers, reviews and notes whole';
    throw new AppError('unprocessable', message, [{ path: 'body.filters.kinds', message }]);
  }
  const kinds = filters.kinds ?? WHOLE_KINDS;
  const filter: sourcesRepository.SourceFilter = {
    kinds,
    helpdeskTag: filters.helpdeskTag,
    untriaged: filters.untriaged,
    untagged: filters.untagged,
    customerId: filters.customerId,
    importId: filters.importId,
    ...resolveDateRange(filters, 'body.filters'),
  };
  const tagIds = [...new Set(body.tagIds)];
  return db.transaction(async (tx) => {
    const tagRows = await tagsService.requireTags(tx, actor.workspaceId, tagIds);
    const sourceIds = await sourcesRepository.listIds(tx, actor.workspaceId, filter, SOURCES_TAGGED_WHOLE_MAX + 1);
    if (!sourceIds.length) await refuseForeignFilterIds(tx, actor.workspaceId, filterIdsOf(filters, 'body.filters'));
    if (sourceIds.length > SOURCES_TAGGED_WHOLE_MAX) {
      const matching = await sourcesRepository.count(tx, actor.workspaceId, filter);
      const message = `The filters match ${countOf(matching, 'source')}; at most ${SOURCES_TAGGED_WHOLE_MAX.toLocaleString('en')} are tagged at once: narrow them (a helpdesk tag, a kind, dates)`;
      throw new AppError('unprocessable', message, [{ path: 'body.filters', message }]);
    }
    const createdHighlightIds: string[] = [];
    const addedTags = new Map(tagIds.map((tagId) => [tagId, [] as string[]]));
    for (let from = 0; from < sourceIds.length; from += TAG_WHOLE_BATCH_SIZE) {
      const passages = sourceIds.slice(from, from + TAG_WHOLE_BATCH_SIZE).map((sourceId) => ({ sourceId, whole: true as const }));
      const written = await highlightPassagesIn(tx, actor, passages, tagIds, () => 'body.filters');
      const made = new Set(written.items.filter((item) => item.created).map((item) => item.id));
      createdHighlightIds.push(...made);
      // A highlight it made has every tag; of one it reused, only the tags it lacked are the run's to take back.
      for (const link of written.addedTags) if (!made.has(link.highlightId)) addedTags.get(link.tagId)!.push(link.highlightId);
    }
    const run: TagSourcesWholeRun = {
      at: await passagesWrittenAt(tx),
      tagIds,
      createdHighlightIds,
      addedTags: [...addedTags].filter(([, highlightIds]) => highlightIds.length).map(([tagId, highlightIds]) => ({ tagId, highlightIds })),
    };
    if (sourceIds.length) {
      const reused = sourceIds.length - createdHighlightIds.length;
      await recordAudit(tx, actor, {
        action: 'highlight.create_many',
        objectType: 'highlight',
        summary:
          `Highlighted ${countOf(sourceIds.length, 'source')} whole (${describeWholeFilters(filters, kinds)})${reused ? `, ${reused} of them highlighted whole already` : ''}, ` +
          `tagged ${tagIds.map((id) => `“${tagRows.find((tag) => tag.id === id)!.name}”`).join(', ')}`,
      });
    }
    return { highlighted: sourceIds.length, run };
  });
}

/**
 * Takes back one `tagSourcesWhole`, given the `run` it answered with: the tags it added come off
 * the highlights it reused, and the highlights it made go to the trash (`unhighlightPassagesIn`;
 * one someone has used since stays, without the run's tags), so that the sources wait in the
 * queue again. One transaction, one audit event; a highlight not of this workspace is a 404
 * naming where it was listed, and nothing changes. Only what carries the run's time (`at`) comes
 * off, so undoing it again is a 409 that writes nothing, not a second event.
 */
export async function undoTagSourcesWhole(db: Db, actor: WorkspaceActor, body: UndoTagSourcesWholeBody): Promise<UndoTagSourcesWholeResult> {
  return db.transaction(async (tx) => {
    const result = await unhighlightPassagesIn(tx, actor, body, { run: 'body.at', created: 'body.createdHighlightIds', added: (index) => `body.addedTags.${index}.highlightIds` });
    // Something came off, or unhighlightPassagesIn would have answered 409: there is always something to say.
    const parts = [
      result.trashed && `moved ${countOf(result.trashed, 'highlight')} it made to the trash`,
      result.kept && `kept ${countOf(result.kept, 'highlight')} it made that ${result.kept === 1 ? 'has' : 'have'} been used since, without its tags`,
      result.untagged && `took its tags off ${countOf(result.untagged, 'highlight')} highlighted whole before`,
    ].filter(Boolean);
    await recordAudit(tx, actor, { action: 'highlight.create_many_undo', objectType: 'highlight', summary: `Undid a bulk tagging of whole sources: ${parts.join(', ')}` });
    return result;
  });
}

/** The top of a CSAT or Likert scale: its scores are whole numbers 0–10 too, so a survey whose scores never pass it is not read as NPS. */
const FIVE_POINT_SCALE_TOP = 5;

type Distribution = ImportScores['distribution'];

const respondentsIn = (distribution: Distribution, belongs: (score: number) => boolean) =>
  distribution.reduce((sum, entry) => (belongs(entry.score) ? sum + entry.count : sum), 0);

/** % of `part` in `whole`, to one decimal; null when there is nobody. */
const percentOf = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

/** % promoters − % detractors to one decimal, of the respondents who gave a whole number 0–10. */
function npsOf(distribution: Distribution): number | null {
  const onScale = respondentsIn(distribution, (score) => npsGroupOf(score) !== null);
  const net = respondentsIn(distribution, (score) => npsGroupOf(score)?.key === 'promoter') - respondentsIn(distribution, (score) => npsGroupOf(score)?.key === 'detractor');
  return percentOf(net, onScale);
}

/** An import from before scales were kept: an NPS only when every respondent gave a whole number 0–10, some above 5. */
function npsWithoutScaleOf(distribution: Distribution, labelled: number): number | null {
  if (distribution.length === 0 || labelled > 0 || distribution.some((entry) => npsGroupOf(entry.score) === null)) return null;
  if (distribution.at(-1)!.score <= FIVE_POINT_SCALE_TOP) return null;
  return npsOf(distribution);
}

/** The scores of an import's live answers, by respondent, read on the import's scale; the caller has checked the import is the workspace's. */
export async function summarizeImportScores(db: Db, workspaceId: string, importId: string, scale: ScoreScale | null): Promise<ImportScores> {
  const rows = await sourcesRepository.countRespondentsByScore(db, workspaceId, importId);
  const distribution = rows
    .flatMap((row) => (typeof row.score === 'number' ? [{ score: row.score, count: row.respondents }] : []))
    .sort((a, b) => a.score - b.score);
  const labelled = rows.reduce((sum, row) => (typeof row.score === 'string' ? sum + row.respondents : sum), 0);
  const numeric = respondentsIn(distribution, () => true);
  const sum = distribution.reduce((total, entry) => total + entry.score * entry.count, 0);
  const groupOf = (score: number) => (scale === null ? null : scoreGroupOf(score, scale));
  return {
    scale,
    distribution,
    labelled,
    average: numeric === 0 ? null : Math.round((sum * 100) / numeric) / 100,
    nps: scale === null ? npsWithoutScaleOf(distribution, labelled) : scale.kind === 'nps' ? npsOf(distribution) : null,
    csat: scale?.kind === 'rating' ? percentOf(respondentsIn(distribution, (score) => groupOf(score) === 'high'), respondentsIn(distribution, (score) => groupOf(score) !== null)) : null,
  };
}

/**
 * The body in its stored form, and the segments re-anchored to it: normalizing (NFC, line
 * breaks, trimming) can shift offsets, so each turn is found again by its own normalized text.
 */
function normalizeBody(body: string, segments: SegmentInput[] | null | undefined): { body: string; segments: ImportedSegment[] | null } {
  const normalized = normalizeText(body);
  if (normalized === '') throw invalidField('body.body', 'The body has no text once control characters and spaces are removed');
  if (!segments?.length) return { body: normalized, segments: null };
  let from = 0;
  const anchored = segments.map((segment, index): ImportedSegment => {
    const turn = normalizeText(body.slice(segment.start, segment.end));
    const start = turn ? normalized.indexOf(turn, from) : -1;
    if (start < 0) throw invalidField(`body.segments.${index}`, 'This segment covers no text of the body');
    from = start + turn.length;
    return { speaker: segment.speaker, startMs: segment.startMs ?? null, endMs: segment.endMs ?? null, start, end: from, ...(segment.interviewer ? { interviewer: true } : {}) };
  });
  return { body: normalized, segments: anchored };
}

/** Creates a source (201), or updates the one with the same kind and external id (200). */
export async function createSource(db: Db, actor: WorkspaceActor, body: CreateSourceBody): Promise<{ source: Source; created: boolean }> {
  const text = normalizeBody(body.body, body.segments);
  const write: SourceWrite = {
    kind: body.kind,
    title: toTitle(body.title),
    body: text.body,
    segments: text.segments,
    occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
    externalId: body.externalId ?? null,
    customer: body.customer ?? null,
    metadata: body.metadata ?? {},
  };
  return db.transaction(async (tx) => {
    const result = await upsertSources(tx, actor, [write], { importId: null });
    const id = result.sourceIds[0]!;
    if (result.created || result.updated) {
      await recordAudit(tx, actor, {
        action: result.created ? 'source.create' : 'source.update',
        objectType: 'source',
        objectId: id,
        summary: `${result.created ? 'Added' : 'Updated'} ${body.kind.replace('_', ' ')} “${write.title}”`,
      });
    }
    return { source: await loadSource(tx, actor.workspaceId, id), created: result.created === 1 };
  });
}

/** Contributors change only what they added; researchers and above change anything. */
async function loadForChange(tx: Executor, actor: WorkspaceActor, id: string) {
  const row = await sourcesRepository.findForUpdate(tx, actor.workspaceId, id);
  if (!row) throw notFound('Source');
  if (!hasRole(actor.role, 'researcher') && (actor.userId === null || row.createdBy !== actor.userId)) {
    throw new AppError('forbidden', 'Contributors can change only the sources they added; ask a researcher');
  }
  return row;
}

export async function updateSource(db: Db, actor: WorkspaceActor, id: string, patch: UpdateSourceBody): Promise<Source> {
  const text = patch.body === undefined ? null : normalizeBody(patch.body, patch.segments);
  return db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id);
    const values: Partial<NewSource> = {};
    if (patch.title !== undefined) values.title = toTitle(patch.title);
    if (patch.occurredAt !== undefined) values.occurredAt = new Date(patch.occurredAt);
    if (patch.metadata !== undefined) values.metadata = patch.metadata;
    if (patch.customer !== undefined) values.customerId = patch.customer && (await resolveCustomers(tx, actor.workspaceId, [patch.customer]))[0]!;
    if (text) {
      // Highlights point into the body by offset; a new text would make them point at other words.
      if (text.body !== row.body && (await sourcesRepository.hasHighlights(tx, actor.workspaceId, id))) {
        throw new AppError('conflict', 'The text of a source with highlights cannot change: the highlights point into it');
      }
      values.body = text.body;
      values.segments = text.segments;
    }
    await sourcesRepository.update(tx, actor.workspaceId, id, values);
    await recordAudit(tx, actor, { action: 'source.update', objectType: 'source', objectId: id, summary: `Edited “${values.title ?? row.title}”` });
    return loadSource(tx, actor.workspaceId, id);
  });
}

/** Moves a source to the trash (or brings it back); moving it where it already is changes nothing. */
async function setTrashed(db: Db, actor: WorkspaceActor, id: string, trashed: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id);
    if ((row.deletedAt !== null) === trashed) return;
    await sourcesRepository.update(tx, actor.workspaceId, id, { deletedAt: trashed ? new Date() : null });
    await recordAudit(tx, actor, {
      action: trashed ? 'source.delete' : 'source.restore',
      objectType: 'source',
      objectId: id,
      summary: `${trashed ? 'Moved to the trash' : 'Restored from the trash'}: “${row.title}”`,
    });
  });
}

export function trashSource(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  return setTrashed(db, actor, id, true);
}

export async function restoreSource(db: Db, actor: WorkspaceActor, id: string): Promise<Source> {
  await setTrashed(db, actor, id, false);
  return loadSource(db, actor.workspaceId, id);
}
