import { describe, expect, it } from 'vitest';
import { filtersOf, readSearchState, showsSavedSearch, toggleValue, toSearchParams } from './search-params';

describe('search state in the URL', () => {
  it('keeps a date order and leaves relevance, the default, out of the URL', () => {
    const state = readSearchState(new URLSearchParams('q=refund&kind=ticket&sort=newest'));
    expect(state).toEqual({ q: 'refund', kind: ['ticket'], sort: 'newest' });
    expect(toSearchParams(state).toString()).toBe('q=refund&kind=ticket&sort=newest');
    expect(readSearchState(new URLSearchParams('q=refund&sort=relevance'))).toEqual({ q: 'refund' });
    expect(readSearchState(new URLSearchParams('q=refund&sort=popular'))).toEqual({ q: 'refund' });
  });

  it('saves the filters of a search without its order', () => {
    expect(filtersOf({ q: 'refund', kind: ['ticket'], sort: 'oldest' })).toEqual({ kind: ['ticket'] });
  });

  it('repeats a filter for each of its values, sorted, and reads each value once', () => {
    const state = readSearchState(new URLSearchParams('q=refund&kind=review&kind=tweet&kind=ticket&kind=review&segment=SMB&segment=Enterprise&tagId=b&tagId=a'));
    expect(state).toEqual({ q: 'refund', kind: ['review', 'ticket'], segment: ['SMB', 'Enterprise'], tagId: ['b', 'a'] });
    expect(toSearchParams(state).toString()).toBe('q=refund&kind=review&kind=ticket&tagId=a&tagId=b&segment=Enterprise&segment=SMB');
  });

  it('adds a value to a filter or takes it out, a segment whatever its case, and drops the filter with its last value', () => {
    const state = { q: 'refund', kind: ['ticket' as const], segment: ['SMB'] };
    expect(toggleValue(state, 'kind', 'review')).toEqual({ ...state, kind: ['ticket', 'review'] });
    expect(toggleValue(state, 'segment', 'smb')).toEqual({ q: 'refund', kind: ['ticket'], segment: undefined });
    expect(toSearchParams(toggleValue(state, 'kind', 'ticket')).toString()).toBe('q=refund&segment=SMB');
  });

  it('tells the page of a saved search by its query and filters, whatever their order in the URL and the sort', () => {
    const saved = { query: 'top up', filters: { kind: ['ticket' as const, 'review' as const], segment: ['SMB'] } };
    expect(showsSavedSearch(new URLSearchParams('q=top+up&kind=ticket&kind=review&segment=SMB'), saved)).toBe(true);
    expect(showsSavedSearch(new URLSearchParams('segment=SMB&sort=newest&kind=review&kind=ticket&q=top+up'), saved)).toBe(true);
    expect(showsSavedSearch(new URLSearchParams('q=refund'), saved)).toBe(false);
    expect(showsSavedSearch(new URLSearchParams('q=top+up&kind=ticket&segment=SMB'), saved)).toBe(false);
    expect(showsSavedSearch(new URLSearchParams('q=top+up&kind=ticket&kind=review'), saved)).toBe(false);
    expect(showsSavedSearch(new URLSearchParams('q=top+up&kind=ticket&kind=review&segment=SMB&tagId=x'), saved)).toBe(false);
    expect(showsSavedSearch(new URLSearchParams(''), { query: 'refund', filters: {} })).toBe(false);
  });
});
