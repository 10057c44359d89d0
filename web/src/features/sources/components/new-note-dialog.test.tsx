// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NewNoteDialog } from './new-note-dialog';
import { clickDialogButton, field } from '../../../testing/form-dialog';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';

const REFUSED = 'The body is empty';

// The server checks the same shared schema; an answer naming the text stands for any field it refuses.
const BODY_REFUSED = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The request body is invalid', code: 'validation_failed', errors: [{ path: 'body.body', message: REFUSED }] };

const submit = () => clickDialogButton('Add note');

describe('NewNoteDialog', () => {
  const root = mountRoot();
  let fetch: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    fetch = vi.fn(async (url: string) => {
      if (url === '/api/auth/csrf') return json({ token: 'csrf' });
      if (url === `/api/workspaces/${WS}/sources`) return json(BODY_REFUSED, 400);
      throw new Error(`Unexpected request: ${url}`);
    });
    vi.stubGlobal('fetch', fetch);
    await root.render(
      <AppProviders>
        <NewNoteDialog ws={WS} open onClose={() => {}} />
      </AppProviders>,
    );
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
