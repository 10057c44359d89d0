// @vitest-environment happy-dom
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Import, ImportSummary } from '@cairn/shared';
import { ImportDetailRoute } from './import-detail';
import { AppProviders, json, mountRoot, WS } from '../../testing/mount';
import { until } from '../../testing/react-dom';
import { anImport as importOf, IMPORT_ID as ID, NO_COUNTS } from '../../features/imports/testing/imports';

const FIRST_ID = '00000000-0000-4000-8000-0000000000bb';
const COUNTS = { ...NO_COUNTS, total: 3, unchanged: 3 };
/** A re-import of export.csv that changed none of its 3 tickets. */
const anImport = (overrides: Partial<Import>) => importOf({ counts: COUNTS, createdAt: '2025-03-05T10:00:00.000Z', finishedAt: '2025-03-05T10:00:01.000Z', ...overrides });

const { errors: _errors, errorsTotal: _total, unchangedFrom: _from, ...REIMPORT } = anImport({});
const FIRST: ImportSummary = { ...REIMPORT, id: FIRST_ID, createdAt: '2025-03-04T10:00:00.000Z', counts: { ...COUNTS, created: 3, unchanged: 0 } };

describe('ImportDetailRoute', () => {
  const root = mountRoot();

  async function renderPage(id: string, answer: (url: string) => Response) {
    const fetch = vi.fn(async (url: string) => answer(url));
    vi.stubGlobal('fetch', fetch);
    await root.render(
      <AppProviders role="viewer" url={`/w/${WS}/imports/${id}`}>
        <Routes>
          <Route path="/w/:ws/imports/:id" element={<ImportDetailRoute />} />
        </Routes>
      </AppProviders>,
    );
    return fetch;
  }

  const headings = () => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => `${heading.tagName} ${heading.textContent}`);

  it('is titled by the file and its kind, with headings that go down one level at a time', async () => {
    const item = anImport({ counts: { ...COUNTS, created: 1, unchanged: 1, rejected: 1 }, errors: [{ line: 4, message: 'Ticket text is empty (column "Said")' }], errorsTotal: 1 });
    await renderPage(ID, (url) => (url.endsWith(`/imports/${ID}`) ? json(item) : json({ items: [FIRST], nextCursor: null })));
    await until(() => expect(document.querySelector('h1')?.textContent).toBe('export.csv'));
    expect(document.querySelector('.page-description')?.textContent).toBe('Tickets (CSV) import');
    expect(headings()).toEqual(['H1 export.csv', 'H2 Import finished: export.csv', 'H3 Rejected rows (1)']);
  });

  it('says there is no such import for an address that cannot be one, asking the server nothing', async () => {
    const fetch = await renderPage('not-an-id', () => json({ items: [], nextCursor: null }));
    expect(document.querySelector('h1')?.textContent).toBe('No such import');
    expect(document.body.textContent).not.toContain('params');
    expect(fetch.mock.calls.filter(([url]) => String(url).includes('/imports/'))).toEqual([]);
  });

  it('says there is no such import when the server finds none', async () => {
    await renderPage(ID, () => json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: 'Import not found' }, 404));
    await until(() => expect(document.querySelector('h1')?.textContent).toBe('No such import'));
  });

  it('links a re-import that changed nothing to the sources, which stay with the import that last wrote them', async () => {
    const item = anImport({ unchangedFrom: [{ id: FIRST_ID, fileName: 'export.csv', createdAt: FIRST.createdAt, finishedAt: FIRST.finishedAt, count: 3 }] });
    const fetch = await renderPage(ID, () => json(item));
    await until(() => expect(document.querySelector(`a[href="/w/${WS}/inbox?importId=${FIRST_ID}"]`)).not.toBeNull());
    expect(document.body.textContent).toContain('They stay with the import that last wrote them: 3 tickets of export.csv, imported');
    expect(document.querySelector(`a[href="/w/${WS}/inbox?importId=${ID}"]`)).toBeNull();
    // The server names the earlier import: the history is not asked.
    expect(fetch.mock.calls.filter(([url]) => String(url).includes('/imports?'))).toEqual([]);
  });
});
