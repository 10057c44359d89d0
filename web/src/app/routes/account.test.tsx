// @vitest-environment happy-dom
import { act } from 'react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '@cairn/shared';
import { ChangePasswordRoute } from './change-password';
import { LoginRoute } from './login';
import { SettingsPasswordRoute } from './settings-password';
import { AppProviders, json, mountRoot, USER, WS } from '../../testing/mount';
import { type, until } from '../../testing/react-dom';

const me = (mustChangePassword: boolean): Me => ({
  user: { id: USER, email: 'rita@example.com', name: 'Rita Researcher', mustChangePassword, createdAt: '2025-01-01T00:00:00.000Z' },
  memberships: [{ workspace: { id: WS, name: 'Acme', createdAt: '2025-01-01T00:00:00.000Z' }, role: 'viewer' }],
});
const SAME_PASSWORD = {
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  code: 'validation_failed',
  detail: 'Invalid body',
  errors: [{ path: 'body.newPassword', message: 'Choose a password other than the current one' }],
};
const SIGNED_OUT = { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthenticated', detail: 'Sign in first' };

describe('the account pages', () => {
  const root = mountRoot();

  /** The page at `url`, with `/` standing for the workspace it leads to; `answer` plays the server. */
  async function renderAt(url: string, answer: (method: string, url: string) => Response) {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => (url === '/api/auth/csrf' ? json({ token: 'csrf' }) : answer(init?.method ?? 'GET', url)));
    vi.stubGlobal('fetch', fetch);
    await root.render(
      <AppProviders url={url} role="viewer">
        <Routes>
          <Route path="/" element={<h1>The workspace</h1>} />
          <Route path="/login" element={<LoginRoute />} />
          <Route path="/change-password" element={<ChangePasswordRoute />} />
          <Route path="/settings/password" element={<SettingsPasswordRoute />} />
        </Routes>
      </AppProviders>,
    );
  }

  const heading = () => document.querySelector('h1, h2')?.textContent;
  const field = (label: string) => [...document.querySelectorAll('label')].find((l) => l.textContent === label)!.control as HTMLInputElement;
  async function submit(current: string, next: string) {
    act(() => type(field('Current password'), current));
    act(() => type(field('New password'), next));
    await act(async () => document.querySelector('form')!.requestSubmit());
  }

  it('asks a new member to choose their own password, with no way around it', async () => {
    await renderAt('/change-password', () => json(me(true)));
    await until(() => expect(heading()).toBe('Choose your password'));
    expect(document.querySelector('a')).toBeNull();
  });

  it('says beside New password that the initial password cannot be kept', async () => {
    await renderAt('/change-password', (method) => (method === 'POST' ? json(SAME_PASSWORD, 400) : json(me(true))));
    await until(() => expect(heading()).toBe('Choose your password'));
    await submit('an initial password', 'an initial password');
    await until(() => expect(document.body.textContent).toContain('Choose a password other than the current one'));
    expect(field('New password').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends a member who chose their password on from the first sign-in’s page, which no longer speaks to them', async () => {
    await renderAt('/change-password', () => json(me(false)));
    await until(() => expect(heading()).toBe('The workspace'));
  });

  it('sends someone signed out from the password page to sign in', async () => {
    await renderAt('/change-password', () => json(SIGNED_OUT, 401));
    await until(() => expect(heading()).toBe('Sign in'));
  });

  it('takes someone already signed in past the sign-in page to their workspace', async () => {
    await renderAt('/login', () => json(me(false)));
    await until(() => expect(heading()).toBe('The workspace'));
  });

  it('changes a member’s password in Settings, says their other sessions ended and empties the form', async () => {
    let changes = 0;
    await renderAt('/settings/password', (method, url) => {
      if (method === 'POST' && url === '/api/me/password') changes++;
      return method === 'POST' ? new Response(null, { status: 204 }) : json(me(false));
    });
    expect(heading()).toBe('Your password');
    await submit('my old password', 'my new password');
    await until(() => expect(document.body.textContent).toContain('Password changed. Your other sessions were signed out.'));
    expect(changes).toBe(1);
    expect(field('Current password').value).toBe('');
    expect(field('New password').value).toBe('');
  });
});
