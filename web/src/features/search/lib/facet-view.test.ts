import { describe, expect, it } from 'vitest';
import type { SearchCount, SearchFacets } from '@cairn/shared';
import { facetView, TAGS_SHOWN, type FacetView } from './facet-view';

const tag = (id: string, name: string, count: number) => ({ id, name, color: null, group: null, count });

/** The first window of a search with more matches than it holds: 200 of them, counted. */
const windowFacets: SearchFacets = {
  kind: { interview: 20, ticket: 150, note: 30 },
  tag: [tag('t-billing', 'billing', 40), tag('t-export', 'export', 25)],
  segment: { Enterprise: 120, SMB: 60 },
  sampleSize: 200,
  exact: false,
};

/** The count of the same search: every match, in the count's order (by count). */
const counted: SearchCount = {
  total: 3_400,
  capped: false,
  facets: {
    kind: { interview: 300, ticket: 2_500, survey_response: 100, note: 500 },
    tag: [tag('t-export', 'export', 900), tag('t-mobile', 'mobile', 700), tag('t-billing', 'billing', 300)],
    segment: { SMB: 1_800, Enterprise: 1_000, Startup: 400 },
    sampleSize: 3_400,
    exact: true,
  },
};

const noName = () => undefined;
const rows = (view: FacetView) => ({
  kind: view.kind.map((row) => `${row.label} ${row.count}`),
  tag: view.tag.map((row) => `${row.label} ${row.count}`),
  segment: view.segment.map((row) => `${row.label} ${row.count}`),
});

describe('facetView', () => {
  it('marks the first window’s counts approximate while the exact count runs, and says what they were counted on', () => {
    const view = facetView({ state: { q: 'refund' }, page: windowFacets, counted: undefined, counting: true, tagName: noName });
    expect(view.approximate).toBe(true);
    expect(rows(view)).toEqual({ kind: ['Interviews 20', 'Tickets 150', 'Notes 30'], tag: ['billing 40', 'export 25'], segment: ['Enterprise 120', 'SMB 60'] });
    expect(view.note).toBe('~ Counted on the first 200 matches only; counting them all…');
  });

  it('swaps in the counted facets in the rows the approximate ones took, and adds what only the count found after them', () => {
    const before = facetView({ state: { q: 'refund' }, page: windowFacets, counted: undefined, counting: true, tagName: noName });
    const after = facetView({ state: { q: 'refund' }, page: windowFacets, counted, counting: false, tagName: noName });
    expect(after.approximate).toBe(false);
    expect(rows(after)).toEqual({
      // Survey answers were not in the window: they come last, not between Tickets and Notes.
      kind: ['Interviews 300', 'Tickets 2500', 'Notes 500', 'Survey answers 100'],
      // export now outnumbers billing, but billing keeps the first row.
      tag: ['billing 300', 'export 900', 'mobile 700'],
      segment: ['Enterprise 1000', 'SMB 1800', 'Startup 400'],
    });
    // Every row shown before the swap is in the same place after it.
    for (const section of ['kind', 'tag', 'segment'] as const) {
      expect(after[section].slice(0, before[section].length).map((row) => row.value)).toEqual(before[section].map((row) => row.value));
    }
    expect(after.note).toBe('Counted on every match.');
  });

  it('says the counted facets are of the first 10,000 of each type searched when the count was capped', () => {
    const capped: SearchCount = { total: 10_000, capped: true, facets: { ...counted.facets!, sampleSize: 10_400, exact: false } };
    const note = (state: Parameters<typeof facetView>[0]['state']) => facetView({ state, page: windowFacets, counted: capped, counting: false, tagName: noName }).note;
    expect(note({ q: 'refund' })).toBe('Counted on the first 10,000 matching sources and the first 10,000 matching highlights, not every match.');
    expect(note({ q: 'refund', type: 'source' })).toBe('Counted on the first 10,000 matching sources, not every match.');
    expect(note({ q: 'refund', tagId: ['t-export'] })).toBe('Counted on the first 10,000 matching highlights, not every match.');
  });

  it('keeps the approximate counts when the count gave up, and no longer says it is counting', () => {
    const view = facetView({ state: { q: 'refund' }, page: windowFacets, counted: { total: null, capped: false }, counting: false, tagName: noName });
    expect(view.approximate).toBe(true);
    expect(rows(view).kind).toEqual(['Interviews 20', 'Tickets 150', 'Notes 30']);
    expect(view.note).toBe('~ Counted on the first 200 matches, not every match.');
  });

  it('shows exact first-page facets as they are, with nothing to swap', () => {
    const exact = { ...windowFacets, sampleSize: 180, exact: true };
    const view = facetView({ state: { q: 'refund' }, page: exact, counted: undefined, counting: false, tagName: noName });
    expect(view).toMatchObject({ approximate: false, note: null });
    expect(rows(view).tag).toEqual(['billing 40', 'export 25']);
  });

  it('keeps a row for each filter in use when nothing matches it, at 0 and active, so that it can be cleared', () => {
    const empty: SearchFacets = { kind: {}, tag: [], segment: {}, sampleSize: 0, exact: true };
    const state = { q: 'refund', kind: ['review' as const], tagId: ['t-churn'], segment: ['Public sector'] };
    const view = facetView({ state, page: empty, counted: undefined, counting: false, tagName: (id) => (id === 't-churn' ? 'churn-risk' : undefined) });
    expect(view.kind).toEqual([{ value: 'review', label: 'Reviews', count: 0, active: true }]);
    expect(view.tag).toEqual([{ value: 't-churn', label: 'churn-risk', count: 0, active: true }]);
    expect(view.segment).toEqual([{ value: 'Public sector', label: 'Public sector', count: 0, active: true }]);
    // A tag the catalog does not name (yet) still gets its row.
    expect(facetView({ state, page: empty, counted: undefined, counting: false, tagName: noName }).tag[0]).toMatchObject({ label: 'Selected tag', active: true });
  });

  it('keeps an active row at its counted 0 after the swap, and matches a segment filter whatever its case', () => {
    const state = { q: 'refund', kind: ['note' as const], segment: ['smb'] };
    const none: SearchCount = { total: 0, capped: false, facets: { kind: {}, tag: [], segment: {}, sampleSize: 0, exact: true } };
    const view = facetView({ state, page: windowFacets, counted: none, counting: false, tagName: noName });
    expect(view.kind.find((row) => row.active)).toEqual({ value: 'note', label: 'Notes', count: 0, active: true });
    expect(view.segment.filter((row) => row.active)).toEqual([{ value: 'SMB', label: 'SMB', count: 0, active: true }]);
  });

  it('marks each value of a filter in use, and keeps a row at 0 for those nothing matches', () => {
    const state = { q: 'refund', kind: ['ticket' as const, 'review' as const], segment: ['enterprise', 'Startup'], tagId: ['t-export'] };
    const view = facetView({ state, page: windowFacets, counted: undefined, counting: false, tagName: noName });
    const active = (list: FacetView['kind']) => list.filter((row) => row.active).map((row) => `${row.label} ${row.count}`);
    expect(active(view.kind)).toEqual(['Tickets 150', 'Reviews 0']);
    expect(active(view.segment)).toEqual(['Enterprise 120', 'Startup 0']);
    expect(active(view.tag)).toEqual(['export 25']);
    expect(view.kind.filter((row) => !row.active).map((row) => row.label)).toEqual(['Interviews', 'Notes']);
  });

  it('lists a facet in use in the order of the search without it, each ticked value counted by this search and the others "~" on that one\'s sample', () => {
    const reviewsOnly: SearchFacets = { kind: { review: 12 }, tag: [], segment: { SMB: 12 }, sampleSize: 12, exact: true };
    const state = { q: 'refund', kind: ['review' as const, 'note' as const] };
    const view = facetView({ state, page: reviewsOnly, counted: undefined, counting: false, tagName: noName, without: { kind: windowFacets } });
    expect(view.kind.map((row) => [row.label, row.count, row.active, row.approximate ?? view.approximate])).toEqual([
      ['Interviews', 20, false, true],
      ['Tickets', 150, false, true],
      ['Notes', 0, true, false],
      ['Reviews', 12, true, false],
    ]);
  });

  it('keeps a tag in use with its count though it is past the tags shown', () => {
    const many = Array.from({ length: TAGS_SHOWN + 3 }, (_, i) => tag(`t${i}`, `tag ${i}`, 100 - i));
    const view = facetView({ state: { q: 'refund', tagId: [`t${TAGS_SHOWN + 1}`] }, page: { ...windowFacets, tag: many }, counted: undefined, counting: false, tagName: noName });
    expect(view.tag).toHaveLength(TAGS_SHOWN + 1);
    expect(view.tag.at(-1)).toEqual({ value: `t${TAGS_SHOWN + 1}`, label: `tag ${TAGS_SHOWN + 1}`, count: 100 - TAGS_SHOWN - 1, active: true });
  });

  it(`lists ${TAGS_SHOWN} tags of the window, then those of the count's first ${TAGS_SHOWN} the window did not show`, () => {
    const many = (prefix: string, n: number, top: number) => Array.from({ length: n }, (_, i) => tag(`${prefix}${i}`, `${prefix}${i}`, top - i));
    const page = { ...windowFacets, tag: many('w', 15, 50) };
    const all: SearchCount = { total: 3_400, capped: false, facets: { ...counted.facets!, tag: [...many('c', 2, 999), ...many('w', 15, 500), ...many('z', 5, 10)] } };
    const view = facetView({ state: { q: 'refund' }, page, counted: all, counting: false, tagName: noName });
    expect(view.tag.map((row) => row.value)).toEqual([...many('w', TAGS_SHOWN, 0).map((t) => t.id), 'c0', 'c1']);
  });
});
