// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog, SearchCount, SearchFacets, SearchFacetsWithout, SearchResponse, SearchResult } from '@cairn/shared';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { SearchPage } from './search-page';

const AT = '2025-03-04T10:00:00.000Z';
const TICKET = '00000000-0000-4000-8000-000000000302';
const RESULT: SearchResult = {
  type: 'source', id: TICKET, sourceId: TICKET, kind: 'ticket', title: 'Invoices', snippet: 'The export of invoices fails.',
  occurredAt: AT, customer: null, tags: [], score: 1, matches: [[4, 10]], snippetStart: 0, range: null,
};
/** What every filter lets through: tickets of SMB customers. */
const FACETS: SearchFacets = { kind: { ticket: 7 }, tag: [], segment: { SMB: 7 }, sampleSize: 7, exact: true };

/** A server answering the search with `items` and `without` as its `facetsWithout` (when asked), the count with `counted`; it records each search and count asked. */
function fakeServer(without: SearchFacetsWithout, counted?: SearchCount, items = [RESULT]) {
  const asked: string[] = [];
  const server = vi.fn(async (url: string) => {
    const { pathname, search } = new URL(url, 'http://cairn.test');
    if (pathname === `/api/workspaces/${WS}/search` || pathname === `/api/workspaces/${WS}/search/count`) asked.push(`${pathname.replace(`/api/workspaces/${WS}`, '')}${search}`);
    const params = new URLSearchParams(search);
    if (pathname === `/api/workspaces/${WS}/search`) {
      const page: SearchResponse = { items, total: items.length === 1 ? 7 : items.length, totalIsEstimate: false, nextCursor: null, includesCorrection: false, facets: FACETS };
      if (params.get('facetsWithout') === 'true') page.facetsWithout = without;
      return json(page);
    }
    if (pathname === `/api/workspaces/${WS}/search/count` && counted) return json(counted);
    if (pathname === `/api/workspaces/${WS}/catalog`) {
      const catalog: Catalog = { tags: [], customers: [], companies: [], insights: [], backlogItems: [] };
      return json(catalog);
    }
    throw new Error(`Unexpected request: ${url}`);
  });
  return { server, asked };
}

/** Each facet checkbox as a screen reader reads it, and whether it is ticked. */
const checkboxes = () =>
  [...document.querySelectorAll<HTMLLabelElement>('label.facet-check')].map((label) => {
    const text = [...label.querySelectorAll(':scope > span')].map((span) => span.textContent!.replace(/^~/, '')).join(' ');
    return `${label.querySelector('input')!.checked ? '[x]' : '[ ]'} ${text}`;
  });

describe('SearchPage: facets in use', () => {
  const root = mountRoot();
  let fake: ReturnType<typeof fakeServer>;
  const render = (without: SearchFacetsWithout, counted?: SearchCount) => {
    fake = fakeServer(without, counted);
    vi.stubGlobal('fetch', fake.server);
    return root.render(
      <AppProviders url={`/w/${WS}/search?q=export&kind=ticket&segment=SMB`} role="viewer">
        <SearchPage />
      </AppProviders>,
    );
  };
  beforeEach(() => vi.unstubAllGlobals());

  it('lists each facet in use as the server counted it without its own filter, from the one search it asks', async () => {
    await render({
      kind: { kind: { ticket: 7, review: 3 }, sampleSize: 10, exact: true },
      segment: { segment: { SMB: 7, Enterprise: 5 }, sampleSize: 12, exact: true },
    });
    await until(() => expect(checkboxes()).toEqual(['[x] Tickets 7', '[ ] Reviews 3', '[x] SMB 7', '[ ] Enterprise 5']));
    // One request for the page and its facets: none of the search without a filter, no count of an exact page.
    expect(fake.asked).toEqual(['/search?q=export&kind=ticket&segment=SMB&facetsWithout=true']);
  });

  it('counts every match when a facet in use was listed from a sample, and shows the counted values', async () => {
    const counted: SearchCount = {
      total: 7,
      capped: false,
      facets: FACETS,
      facetsWithout: { kind: { kind: { ticket: 7, review: 240 }, sampleSize: 247, exact: true }, segment: { segment: { SMB: 7 }, sampleSize: 7, exact: true } },
    };
    await render({ kind: { kind: { ticket: 7, review: 93 }, sampleSize: 100, exact: false }, segment: { segment: { SMB: 7 }, sampleSize: 7, exact: true } }, counted);
    await until(() => expect(checkboxes()).toEqual(['[x] Tickets 7', '[ ] Reviews 240', '[x] SMB 7']));
    expect(fake.asked).toEqual([
      '/search?q=export&kind=ticket&segment=SMB&facetsWithout=true',
      '/search/count?q=export&kind=ticket&segment=SMB&facetsWithout=true',
    ]);
  });
});

describe('SearchPage: a ticket highlighted as a whole', () => {
  const root = mountRoot();
  const HIGHLIGHT = '00000000-0000-4000-8000-000000000101';
  const OTHER = '00000000-0000-4000-8000-000000000303';
  const OTHER_HIGHLIGHT = '00000000-0000-4000-8000-000000000102';
  const render = async (items: SearchResult[]) => {
    vi.stubGlobal('fetch', fakeServer({}, undefined, items).server);
    await root.render(
      <AppProviders url={`/w/${WS}/search?q=export`} role="viewer">
        <SearchPage />
      </AppProviders>,
    );
  };
  /** Each result's id and the notes under it. */
  const listed = () =>
    [...document.querySelectorAll<HTMLElement>('.search-result')].map((row) => [row.dataset.resultId, ...[...row.querySelectorAll('.search-result-meta .muted')].map((note) => note.textContent)].join(' · '));
  beforeEach(() => vi.unstubAllGlobals());

  it('shows the highlight of a whole ticket once, as the highlight, and counts it once', async () => {
    const highlight: SearchResult = { ...RESULT, type: 'highlight', id: HIGHLIGHT, range: [0, 29], tags: [] };
    const other: SearchResult = { ...RESULT, id: OTHER, sourceId: OTHER, title: 'Exports' };
    await render([highlight, { ...RESULT, wholeHighlightId: HIGHLIGHT }, other]);
    await until(() => expect(listed()).toEqual([`${HIGHLIGHT} · the whole ticket`, OTHER]));
    expect(document.querySelector('.search-count')!.textContent).toBe('2 results');
  });

  it('keeps a source whose whole highlight is not listed, saying it is highlighted', async () => {
    const partial: SearchResult = { ...RESULT, type: 'highlight', id: OTHER_HIGHLIGHT, range: [0, 10] };
    await render([{ ...RESULT, wholeHighlightId: HIGHLIGHT }, partial]);
    await until(() => expect(listed()).toEqual([`${TICKET} · highlighted as a whole`, `${OTHER_HIGHLIGHT} · in ticket`]));
    expect(document.querySelector('.search-count')!.textContent).toBe('2 results');
  });
});
