// @vitest-environment happy-dom
import { useQuery } from '@tanstack/react-query';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hasRole, type Member } from '@cairn/shared';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { MembersPanel } from './members-panel';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';

const ME: Member = { userId: USER, email: 'ann@example.com', name: 'Ann', role: 'admin', mustChangePassword: false, joinedAt: '2025-01-01T00:00:00.000Z' };
const OWNER: Member = { ...ME, userId: '00000000-0000-4000-8000-000000000003', email: 'bo@example.com', name: 'Bo', role: 'owner' };
const workspace: CurrentWorkspace = { id: WS, name: 'Acme', createdAt: '2025-01-01T00:00:00.000Z', role: 'admin', userId: ME.userId, can: (role) => hasRole('admin', role) };

const notFound = () => json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Workspace not found', code: 'not_found' }, 404);

/**
 * The server, for a member who removes themselves: once removed, who I am says so at once, while the
 * members list answers only when the test lets it (`answerMembers`), as a slower request would.
 */
function fakeServer() {
  let removed = false;
  let answerMembers = () => {};
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url === '/api/auth/csrf') return json({ token: 'csrf' });
    if (url === '/api/me') return json({ member: !removed });
    if (url === `/api/workspaces/${WS}/members` && !removed) return json({ items: [ME, OWNER] });
    if (url === `/api/workspaces/${WS}/members`) return new Promise<Response>((resolve) => (answerMembers = () => resolve(notFound())));
    if (url === `/api/workspaces/${WS}/members/${ME.userId}` && method === 'DELETE') {
      removed = true;
      return new Response(null, { status: 204 });
    }
    throw new Error(`Unexpected request: ${method} ${url}`);
  });
  return { fetch, answerMembers: () => answerMembers() };
}

/** Like the workspace's layout: the page only while I am a member of the workspace. */
function SettingsPage({ onLeft }: { onLeft: () => void }) {
  const me = useQuery({ queryKey: ['me'], queryFn: async () => (await (await fetch('/api/me')).json()) as { member: boolean } });
  if (!me.data) return null;
  return me.data.member ? <MembersPanel workspace={workspace} currentUserId={ME.userId} onLeft={onLeft} /> : <p>Workspace not found</p>;
}

const button = (name: string, within: ParentNode = document) => [...within.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name);

describe('MembersPanel', () => {
  const root = mountRoot();
  let server: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal('fetch', server.fetch);
  });

  it('says I left, and leaves, after removing myself unmounted the page before the removal settled', async () => {
    const onLeft = vi.fn();
    await root.render(
      <AppProviders>
        <SettingsPage onLeft={onLeft} />
      </AppProviders>,
    );
    await until(() => expect(button('Remove Ann')).toBeDefined());

    await act(async () => button('Remove Ann')!.click());
    await act(async () => button('Remove', document.querySelector('dialog[open]')!)!.click());
    // Who I am came back first: the page is gone while the removal still waits for the members list.
    await until(() => expect(document.body.textContent).toContain('Workspace not found'));
    expect(onLeft).not.toHaveBeenCalled();

    server.answerMembers();
    await until(() => expect(onLeft).toHaveBeenCalledTimes(1));
    expect(document.querySelector('.toast-stack[role="status"]')?.textContent).toContain('Removed Ann');
  });
});
