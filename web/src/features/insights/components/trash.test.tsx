// @vitest-environment happy-dom
import { act } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InsightListItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { buttonNamed, clickButton, toastTexts, until } from '../../../testing/react-dom';
import { useDeleteInsight } from '../api/delete-insight';
import { useRestoreInsight } from '../api/restore-insight';
import { useTrashWithUndo } from '../hooks/use-undo-toast';
import { AT, insightListItem } from '../testing/insight-detail';
import { InsightTrash } from './trash';

const EXPORTS = insightListItem(1, 'Exports fail');
const CARDS = insightListItem(2, 'Cards decline abroad');

/** The server: problems go to the trash and come back; `eraseForGood` takes one out of it for good. */
function fakeServer() {
  const trashed = new Map<string, InsightListItem>();
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    const id = /\/insights\/([^/]+)/.exec(pathname)?.[1];
    const insight = [EXPORTS, CARDS].find((candidate) => candidate.id === id);
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (pathname === `/api/workspaces/${WS}/insights` && searchParams.get('trash') === 'true') return json({ items: [...trashed.values()], nextCursor: null, total: trashed.size });
    if (insight && method === 'DELETE') {
      trashed.set(insight.id, { ...insight, deletedAt: AT });
      return new Response(null, { status: 204 });
    }
    if (insight && pathname.endsWith('/restore') && trashed.delete(insight.id)) return json(insight);
    // The catalog (parents' names), which the trash does without.
    return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Not here', code: 'not_found' }, 404);
  });
  return Object.assign(fetch, { eraseForGood: (insightId: string) => trashed.delete(insightId) });
}

/** Trash buttons, as a problem's page has one, beside the problems' trash. */
function TrashAndRestore() {
  const trash = useTrashWithUndo(useDeleteInsight(WS), useRestoreInsight(WS));
  return (
    <>
      {[EXPORTS, CARDS].map((insight) => (
        <Button key={insight.id} onClick={() => trash(insight.id, `Moved “${insight.title}” to the trash`, { list: '/', page: '/' })}>
          Trash {insight.title}
        </Button>
      ))}
      <InsightTrash ws={WS} />
    </>
  );
}


describe('InsightTrash and the Undo of trashing', () => {
  const root = mountRoot();
  let server: ReturnType<typeof fakeServer>;
  let queryClient: QueryClient;
  beforeEach(async () => {
    server = fakeServer();
    vi.stubGlobal('fetch', server);
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await root.render(
      <AppProviders role="researcher" queryClient={queryClient}>
        <TrashAndRestore />
      </AppProviders>,
    );
    await clickButton('Trash Exports fail');
    await clickButton('Trash Cards decline abroad');
    await until(() => expect(buttonNamed('Restore “Cards decline abroad”')).toBeDefined());
    expect(toastTexts()).toEqual(['Moved “Cards decline abroad” to the trash', 'Moved “Exports fail” to the trash']);
  });

  it('takes away the Undo of a problem restored from the trash, and leaves the others', async () => {
    await clickButton('Restore “Exports fail”');
    await until(() => expect(buttonNamed('Restore “Exports fail”')).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual(['Restored the problem “Exports fail”', 'Moved “Cards decline abroad” to the trash']));
  });

  it('takes away the Undo of a problem deleted for good', async () => {
    server.eraseForGood(CARDS.id);
    await act(() => queryClient.invalidateQueries({ queryKey: ['insights', WS, 'trash'] }));
    await until(() => expect(buttonNamed('Restore “Cards decline abroad”')).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual(['Moved “Exports fail” to the trash']));
  });
});
