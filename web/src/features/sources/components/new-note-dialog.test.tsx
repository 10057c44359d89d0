// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../../components/toast';
import { NewNoteDialog } from './new-note-dialog';
import { clickDialogButton, field, json } from '../../../testing/form-dialog';
import { type, until } from '../../../testing/react-dom';

// React warns about updates outside act() unless it is told this is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const WS = '00000000-0000-4000-8000-000000000001';
const REFUSED = 'The body is empty';

// The server checks the same shared schema; an answer naming the text stands for any field it refuses.
const BODY_REFUSED = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The request body is invalid', code: 'validation_failed', errors: [{ path: 'body.body', message: REFUSED }] };

const submit = () => clickDialogButton('Add note');

describe('NewNoteDialog', () => {
  let root: Root;
  let fetch: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    fetch = vi.fn(async (url: string) => {
      if (url === '/api/auth/csrf') return json({ token: 'csrf' });
      if (url === `/api/workspaces/${WS}/sources`) return json(BODY_REFUSED, 400);
      throw new Error(`Unexpected request: ${url}`);
    });
    vi.stubGlobal('fetch', fetch);
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    await act(async () =>
      root.render(
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            <NewNoteDialog ws={WS} open onClose={() => {}} />
          </ToastProvider>
        </QueryClientProvider>,
      ),
    );
  });
  afterEach(async () => {
    await act(() => root.unmount());
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  const posted = () => fetch.mock.calls.filter(([url]) => url === `/api/workspaces/${WS}/sources`);

  it('says what is missing at each field and focuses the first, before sending anything', async () => {
    await submit();
    expect(field('Title').error()).toBe('Enter a title');
    expect(field('What the customer said').error()).toBe('The body is empty');
    expect(document.activeElement).toBe(field('Title').control);
    expect(posted()).toHaveLength(0);
  });

  it("focuses the field the server's answer names", async () => {
    await act(async () => type(field('Title').control, 'Call with Acme'));
    await act(async () => type(field('What the customer said').control, 'Exports time out on big workspaces.'));
    await submit();
    await until(() => expect(field('What the customer said').error()).toBe(REFUSED));
    expect(document.activeElement).toBe(field('What the customer said').control);
    expect(field('Title').error()).toBeUndefined();
    expect(JSON.parse(posted()[0]![1].body)).toEqual({ kind: 'note', title: 'Call with Acme', body: 'Exports time out on big workspaces.' });
  });
});
