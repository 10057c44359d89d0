// @vitest-environment happy-dom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { SearchCount, SearchFacets } from '@cairn/shared';
import { mountRoot } from '../../../testing/mount';
import type { SearchState } from '../search-params';
import { FacetPanel, type FacetPanelProps } from './facet-panel';

const windowFacets: SearchFacets = {
  kind: { ticket: 100, review: 40 },
  tag: [{ id: 't-billing', name: 'billing', color: null, group: null, count: 30 }],
  segment: { SMB: 60, Enterprise: 20 },
  sampleSize: 100,
  exact: false,
};
const counted: SearchCount = { total: 120, capped: false, facets: { kind: { ticket: 120, review: 50 }, tag: [], segment: { SMB: 75, Enterprise: 25 }, sampleSize: 170, exact: true } };

const { render } = mountRoot();

/** The panel as the Search page holds it: each change becomes the state it shows next, and is kept in `states`. */
function Panel({ initial, states, ...props }: Partial<FacetPanelProps> & { initial: SearchState; states: SearchState[] }) {
  const [state, setState] = useState(initial);
  const onChange = (next: SearchState) => {
    states.push(next);
    setState(next);
  };
  return <FacetPanel state={state} facets={windowFacets} onChange={onChange} {...props} />;
}

async function mountPanel(props: Partial<FacetPanelProps> & { initial?: SearchState } = {}) {
  const states: SearchState[] = [];
  await render(<Panel initial={{ q: 'refund' }} states={states} {...props} />);
  return states;
}

/** Each facet checkbox's text, as a screen reader reads it (the "~" is hidden from it, "about" is not), and whether it is ticked. */
const checkboxes = () =>
  [...document.querySelectorAll<HTMLLabelElement>('label.facet-check')].map((label) => {
    const text = [...label.querySelectorAll(':scope > span')].map((span) => span.textContent!.replace(/^~/, '')).join(' ');
    return `${label.querySelector('input')!.checked ? '[x]' : '[ ]'} ${text}`;
  });

function checkbox(name: string): HTMLInputElement {
  const label = [...document.querySelectorAll('label.facet-check')].find((candidate) => candidate.querySelector('.facet-check-label')!.textContent === name);
  if (!label) throw new Error(`No checkbox "${name}" among ${checkboxes().join(', ')}`);
  return label.querySelector('input')!;
}
const click = (element: HTMLElement) => act(async () => element.click());
const button = (name: string) => document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);

describe('FacetPanel', () => {
  it('marks the first window’s counts "~", read as "about", until the count answers', async () => {
    await mountPanel({ counting: true });
    expect(checkboxes()).toEqual(['[ ] Tickets about 100', '[ ] Reviews about 40', '[ ] billing about 30', '[ ] SMB about 60', '[ ] Enterprise about 20']);
    expect(document.querySelector('.facet-count [aria-hidden="true"]')!.textContent).toBe('~');
    expect(document.body.textContent).toContain('~ Counted on the first 100 matches only; counting them all…');
  });

  it('shows the counted facets in the same rows, unmarked, once the count answers', async () => {
    await mountPanel({ counted });
    // The tag the count did not meet keeps its row, at 0.
    expect(checkboxes()).toEqual(['[ ] Tickets 120', '[ ] Reviews 50', '[ ] billing 0', '[ ] SMB 75', '[ ] Enterprise 25']);
    expect(document.querySelector('.facet-count [aria-hidden="true"]')).toBeNull();
    expect(document.body.textContent).toContain('Counted on every match.');
  });

  it('keeps a ticked box with 0 for each value of a filter nothing matches', async () => {
    const none: SearchFacets = { kind: {}, tag: [], segment: {}, sampleSize: 0, exact: true };
    await mountPanel({ initial: { q: 'refund', kind: ['note', 'interview'], segment: ['Startup'] }, facets: none });
    expect(checkboxes()).toEqual(['[x] Notes 0', '[x] Interviews 0', '[x] Startup 0']);
  });

  it('ticks several values of a facet, any of which a match may have, and clears one facet without the others', async () => {
    const states = await mountPanel();
    expect(button('Clear kind')).toBeNull();
    await click(checkbox('Tickets'));
    await click(checkbox('Reviews'));
    await click(checkbox('SMB'));
    await click(checkbox('Enterprise'));
    expect(states.at(-1)).toEqual({ q: 'refund', kind: ['ticket', 'review'], segment: ['SMB', 'Enterprise'] });
    expect(checkboxes()).toEqual(['[x] Tickets about 100', '[x] Reviews about 40', '[ ] billing about 30', '[x] SMB about 60', '[x] Enterprise about 20']);

    await click(checkbox('Tickets'));
    expect(states.at(-1)).toMatchObject({ kind: ['review'] });
    await click(button('Clear segment')!);
    expect(states.at(-1)).toEqual({ q: 'refund', kind: ['review'], segment: undefined });
    expect(button('Clear segment')).toBeNull();
    await click(checkbox('Reviews'));
    expect(states.at(-1)).toEqual({ q: 'refund', kind: undefined, segment: undefined });
    expect(button('Clear kind')).toBeNull();
  });

  it('lists a facet in use as the search without its own filter counts it, so that another value can be ticked beside', async () => {
    const ticketsOnly: SearchFacets = { kind: { ticket: 100 }, tag: [], segment: { SMB: 50 }, sampleSize: 100, exact: true };
    const withoutKind: SearchFacets = { ...windowFacets, exact: true };
    const states = await mountPanel({ initial: { q: 'refund', kind: ['ticket'] }, facets: ticketsOnly, without: { kind: withoutKind } });
    // Kinds from the search without the kind filter, exact there; segments from the search itself.
    expect(checkboxes()).toEqual(['[x] Tickets 100', '[ ] Reviews 40', '[ ] SMB 50']);
    await click(checkbox('Reviews'));
    expect(states.at(-1)).toEqual({ q: 'refund', kind: ['ticket', 'review'] });
  });

  it('shows highlights when a tag is ticked while only sources were shown', async () => {
    const states = await mountPanel({ initial: { q: 'refund', type: 'source' } });
    await click(checkbox('billing'));
    expect(states.at(-1)).toEqual({ q: 'refund', tagId: ['t-billing'], type: undefined });
    await click(button('Clear tag (highlights)')!);
    expect(states.at(-1)).toMatchObject({ tagId: undefined });
  });
});
