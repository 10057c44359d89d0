import { describe, expect, it } from 'vitest';
import { SOURCE_FILTER_KEYS } from '../api/list-sources';
import { countSourceFilters } from './source-filters';

describe('countSourceFilters', () => {
  it('counts nothing without filters', () => {
    expect(countSourceFilters({})).toBe(0);
  });

  it('counts every filter the Inbox keeps in its URL', () => {
    for (const key of SOURCE_FILTER_KEYS) expect(countSourceFilters({ [key]: '1' }), key).toBe(1);
  });

  it('counts a date range or a score range once, whichever of its bounds are set', () => {
    expect(countSourceFilters({ from: '2024-01-01', to: '2024-02-01' })).toBe(1);
    expect(countSourceFilters({ scoreMin: '0', scoreMax: '6', scoreScale: 'nps' })).toBe(1);
    expect(countSourceFilters({ kind: 'ticket', to: '2024-02-01', scoreMax: '6', untriaged: 'true' })).toBe(4);
  });
});
