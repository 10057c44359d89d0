import { describe, expect, it } from 'vitest';
import { filtersOf, readSearchState, showsSavedSearch, toSearchParams } from './search-params';

describe('search state in the URL', () => {
  it('keeps a date order and leaves relevance, the default, out of the URL', () => {
    const state = readSearchState(new URLSearchParams('q=refund&kind=ticket&sort=newest'));
    expect(state).toEqual({ q: 'refund', kind: 'ticket', sort: 'newest' });
    expect(toSearchParams(state).toString()).toBe('q=refund&kind=ticket&sort=newest');
    expect(readSearchState(new URLSearchParams('q=refund&sort=relevance'))).toEqual({ q: 'refund' });
    expect(readSearchState(new URLSearchParams('q=refund&sort=popular'))).toEqual({ q: 'refund' });
  });

  it('saves the filters of a search without its order', () => {
    expect(filtersOf({ q: 'refund', kind: 'ticket', sort: 'oldest' })).toEqual({ kind: 'ticket' });
  });

  it('tells the page of a saved search by its query and filters, whatever their order in the URL and the sort', () => {
    const saved = { query: 'top up', filters: { kind: 'ticket' as const, segment: 'SMB' } };
    expect(showsSavedSearch(new URLSearchParams('q=top+up&kind=ticket&segment=SMB'), saved)).toBe(true);
    expect(showsSavedSearch(new URLSearchParams('segment=SMB&sort=newest&kind=ticket&q=top+up'), saved)).toBe(true);
    expect(showsSavedSearch(new URLSearchParams('q=refund'), saved)).toBe(false);
    expect(showsSavedSearch(new URLSearchParams('q=top+up&kind=ticket'), saved)).toBe(false);
    expect(showsSavedSearch(new URLSearchParams('q=top+up&kind=ticket&segment=SMB&tagId=x'), saved)).toBe(false);
    expect(showsSavedSearch(new URLSearchParams(''), { query: 'refund', filters: {} })).toBe(false);
  });
});
