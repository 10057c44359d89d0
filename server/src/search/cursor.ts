import crypto from 'node:crypto';
import type { SearchResultType } from '@cairn/shared';
import { invalidField } from '../errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';

/**
 * Where the next page of a search starts. Results are ranked inside windows of candidates —
 * consecutive runs of matches in table order (by `ctid`, see docs/decisions/005-search.md) — so
 * a position is: the window of each type (its ctid bounds), and the last result returned inside
 * it (score, type, id). Bounds are row positions already seen, so rows inserted between pages
 * never shift the pages: nothing is returned twice.
 * The cursor also carries the first page's total and whether it searched with a correction, and
 * a fingerprint of the query and filters so that it cannot be replayed against another search.
 */

/**
 * A window of one type: matches with ctid above `after` (exclusive) and up to `upto`
 * (inclusive); null bounds are open. `null`: the type is not searched or has no more windows.
 */
export type TypeWindow = { after: string | null; upto: string | null } | null;
export type RankKey = { score: number; type: SearchResultType; id: string };

export type SearchCursor = {
  fingerprint: string;
  total: number;
  totalIsEstimate: boolean;
  corrected: boolean;
  source: TypeWindow;
  highlight: TypeWindow;
  after: RankKey | null;
};

const ARITY = 13;
const TID = /^\(\d{1,10},\d{1,5}\)$/;

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

export function encodeSearchCursor(cursor: SearchCursor): string {
  const after = cursor.after ? [cursor.after.score, cursor.after.type, cursor.after.id] : [null, null, null];
  return encodeCursor([
    cursor.fingerprint,
    cursor.total,
    cursor.totalIsEstimate ? 1 : 0,
    cursor.corrected ? 1 : 0,
    ...encodeWindow(cursor.source),
    ...encodeWindow(cursor.highlight),
    ...after,
  ]);
}

/**
 * Lower case, as PostgreSQL writes ids: the service ranks by comparing id strings, the windows'
 * SQL by comparing uuids, and the two orders agree only on the form the API hands out.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeSearchCursor(text: string, fingerprint: string): SearchCursor {
  const values = decodeCursor(text, ARITY)!;
  const [print, total, estimate, corrected, sPresent, sAfter, sUpto, hPresent, hAfter, hUpto, score, type, id] = values;
  const source = decodeWindow(sPresent, sAfter, sUpto);
  const highlight = decodeWindow(hPresent, hAfter, hUpto);
  const after: RankKey | null | undefined =
    score === null ? null : typeof score === 'number' && (type === 'source' || type === 'highlight') && typeof id === 'string' && UUID.test(id) ? { score, type, id } : undefined;
  if (source === undefined || highlight === undefined || after === undefined || typeof total !== 'number') {
    throw invalidField('query.cursor', 'The cursor is not one this API handed out');
  }
  if (print !== fingerprint) throw invalidField('query.cursor', 'This cursor belongs to another search: start again from the first page');
  return { fingerprint, total, totalIsEstimate: estimate === 1, corrected: corrected === 1, source, highlight, after };
}
