// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hasRole } from '@cairn/shared';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { AddMemberDialog } from './add-member-dialog';
import { field } from '../../../testing/form-dialog';
import { AppProviders, json, mountRoot, USER, WS } from '../../../testing/mount';
import { type } from '../../../testing/react-dom';

const workspace: CurrentWorkspace = { id: WS, name: 'Acme', createdAt: '2025-01-01T00:00:00.000Z', role: 'admin', userId: USER, can: (role) => hasRole('admin', role) };

const TAKEN = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid input', code: 'validation_failed', errors: [{ path: 'body.email', message: 'Use a work address' }] };

const submit = () => act(async () => [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((button) => button.textContent === 'Add member')!.click());

describe('AddMemberDialog', () => {
  const root = mountRoot();
  let fetch: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    fetch = vi.fn(async (url: string) => (url === '/api/auth/csrf' ? json({ token: 'csrf' }) : json(TAKEN, 400)));
    vi.stubGlobal('fetch', fetch);
    await root.render(
      <AppProviders>
        <AddMemberDialog workspace={workspace} open onClose={() => {}} />
      </AppProviders>,
    );
  });

  it('says at each field what an empty form is missing, focuses the first, and sends nothing', async () => {
    await submit();
    expect(field('Name').error()).toBe('Enter a name');
    expect(field('Email').error()).toBe('Enter an email address like name@example.com');
    expect(document.activeElement).toBe(field('Name').control);
    expect(fetch).not.toHaveBeenCalled();

    await act(async () => type(field('Name').control, 'Rita'));
    await submit();
    expect(field('Name').error()).toBeUndefined();
    expect(document.activeElement).toBe(field('Email').control);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends a complete form, and shows the server's word on a field at that field, which takes the focus", async () => {
    await act(async () => type(field('Name').control, 'Rita'));
    await act(async () => type(field('Email').control, ' Rita@Example.com '));
    await submit();
    await vi.waitFor(() => expect(field('Email').error()).toBe('Use a work address'));
    expect(document.activeElement).toBe(field('Email').control);
    const [, init] = fetch.mock.calls.find(([url]) => url === `/api/workspaces/${WS}/members`)!;
    expect(JSON.parse(init.body)).toMatchObject({ name: 'Rita', email: 'rita@example.com', role: 'viewer' });
  });
});
