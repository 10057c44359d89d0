// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightListItem, SearchResponse, SearchResult } from '@cairn/shared';
import { HighlightPickerDialog, quoteOrigin } from './highlight-picker-dialog';
import { highlightListItem } from '../testing/highlight-list-item';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';

const INSIGHT = '00000000-0000-4000-8000-0000000000aa';
const AT = '2025-03-04T10:00:00.000Z';

const highlight = (n: number, quote: string, overrides: Partial<HighlightListItem> = {}) => highlightListItem(n, quote, AT, overrides);

const FAILS = highlight(1, 'The CSV export fails every time.', {
  customer: { id: '00000000-0000-4000-8000-000000000301', name: 'Dana', email: null, externalId: null, company: { id: '00000000-0000-4000-8000-000000000401', name: 'Bureau', segment: null } },
});
const TIMES_OUT = highlight(2, 'Our yearly export times out.');
const LOGIN = highlight(3, 'I cannot sign in.');

/** A highlight as search finds it: the whole quote as its snippet, the word marked. */
const found = (item: HighlightListItem, word: string): SearchResult => ({
  type: 'highlight', id: item.id, sourceId: item.sourceId, title: item.source.title, kind: item.source.kind, occurredAt: item.source.occurredAt,
  customer: item.customer, tags: item.tags, score: 1, snippet: item.quote, matches: [[item.quote.toLowerCase().indexOf(word), item.quote.toLowerCase().indexOf(word) + word.length]],
  snippetStart: item.start, range: [item.start, item.end],
});

/**
 * The server: every highlight of the workspace, newest first; search finds those with a word of
 * `q` in their quote, the shortest first (as if ranked), and reads `exprot` as `export`; TIMES_OUT
 * is linked to the problem already.
 */
function fakeServer(all: HighlightListItem[], linked: HighlightListItem[]) {
  return vi.fn(async (url: string) => {
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    if (pathname === `/api/workspaces/${WS}/search`) {
      expect(searchParams.get('type')).toBe('highlight');
      const typed = searchParams.get('q')!.toLowerCase();
      const q = typed === 'exprot' ? 'export' : typed;
      const items = all.filter((item) => item.quote.toLowerCase().includes(q)).sort((a, b) => a.quote.length - b.quote.length);
      const page: SearchResponse = { items: items.map((item) => found(item, q)), total: items.length, totalIsEstimate: false, nextCursor: null, includesCorrection: q !== typed };
      if (q !== typed) page.didYouMean = q;
      return json(page);
    }
    if (pathname !== `/api/workspaces/${WS}/highlights`) throw new Error(`Unexpected request: ${url}`);
    const ids = searchParams.getAll('ids');
    const q = searchParams.get('q');
    let items = searchParams.get('insightId') === INSIGHT ? linked : all;
    if (ids.length) items = items.filter((item) => ids.includes(item.id));
    if (q) items = items.filter((item) => item.quote.toLowerCase().includes(q.toLowerCase()));
    return json({ items, nextCursor: null, total: items.length });
  });
}

const dialog = () => document.querySelector('dialog[open]')!;
const checkbox = (quote: string) => [...dialog().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((box) => box.getAttribute('aria-label')!.includes(quote.slice(0, 20)))!;
const button = (name: string) => [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((candidate) => candidate.textContent === name);

describe('HighlightPickerDialog', () => {
  const root = mountRoot();
  let onPick: ReturnType<typeof vi.fn<(highlightIds: string[]) => void>>;
  beforeEach(() => {
    onPick = vi.fn();
  });

  async function open(server: ReturnType<typeof fakeServer>) {
    vi.stubGlobal('fetch', server);
    await root.render(
      <AppProviders>
        <HighlightPickerDialog ws={WS} title="Add evidence" intro="Pick quotes." addedTo={{ insightId: INSIGHT }} busy={false} error={null} onPick={onPick} onClose={() => {}} />
      </AppProviders>,
    );
  }

  it('shows each quote with its source and customer, the linked ones as linked, and adds only those picked', async () => {
    const server = fakeServer([FAILS, TIMES_OUT, LOGIN], [TIMES_OUT]);
    await open(server);
    await until(() => expect(checkbox(TIMES_OUT.quote).disabled).toBe(true));
    expect(dialog().textContent).toContain('Ticket “Ticket 1” · Dana · Bureau');
    expect(dialog().textContent).toContain('3 highlights, newest first');
    // Linked already: checked, not offered, and said so to a screen reader too.
    const linked = checkbox(TIMES_OUT.quote);
    expect(linked.checked).toBe(true);
    expect(document.getElementById(linked.getAttribute('aria-describedby')!.split(' ')[1]!)!.textContent).toBe('Linked');
    // The linked highlights were asked for among those shown, in one request.
    const asked = server.mock.calls.map(([url]) => new URL(url, 'http://cairn.test').searchParams).find((params) => params.get('insightId'));
    expect(asked!.getAll('ids')).toEqual([FAILS.id, TIMES_OUT.id, LOGIN.id]);

    expect(button('Add highlights')!.disabled).toBe(true);
    await act(async () => checkbox(FAILS.quote).click());
    await act(async () => checkbox(LOGIN.quote).click());
    await act(async () => button('Add 2 highlights')!.click());
    expect(onPick).toHaveBeenCalledWith([FAILS.id, LOGIN.id]);
  });

  it('finds highlights by their words once typing pauses, and says when nothing matches', async () => {
    const server = fakeServer([FAILS, TIMES_OUT, LOGIN], []);
    await open(server);
    await until(() => expect(checkbox(LOGIN.quote)).toBeDefined());
    const words = dialog().querySelector<HTMLInputElement>('input[type="search"]')!;
    // Focus starts in the box, to type at once.
    expect(document.activeElement).toBe(words);
    await act(async () => type(words, ' export '));
    await until(() => expect(dialog().textContent).toContain('2 highlights match'));
    expect(checkbox(LOGIN.quote)).toBeUndefined();
    // Best match first, as search ranks them, not newest first.
    const quotes = () => [...dialog().querySelectorAll('.highlight-quote')].map((quote) => quote.textContent);
    expect(quotes()).toEqual([TIMES_OUT.quote, FAILS.quote]);
    expect(server.mock.calls.some(([url]) => url.includes('/search?q=export&type=highlight'))).toBe(true);

    await act(async () => type(words, 'invoices'));
    await until(() => expect(dialog().textContent).toContain('Nothing matches “invoices”: try fewer words, or other ones.'));
  });

  it('forgives a typo as search does, and says which words it looked for', async () => {
    await open(fakeServer([FAILS, TIMES_OUT, LOGIN], []));
    await until(() => expect(checkbox(LOGIN.quote)).toBeDefined());
    await act(async () => type(dialog().querySelector<HTMLInputElement>('input[type="search"]')!, 'exprot'));
    await until(() => expect(dialog().textContent).toContain('2 highlights match'));
    expect(dialog().querySelector('[role="status"]')!.textContent).toBe('Including highlights for export.');
    expect(checkbox(TIMES_OUT.quote)).toBeDefined();
  });

  it('walks from the box through the quotes with ↓ and ↑, passing over the linked, and adds the picked on Enter', async () => {
    await open(fakeServer([FAILS, TIMES_OUT, LOGIN], [TIMES_OUT]));
    await until(() => expect(checkbox(TIMES_OUT.quote).disabled).toBe(true));
    const press = (key: string) => act(async () => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
    await press('ArrowDown');
    expect(document.activeElement).toBe(checkbox(FAILS.quote));
    await press('ArrowDown');
    expect(document.activeElement).toBe(checkbox(LOGIN.quote));
    await act(async () => checkbox(LOGIN.quote).click());
    await press('Enter');
    expect(onPick).toHaveBeenCalledWith([LOGIN.id]);
    await press('ArrowUp');
    await press('ArrowUp');
    expect(document.activeElement).toBe(dialog().querySelector('input[type="search"]'));
  });

  it('teaches how highlights are made when the workspace has none', async () => {
    await open(fakeServer([], []));
    await until(() => expect(dialog().querySelector('[aria-label="No highlights yet"]')).not.toBeNull());
    const links = [...dialog().querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Inbox', `/w/${WS}/inbox`],
      ['Triage queue', `/w/${WS}/triage`],
      ['Import', `/w/${WS}/imports`],
    ]);
  });
});

describe('quoteOrigin', () => {
  it('names the kind alone when the title is the quote again, and leaves out an unknown customer', () => {
    const untitled = highlight(4, 'Love the new charts', { source: { id: LOGIN.sourceId, title: 'Love the new charts', kind: 'survey_response', occurredAt: AT } });
    expect(quoteOrigin(untitled)).toMatch(/^Survey answer · \S/);
    expect(quoteOrigin(untitled).split(' · ')).toHaveLength(2);
  });
});
