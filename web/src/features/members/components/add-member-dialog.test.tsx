// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hasRole } from '@cairn/shared';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { AddMemberDialog } from './add-member-dialog';
import { type } from '../../../testing/react-dom';

// React warns about updates outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WS = '00000000-0000-4000-8000-000000000001';
const workspace: CurrentWorkspace = { id: WS, name: 'Acme', createdAt: '2025-01-01T00:00:00.000Z', role: 'admin', userId: '00000000-0000-4000-8000-000000000002', can: (role) => hasRole('admin', role) };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
const TAKEN = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid input', code: 'validation_failed', errors: [{ path: 'body.email', message: 'Use a work address' }] };

/** The control a Field labels, and what its error says. */
function field(label: string) {
  const control = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent === label)!.control as HTMLInputElement;
  return { control, error: () => control.closest('.field')!.querySelector('.field-error')?.textContent };
}

const submit = () => act(async () => [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((button) => button.textContent === 'Add member')!.click());

describe('AddMemberDialog', () => {
  let root: Root;
  let fetch: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    fetch = vi.fn(async (url: string) => (url === '/api/auth/csrf' ? json({ token: 'csrf' }) : json(TAKEN, 400)));
    vi.stubGlobal('fetch', fetch);
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    await act(async () =>
      root.render(
        <QueryClientProvider client={queryClient}>
          <AddMemberDialog workspace={workspace} open onClose={() => {}} />
        </QueryClientProvider>,
      ),
    );
  });
  afterEach(async () => {
    await act(() => root.unmount());
    document.body.replaceChildren();
    vi.unstubAllGlobals();
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
