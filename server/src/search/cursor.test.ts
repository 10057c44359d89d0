import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { decodeSearchCursor, encodeSearchCursor, fingerprintSearch, tidParts, type SearchCursor } from './cursor.js';

const cursor: SearchCursor = {
  fingerprint: fingerprintSearch({ q: 'card', kind: 'ticket' }),
  total: 1234,
  totalIsEstimate: true,
  corrected: false,
  source: { after: '(12,3)', upto: '(4012,7)' },
  highlight: null,
  after: { score: 0.0607927106320858, type: 'source', id: '5f0a3c2e-1b4d-4e6f-8a9b-0c1d2e3f4a5b' },
};

describe('search cursors', () => {
  it('round-trip every part, scores to the last bit', () => {
    expect(decodeSearchCursor(encodeSearchCursor(cursor), cursor.fingerprint)).toEqual(cursor);
  });

  it('fingerprint the search regardless of key order', () => {
    expect(fingerprintSearch({ kind: 'ticket', q: 'card' })).toBe(cursor.fingerprint);
    expect(fingerprintSearch({ q: 'card' })).not.toBe(cursor.fingerprint);
  });

  it('refuse a cursor of another search, or one that was tampered with', () => {
    expect(() => decodeSearchCursor(encodeSearchCursor(cursor), 'other')).toThrow(AppError);
    const tampered = Buffer.from(JSON.stringify([cursor.fingerprint, 1, 0, 0, 1, "(1,1); drop table sources", null, null, null, null, null, null, null])).toString('base64url');
    expect(() => decodeSearchCursor(tampered, cursor.fingerprint)).toThrow(AppError);
    // An id in upper case names the same row, but would rank differently in the service than in SQL.
    const shouting = encodeSearchCursor({ ...cursor, after: { ...cursor.after!, id: cursor.after!.id.toUpperCase() } });
    expect(() => decodeSearchCursor(shouting, cursor.fingerprint)).toThrow(AppError);
  });
});

describe('tidParts', () => {
  it('reads a ctid as its page and item', () => {
    expect(tidParts('(4012,7)')).toEqual([4012, 7]);
    expect(tidParts('(0,1)')).toEqual([0, 1]);
  });
});
