// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceEditDialog } from './source-edit-dialog';
import { clickDialogButton, field } from '../../../testing/form-dialog';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';
import { aHighlight, aNoteSource, NOTE_ID } from '../testing/source';

const HIGHLIGHTED = 'The text of a source with highlights cannot change: the highlights point into it';

// A note with one highlight, so its text is fixed (sources.service answers 409 to a new one).
const BODY = 'Exports time out.';
const SOURCE = aNoteSource({ id: NOTE_ID, body: BODY, highlights: [aHighlight(1, BODY, 'Exports')] });

const TEXT_FIXED = { type: 'about:blank', title: 'Conflict', status: 409, detail: HIGHLIGHTED, code: 'conflict' };

const submit = () => clickDialogButton('Save changes');

describe('SourceEditDialog', () => {
  const root = mountRoot();
  let fetch: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    fetch = vi.fn(async (url: string) => {
      if (url === '/api/auth/csrf') return json({ token: 'csrf' });
      if (url === `/api/workspaces/${WS}/sources/${NOTE_ID}`) return json(TEXT_FIXED, 409);
      throw new Error(`Unexpected request: ${url}`);
    });
    vi.stubGlobal('fetch', fetch);
    await root.render(
      <AppProviders>
        <SourceEditDialog ws={WS} source={SOURCE} onClose={() => {}} onSaved={() => {}} />
      </AppProviders>,
    );
  });

  const patched = () => fetch.mock.calls.filter(([url]) => url === `/api/workspaces/${WS}/sources/${NOTE_ID}`);

  it('says what is wrong at each field and focuses the first of them, before sending anything', async () => {
    await act(async () => type(field('Customer email').control, 'ana@'));
    await act(async () => type(field('Text').control, ' '));
    await submit();
    expect(field('Customer email').error()).toBe('Enter an email address like name@example.com');
    expect(field('Text').error()).toBe('The body is empty');
    expect(field('Title').error()).toBeUndefined();
    expect(document.activeElement).toBe(field('Customer email').control);
    expect(patched()).toHaveLength(0);
  });

  it('focuses the text when the server refuses to change it, and keeps what was typed', async () => {
    await act(async () => type(field('Text').control, 'Exports time out on big workspaces.'));
    await submit();
    await until(() => expect(field('Text').error()).toBe(HIGHLIGHTED));
    expect(document.activeElement).toBe(field('Text').control);
    expect(field('Text').control.value).toBe('Exports time out on big workspaces.');
    expect(JSON.parse(patched()[0]![1].body)).toEqual({ body: 'Exports time out on big workspaces.' });
  });
});
