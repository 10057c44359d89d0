import { describe, expect, it } from 'vitest';
import { searchCountKey } from './count-search-matches';
import { searchKey } from './search-evidence';

describe('searchCountKey', () => {
  it('is the same in every order, and differs with the query or a filter', () => {
    const state = { q: '"exchange rate"', kind: ['ticket' as const, 'review' as const] };
    expect(searchCountKey('ws', { ...state, sort: 'newest' })).toEqual(searchCountKey('ws', state));
    expect(searchCountKey('ws', { ...state, kind: ['review', 'ticket'] })).toEqual(searchCountKey('ws', state));
    expect(searchCountKey('ws', { ...state, q: 'rate' })).not.toEqual(searchCountKey('ws', state));
    expect(searchCountKey('ws', { ...state, kind: ['ticket'] })).not.toEqual(searchCountKey('ws', state));
  });

  it('starts like the search it counts, so that a change to the evidence refreshes both', () => {
    const state = { q: 'refund' };
    expect(searchCountKey('ws', state).slice(0, 2)).toEqual(searchKey('ws', state).slice(0, 2));
    expect(searchCountKey('ws', state)).not.toEqual(searchKey('ws', state));
  });
});
