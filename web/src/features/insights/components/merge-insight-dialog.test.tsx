// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MergeInsightPreview } from '@cairn/shared';
import { AppProviders, json, mountRoot, WS } from '../../../testing/mount';
import { type, until } from '../../../testing/react-dom';
import { MergeInsightDialog } from './merge-insight-dialog';
import { insightDetail } from '../testing/insight-detail';

const KEPT = { id: '00000000-0000-4000-8000-0000000000a1', type: 'problem', title: 'Exports fail', status: 'validated' } as const;
const DUPLICATE = insightDetail({ id: '00000000-0000-4000-8000-0000000000a2', title: 'Yearly export times out', evidenceCount: 12, customerCount: 3 });

/** The server: the catalog the picker searches, and the preview of merging the duplicate into what is asked. */
function fakeServer(preview: MergeInsightPreview) {
  return vi.fn(async (url: string) => {
    const { pathname, searchParams } = new URL(url, 'http://cairn.test');
    if (pathname === `/api/workspaces/${WS}/catalog`) return json({ tags: [], customers: [], companies: [], insights: [KEPT, DUPLICATE], backlogItems: [] });
    if (pathname === `/api/workspaces/${WS}/insights/${DUPLICATE.id}/merge-preview` && searchParams.get('intoInsightId') === KEPT.id) return json(preview);
    throw new Error(`Unexpected request: ${url}`);
  });
}

describe('MergeInsightDialog', () => {
  const root = mountRoot();

  async function chooseKept(preview: MergeInsightPreview) {
    vi.stubGlobal('fetch', fakeServer(preview));
    await root.render(
      <AppProviders role="researcher">
        <MergeInsightDialog ws={WS} insight={DUPLICATE} onClose={() => {}} />
      </AppProviders>,
    );
    const combobox = document.querySelector<HTMLInputElement>('[role="combobox"]')!;
    await act(async () => type(combobox, 'exports fail'));
    await until(() => expect(document.querySelector('[role="option"]')?.textContent).toContain(KEPT.title));
    await act(async () => document.querySelector<HTMLElement>('[role="option"]')!.click());
  }

  it('says what moves as the server counts it, with how much the kept problem has already, and leaves out what is none', async () => {
    await chooseKept({ highlights: 12, highlightsAlreadyThere: 3, backlogItems: 0, backlogItemsAlreadyThere: 0, children: 1 });
    await until(() =>
      expect(document.body.textContent).toContain('12 highlights (3 of them already there) and 1 opportunity move from “Yearly export times out” to “Exports fail”.'),
    );
    expect(document.body.textContent).not.toContain('backlog link');
  });

  it('says so when nothing moves', async () => {
    await chooseKept({ highlights: 0, highlightsAlreadyThere: 0, backlogItems: 0, backlogItemsAlreadyThere: 0, children: 0 });
    await until(() => expect(document.body.textContent).toContain('Nothing backs “Yearly export times out” yet: nothing moves to “Exports fail”.'));
  });
});
