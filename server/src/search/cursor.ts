import crypto from 'node:crypto';
import { SEARCH_SORTS, type SearchResultType, type SearchSort } from '@cairn/shared';
import { AppError, invalidField } from '../errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';

/**
 * Where the next page of a search starts. Results are ranked inside windows of candidates —
 * consecutive runs of matches in table order (by `ctid`, see docs/decisions/005-search.md) — so
 * a position is: the window of each type (its ctid bounds), and the last result returned inside
 * it (score, type, id). Bounds are row positions already seen, so rows inserted between pages
 * never shift the pages: nothing is returned twice.
 * A search by date is keyset-paged instead: the last result's date, type and id, and which
 * types may still have matches after it.
 * The cursor also carries its sort, the first page's total and whether it searched with a
 * correction, and a fingerprint of the query and filters so that it cannot be replayed against
 * another search.
 */

/**
 * A window of one type: matches with ctid above `after` (exclusive) and up to `upto`
 * (inclusive); null bounds are open. `null`: the type is not searched or has no more windows.
 */
export type TypeWindow = { after: string | null; upto: string | null } | null;
export type RankKey = { score: number; type: SearchResultType; id: string };
/** `at`: the source's date as `dateKeyText` writes it, to the microsecond (JavaScript dates stop at the millisecond). */
export type DateKey = { at: string; type: SearchResultType; id: string };
export type DateSort = Exclude<SearchSort, 'relevance'>;

type CursorHeader = { fingerprint: string; total: number; totalIsEstimate: boolean; corrected: boolean };
export type SearchCursor = CursorHeader & { sort: 'relevance'; source: TypeWindow; highlight: TypeWindow; after: RankKey | null };
/** `source`/`highlight`: whether the type may still have matches after `after`. */
export type DateCursor = CursorHeader & { sort: DateSort; source: boolean; highlight: boolean; after: DateKey };

/** The header, each type's window (or, by date, whether it is open), and the last result's key, type and id. */
const ARITY = 14;
const TID = /^\(\d{1,10},\d{1,5}\)$/;
/** `dateKeyText`'s form: UTC, always six decimals, so that two keys compare as text as they do as times. */
const DATE_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const isDateKey = (value: unknown): value is string =>
  typeof value === 'string' && DATE_KEY.test(value) && new Date(`${value.slice(0, 23)}Z`).toISOString().slice(0, 23) === value.slice(0, 23);

/** A row position as PostgreSQL writes a `ctid`, `(page,item)`, as its two numbers. */
export function tidParts(tid: string): [page: number, item: number] {
  const comma = tid.indexOf(',');
  return [Number(tid.slice(1, comma)), Number(tid.slice(comma + 1, -1))];
}

/** A row position as one number that sorts in table order: an item number is below 2^16, a page below 2^32. */
export function tidOrder(tid: string): number {
  const [page, item] = tidParts(tid);
  return page * 65_536 + item;
}

/** A short digest of the query and filters; pages of one search share it. */
export function fingerprintSearch(parts: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(parts).sort().map((key) => [key, parts[key] ?? null]));
  return crypto.createHash('sha256').update(canonical).digest('base64url').slice(0, 10);
}

function encodeWindow(window: TypeWindow): Array<string | number | null> {
  return window ? [1, window.after, window.upto] : [null, null, null];
}

function decodeWindow(present: unknown, after: unknown, upto: unknown): TypeWindow | undefined {
  if (present === null) return null;
  const bound = (value: unknown) => value === null || (typeof value === 'string' && TID.test(value));
  return present === 1 && bound(after) && bound(upto) ? { after: after as string | null, upto: upto as string | null } : undefined;
}

const open = (type: boolean): TypeWindow => (type ? { after: null, upto: null } : null);

export function encodeSearchCursor(cursor: SearchCursor | DateCursor): string {
  const header = [cursor.fingerprint, cursor.sort, cursor.total, cursor.totalIsEstimate ? 1 : 0, cursor.corrected ? 1 : 0];
  if (cursor.sort !== 'relevance') {
    const { at, type, id } = cursor.after;
    return encodeCursor([...header, ...encodeWindow(open(cursor.source)), ...encodeWindow(open(cursor.highlight)), at, type, id]);
  }
  const after = cursor.after ? [cursor.after.score, cursor.after.type, cursor.after.id] : [null, null, null];
  return encodeCursor([...header, ...encodeWindow(cursor.source), ...encodeWindow(cursor.highlight), ...after]);
}

/**
 * Lower case, as PostgreSQL writes ids: the service ranks by comparing id strings, the windows'
 * SQL by comparing uuids, and the two orders agree only on the form the API hands out.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The cursor of a search with this fingerprint and sort. A cursor of the same search in
 * another order is well-formed but unusable (422): its position means nothing in this order.
 */
export function decodeSearchCursor(text: string, fingerprint: string, sort: SearchSort): SearchCursor | DateCursor {
  const values = decodeCursor(text, ARITY)!;
  const [print, cursorSort, total, estimate, corrected, sPresent, sAfter, sUpto, hPresent, hAfter, hUpto, key, type, id] = values;
  const forged = () => invalidField('query.cursor', 'The cursor is not one this API handed out');
  const source = decodeWindow(sPresent, sAfter, sUpto);
  const highlight = decodeWindow(hPresent, hAfter, hUpto);
  const isType = type === 'source' || type === 'highlight';
  const isId = typeof id === 'string' && UUID.test(id);
  if (!(SEARCH_SORTS as readonly unknown[]).includes(cursorSort) || source === undefined || highlight === undefined || typeof total !== 'number') throw forged();
  if (print !== fingerprint) throw invalidField('query.cursor', 'This cursor belongs to another search: start again from the first page');
  if (cursorSort !== sort) {
    const message = `This cursor pages results sorted by ${String(cursorSort)}: start again from the first page to sort by ${sort}`;
    throw new AppError('unprocessable', message, [{ path: 'query.cursor', message }]);
  }
  const header = { fingerprint, total, totalIsEstimate: estimate === 1, corrected: corrected === 1 };
  if (sort !== 'relevance') {
    // By date, a window only says whether its type is still open.
    const bounded = (window: TypeWindow) => window !== null && (window.after !== null || window.upto !== null);
    if (!isDateKey(key) || !isType || !isId || bounded(source) || bounded(highlight)) throw forged();
    return { ...header, sort, source: source !== null, highlight: highlight !== null, after: { at: key, type, id } };
  }
  const after: RankKey | null | undefined = key === null ? null : typeof key === 'number' && isType && isId ? { score: key, type, id } : undefined;
  if (after === undefined) throw forged();
  return { ...header, sort, source, highlight, after };
}
