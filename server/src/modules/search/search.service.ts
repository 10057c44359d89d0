import { LRUCache } from 'lru-cache';
import type { SQL } from 'drizzle-orm';
import {
  SEARCH_COUNT_MAX,
  SOURCE_KINDS,
  type SearchCount,
  type SearchCountQuery,
  type SearchFacets,
  type SearchFacetsWithout,
  type SearchFilters,
  type SearchQuery,
  type SearchResponse,
  type SearchResult,
  type SourceKind,
  type TagRef,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { checkFilterIds } from '../../db/filter-ids.js';
import { sqlStateOf } from '../../db/sql-state.js';
import { invalidField } from '../../errors.js';
import { resolveDateRange } from '../../lib/date-range.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { decodeSearchCursor, encodeSearchCursor, fingerprintSearch, tidOrder, type DateCursor, type DateKey, type DateSort, type RankKey, type SearchCursor, type TypeWindow } from '../../search/cursor.js';
import { parseSearchQuery, positiveTerms, replaceWords, requiredTerms, widenWithCorrections, type ParsedQuery } from '../../search/query.js';
import { candidateWordFinder, cutSnippet, stemPrefixes } from '../../search/snippet.js';
import { chooseCorrections, findMisspellings, wordsToCheck, type Correction } from '../../search/spelling.js';
import { buildTsQuery } from '../../search/tsquery.js';
import * as searchRepository from './search.repository.js';
import type { Candidate, DatedMatch, SearchConditions, Shown, Window } from './search.repository.js';

/**
 * Candidates ranked per window and type. Ranking every match costs ~3 µs a row (100k matches:
 * 300 ms); ranking a bounded window keeps a search in milliseconds whatever the word — see
 * docs/decisions/005-search.md for the measurements behind the number.
 */
export const SEARCH_WINDOW = 100;
/** Below this many matches, the words are checked for typos. */
export const FEW_RESULTS = 3;
const SIMILAR_WORDS_PER_WORD = 12;
/** Sources re-parsed to spell a corrected stem as real words: a few show its common forms. */
const SOURCES_SPELLING_A_STEM = 5;
const SPELLING_SIMILARITY_MIN = 0.2;
/** Distinct words of one page sent to be stemmed for snippets; a page of transcripts stays well below. */
const STEMMED_WORDS_MAX = 5_000;
/**
 * Words whose English stem this process already knows (`''` for a stop word): the stemmer never
 * changes, and the words that snippets mark repeat from search to search, so most pages need
 * no round trip to stem them. 50,000 short words take a few MB.
 */
const knownStems = new LRUCache<string, string>({ max: 50_000 });
/** Pages never loop over more windows than this (each window is one query). */
const WINDOWS_PER_PAGE_MAX = 10;

type Types = { source: boolean; highlight: boolean };

const descending = (a: string, b: string) => (a === b ? 0 : a > b ? -1 : 1);
/** Best first: higher score, then type, then id, each descending (the cursor's order). */
const byRank = (a: RankKey, b: RankKey) => b.score - a.score || descending(a.type, b.type) || descending(a.id, b.id);
const ranksBefore = (a: RankKey, b: RankKey) => byRank(a, b) < 0;
/** Newest first: date, then type, then id, each descending (the date cursor's order; `at` compares as text as it does as a time). */
const byNewest = (a: DateKey, b: DateKey) => descending(a.at, b.at) || descending(a.type, b.type) || descending(a.id, b.id);
const byDate = (sort: DateSort) => (sort === 'newest' ? byNewest : (a: DateKey, b: DateKey) => byNewest(b, a));

/** Lexemes of the positive part of a tsquery text (`'credit' <-> 'card' | 'wallet'`). */
function lexemesOf(tsqueryText: string): string[] {
  return [...tsqueryText.matchAll(/'((?:[^']|'')+)'/g)].map((match) => match[1]!.replaceAll("''", "'"));
}

type Page = { candidates: Candidate[]; next: SearchCursor | null; firstWindow: Windows | null };
/** What a page shows, in its order: ranked candidates, or matches in date order. */
type PageResult = Pick<Candidate, 'type' | 'id' | 'score' | 'hit'>;
type Bounds = Pick<SearchCursor, 'source' | 'highlight'>;
type Windows = Awaited<ReturnType<typeof searchRepository.listCandidates>>;
type ResultType = 'source' | 'highlight';
/** The first window of a first page: it counts the facets, and says when a type's window is full. */
type FirstWindow = { onFull: () => void };

/** Whether each row of the window sits after the one before it. */
function inTableOrder(window: Window | null): boolean {
  const positions = (window ?? []).map((candidate) => tidOrder(candidate.tid));
  return positions.every((position, i) => i === 0 || position > positions[i - 1]!);
}
const candidatesOf = (windows: Windows) => [...(windows.source ?? []), ...(windows.highlight ?? [])];
/** A window that took as many rows as it may was cut short: more matches follow it. */
const isFull = (windows: Windows, type: ResultType) => windows[type]?.length === SEARCH_WINDOW;

/**
 * One window of candidates. Windows are runs of matches in table order, which is how bitmap
 * and sequential scans return rows (Cairn's connections plan no parallel scans, `db/client.ts`);
 * should the planner pick a plan that does not (an index scan of a tiny workspace), the window
 * is read again in explicit ctid order so that no match is ever skipped.
 */
async function listWindow(db: Db, conditions: SearchConditions, bounds: Bounds, shown: Shown, first: FirstWindow | null): Promise<Windows> {
  const options = { withFacets: Boolean(first), onFull: first?.onFull };
  const windows = await searchRepository.listCandidates(db, conditions, bounds, SEARCH_WINDOW, shown, { ...options, orderByTid: false });
  const ordered = inTableOrder(windows.source) && inTableOrder(windows.highlight);
  return ordered ? windows : searchRepository.listCandidates(db, conditions, bounds, SEARCH_WINDOW, shown, { ...options, orderByTid: true });
}

/**
 * The best `room` candidates, in rank order. Each window describes its best `room` rows after
 * the cursor (`Shown`), in the order `byRank` sorts, so the best of both windows are among the
 * described ones and only those are sorted. Should the SQL ever rank differently, a better row
 * left undescribed would leave a hole in the page: that fails the search instead.
 */
function takeBest(ranked: Candidate[], room: number): Candidate[] {
  const best = ranked.filter((candidate) => candidate.hit).sort(byRank).slice(0, room);
  const missed = ranked.find((candidate) => !candidate.hit && (best.length < room || ranksBefore(candidate, best.at(-1)!)));
  if (missed) throw new Error(`Search ranked ${missed.type} ${missed.id} onto the page, but its window did not describe it`);
  return best;
}

/**
 * Fills one page: ranks the current windows' candidates, continues after the cursor's last
 * result, and moves on to the next windows when these run out.
 */
async function collectPage(
  db: Db,
  conditions: SearchConditions,
  positive: SQL,
  start: Bounds & Pick<SearchCursor, 'after'>,
  limit: number,
  first: FirstWindow | null,
  carry: (next: Bounds & Pick<SearchCursor, 'after'>) => SearchCursor,
): Promise<Page> {
  let { source, highlight, after } = start;
  const page: Candidate[] = [];
  let firstWindow: Windows | null = null;
  for (let round = 0; round < WINDOWS_PER_PAGE_MAX && (source || highlight); round++) {
    const room = limit - page.length;
    const windows = await listWindow(db, conditions, { source, highlight }, { limit: room, after, positive }, round === 0 ? first : null);
    if (round === 0) firstWindow = windows;
    const ranked = candidatesOf(windows).filter((candidate) => !after || ranksBefore(after, candidate));
    page.push(...takeBest(ranked, room));
    const lastTid = (type: ResultType) => windows[type]?.at(-1)?.tid;
    // The same window on the next page: closed at its last row, so later inserts stay out.
    const continueIn = (type: ResultType, bound: TypeWindow): TypeWindow => {
      const tid = lastTid(type);
      return bound && tid ? { after: bound.after, upto: tid } : null;
    };
    // The next window starts after this one's last row; a window that was not full was the last.
    const advance = (type: ResultType, bound: TypeWindow): TypeWindow => {
      const tid = lastTid(type);
      return bound && tid && isFull(windows, type) ? { after: tid, upto: null } : null;
    };
    if (ranked.length > room) {
      return { candidates: page, firstWindow, next: carry({ source: continueIn('source', source), highlight: continueIn('highlight', highlight), after: page.at(-1)! }) };
    }
    source = advance('source', source);
    highlight = advance('highlight', highlight);
    after = null;
    if (page.length === limit) break;
  }
  return { candidates: page, firstWindow, next: source || highlight ? carry({ source, highlight, after: null }) : null };
}

/** One collator for all comparisons: `localeCompare` sets one up on every call. */
const byName = new Intl.Collator();

/** What facets count, before they are put in order. */
type FacetCounts = Pick<searchRepository.MatchCounts, 'kind' | 'segment' | 'tag'>;

/**
 * Facets in the order the API gives them, however they were counted: kinds in `SOURCE_KINDS`
 * order, tags and segments by count, then name.
 */
function facetsOf(counts: FacetCounts, sampleSize: number, exact: boolean): SearchFacets {
  const kind = Object.fromEntries(SOURCE_KINDS.filter((k) => counts.kind[k]).map((k) => [k, counts.kind[k]!]));
  const tag = [...counts.tag].sort((a, b) => b.count - a.count || byName.compare(a.name, b.name));
  const segment = Object.fromEntries(Object.entries(counts.segment).sort(([a, m], [b, n]) => n - m || byName.compare(a, b)));
  return { kind, tag, segment, sampleSize, exact };
}

/** The facet filters, in the order `facetsWithout` lists them. */
const FACET_FILTERS = ['kind', 'tagId', 'segment'] as const satisfies searchRepository.FacetFilter[];

/** The facet filters in use, each with the types its search without its own filter looks in (no tag filter: sources too). */
const facetsInUse = (filters: SearchFilters) =>
  FACET_FILTERS.filter((facet) => filters[facet]).map((facet) => ({ facet, types: typesOf({ ...filters, [facet]: undefined }) }));

/**
 * Each facet in use counted without its own filter (`SearchFacetsWithout`), on up to `max`
 * matches of each type: exact when neither type reached `max`. On a first page `max` is the
 * window (`SEARCH_WINDOW`), as the page's own facets are counted; for the count, its cap.
 */
async function countFacetsWithout(executor: Executor, conditions: SearchConditions, filters: SearchFilters, max: number): Promise<SearchFacetsWithout> {
  const counted = await searchRepository.countFacetsWithout(executor, conditions, facetsInUse(filters), max);
  const without: SearchFacetsWithout = {};
  for (const facet of FACET_FILTERS) {
    const each = counted[facet];
    if (!each) continue;
    const sample = { sampleSize: each.source + each.highlight, exact: each.source < max && each.highlight < max };
    const ordered = facetsOf({ kind: {}, segment: {}, tag: [], [searchRepository.FACET_COUNTS[facet]]: each.counts }, sample.sampleSize, sample.exact);
    if (facet === 'kind') without.kind = { kind: ordered.kind, ...sample };
    if (facet === 'tagId') without.tagId = { tag: ordered.tag, ...sample };
    if (facet === 'segment') without.segment = { segment: ordered.segment, ...sample };
  }
  return without;
}

/** Facets of the first window: a sample of the matches unless the window held them all (`exact`). */
function countFacets(window: Candidate[], exact: boolean): SearchFacets {
  const kind: Partial<Record<SourceKind, number>> = {};
  const segment: Record<string, number> = {};
  const tagCounts = new Map<string, TagRef & { count: number }>();
  for (const candidate of window) {
    kind[candidate.kind] = (kind[candidate.kind] ?? 0) + 1;
    if (candidate.segment) segment[candidate.segment] = (segment[candidate.segment] ?? 0) + 1;
    for (const ref of candidate.tags ?? []) {
      const counted = tagCounts.get(ref.id);
      if (counted) counted.count += 1;
      else tagCounts.set(ref.id, { ...ref, count: 1 });
    }
  }
  return facetsOf({ kind, segment, tag: [...tagCounts.values()] }, window.length, exact);
}

/** The English stem of each word ('' for a stop word), asking the database only for words this process has not stemmed yet. */
async function stemAll(executor: Executor, words: string[]): Promise<Map<string, string>> {
  const unknown = words.filter((word) => !knownStems.has(word)).slice(0, STEMMED_WORDS_MAX);
  for (const [word, stem] of await searchRepository.stemWords(executor, unknown)) knownStems.set(word, stem ?? '');
  return new Map(words.map((word) => [word, knownStems.get(word) ?? '']));
}

/** Snippets with match ranges for a page of results, in the page's order. */
async function presentResults(executor: Executor, page: PageResult[]): Promise<SearchResult[]> {
  // Every result of a page comes with what it shows (`takeBest`, `listByDate`).
  const hits = page.map((candidate) => candidate.hit!);
  const lexemes = new Set(lexemesOf(hits[0]?.positive ?? ''));
  const findCandidateWords = candidateWordFinder(stemPrefixes([...lexemes]));
  const words = hits.map((hit) => findCandidateWords(hit.text));
  const stems = await stemAll(executor, [...new Set(words.flatMap((found) => found.map((word) => word.word)))]);
  return page.map((candidate, i) => {
    const hit = hits[i]!;
    const { snippet, snippetStart, matches } = cutSnippet(hit.text, words[i]!.filter((word) => lexemes.has(stems.get(word.word) ?? '')));
    const result: SearchResult = {
      type: candidate.type,
      id: candidate.id,
      sourceId: hit.sourceId,
      title: hit.title,
      kind: hit.kind,
      occurredAt: new Date(hit.occurredAt).toISOString(),
      customer: hit.customer,
      tags: hit.marks.tags,
      score: candidate.score,
      snippet,
      matches,
      snippetStart: (hit.start ?? 0) + snippetStart,
      range: hit.highlightId ? [hit.start!, hit.end!] : null,
    };
    if (hit.marks.wholeHighlightId) result.wholeHighlightId = hit.marks.wholeHighlightId;
    return result;
  });
}

/** Misspelled words of the query with their corrections, spelled as real words. */
async function findCorrections(db: Executor, workspaceId: string, query: ParsedQuery): Promise<Correction[]> {
  const words = wordsToCheck(query);
  if (!words.length) return [];
  return db.transaction(async (tx) => {
    // In a transaction of its own: the lower threshold ends with it.
    await searchRepository.lowerSimilarityThreshold(tx, SPELLING_SIMILARITY_MIN);
    const misspellings = findMisspellings(await searchRepository.listSpellingCandidates(tx, workspaceId, words, SIMILAR_WORDS_PER_WORD));
    if (!misspellings.length) return [];
    const stems = [...new Set(misspellings.flatMap((m) => m.options.map((option) => option.term)))];
    return chooseCorrections(misspellings, await searchRepository.spellStems(tx, workspaceId, stems, SOURCES_SPELLING_A_STEM));
  });
}

/** `estimate`, when the first window was full: the total, still being estimated. */
type Outcome = {
  results: PageResult[];
  next: SearchCursor | DateCursor | null;
  total: number;
  totalIsEstimate: boolean;
  estimate: Promise<number> | null;
  facets?: SearchFacets;
};

/**
 * A first page that found nothing may have been refused instead: a filter's tag or customer of
 * another workspace (404), or a query the index cannot look up (400). A page with results
 * needs no such check: its rows carry the filter's tag or customer, and a query that matched.
 */
async function refuseWhatCannotMatch(executor: Executor, conditions: SearchConditions) {
  const filterIds = checkFilterIds(conditions.workspaceId, [
    ...(conditions.tagIds ?? []).map((id) => ({ path: 'query.tagId', names: 'tag' as const, id })),
    { path: 'query.customerId', names: 'customer', id: conditions.customerId },
  ]);
  const check = await searchRepository.checkQuery(executor, conditions.query, filterIds.columns);
  filterIds.refuse(check);
  if (check.tree === '' || check.tree === 'T') {
    throw invalidField('query.q', 'Nothing in this query can be looked up: add a word of at least two letters');
  }
}

/** The filters, resolved, with the query to match. */
function conditionsOf(workspaceId: string, parsed: ParsedQuery, filters: SearchFilters): SearchConditions {
  return {
    workspaceId,
    query: buildTsQuery(parsed),
    kinds: filters.kind,
    tagIds: filters.tagId,
    segments: filters.segment,
    customerId: filters.customerId,
    ...resolveDateRange(filters),
    required: requiredTerms(parsed),
  };
}

/** A facet filter's values in one order: `kind=review&kind=ticket` is the same search as `kind=ticket&kind=review`. */
function withSortedValues(filters: SearchFilters & { q: string }) {
  const sorted = (values: string[] | undefined) => values && [...values].sort();
  return { ...filters, kind: sorted(filters.kind), tagId: sorted(filters.tagId), segment: sorted(filters.segment) };
}

/** Which types a search looks in: tags live on highlights, so filtering by one searches highlights. */
const typesOf = (filters: SearchFilters): Types => ({ source: filters.type !== 'highlight' && !filters.tagId, highlight: filters.type !== 'source' });

/**
 * Tags live on highlights: filtering by one searches highlights (sources would need a join
 * through every highlight of every candidate, 100× slower on a large workspace).
 */
function refuseSourcesByTag(filters: SearchFilters) {
  if (filters.tagId && filters.type === 'source') throw invalidField('query.tagId', 'Tags are on highlights: leave out type=source to filter by tag');
}

/** The query widened with its clear corrections (`transfr` → `transfr OR transfer`). */
const widenWith = (parsed: ParsedQuery, corrections: Correction[]) =>
  widenWithCorrections(parsed, new Map(corrections.filter((c) => c.clear).map((c) => [c.word, c.correction])));

/** What a first page says besides its results, from its first window: the total (or its estimate, on the way) and the facets. */
type Summary = Pick<Outcome, 'total' | 'totalIsEstimate' | 'estimate' | 'facets'>;

/**
 * Exact while every match fits in the first window; beyond it, counting would read every
 * matching row (as slow as ranking them all), so the planner's estimate stands in.
 */
async function summarize(db: Db, conditions: SearchConditions, firstWindow: Windows, estimateTotal: () => Promise<{ source: number; highlight: number }>): Promise<Summary> {
  const window = candidatesOf(firstWindow);
  if (!window.length) await refuseWhatCannotMatch(db, conditions);
  const full: Types = { source: isFull(firstWindow, 'source'), highlight: isFull(firstWindow, 'highlight') };
  const exact = !full.source && !full.highlight;
  let estimate: Promise<number> | null = null;
  if (!exact) {
    // The estimate stands in for the types whose window is full; the other's window holds all its matches.
    // Not awaited here: the caller reads it side by side with the page's results.
    const counted = window.filter((candidate) => !full[candidate.type]).length;
    const forFull = (matches: { source: number; highlight: number }) => (full.source ? matches.source : 0) + (full.highlight ? matches.highlight : 0);
    estimate = estimateTotal().then((matches) => Math.max(window.length + 1, counted + forFull(matches)));
  }
  return { total: window.length, totalIsEstimate: !exact, estimate, facets: countFacets(window, exact) };
}

/**
 * One page in date order: each open type's next `limit + 1` matches after the cursor, merged.
 * A type stays open while it has matches past the page, so the last page says so (no cursor).
 */
async function collectDatePage(
  db: Db,
  conditions: SearchConditions,
  positive: SQL,
  sort: DateSort,
  start: Pick<DateCursor, 'source' | 'highlight'> & { after: DateKey | null },
  limit: number,
  carry: (next: Pick<DateCursor, 'source' | 'highlight' | 'after'>) => DateCursor,
): Promise<{ results: DatedMatch[]; next: DateCursor | null }> {
  const matches = await searchRepository.listByDate(db, conditions, start, sort, start.after, limit + 1, positive);
  const merged = [...(matches.source ?? []), ...(matches.highlight ?? [])].sort(byDate(sort));
  const results = merged.slice(0, limit);
  const past = merged.slice(limit);
  const open = { source: past.some((match) => match.type === 'source'), highlight: past.some((match) => match.type === 'highlight') };
  const last = results.at(-1);
  return { results, next: last && (open.source || open.highlight) ? carry({ ...open, after: { at: last.at, type: last.type, id: last.id } }) : null };
}

/** One search with one query (the typed one, or the one widened with corrections). */
async function runSearch(
  db: Db,
  actor: WorkspaceActor,
  parsed: ParsedQuery,
  request: SearchQuery,
  types: Types,
  cursor: SearchCursor | DateCursor | null,
  fingerprint: string,
  corrected: boolean,
): Promise<Outcome> {
  const positive = buildTsQuery({ clauses: positiveTerms(parsed).map((term) => ({ type: 'any', terms: [term] })) });
  const conditions = conditionsOf(actor.workspaceId, parsed, request);
  // The total is known after the first window; later pages carry it in the cursor.
  const total = cursor?.total ?? 0;
  const totalIsEstimate = cursor?.totalIsEstimate ?? false;
  const carried = { total, totalIsEstimate, estimate: null };
  const header = { fingerprint, total, totalIsEstimate, corrected };
  // The planner's estimate of the total, asked as soon as a first window comes back full: beside
  // the other window, still running, it costs no round trip of its own.
  let estimated: ReturnType<typeof searchRepository.estimateMatches> | null = null;
  const estimateTotal = () => {
    estimated ??= searchRepository.estimateMatches(db, conditions, types);
    estimated.catch(() => {}); // a failure surfaces where it is awaited, below
    return estimated;
  };
  const first: FirstWindow = { onFull: estimateTotal };
  const open = { after: null, upto: null };
  const openWindows = { source: types.source ? open : null, highlight: types.highlight ? open : null };
  const sort = request.sort;

  if (sort === 'newest' || sort === 'oldest') {
    const start = cursor?.sort === sort ? cursor : { ...types, after: null };
    const carry = (next: Pick<DateCursor, 'source' | 'highlight' | 'after'>): DateCursor => ({ ...header, sort, ...next });
    const datePage = collectDatePage(db, conditions, positive, sort, start, request.limit, carry);
    if (cursor) return { ...(await datePage), ...carried };
    // A first page in date order says what one by relevance says: its first window, describing
    // nothing, counts the total and the facets beside the page.
    const [page, firstWindow] = await Promise.all([datePage, listWindow(db, conditions, openWindows, { limit: 0, after: null, positive }, first)]);
    return { ...page, ...(await summarize(db, conditions, firstWindow, estimateTotal)) };
  }

  const start = cursor?.sort === 'relevance' ? cursor : { ...openWindows, after: null };
  const carry = (next: Pick<SearchCursor, 'source' | 'highlight' | 'after'>): SearchCursor => ({ ...header, sort: 'relevance', ...next });
  const page = await collectPage(db, conditions, positive, start, request.limit, cursor ? null : first, carry);
  const outcome = { results: page.candidates, next: page.next };
  if (cursor || !page.firstWindow) return { ...outcome, ...carried };
  return { ...outcome, ...(await summarize(db, conditions, page.firstWindow, estimateTotal)) };
}

/**
 * Full-text search over sources and highlights with filters. Viewer and up; everything is
 * scoped to the actor's workspace, trashed sources and highlights never appear. A first page
 * takes one round trip — the windows, which carry what the page shows, and the estimate of the
 * total once a window is full — outside a transaction: the connection's settings (no JIT,
 * no parallel plans, see `db/client.ts`) are what windows need, and each statement is
 * consistent on its own. In date order, the page's statements run beside the first windows.
 */
export async function searchEvidence(db: Db, actor: WorkspaceActor, request: SearchQuery): Promise<SearchResponse> {
  const parsed = parseSearchQuery(request.q);
  refuseSourcesByTag(request);
  // The sort is not part of the fingerprint: a cursor of this search in another order is told apart (422).
  // Nor is `facetsWithout`, which changes no result.
  const { limit: _limit, cursor: cursorText, sort: _sort, facetsWithout: _facetsWithout, ...identity } = request;
  const fingerprint = fingerprintSearch(withSortedValues(identity));
  const cursor = cursorText ? decodeSearchCursor(cursorText, fingerprint, request.sort) : null;
  const types = typesOf(request);

  // Later pages of a corrected search redo the (cheap, deterministic) correction.
  let corrections = cursor?.corrected ? await findCorrections(db, actor.workspaceId, parsed) : [];
  const widen = (list: Correction[]) => widenWith(parsed, list);
  let outcome = await runSearch(db, actor, cursor?.corrected ? widen(corrections) : parsed, request, types, cursor, fingerprint, Boolean(cursor?.corrected));
  let includesCorrection = Boolean(cursor?.corrected);
  if (!cursor && outcome.total < FEW_RESULTS) {
    corrections = await findCorrections(db, actor.workspaceId, parsed);
    if (corrections.some((c) => c.clear)) {
      outcome = await runSearch(db, actor, widen(corrections), request, types, null, fingerprint, true);
      includesCorrection = true;
    }
  }
  // Each facet in use without its own filter, for a facet panel that asks: a statement of its
  // own, beside the page's last ones, so a search that does not ask sends what it always did.
  const searched = includesCorrection ? widen(corrections) : parsed;
  const withoutOwn = outcome.facets && request.facetsWithout && facetsInUse(request).length ? countFacetsWithout(db, conditionsOf(actor.workspaceId, searched, request), request, SEARCH_WINDOW) : null;
  // None needs another: on PostgreSQL they run on connections of their own, at once.
  const [items, total, facetsWithout] = await Promise.all([presentResults(db, outcome.results), outcome.estimate ?? outcome.total, withoutOwn]);
  const response: SearchResponse = {
    items,
    total,
    totalIsEstimate: outcome.totalIsEstimate,
    // The cursor was built before the total was known.
    nextCursor: outcome.next ? encodeSearchCursor({ ...outcome.next, total, totalIsEstimate: outcome.totalIsEstimate }) : null,
    includesCorrection,
  };
  if (corrections.length) response.didYouMean = replaceWords(request.q, new Map(corrections.map((c) => [c.word, c.correction])));
  if (outcome.facets) response.facets = outcome.facets;
  if (facetsWithout) response.facetsWithout = facetsWithout;
  return response;
}

/**
 * How many matches of a saved search arrived after `since` (a timestamp as PostgreSQL writes
 * it), counted up to `max`: the saved query and filters, searched as the Search page would.
 */
export async function countNewMatches(db: Db, workspaceId: string, query: string, filters: SearchFilters, since: string, max: number): Promise<number> {
  const parsed = parseSearchQuery(query);
  const conditions = conditionsOf(workspaceId, parsed, filters);
  return Math.min(max, await searchRepository.countNewMatches(db, conditions, typesOf(filters), since, max));
}

/** How long an exact count may run before it gives up (PostgreSQL; PGlite cannot interrupt one). */
export const SEARCH_COUNT_TIMEOUT_MS = 2_000;
/**
 * Counts one process runs at once. Each may hold a connection for `timeoutMs`, and a page is
 * asked for with every pause in typing: past this many, a count answers at once that it could
 * not count, and the searches keep the rest of the pool.
 */
const COUNTS_AT_ONCE = 2;
export type CountLimits = { max: number; timeoutMs: number; atOnce: number };
const COUNT_LIMITS: CountLimits = { max: SEARCH_COUNT_MAX, timeoutMs: SEARCH_COUNT_TIMEOUT_MS, atOnce: COUNTS_AT_ONCE };
let countsRunning = 0;

/** PostgreSQL's `query_canceled`: a statement timeout. */
const isCanceled = (error: unknown) => sqlStateOf(error) === '57014';

/** Each type's matches up to `max`, with their facets (and, when `without`, each facet in use without its own filter); null when the count ran out of time. */
async function countWithin(
  db: Db,
  conditions: SearchConditions,
  types: Types,
  limits: CountLimits,
  without: SearchFilters | null,
): Promise<{ counted: searchRepository.MatchCounts; facetsWithout: SearchFacetsWithout | null } | null> {
  try {
    // In a transaction of its own: the time limit ends with it, and holds each statement.
    return await db.transaction(async (tx) => {
      await searchRepository.limitStatementTime(tx, limits.timeoutMs);
      const counted = await searchRepository.countMatches(tx, conditions, types, limits.max);
      return { counted, facetsWithout: without ? await countFacetsWithout(tx, conditions, without, limits.max) : null };
    });
  } catch (error) {
    if (isCanceled(error)) return null;
    throw error;
  }
}

const totalOf = (counted: searchRepository.MatchCounts) => counted.source + counted.highlight;

/**
 * The exact number of matches of a search — what its first page estimates beyond one window —
 * and its facets counted over the same matches, by the same rules: live rows only, a tag filter
 * counts highlights, a query that finds little counts its clear corrections too. A request of
 * its own, asked after the page, because it reads every match (up to `max` per type), which the
 * search's budget does not allow (ADR 005). Past `max` it says `capped`, and the facets, counted
 * on the first `max` matches of each type, say they are not `exact`; out of time (`timeoutMs`),
 * or with `atOnce` counts already running, it says `total: null` with no facets, and the first
 * page's estimate and sampled facets stand.
 */
export async function countEvidence(db: Db, actor: WorkspaceActor, request: SearchCountQuery, limits: CountLimits = COUNT_LIMITS): Promise<SearchCount> {
  const parsed = parseSearchQuery(request.q);
  refuseSourcesByTag(request);
  const types = typesOf(request);
  const conditions = conditionsOf(actor.workspaceId, parsed, request);
  if (countsRunning >= limits.atOnce) return { total: null, capped: false };
  countsRunning += 1;
  try {
    const without = request.facetsWithout && facetsInUse(request).length ? request : null;
    let answer = await countWithin(db, conditions, types, limits, without);
    // Nothing found (or no time to say) may be a refusal instead, as search tells.
    if (!answer || !totalOf(answer.counted)) await refuseWhatCannotMatch(db, conditions);
    if (answer && totalOf(answer.counted) < FEW_RESULTS) {
      const corrections = await findCorrections(db, actor.workspaceId, parsed);
      if (corrections.some((c) => c.clear)) answer = await countWithin(db, conditionsOf(actor.workspaceId, widenWith(parsed, corrections), request), types, limits, without);
    }
    if (!answer) return { total: null, capped: false };
    const { counted, facetsWithout } = answer;
    const total = totalOf(counted);
    // Each type stops at the cap: its facets are then those of its first `max` matches.
    const everyMatch = counted.source < limits.max && counted.highlight < limits.max;
    const count: SearchCount = { total: Math.min(total, limits.max), capped: total >= limits.max, facets: facetsOf(counted, total, everyMatch) };
    if (facetsWithout) count.facetsWithout = facetsWithout;
    return count;
  } finally {
    countsRunning -= 1;
  }
}
