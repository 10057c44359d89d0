import {
  countOf,
  hasRole,
  interviewerOnlySpeakers,
  interviewerWordsMessage,
  type BulkHighlightBody,
  type BulkHighlightResult,
  type CreateHighlightBody,
  type ExportHighlightsQuery,
  type HighlightPassagesBody,
  type HighlightPassagesResult,
  type Highlight,
  type HighlightListItem,
  type ListHighlightsQuery,
  type Page,
  type ProblemIssue,
  type SourceEvidenceLinks,
  type UpdateHighlightBody,
} from '@cairn/shared';
import type { Readable } from 'node:stream';
import { LRUCache } from 'lru-cache';
import type { Db, Executor } from '../../db/client.js';
import { refuseForeignFilterIds, type FilterId } from '../../db/filter-ids.js';
import type { SourceSegment } from '../../db/schema/index.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { resolveDateRange } from '../../lib/date-range.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { auditSummaryOf, recordAudit } from '../audit/audit.service.js';
import * as tagsService from '../tags/tags.service.js';
import { streamHighlightsCsv, type ExportedHighlight } from './highlights-csv.js';
import * as highlightsRepository from './highlights.repository.js';
import type { HighlightDetailRow, HighlightJson } from './highlights.repository.js';
import { presentPerson } from '../../lib/people.js';

/** How much of a quote the audit log repeats. */
const AUDIT_QUOTE_LENGTH = 60;

function presentHighlight(row: HighlightDetailRow): Highlight {
  return {
    id: row.id,
    sourceId: row.sourceId,
    start: row.start,
    end: row.end,
    quote: row.quote,
    note: row.note,
    tags: row.tags,
    createdBy: presentPerson(row.createdBy, row.authorName),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

function shortQuote(quote: string): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length > AUDIT_QUOTE_LENGTH ? `${line.slice(0, AUDIT_QUOTE_LENGTH - 1)}…` : line;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** An offset between the two halves of a surrogate pair (an emoji, say) would cut a character in two. */
function splitsCharacter(body: string, offset: number): boolean {
  return offset > 0 && offset < body.length && isHighSurrogate(body.charCodeAt(offset - 1)) && isLowSurrogate(body.charCodeAt(offset));
}

/**
 * `[start, end)` must be a non-empty range of whole characters inside the body (UTF-16 code
 * units, as JavaScript indexes strings). Well-formed but unusable ranges are 422s naming the field.
 */
function assertRange(body: string, start: number, end: number, at = 'body') {
  const issues: ProblemIssue[] = [];
  if (end > body.length) issues.push({ path: `${at}.end`, message: `The text has ${body.length} characters; end ${end} is past it` });
  if (start > body.length) issues.push({ path: `${at}.start`, message: `The text has ${body.length} characters; start ${start} is past it` });
  if (start === end) issues.push({ path: `${at}.end`, message: 'The range is empty: end must be greater than start' });
  if (start > end) issues.push({ path: `${at}.end`, message: 'The range is reversed: end must be greater than start' });
  if (splitsCharacter(body, start)) issues.push({ path: `${at}.start`, message: 'start falls inside a character (a surrogate pair such as an emoji)' });
  if (splitsCharacter(body, end)) issues.push({ path: `${at}.end`, message: 'end falls inside a character (a surrogate pair such as an emoji)' });
  if (issues.length) throw new AppError('unprocessable', 'The highlight range does not fit the text', issues);
}

/** A source's text as a new range is checked against: its body and, in a transcript, the interviewer's turns. */
type HighlightedText = { body: string; interviewerTurns: SourceSegment[] | null };

/**
 * A range (`assertRange`) with some of the customer's words: evidence is what customers say
 * (ADR 017), so a range of nothing but the interviewer's turns is a 422 naming the field (`whole`
 * for the whole source); the interviewer's question with the customer's answer is fine.
 */
function assertHighlightable(source: HighlightedText, start: number, end: number, { at = 'body', whole = false } = {}) {
  assertRange(source.body, start, end, at);
  const speakers = interviewerOnlySpeakers(source.body, source.interviewerTurns, start, end);
  if (!speakers) return;
  const message = interviewerWordsMessage(speakers);
  throw new AppError('unprocessable', message, [{ path: `${at}.${whole ? 'whole' : 'start'}`, message }]);
}

/** Contributors change their own highlights; researchers and above change anyone's. */
function assertCanChange(actor: WorkspaceActor, createdBy: string | null, path?: string) {
  if (hasRole(actor.role, 'researcher')) return;
  if (createdBy === null || createdBy !== actor.userId) {
    const message = 'Contributors can change only their own highlights; ask a researcher';
    throw new AppError('forbidden', message, path ? [{ path, message }] : undefined);
  }
}

/** A source's highlights as its detail query read them (`liveHighlightsOfSource`). */
export function presentHighlightsOfSource(highlights: HighlightJson[]): Highlight[] {
  return highlights.map((json) => presentHighlight(highlightsRepository.highlightFromJson(json)));
}

type NewHighlightRead = NonNullable<Awaited<ReturnType<typeof highlightsRepository.findForNewHighlight>>>;

/**
 * What creating a highlight read, kept per process for the next one with the same source, tags
 * and author: people mark many passages of one source in a row, and each insert checks the row
 * versions, so a stale copy costs only a fresh read. Up to 16 MB of source text.
 */
const newHighlightReads = new WeakMap<Db, LRUCache<string, NewHighlightRead>>();

function newHighlightReadsOf(db: Db): LRUCache<string, NewHighlightRead> {
  let cache = newHighlightReads.get(db);
  if (!cache) newHighlightReads.set(db, (cache = new LRUCache({ maxSize: 16 * 1024 * 1024, sizeCalculation: (read) => 2 * (read.body.length + read.title.length) + 128 * (read.interviewerTurns?.length ?? 0) + 512 })));
  return cache;
}

/** Reads made stale by a concurrent write before the insert gives up (409). */
const CREATE_ATTEMPTS = 3;

/**
 * One read (source text, tags, author — often from the process's copy) and one write
 * (highlight, tag links and audit event in a single statement, atomic without a transaction,
 * which also checks that nothing it copied has changed since): the hottest write.
 */
export async function createHighlight(db: Db, actor: WorkspaceActor, sourceId: string, body: CreateHighlightBody): Promise<Highlight> {
  const tagIds = [...new Set(body.tagIds ?? [])];
  const reads = newHighlightReadsOf(db);
  const key = [actor.workspaceId, sourceId, actor.userId ?? 'token', ...tagIds].join('/');
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
    const kept = attempt === 1 ? reads.get(key) : undefined;
    const found = kept ?? (await highlightsRepository.findForNewHighlight(db, actor.workspaceId, sourceId, tagIds, actor.userId));
    if (!found) throw notFound('Source');
    if (!kept) reads.set(key, found);
    const start = body.whole ? 0 : body.start!;
    const end = body.whole ? found.body.length : body.end!;
    try {
      tagsService.assertTagsFound(found.tags, tagIds);
      assertHighlightable(found, start, end, { whole: body.whole });
    } catch (error) {
      // Judge the input against the current text, not a copy that may be out of date.
      if (!kept) throw error;
      reads.delete(key);
      continue;
    }
    const quote = found.body.slice(start, end);
    const { tagNames, tagRefs } = tagsService.highlightTagCopies(found.tags);
    const note = body.note || null;
    const row = await highlightsRepository.insertWithTagsAndAudit(
      db,
      { workspaceId: actor.workspaceId, sourceId, start, end, quote, note, tagNames, tagRefs, userId: actor.userId },
      tagIds,
      found.versions,
      { actorUserId: actor.userId, actorTokenId: actor.tokenId, summary: auditSummaryOf(actor, `Highlighted “${shortQuote(quote)}” in “${found.title}”`) },
    );
    if (row) return presentHighlight({ ...row, sourceId, start, end, quote, note, createdBy: actor.userId, authorName: found.authorName, tags: tagRefs });
    reads.delete(key);
  }
  throw new AppError('conflict', 'The source, its tags or your name changed while the highlight was being saved; try again');
}

/** The list's filters as the repository takes them; the list and the export share them (the export has no trash). */
function filtersOf(query: ExportHighlightsQuery & Pick<ListHighlightsQuery, 'trash'>): highlightsRepository.HighlightFilters {
  // Importance belongs to a link: a highlight listed as no one's evidence has none to filter by.
  if (query.importance && !query.insightId && !query.backlogItemId && !query.evidenceOfBacklogItemId) {
    throw invalidField('query.importance', 'Importance is that of evidence: filter by insightId, backlogItemId or evidenceOfBacklogItemId as well');
  }
  return {
    ids: query.ids,
    tagId: query.tagId,
    insightId: query.insightId,
    backlogItemId: query.backlogItemId,
    evidenceOfBacklogItemId: query.evidenceOfBacklogItemId,
    importances: query.importance,
    sourceId: query.sourceId,
    sourceKinds: query.sourceKind,
    customerId: query.customerId,
    companyId: query.companyId,
    segment: query.segment,
    ...resolveDateRange(query),
    q: query.q,
    trash: query.trash,
  };
}

/** The ids the list and the export are filtered by (`ids` aside: assertSelectionFound), checked when nothing matched (refuseForeignFilterIds). */
function filterIdsOf(query: ExportHighlightsQuery): FilterId[] {
  return [
    { path: 'query.tagId', names: 'tag', id: query.tagId },
    { path: 'query.insightId', names: 'insight', id: query.insightId },
    { path: 'query.backlogItemId', names: 'backlogItem', id: query.backlogItemId },
    { path: 'query.evidenceOfBacklogItemId', names: 'backlogItem', id: query.evidenceOfBacklogItemId },
    { path: 'query.sourceId', names: 'source', id: query.sourceId },
    { path: 'query.customerId', names: 'customer', id: query.customerId },
    { path: 'query.companyId', names: 'company', id: query.companyId },
  ];
}

/**
 * `ids` names a selection: each must be a highlight of this workspace that the list could show
 * (outside the trash, of a source outside it; with `trash`, in the trash on its own), else 404
 * naming them, as bulk changes answer — another workspace's highlight is as absent as one that never was.
 */
async function assertSelectionFound(db: Db, workspaceId: string, ids: string[] | undefined, trash = false) {
  if (!ids) return;
  if ((await highlightsRepository.count(db, workspaceId, { ids, trash })) === new Set(ids).size) return;
  const message = `One or more highlights do not exist in this workspace, or are ${trash ? 'not ' : ''}in the trash`;
  throw new AppError('not_found', message, [{ path: 'query.ids', message }]);
}

export async function listHighlights(db: Db, actor: WorkspaceActor, query: ListHighlightsQuery): Promise<Page<HighlightListItem>> {
  const after = decodeCursor(query.cursor, 2);
  const filters = filtersOf(query);
  await assertSelectionFound(db, actor.workspaceId, query.ids, query.trash);
  const rows = await highlightsRepository.list(db, actor.workspaceId, filters, query.limit, after);
  if (!rows.length) await refuseForeignFilterIds(db, actor.workspaceId, filterIdsOf(query));
  const page = pageFrom(
    rows,
    query.limit,
    (row) => ({
      ...presentHighlight(row),
      source: { ...row.source, occurredAt: iso(row.source.occurredAt) },
      customer: row.customer && { id: row.customer.id, name: row.customer.name, email: row.customer.email, externalId: row.customer.externalId, company: row.company },
      ...(query.insightId || query.backlogItemId || query.evidenceOfBacklogItemId ? { linkedBy: row.linkedBy } : {}),
      ...(row.importance ? { importance: row.importance } : {}),
      ...(row.via ? { via: row.via } : {}),
      ...(row.deletedAt ? { deletedAt: iso(row.deletedAt) } : {}),
    }),
    (row) => [row.cursorAt, row.id],
  );
  // The total costs a count over the whole filter: only the first page carries it.
  return after ? page : { ...page, total: await highlightsRepository.count(db, actor.workspaceId, filters) };
}

/** Highlights an export reads per query: memory stays flat, and 200,000 highlights take 400 queries. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every highlight the list's filters match (or those of a selection, `ids`), newest first, as a CSV stream (highlights-csv.ts)
 * read in keyset pages. The first page is read before anything is sent, so that bad input or
 * a failing database is still a problem+json answer; each link opens the passage in Cairn's
 * reader at `origin` (where the request came to), as the web app builds it (web/src/lib/paths.ts).
 */
export async function exportHighlights(db: Db, actor: WorkspaceActor, query: ExportHighlightsQuery, origin: string): Promise<{ fileName: string; stream: Readable }> {
  const filters = filtersOf(query);
  await assertSelectionFound(db, actor.workspaceId, query.ids);
  const readPage = (after?: Array<string | number | null>) => highlightsRepository.list(db, actor.workspaceId, filters, EXPORT_PAGE_SIZE, after);
  const cairnUrl = (path: string) => (URL.canParse(origin) ? new URL(path, origin).href : path);
  const first = await readPage();
  if (!first.length) await refuseForeignFilterIds(db, actor.workspaceId, filterIdsOf(query));
  async function* pages(): AsyncGenerator<ExportedHighlight[]> {
    let rows = first;
    for (;;) {
      // `list` reads one row past the page to tell whether another follows.
      const page = rows.slice(0, EXPORT_PAGE_SIZE);
      yield page.map((row) => ({ ...row, link: cairnUrl(`/w/${actor.workspaceId}/sources/${row.sourceId}#h-${row.id}`) }));
      const last = page[page.length - 1];
      if (rows.length <= EXPORT_PAGE_SIZE || !last) return;
      rows = await readPage([last.cursorAt, last.id]);
    }
  }
  return { fileName: `cairn-highlights-${new Date().toISOString().slice(0, 10)}.csv`, stream: streamHighlightsCsv(pages()) };
}

export async function updateHighlight(db: Db, actor: WorkspaceActor, id: string, body: UpdateHighlightBody): Promise<Highlight> {
  return db.transaction(async (tx) => {
    const current = await highlightsRepository.findForChange(tx, actor.workspaceId, id);
    if (!current) throw notFound('Highlight');
    assertCanChange(actor, current.createdBy);
    const start = body.start ?? current.start;
    const end = body.end ?? current.end;
    const rangeChanged = start !== current.start || end !== current.end;
    if (rangeChanged) assertHighlightable(current, start, end);
    if (body.tagIds) {
      const tagRows = await tagsService.requireTags(tx, actor.workspaceId, body.tagIds);
      await tagsService.replaceHighlightTags(tx, actor.workspaceId, id, tagRows);
    }
    await highlightsRepository.update(tx, actor.workspaceId, id, {
      ...(rangeChanged ? { start, end, quote: current.body.slice(start, end) } : {}),
      ...(body.note === undefined ? {} : { note: body.note || null }),
    });
    const updated = presentHighlight((await highlightsRepository.findDetail(tx, actor.workspaceId, id))!);
    const changes = [rangeChanged && 'range', body.tagIds && 'tags', body.note !== undefined && 'note'].filter(Boolean).join(', ');
    await recordAudit(tx, actor, { action: 'highlight.update', objectType: 'highlight', objectId: id, summary: `Edited the ${changes || 'nothing'} of “${shortQuote(updated.quote)}”` });
    return updated;
  });
}

/** Moves a highlight to the trash; `restoreHighlight` brings it back. */
export async function deleteHighlight(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await highlightsRepository.findForChange(tx, actor.workspaceId, id);
    if (!current) throw notFound('Highlight');
    assertCanChange(actor, current.createdBy);
    await highlightsRepository.update(tx, actor.workspaceId, id, { deletedAt: new Date() });
    await recordAudit(tx, actor, { action: 'highlight.delete', objectType: 'highlight', objectId: id, summary: `Moved a highlight of “${current.sourceTitle}” to the trash` });
  });
}

export async function restoreHighlight(db: Db, actor: WorkspaceActor, id: string): Promise<Highlight> {
  return db.transaction(async (tx) => {
    const current = await highlightsRepository.findForChange(tx, actor.workspaceId, id, { inTrash: true });
    if (!current) throw notFound('Highlight');
    assertCanChange(actor, current.createdBy);
    if (current.deletedAt) {
      await highlightsRepository.update(tx, actor.workspaceId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'highlight.restore', objectType: 'highlight', objectId: id, summary: `Restored a highlight of “${current.sourceTitle}” from the trash` });
    }
    return presentHighlight((await highlightsRepository.findDetail(tx, actor.workspaceId, id))!);
  });
}

/** Adds and removes tags on up to BULK_HIGHLIGHTS_MAX highlights in a fixed number of statements. */
export async function bulkTagHighlights(db: Db, actor: WorkspaceActor, body: BulkHighlightBody): Promise<BulkHighlightResult> {
  const highlightIds = [...new Set(body.highlightIds)];
  const addTagIds = [...new Set(body.addTagIds ?? [])];
  const removeTagIds = [...new Set(body.removeTagIds ?? [])];
  if (addTagIds.some((tagId) => removeTagIds.includes(tagId))) {
    throw invalidField('body.removeTagIds', 'A tag cannot be added and removed in the same call');
  }
  return db.transaction(async (tx) => {
    const rows = await highlightsRepository.findLiveByIds(tx, actor.workspaceId, highlightIds);
    if (rows.length !== highlightIds.length) {
      const message = 'One or more highlights do not exist in this workspace';
      throw new AppError('not_found', message, [{ path: 'body.highlightIds', message }]);
    }
    for (const row of rows) assertCanChange(actor, row.createdBy);
    const added = await tagsService.requireTags(tx, actor.workspaceId, addTagIds, 'body.addTagIds');
    const removed = await tagsService.requireTags(tx, actor.workspaceId, removeTagIds, 'body.removeTagIds');
    await tagsService.changeTagsOfHighlights(tx, actor.workspaceId, highlightIds, addTagIds, removeTagIds);
    const names = (tagRows: typeof added) => tagRows.map((tag) => `“${tag.name}”`).join(', ');
    const changes = [added.length ? `added ${names(added)}` : '', removed.length ? `removed ${names(removed)}` : ''].filter(Boolean).join(' and ');
    await recordAudit(tx, actor, {
      action: 'highlight.bulk_tag',
      objectType: 'highlight',
      summary: `${changes ? `${changes[0]!.toUpperCase()}${changes.slice(1)}` : 'Changed nothing'} on ${highlightIds.length} highlight${highlightIds.length === 1 ? '' : 's'}`,
    });
    return { updated: highlightIds.length };
  });
}


/** What highlighting passages did, for the caller's audit event. */
export type HighlightedPassages = {
  /** One highlight per passage, in the order given. */
  items: HighlightPassagesResult['items'];
  /** The highlights, each once. */
  highlightIds: string[];
  /** How many of them were made; the others were there already. */
  created: number;
  /** How many sources the passages lie in. */
  sourceCount: number;
  /** The tag links it made: on the highlights it made, and those of `tagIds` the reused ones lacked. */
  addedTags: Array<{ highlightId: string; tagId: string }>;
};

/**
 * The work of `highlightPassages` inside the caller's transaction, without its audit event:
 * tagging sources whole in bulk (sources.service) runs it batch by batch under one event of its
 * own. `tagIds` must be the workspace's (`requireTags`); `at(index)` names where passage `index`
 * came from in errors.
 */
export async function highlightPassagesIn(
  tx: Executor,
  actor: WorkspaceActor,
  passages: HighlightPassagesBody['passages'],
  tagIds: string[],
  at = (index: number) => `body.passages.${index}`,
): Promise<HighlightedPassages> {
  const sourceRows = await highlightsRepository.findLiveSourcesForPassages(tx, actor.workspaceId, [...new Set(passages.map((passage) => passage.sourceId))]);
  const sourcesById = new Map(sourceRows.map((row) => [row.id, row]));
  const ranges = passages.map((passage, index) => {
    const source = sourcesById.get(passage.sourceId);
    if (!source) {
      const message = 'No such source in this workspace (or it is in the trash)';
      throw new AppError('not_found', message, [{ path: `${at(index)}.sourceId`, message }]);
    }
    const range = passage.whole ? { start: 0, end: source.body.length } : { start: passage.start!, end: passage.end! };
    assertHighlightable(source, range.start, range.end, { at: at(index), whole: passage.whole });
    return { sourceId: passage.sourceId, ...range };
  });
  const keyOf = (range: highlightsRepository.PassageRange) => `${range.sourceId}/${range.start}/${range.end}`;
  const existing = new Map((await highlightsRepository.findLiveByRanges(tx, actor.workspaceId, ranges)).map((row) => [keyOf(row), row]));
  if (tagIds.length) {
    ranges.forEach((range, index) => {
      const reused = existing.get(keyOf(range));
      if (reused) assertCanChange(actor, reused.createdBy, at(index));
    });
  }
  const missing = new Map(ranges.filter((range) => !existing.has(keyOf(range))).map((range) => [keyOf(range), range]));
  const created = missing.size
    ? await highlightsRepository.insertMany(
        tx,
        [...missing.values()].map((range) => ({ workspaceId: actor.workspaceId, ...range, quote: sourcesById.get(range.sourceId)!.body.slice(range.start, range.end), createdBy: actor.userId })),
      )
    : [];
  const createdByKey = new Map(created.map((row) => [keyOf(row), row]));
  const items = ranges.map((range) => {
    const reused = existing.get(keyOf(range));
    return { id: reused?.id ?? createdByKey.get(keyOf(range))!.id, ...range, created: !reused };
  });
  const highlightIds = [...new Set(items.map((item) => item.id))];
  const { added } = tagIds.length ? await tagsService.changeTagsOfHighlights(tx, actor.workspaceId, highlightIds, tagIds, []) : { added: [] };
  return { items, highlightIds, created: created.length, sourceCount: sourceRows.length, addedTags: added };
}

/**
 * What highlighting passages wrote, as `unhighlightPassagesIn` takes it back: when (its
 * transaction's `passagesWrittenAt`), the highlights it made (carrying `tagIds`), and the tags it
 * added to others.
 */
export type PassagesWritten = { at: string; tagIds: string[]; createdHighlightIds: string[]; addedTags: Array<{ tagId: string; highlightIds: string[] }> };

/** What taking passages back did: highlights moved to the trash, kept (used since), and untagged (there before). */
export type PassagesTakenBack = { trashed: number; kept: number; untagged: number };

/**
 * When the caller's transaction began, to the microsecond: every highlight and tag link it writes
 * carries that time, and `unhighlightPassagesIn` takes back only what does.
 */
export function passagesWrittenAt(tx: Executor): Promise<string> {
  return highlightsRepository.findTransactionTime(tx);
}

/**
 * Takes back what `highlightPassagesIn` wrote, inside the caller's transaction and without an
 * audit event: the tag links it made come off — those carrying its time, so a tag taken off and
 * given again since stays, as do tags the highlights had before — then the highlights it made go
 * to the trash, except one someone has made something of since (a note, another tag, a link as
 * evidence), which stays without the tags it was given. Every highlight must be this workspace's
 * (in the trash or not), else a 404 naming where it was listed (`at`); one listed as made that
 * another transaction made is a 422. When none of its links is left (undone already, or every tag
 * taken off since), a 409 naming `at.run`, and nothing changes: undoing twice does nothing twice.
 */
export async function unhighlightPassagesIn(
  tx: Executor,
  actor: WorkspaceActor,
  written: PassagesWritten,
  at: { run: string; created: string; added: (index: number) => string },
): Promise<PassagesTakenBack> {
  const createdIds = [...new Set(written.createdHighlightIds)];
  const reusedIds = [...new Set(written.addedTags.flatMap((group) => group.highlightIds))];
  const highlightIds = [...new Set([...createdIds, ...reusedIds])];
  const rows = await highlightsRepository.lockByIds(tx, actor.workspaceId, highlightIds, written.at);
  const found = new Map(rows.map((row) => [row.id, row]));
  const message = 'One or more highlights do not exist in this workspace';
  if (createdIds.some((id) => !found.has(id))) throw new AppError('not_found', message, [{ path: at.created, message }]);
  written.addedTags.forEach((group, index) => {
    if (group.highlightIds.some((id) => !found.has(id))) throw new AppError('not_found', message, [{ path: at.added(index), message }]);
  });
  if (createdIds.some((id) => !found.get(id)!.madeThen)) {
    const notMade = 'One or more of these highlights were not made by this run';
    throw new AppError('unprocessable', notMade, [{ path: at.created, message: notMade }]);
  }
  for (const row of rows) assertCanChange(actor, row.createdBy);
  const tagIds = [...new Set([...written.tagIds, ...written.addedTags.map((group) => group.tagId)])];
  const removed = await tagsService.removeTagsAddedAt(tx, actor.workspaceId, highlightIds, tagIds, written.at);
  if (!removed.length) {
    const nothingLeft = 'Nothing this run tagged carries its tags any more: it has been undone already, or its tags have been taken off since';
    throw new AppError('conflict', nothingLeft, [{ path: at.run, message: nothingLeft }]);
  }
  // One someone moved to the trash since is where undoing would put it.
  const live = createdIds.filter((id) => !found.get(id)!.deletedAt);
  const trashed = await highlightsRepository.trashUnused(tx, actor.workspaceId, live);
  const made = new Set(createdIds);
  const untagged = new Set(removed.map((link) => link.highlightId).filter((id) => !made.has(id))).size;
  return { trashed: createdIds.length - live.length + trashed.length, kept: live.length - trashed.length, untagged };
}

/**
 * Highlights a selection of passages (search results, say) in one transaction with one audit
 * event, where one call per passage would log one event each. A passage highlighted before with
 * exactly that range is reused, and tagged like the new ones (contributors: only their own).
 */
export async function highlightPassages(db: Db, actor: WorkspaceActor, body: HighlightPassagesBody): Promise<HighlightPassagesResult> {
  const tagIds = [...new Set(body.tagIds ?? [])];
  return db.transaction(async (tx) => {
    const tagRows = await tagsService.requireTags(tx, actor.workspaceId, tagIds);
    const { items, highlightIds, created, sourceCount } = await highlightPassagesIn(tx, actor, body.passages, tagIds);
    const tagged = tagRows.length ? `, tagged ${tagRows.map((tag) => `“${tag.name}”`).join(', ')}` : '';
    const reusedCount = highlightIds.length - created;
    const what = created
      ? `Highlighted ${countOf(created, 'passage')} in ${countOf(sourceCount, 'source')}${reusedCount ? ` (${reusedCount} already highlighted)` : ''}`
      : `Reused ${countOf(reusedCount, 'highlighted passage')} in ${countOf(sourceCount, 'source')}`;
    await recordAudit(tx, actor, {
      action: 'highlight.create_many',
      objectType: 'highlight',
      objectId: highlightIds.length === 1 ? highlightIds[0] : undefined,
      summary: `${what}${tagged}`,
    });
    return { items };
  });
}

/** What each highlight of a source is evidence for, for the reader; highlights linked to nothing are left out. */
export async function listEvidenceLinksOfSource(db: Db, actor: WorkspaceActor, sourceId: string): Promise<SourceEvidenceLinks> {
  if (!(await highlightsRepository.sourceExists(db, actor.workspaceId, sourceId))) throw notFound('Source');
  const rows = await highlightsRepository.listEvidenceLinksOfSource(db, actor.workspaceId, sourceId);
  return { items: rows.filter((row) => row.insights.length || row.backlogItems.length) };
}
