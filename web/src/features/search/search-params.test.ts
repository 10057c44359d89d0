import { describe, expect, it } from 'vitest';
import { filtersOf, readSearchState, toSearchParams } from './search-params';

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
});
