// @vitest-environment happy-dom
import { act } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog, Highlight } from '@cairn/shared';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';
import { SourceReader } from '../../reader/components/source-reader';
import { highlightListItem } from '../testing/highlight-list-item';
import { HighlightsBrowser } from './highlights-browser';
import { aNoteSource } from '../../reader/testing/source';

const AT = '2025-03-04T10:00:00.000Z';
const SOURCE_ID = '00000000-0000-4000-8000-000000000201';
const BODY = 'Exports time out. Cards decline abroad.';

const highlight = (n: number, start: number, end: number): Highlight => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  sourceId: SOURCE_ID,
  start,
  end,
  quote: BODY.slice(start, end),
  note: null,
  tags: [],
  createdBy: null,
  createdAt: AT,
  updatedAt: AT,
});
const EXPORTS = highlight(1, 0, 17);
const CARDS = highlight(2, 18, BODY.length);

/** The server: the note and its highlights, which go to the trash and come back; `eraseForGood` takes one out of the trash for good. */
function fakeServer() {
  const live = new Map([EXPORTS, CARDS].map((item) => [item.id, item]));
  const trashed = new Map<string, Highlight>();
  const restored: string[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    const id = /\/highlights\/([^/]+)/.exec(pathname)?.[1] ?? '';
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (pathname === `/api/workspaces/${WS}/sources/${SOURCE_ID}`) {
      return json(aNoteSource({ id: SOURCE_ID, body: BODY, highlights: [...live.values()] }));
    }
    if (pathname === `/api/workspaces/${WS}/catalog`) {
      const catalog: Catalog = { tags: [], customers: [], companies: [], insights: [], backlogItems: [] };
      return json(catalog);
    }
    if (pathname === `/api/workspaces/${WS}/highlights` && searchParams.get('trash') === 'true') {
      const words = searchParams.get('q') ?? '';
      const items = [...trashed.values()].filter((item) => item.quote.includes(words)).map((item, n) => highlightListItem(n + 1, item.quote, AT, { ...item, deletedAt: AT }));
      return json({ items, nextCursor: null, total: items.length });
    }
    if (method === 'DELETE' && live.has(id)) {
      trashed.set(id, live.get(id)!);
      live.delete(id);
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && pathname.endsWith('/restore') && trashed.has(id)) {
      restored.push(id);
      live.set(id, trashed.get(id)!);
      trashed.delete(id);
      return json(live.get(id));
    }
    // The source's neighbours and evidence, which the reader does without.
    return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Not here', code: 'not_found' }, 404);
  });
  return Object.assign(fetch, { restored, eraseForGood: (highlightId: string) => trashed.delete(highlightId) });
}

const toastTexts = () => [...document.querySelectorAll('.toast')].map((toast) => toast.querySelector('span')?.textContent);
const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent) === name);
const click = (name: string) => act(async () => buttonNamed(name)!.click());
const TRASHED = 'Highlight moved to the trash, in Highlights → Trash';

// The reader and the Highlights page's trash side by side: in the app the toasts stay up while one goes from the first to the second.
describe('The Highlights trash and the reader’s Undo of deleting a highlight', () => {
  const root = mountRoot();
  let server: ReturnType<typeof fakeServer>;
  let queryClient: QueryClient;
  beforeEach(async () => {
    server = fakeServer();
    vi.stubGlobal('fetch', server);
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await root.render(
      <AppProviders role="researcher" url="/?trash=true" queryClient={queryClient}>
        <SourceReader sourceId={SOURCE_ID} currentUserId={USER} />
        <HighlightsBrowser />
      </AppProviders>,
    );
    await until(() => expect(buttonNamed(`Delete highlight “${CARDS.quote}”`)).toBeDefined());
    await click(`Delete highlight “${EXPORTS.quote}”`);
    await until(() => expect(buttonNamed(`Restore “${EXPORTS.quote}”`)).toBeDefined());
    await click(`Delete highlight “${CARDS.quote}”`);
    await until(() => expect(buttonNamed(`Restore “${CARDS.quote}”`)).toBeDefined());
    expect(toastTexts()).toEqual([TRASHED, TRASHED]);
  });

  it('takes away the Undo of a highlight restored from the trash, and leaves the others', async () => {
    await click(`Restore “${EXPORTS.quote}”`);
    await until(() => expect(buttonNamed(`Restore “${EXPORTS.quote}”`)).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual([`Restored “${EXPORTS.quote}”`, TRASHED]));
    // What is left is the Undo of the other one.
    await click('Undo');
    await until(() => expect(server.restored).toEqual([EXPORTS.id, CARDS.id]));
  });

  it('takes away the Undo of a highlight deleted for good', async () => {
    server.eraseForGood(CARDS.id);
    await act(() => queryClient.invalidateQueries({ queryKey: ['highlights', WS] }));
    await until(() => expect(buttonNamed(`Restore “${CARDS.quote}”`)).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual([TRASHED]));
    await click('Undo');
    await until(() => expect(server.restored).toEqual([EXPORTS.id]));
  });

  it('keeps the Undo of a highlight the trash’s filters only hide', async () => {
    await act(async () => type(document.querySelector<HTMLInputElement>('input[type="search"]')!, 'Cards'));
    await until(() => expect([buttonNamed(`Restore “${EXPORTS.quote}”`), buttonNamed(`Restore “${CARDS.quote}”`)?.textContent]).toEqual([undefined, 'Restore']));
    expect(toastTexts()).toEqual([TRASHED, TRASHED]);
  });
});
