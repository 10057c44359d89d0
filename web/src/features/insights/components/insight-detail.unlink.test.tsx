// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightListItem } from '@cairn/shared';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { AT, insightDetail } from '../testing/insight-detail';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { InsightDetail } from './insight-detail';

const ID = '00000000-0000-4000-8000-0000000000aa';
const QUOTE = 'The CSV export fails every time.';

const button = (name: string) => [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name || candidate.getAttribute('aria-label') === name);
const quotes = () => [...document.querySelectorAll('.evidence-item blockquote')].map((quote) => quote.textContent);

describe('InsightDetail: Undo of an unlink', () => {
  const root = mountRoot();
  let linked: HighlightListItem[];
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    linked = [highlightListItem(1, QUOTE, AT, { linkedBy: USER, importance: 'critical' })];
    fetch = vi.fn(async (url: string, init?: RequestInit) => {
      const { pathname } = new URL(url, 'http://cairn.test');
      if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
      if (pathname === `/api/workspaces/${WS}/insights/${ID}` && (init?.method ?? 'GET') === 'GET') return json(insightDetail({ id: ID, title: 'Exports fail', evidenceCount: linked.length }));
      if (pathname === `/api/workspaces/${WS}/highlights`) return json({ items: linked, nextCursor: null, total: linked.length });
      if (pathname === `/api/workspaces/${WS}/insights/${ID}/evidence`) {
        const body = JSON.parse(String(init!.body)) as { highlightIds: string[]; importance?: 'critical' };
        if (init!.method === 'DELETE') linked = [];
        if (init!.method === 'POST') linked = [highlightListItem(1, QUOTE, AT, { linkedBy: USER, importance: body.importance ?? 'important' })];
        return json({ changed: 1 });
      }
      return json({ type: 'about:blank', title: 'Not found', status: 404, detail: `No fake for ${url}`, code: 'not_found' }, 404);
    });
    vi.stubGlobal('fetch', fetch);
  });

  it('links the quote back as important as it was', async () => {
    await root.render(
      <AppProviders role="researcher">
        <InsightDetail ws={WS} id={ID} />
      </AppProviders>,
    );
    await until(() => expect(quotes()).toEqual([QUOTE]));
    await act(async () => button(`Unlink “${QUOTE}”`)!.click());
    await until(() => expect(button('Undo')).toBeDefined());
    const [, unlinked] = fetch.mock.calls.find(([, init]) => init?.method === 'DELETE')!;
    expect(JSON.parse(String(unlinked!.body))).toEqual({ highlightIds: [highlightListItem(1, QUOTE, AT).id] });

    await act(async () => button('Undo')!.click());
    await until(() => expect(quotes()).toEqual([QUOTE]));
    const [, relinked] = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(relinked!.body))).toEqual({ highlightIds: [highlightListItem(1, QUOTE, AT).id], importance: 'critical' });
    expect(document.querySelector<HTMLSelectElement>('.evidence-importance select')?.value).toBe('critical');
  });
});
