import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { decodeSearchCursor, encodeSearchCursor, fingerprintSearch, tidParts, type DateCursor, type SearchCursor } from './cursor.js';

const cursor: SearchCursor = {
  fingerprint: fingerprintSearch({ q: 'card', kind: 'ticket' }),
  sort: 'relevance',
  total: 1234,
  totalIsEstimate: true,
  corrected: false,
  source: { after: '(12,3)', upto: '(4012,7)' },
  highlight: null,
  after: { score: 0.0607927106320858, type: 'source', id: '5f0a3c2e-1b4d-4e6f-8a9b-0c1d2e3f4a5b' },
};
const byDate: DateCursor = {
  ...cursor,
  sort: 'newest',
  source: false,
  highlight: true,
  after: { at: '2024-02-29T23:59:59.123456Z', type: 'highlight', id: '5f0a3c2e-1b4d-4e6f-8a9b-0c1d2e3f4a5b' },
};
const statusOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? { status: error.status, paths: error.issues?.map((issue) => issue.path) } : error;
  }
  return null;
};

describe('search cursors', () => {
  it('round-trip every part, scores to the last bit', () => {
    expect(decodeSearchCursor(encodeSearchCursor(cursor), cursor.fingerprint, 'relevance')).toEqual(cursor);
    expect(decodeSearchCursor(encodeSearchCursor(byDate), cursor.fingerprint, 'newest')).toEqual(byDate);
  });

  it('fingerprint the search regardless of key order', () => {
    expect(fingerprintSearch({ kind: 'ticket', q: 'card' })).toBe(cursor.fingerprint);
    expect(fingerprintSearch({ q: 'card' })).not.toBe(cursor.fingerprint);
  });

  it('refuse a cursor of another search, or one that was tampered with', () => {
    expect(() => decodeSearchCursor(encodeSearchCursor(cursor), 'other', 'relevance')).toThrow(AppError);
    const tampered = Buffer.from(JSON.stringify([cursor.fingerprint, 'relevance', 1, 0, 0, 1, "(1,1); drop table sources", null, null, null, null, null, null, null])).toString('base64url');
    expect(() => decodeSearchCursor(tampered, cursor.fingerprint, 'relevance')).toThrow(AppError);
    // An id in upper case names the same row, but would rank differently in the service than in SQL.
    const shouting = encodeSearchCursor({ ...cursor, after: { ...cursor.after!, id: cursor.after!.id.toUpperCase() } });
    expect(() => decodeSearchCursor(shouting, cursor.fingerprint, 'relevance')).toThrow(AppError);
  });

  it('refuse a cursor of the same search in another order as unprocessable, naming the cursor', () => {
    expect(statusOf(() => decodeSearchCursor(encodeSearchCursor(cursor), cursor.fingerprint, 'newest'))).toEqual({ status: 422, paths: ['query.cursor'] });
    expect(statusOf(() => decodeSearchCursor(encodeSearchCursor(byDate), cursor.fingerprint, 'oldest'))).toEqual({ status: 422, paths: ['query.cursor'] });
    expect(statusOf(() => decodeSearchCursor(encodeSearchCursor(byDate), cursor.fingerprint, 'relevance'))).toEqual({ status: 422, paths: ['query.cursor'] });
  });

  it('refuse a date cursor whose date is not one the database wrote', () => {
    for (const at of ['2024-02-30T00:00:00.000000Z', '2024-02-29 23:59:59+00', "2024-02-29T23:59:59.123456Z'; --", '2024-02-29T23:59:59.123Z']) {
      const forged = encodeSearchCursor({ ...byDate, after: { ...byDate.after, at } });
      expect(statusOf(() => decodeSearchCursor(forged, cursor.fingerprint, 'newest'))).toEqual({ status: 400, paths: ['query.cursor'] });
    }
  });
});

describe('tidParts', () => {
  it('reads a ctid as its page and item', () => {
    expect(tidParts('(4012,7)')).toEqual([4012, 7]);
    expect(tidParts('(0,1)')).toEqual([0, 1]);
  });
});
