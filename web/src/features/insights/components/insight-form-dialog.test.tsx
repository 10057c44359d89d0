// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { InsightFormDialog } from './insight-form-dialog';
import { clickDialogButton, field } from '../../../testing/form-dialog';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';

const PROBLEM = { id: '00000000-0000-4000-8000-0000000000aa', title: 'Exports fail' };
const IN_TRASH = '“Exports fail” is in the trash; restore it first';

const EMPTY_CATALOG = { tags: [], customers: [], companies: [], insights: [], backlogItems: [] };
// What the server answers when the parent was trashed since the page loaded (insights.service assertParentFits).
const PARENT_TRASHED = { type: 'about:blank', title: 'Unprocessable Entity', status: 422, detail: IN_TRASH, code: 'unprocessable', errors: [{ path: 'body.parentId', message: IN_TRASH }] };

const submit = () => clickDialogButton('Add opportunity');

describe('InsightFormDialog', () => {
  const root = mountRoot();
  let fetch: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    fetch = vi.fn(async (url: string) => {
      if (url === '/api/auth/csrf') return json({ token: 'csrf' });
      if (url === `/api/workspaces/${WS}/catalog`) return json(EMPTY_CATALOG);
      if (url === `/api/workspaces/${WS}/insights`) return json(PARENT_TRASHED, 422);
      throw new Error(`Unexpected request: ${url}`);
    });
    vi.stubGlobal('fetch', fetch);
    await root.render(
      <AppProviders>
        <InsightFormDialog ws={WS} preset={{ type: 'opportunity', parent: PROBLEM }} onClose={() => {}} onSaved={() => {}} />
      </AppProviders>,
    );
  });

  const posted = () => fetch.mock.calls.filter(([url]) => url === `/api/workspaces/${WS}/insights`);

  it('says what is missing at its field and focuses it, before sending anything', async () => {
    await submit();
    expect(field('Title').error()).toBe('Enter a title');
    expect(document.activeElement).toBe(field('Title').control);
    expect(posted()).toHaveLength(0);
  });

  it("focuses the field the server's answer names", async () => {
    await act(async () => type(field('Title').control, 'Big exports time out'));
    await submit();
    await until(() => expect(field('Under which problem').error()).toBe(IN_TRASH));
    expect(document.activeElement).toBe(field('Under which problem').control);
    expect(field('Title').error()).toBeUndefined();
    expect(JSON.parse(posted()[0]![1].body)).toMatchObject({ type: 'opportunity', title: 'Big exports time out', parentId: PROBLEM.id });
  });
});
