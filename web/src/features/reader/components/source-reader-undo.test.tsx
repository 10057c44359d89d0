// @vitest-environment happy-dom
import { act } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog, Highlight, Tag } from '@cairn/shared';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { sourceKey } from '../api/get-source';
import { rememberLastTag } from '../lib/last-tag';
import { SourceReader } from './source-reader';
import { aNoteSource } from '../testing/source';

const AT = '2025-03-04T10:00:00.000Z';
const SOURCE_ID = '00000000-0000-4000-8000-000000000201';
const EXPORTS_TEXT = 'Exports time out.';
const BODY = `${EXPORTS_TEXT}\n\nCards decline abroad.`;
const TAG: Tag = { id: '00000000-0000-4000-8000-0000000000f1', name: 'Exports', group: null, color: null, description: null, createdAt: AT };
/** A highlight there already, on the second paragraph. */
const CARDS: Highlight = {
  id: '00000000-0000-4000-8000-000000000102',
  sourceId: SOURCE_ID,
  start: BODY.indexOf('Cards'),
  end: BODY.length,
  quote: 'Cards decline abroad.',
  note: null,
  tags: [],
  createdBy: null,
  createdAt: AT,
  updatedAt: AT,
};
const MADE_ID = '00000000-0000-4000-8000-000000000101';

/** The server: the note and its highlights, made (as MADE_ID, tagged), trashed and restored; `trashElsewhere` trashes one as another page or person would. */
function fakeServer() {
  const live = new Map([[CARDS.id, CARDS]]);
  const trash = new Map<string, Highlight>();
  /** The highlights trashed here, in order. */
  const trashed: string[] = [];
  const restored: string[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname } = new URL(url, 'http://cairn.test');
    const id = /\/highlights\/([^/]+)/.exec(pathname)?.[1] ?? '';
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (pathname === `/api/workspaces/${WS}/sources/${SOURCE_ID}`) {
      return json(aNoteSource({ id: SOURCE_ID, body: BODY, highlights: [...live.values()] }));
    }
    if (pathname === `/api/workspaces/${WS}/catalog`) {
      const catalog: Catalog = { tags: [TAG], customers: [], companies: [], insights: [], backlogItems: [] };
      return json(catalog);
    }
    if (method === 'POST' && pathname === `/api/workspaces/${WS}/sources/${SOURCE_ID}/highlights`) {
      const { start, end } = JSON.parse(String(init!.body)) as { start: number; end: number };
      const made: Highlight = { ...CARDS, id: MADE_ID, start, end, quote: BODY.slice(start, end), tags: [{ id: TAG.id, name: TAG.name, group: null, color: null }] };
      live.set(made.id, made);
      return json(made, 201);
    }
    if (method === 'DELETE' && live.has(id)) {
      trashed.push(id);
      trash.set(id, live.get(id)!);
      live.delete(id);
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && pathname.endsWith('/restore') && trash.has(id)) {
      restored.push(id);
      live.set(id, trash.get(id)!);
      trash.delete(id);
      return json(live.get(id));
    }
    // The source's neighbours and evidence, which the reader does without; a highlight no longer there.
    return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Highlight not found', code: 'not_found' }, 404);
  });
  const trashElsewhere = (highlightId: string) => {
    trash.set(highlightId, live.get(highlightId)!);
    live.delete(highlightId);
  };
  return Object.assign(fetch, { trashed, restored, trashElsewhere });
}

const toastTexts = () => [...document.querySelectorAll('.toast')].map((toast) => toast.querySelector('span')?.textContent);
const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent) === name);
const click = (name: string) => act(async () => buttonNamed(name)!.click());
/** A key pressed with focus on no control: the reader listens on the document. */
const press = (key: string) => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
const HIGHLIGHTED = 'Highlighted as Exports';
const TRASHED = 'Highlight moved to the trash, in Highlights → Trash';
const NOTHING = 'Nothing to undo: u takes back the last highlight made, tag added or highlight deleted here while its message with Undo shows';

describe('The reader’s Undo messages and u', () => {
  const root = mountRoot();
  let server: ReturnType<typeof fakeServer>;
  let queryClient: QueryClient;
  beforeEach(async () => {
    server = fakeServer();
    vi.stubGlobal('fetch', server);
    rememberLastTag(WS, TAG.id);
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await root.render(
      <AppProviders role="researcher" queryClient={queryClient}>
        <SourceReader sourceId={SOURCE_ID} currentUserId={USER} />
      </AppProviders>,
    );
    await until(() => expect(buttonNamed(`Delete highlight “${CARDS.quote}”`)).toBeDefined());
    // t tags the focused paragraph with the last tag used.
    const paragraph = document.querySelector<HTMLElement>('[data-block-start="0"]')!;
    await act(async () => paragraph.focus());
    await press('t');
    await until(() => expect(toastTexts()).toEqual([HIGHLIGHTED]));
  });

  it('takes away the Undo of a highlight just made once it is trashed elsewhere, and u then has nothing to undo', async () => {
    server.trashElsewhere(MADE_ID);
    await act(() => queryClient.invalidateQueries({ queryKey: sourceKey(WS, SOURCE_ID) }));
    await until(() => expect(buttonNamed(`Delete highlight “${EXPORTS_TEXT}”`)).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual([]));
    await press('u');
    expect(toastTexts()).toEqual([NOTHING]);
    expect(server.trashed).toEqual([]);
  });

  it('takes away the Undo of a highlight just made once the panel’s Delete trashes it, leaving that Delete’s Undo to u', async () => {
    await click(`Delete highlight “${EXPORTS_TEXT}”`);
    await until(() => expect(toastTexts()).toEqual([TRASHED]));
    await press('u');
    await until(() => expect(server.restored).toEqual([MADE_ID]));
    expect(server.trashed).toEqual([MADE_ID]);
  });

  it('has u undo nothing once the message offering Undo was dismissed', async () => {
    await click('Dismiss');
    await press('u');
    expect(toastTexts()).toEqual([NOTHING]);
    expect(server.trashed).toEqual([]);
  });

  it('has u undo what the latest message still showing offers, not one dismissed since', async () => {
    await click(`Delete highlight “${CARDS.quote}”`);
    await until(() => expect(toastTexts()).toEqual([TRASHED, HIGHLIGHTED]));
    // The newest is first: the trash's.
    await click('Dismiss');
    expect(toastTexts()).toEqual([HIGHLIGHTED]);
    await press('u');
    await until(() => expect(server.trashed).toEqual([CARDS.id, MADE_ID]));
    expect(server.restored).toEqual([]);
  });
});
