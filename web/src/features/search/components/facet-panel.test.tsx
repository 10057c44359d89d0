import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchCount, SearchFacets } from '@cairn/shared';
import { FacetPanel, type FacetPanelProps } from './facet-panel';

const windowFacets: SearchFacets = { kind: { ticket: 100 }, tag: [], segment: { SMB: 60 }, sampleSize: 100, exact: false };
const counted: SearchCount = { total: 120, capped: false, facets: { kind: { ticket: 120 }, tag: [], segment: { SMB: 75 }, sampleSize: 120, exact: true } };

const panel = (props: Partial<FacetPanelProps>) => renderToStaticMarkup(<FacetPanel state={{ q: 'refund' }} facets={windowFacets} onChange={() => {}} {...props} />);
/** Each facet button's text, as a screen reader reads it (the "~" is hidden from it, "about" is not). */
const buttons = (html: string) =>
  [...html.matchAll(/<button[^>]*class="facet[^"]*"[^>]*>(.*?)<\/button>/g)].map((match) => match[1]!.replace(/<span aria-hidden="true">~<\/span>/g, '').replace(/<[^>]+>/g, ''));

describe('FacetPanel', () => {
  it('marks the first window’s counts "~", read as "about", until the count answers', () => {
    const html = panel({ counting: true });
    expect(html).toContain('<span aria-hidden="true">~</span><span class="visually-hidden">about </span>100');
    expect(buttons(html)).toEqual(expect.arrayContaining(['Ticketsabout 100', 'SMBabout 60']));
    expect(html).toContain('~ Counted on the first 100 matches only; counting them all…');
  });

  it('shows the counted facets in the same rows, unmarked, once the count answers', () => {
    const before = buttons(panel({ counting: true }));
    const after = buttons(panel({ counted }));
    expect(after).toEqual(expect.arrayContaining(['Tickets120', 'SMB75']));
    expect(after).toHaveLength(before.length);
    expect(panel({ counted })).not.toContain('aria-hidden="true">~');
    expect(panel({ counted })).toContain('Counted on every match.');
  });

  it('keeps a pressed button with 0 for a filter nothing matches', () => {
    const none: SearchFacets = { kind: {}, tag: [], segment: {}, sampleSize: 0, exact: true };
    const html = panel({ state: { q: 'refund', kind: 'note', segment: 'Startup' }, facets: none });
    expect(html).toMatch(/<button type="button" class="facet facet-active" aria-pressed="true"><span>Notes<\/span><span class="facet-count">0<\/span><\/button>/);
    expect(html).toMatch(/aria-pressed="true"><span>Startup<\/span><span class="facet-count">0<\/span>/);
  });
});
