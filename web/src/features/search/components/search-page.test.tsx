// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog, Role, SearchResponse, SearchResult, Source, Tag, TagRef } from '@cairn/shared';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { useCreateTag } from '../../tags/api/create-tag';
import { SearchPage, type SearchPageProps } from './search-page';

const AT = '2025-03-04T10:00:00.000Z';
/** In a group, its name of two words: the picker finds it by the start of either word, the group left out. */
const BILLING: TagRef = { id: '00000000-0000-4000-8000-0000000000b1', name: 'Failed billing', color: null, group: 'Payments' };
const CREATED = '00000000-0000-4000-8000-0000000000b2';
const INTERVIEW = '00000000-0000-4000-8000-000000000301';
const TICKET = '00000000-0000-4000-8000-000000000302';
/** The highlights of the interview, the first tagged Billing already; the ticket's passage becomes a new one. */
const TAGGED = '00000000-0000-4000-8000-000000000101';
const UNTAGGED = '00000000-0000-4000-8000-000000000102';
const MADE = '00000000-0000-4000-8000-000000000103';
const TICKET_BODY = 'The export of invoices fails.';

const result = (overrides: Partial<SearchResult> & Pick<SearchResult, 'type' | 'id' | 'sourceId' | 'title' | 'snippet'>): SearchResult => ({
  kind: 'interview',
  occurredAt: AT,
  customer: null,
  tags: [],
  score: 1,
  matches: [[4, 10]],
  snippetStart: 0,
  range: null,
  ...overrides,
});
const RESULTS = [
  result({ type: 'highlight', id: TAGGED, sourceId: INTERVIEW, title: 'Call with Dana', snippet: 'The export is slow.', tags: [BILLING], range: [0, 19] }),
  result({ type: 'highlight', id: UNTAGGED, sourceId: INTERVIEW, title: 'Call with Dana', snippet: 'The export lost my columns.', range: [20, 47] }),
  result({ type: 'source', id: TICKET, sourceId: TICKET, kind: 'ticket', title: 'Invoices', snippet: TICKET_BODY }),
];

/** The server: the search, the catalog, the sources' highlights by tag, and the writes tagging and creating a tag make, which it records. */
function fakeServer() {
  const tags: Tag[] = [{ ...BILLING, description: null, usageCount: 1, createdAt: AT }];
  const tagsOf = new Map<string, string[]>([[TAGGED, [BILLING.id]]]);
  const sourceOf = new Map([
    [TAGGED, INTERVIEW],
    [UNTAGGED, INTERVIEW],
  ]);
  const writes: Array<{ path: string; body: unknown }> = [];
  const server = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, string[]>) : undefined;
    if (method !== 'GET') writes.push({ path: pathname.replace(`/api/workspaces/${WS}`, ''), body });
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (pathname === `/api/workspaces/${WS}/search`) {
      const page: SearchResponse = { items: RESULTS, total: RESULTS.length, totalIsEstimate: false, nextCursor: null, includesCorrection: false };
      return json(page);
    }
    if (pathname === `/api/workspaces/${WS}/catalog`) {
      const catalog: Catalog = { tags, customers: [], companies: [], insights: [], backlogItems: [] };
      return json(catalog);
    }
    if (pathname === `/api/workspaces/${WS}/tags` && method === 'POST') {
      tags.push({ id: CREATED, name: String(body!.name), group: null, color: null, description: null, usageCount: 0, createdAt: AT });
      return json(tags.at(-1));
    }
    if (pathname === `/api/workspaces/${WS}/highlights` && method === 'GET') {
      const ids = [...tagsOf.keys()].filter((id) => sourceOf.get(id) === searchParams.get('sourceId') && tagsOf.get(id)!.includes(searchParams.get('tagId')!));
      return json({ items: ids.map((id, n) => highlightListItem(n + 1, 'A quote.', AT, { id, sourceId: sourceOf.get(id)! })), nextCursor: null });
    }
    if (pathname === `/api/workspaces/${WS}/sources/${TICKET}`) {
      const source: Partial<Source> = { id: TICKET, kind: 'ticket', title: 'Invoices', body: TICKET_BODY, segments: null };
      return json({ ...source, externalId: null, occurredAt: AT, customer: null, importId: null, preview: TICKET_BODY, highlightCount: 0, tagged: false, createdBy: null, createdAt: AT, deletedAt: null, metadata: {}, highlights: [], updatedAt: AT });
    }
    if (pathname === `/api/workspaces/${WS}/highlights/passages` && method === 'POST') {
      sourceOf.set(MADE, TICKET);
      tagsOf.set(MADE, body!.tagIds!);
      return json({ items: [{ id: MADE, sourceId: TICKET, start: 0, end: TICKET_BODY.length, created: true }] });
    }
    if (pathname === `/api/workspaces/${WS}/highlights/bulk` && method === 'POST') {
      for (const id of body!.highlightIds!) tagsOf.set(id, [...new Set([...(tagsOf.get(id) ?? []), ...(body!.addTagIds ?? [])])].filter((tag) => !body!.removeTagIds?.includes(tag)));
      return json({ updated: body!.highlightIds!.length });
    }
    throw new Error(`Unexpected request: ${method} ${url}`);
  });
  return { server, writes, tagsOf };
}

const rows = () => [...document.querySelectorAll<HTMLElement>('.search-result')];
const bar = () => document.querySelector('[role="region"][aria-label="Selected results"]');
const tagPicker = () => document.querySelector<HTMLInputElement>('[role="region"][aria-label="Selected results"] input[role="combobox"]');
/** The names the picker offers, in order; the first is what Enter does. */
const options = () => [...document.querySelectorAll('[role="option"] .combobox-name')].map((name) => name.textContent);
const toastButton = (name: string) => [...document.querySelectorAll<HTMLButtonElement>('.toast button')].find((button) => button.textContent === name);
/** A key pressed where focus is, as the browser sends it: to the focused element, bubbling to the document. */
const press = (key: string, modifiers: KeyboardEventInit = {}) =>
  act(async () => void (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers })));
/** Focus on the nth result, then x: it is selected. */
async function selectByKey(index: number) {
  act(() => rows()[index]!.focus());
  await press('x');
}

/** The page as its route composes it for a contributor, who may create tags. */
function SearchPageCreatingTags() {
  const createTag = useCreateTag(WS);
  return <SearchPage createTag={(name) => createTag.mutateAsync({ name })} />;
}

/** A link action that shows whether `l` opened it, with a dialog as the real one has. */
const linkProbe: NonNullable<SearchPageProps['renderBulkActions']> = (selected, _done, link) =>
  link.open ? (
    <dialog open>
      Linking {selected.length}
      <button type="button" onClick={() => link.onOpenChange(false)}>
        Close
      </button>
    </dialog>
  ) : (
    <button type="button" onClick={() => link.onOpenChange(true)}>
      Link…
    </button>
  );

describe('SearchPage: the selection by keyboard', () => {
  const root = mountRoot();
  let fake: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    fake = fakeServer();
    vi.stubGlobal('fetch', fake.server);
  });

  async function render(role: Role, page: ReactNode = <SearchPage renderBulkActions={linkProbe} />) {
    await root.render(
      <AppProviders url={`/w/${WS}/search?q=export`} role={role}>
        {page}
      </AppProviders>,
    );
    await until(() => expect(rows()).toHaveLength(3));
  }

  it('goes to the tag picker on t, tags on Enter with the tag a word of its name starts with, focus back on the result, and Undo takes the tag off only what it added', async () => {
    await render('contributor');
    await selectByKey(0);
    await selectByKey(1);
    // A click leaves focus on the checkbox: the keys work from there too.
    const ticketCheckbox = rows()[2]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    act(() => ticketCheckbox.focus());
    await act(async () => ticketCheckbox.click());
    await until(() => expect(bar()?.textContent).toContain('3 selected'));

    await press('t');
    expect(document.activeElement).toBe(tagPicker());
    // Neither the group nor the name's first word typed: a word of the name is enough.
    await act(async () => type(tagPicker()!, 'bill'));
    await until(() => expect(options()[0]).toBe('Failed billing'));
    await press('Enter');
    await until(() => expect(document.querySelector('.toast')?.textContent).toContain('Tagged 3 results with “Failed billing”, one through a new highlight (Undo keeps it, untagged)'));
    expect(bar()).toBeNull();
    expect(document.activeElement).toBe(ticketCheckbox);
    // The ticket through a passage tagged in that call; the highlights in one bulk call.
    expect(fake.writes).toEqual([
      { path: '/highlights/passages', body: { passages: [{ sourceId: TICKET, start: 0, end: TICKET_BODY.length }], tagIds: [BILLING.id] } },
      { path: '/highlights/bulk', body: { highlightIds: [TAGGED, UNTAGGED], addTagIds: [BILLING.id] } },
    ]);

    await act(async () => toastButton('Undo')!.click());
    await until(() => expect(document.querySelector('.toast')?.textContent).toContain('Took “Failed billing” off 2 highlights; the new highlight stays, untagged'));
    // The highlight that carried the tag before keeps it.
    expect(fake.writes.at(-1)).toEqual({ path: '/highlights/bulk', body: { highlightIds: [MADE, UNTAGGED], removeTagIds: [BILLING.id] } });
    expect(Object.fromEntries(fake.tagsOf)).toEqual({ [TAGGED]: [BILLING.id], [UNTAGGED]: [], [MADE]: [] });
  });

  it('goes back to the result on Escape in the tag picker, and tags with a new tag made of a name no tag has', async () => {
    await render('contributor', <SearchPageCreatingTags />);
    await selectByKey(1);
    await until(() => expect(bar()?.textContent).toContain('1 selected'));
    await press('t');
    expect(document.activeElement).toBe(tagPicker());
    await press('Escape');
    expect(document.activeElement).toBe(rows()[1]);
    expect(bar()?.textContent).toContain('1 selected');

    await press('t');
    // One of the words matches “Failed billing”, the other does not: Enter creates the tag typed rather than take that one.
    await act(async () => type(tagPicker()!, 'Billing errors'));
    await until(() => expect(options()).toEqual(['Create tag “Billing errors”', 'Failed billing']));
    await press('Enter');
    await until(() => expect(document.querySelector('.toast')?.textContent).toContain('Tagged 1 result with “Billing errors”'));
    expect(bar()).toBeNull();
    expect(document.activeElement).toBe(rows()[1]);
    expect(fake.writes).toEqual([
      { path: '/tags', body: { name: 'Billing errors' } },
      { path: '/highlights/bulk', body: { highlightIds: [UNTAGGED], addTagIds: [CREATED] } },
    ]);
  });

  it('opens the link action on l and clears the selection on Escape, but not while a dialog is open', async () => {
    await render('contributor');
    await selectByKey(0);
    await until(() => expect(bar()?.textContent).toContain('1 selected'));

    // Keys held with Ctrl, ⌘ or Alt are the browser's.
    await press('l', { metaKey: true });
    await press('l', { ctrlKey: true });
    expect(document.querySelector('dialog[open]')).toBeNull();
    await press('l');
    expect(document.querySelector('dialog[open]')?.textContent).toContain('Linking 1');
    await press('Escape');
    expect(bar()).not.toBeNull();

    await act(async () => [...document.querySelectorAll('button')].find((button) => button.textContent === 'Close')!.click());
    act(() => rows()[0]!.focus());
    await press('Escape', { altKey: true });
    expect(bar()).not.toBeNull();
    await press('Escape');
    expect(bar()).toBeNull();
    expect(rows()[0]!.classList.contains('search-result-selected')).toBe(false);
  });

  it('leaves t, l and Escape typed in the query box to the box', async () => {
    await render('contributor');
    await selectByKey(0);
    await until(() => expect(bar()).not.toBeNull());
    const box = document.querySelector<HTMLInputElement>('#search-query')!;
    act(() => box.focus());
    for (const key of ['t', 'l', 'Escape']) await press(key);
    expect(document.activeElement).toBe(box);
    expect(document.querySelector('dialog[open]')).toBeNull();
    expect(bar()?.textContent).toContain('1 selected');
  });

  it('does nothing on x, t or l for a viewer, who has no selection to act on', async () => {
    await render('viewer');
    act(() => rows()[0]!.focus());
    for (const key of ['x', 't', 'l']) await press(key);
    expect(bar()).toBeNull();
    expect(document.querySelector('dialog[open]')).toBeNull();
    expect(document.activeElement).toBe(rows()[0]);
    expect(document.querySelector('.keyboard-hint')?.textContent).not.toContain('tags');
  });
});
