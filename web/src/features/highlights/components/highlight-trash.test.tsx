// @vitest-environment happy-dom
import { act } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { buttonNamed, clickButton, toastTexts, type, until } from '../../../testing/react-dom';
import { SourceReader } from '../../reader/components/source-reader';
import { fakeReaderServer } from '../../reader/testing/reader-server';
import { aHighlight, NOTE_ID } from '../../reader/testing/source';
import { highlightListItem } from '../testing/highlight-list-item';
import { HighlightsBrowser } from './highlights-browser';

const AT = '2025-03-04T10:00:00.000Z';
const BODY = 'Exports time out. Cards decline abroad.';
const EXPORTS = aHighlight(1, BODY, 'Exports time out.');
const CARDS = aHighlight(2, BODY, 'Cards decline abroad.');

/** The reader's server, with the Highlights trash's list of what it holds (those with the words searched for in their quote). */
function fakeServer() {
  const reader = fakeReaderServer({ body: BODY, highlights: [EXPORTS, CARDS] });
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    if (pathname !== `/api/workspaces/${WS}/highlights` || searchParams.get('trash') !== 'true') return reader(url, init);
    const words = searchParams.get('q') ?? '';
    const items = [...reader.trash.values()].filter((item) => item.quote.includes(words)).map((item, n) => highlightListItem(n + 1, item.quote, AT, { ...item, deletedAt: AT }));
    return json({ items, nextCursor: null, total: items.length });
  });
  return Object.assign(fetch, { restored: reader.restored, eraseForGood: reader.eraseForGood });
}

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
        <SourceReader sourceId={NOTE_ID} currentUserId={USER} />
        <HighlightsBrowser />
      </AppProviders>,
    );
    await until(() => expect(buttonNamed(`Delete highlight “${CARDS.quote}”`)).toBeDefined());
    await clickButton(`Delete highlight “${EXPORTS.quote}”`);
    await until(() => expect(buttonNamed(`Restore “${EXPORTS.quote}”`)).toBeDefined());
    await clickButton(`Delete highlight “${CARDS.quote}”`);
    await until(() => expect(buttonNamed(`Restore “${CARDS.quote}”`)).toBeDefined());
    expect(toastTexts()).toEqual([TRASHED, TRASHED]);
  });

  it('takes away the Undo of a highlight restored from the trash, and leaves the others', async () => {
    await clickButton(`Restore “${EXPORTS.quote}”`);
    await until(() => expect(buttonNamed(`Restore “${EXPORTS.quote}”`)).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual([`Restored “${EXPORTS.quote}”`, TRASHED]));
    // What is left is the Undo of the other one.
    await clickButton('Undo');
    await until(() => expect(server.restored).toEqual([EXPORTS.id, CARDS.id]));
  });

  it('takes away the Undo of a highlight deleted for good', async () => {
    server.eraseForGood(CARDS.id);
    await act(() => queryClient.invalidateQueries({ queryKey: ['highlights', WS] }));
    await until(() => expect(buttonNamed(`Restore “${CARDS.quote}”`)).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual([TRASHED]));
    await clickButton('Undo');
    await until(() => expect(server.restored).toEqual([EXPORTS.id]));
  });

  it('keeps the Undo of a highlight the trash’s filters only hide', async () => {
    await act(async () => type(document.querySelector<HTMLInputElement>('input[type="search"]')!, 'Cards'));
    await until(() => expect([buttonNamed(`Restore “${EXPORTS.quote}”`), buttonNamed(`Restore “${CARDS.quote}”`)?.textContent]).toEqual([undefined, 'Restore']));
    expect(toastTexts()).toEqual([TRASHED, TRASHED]);
  });
});
