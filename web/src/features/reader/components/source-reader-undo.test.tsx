// @vitest-environment happy-dom
import { act } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tag } from '@cairn/shared';
import { AppProviders, mountRoot, USER, WS } from '../../../testing/mount';
import { buttonNamed, clickButton, toastTexts, until } from '../../../testing/react-dom';
import { sourceKey } from '../api/get-source';
import { rememberLastTag } from '../lib/last-tag';
import { SourceReader } from './source-reader';
import { fakeReaderServer, MADE_ID } from '../testing/reader-server';
import { aHighlight, NOTE_ID } from '../testing/source';

const AT = '2025-03-04T10:00:00.000Z';
const EXPORTS_TEXT = 'Exports time out.';
const BODY = `${EXPORTS_TEXT}\n\nCards decline abroad.`;
const TAG: Tag = { id: '00000000-0000-4000-8000-0000000000f1', name: 'Exports', group: null, color: null, description: null, createdAt: AT };
/** A highlight there already, on the second paragraph. */
const CARDS = aHighlight(2, BODY, 'Cards decline abroad.');

/** A key pressed with focus on no control: the reader listens on the document. */
const press = (key: string) => act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
const HIGHLIGHTED = 'Highlighted as Exports';
const TRASHED = 'Highlight moved to the trash, in Highlights → Trash';
const FAILED = 'Could not undo: Something went wrong';
const NOTHING = 'Nothing to undo: u takes back the last highlight made, tag added or highlight deleted here while its message with Undo shows';

describe('The reader’s Undo messages and u', () => {
  const root = mountRoot();
  let server: ReturnType<typeof fakeReaderServer>;
  let queryClient: QueryClient;
  beforeEach(async () => {
    server = fakeReaderServer({ body: BODY, highlights: [CARDS], tags: [TAG] });
    vi.stubGlobal('fetch', server);
    rememberLastTag(WS, TAG.id);
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await root.render(
      <AppProviders role="researcher" queryClient={queryClient}>
        <SourceReader sourceId={NOTE_ID} currentUserId={USER} />
      </AppProviders>,
    );
    await until(() => expect(buttonNamed(`Delete highlight “${CARDS.quote}”`)).toBeDefined());
    // t tags the focused paragraph with the last tag used.
    const paragraph = document.querySelector<HTMLElement>('[data-block-start="0"]')!;
    await act(async () => paragraph.focus());
    await press('t');
    await until(() => expect(toastTexts()).toEqual([HIGHLIGHTED]));
  });

  it('takes away the Undo of a highlight just made once it is trashed elsewhere, and u then has nothing to undo', async () => {
    server.trashElsewhere(MADE_ID);
    await act(() => queryClient.invalidateQueries({ queryKey: sourceKey(WS, NOTE_ID) }));
    await until(() => expect(buttonNamed(`Delete highlight “${EXPORTS_TEXT}”`)).toBeUndefined());
    await until(() => expect(toastTexts()).toEqual([]));
    await press('u');
    expect(toastTexts()).toEqual([NOTHING]);
    expect(server.trashed).toEqual([]);
  });

  it('takes away the Undo of a highlight just made once the panel’s Delete trashes it, leaving that Delete’s Undo to u', async () => {
    await clickButton(`Delete highlight “${EXPORTS_TEXT}”`);
    await until(() => expect(toastTexts()).toEqual([TRASHED]));
    await press('u');
    await until(() => expect(server.restored).toEqual([MADE_ID]));
    expect(server.trashed).toEqual([MADE_ID]);
  });

  it('has u undo nothing once the message offering Undo was dismissed', async () => {
    await clickButton('Dismiss');
    await press('u');
    expect(toastTexts()).toEqual([NOTHING]);
    expect(server.trashed).toEqual([]);
  });

  it('has u undo what the latest message still showing offers, not one dismissed since', async () => {
    await clickButton(`Delete highlight “${CARDS.quote}”`);
    await until(() => expect(toastTexts()).toEqual([TRASHED, HIGHLIGHTED]));
    // The newest is first: the trash's.
    await clickButton('Dismiss');
    expect(toastTexts()).toEqual([HIGHLIGHTED]);
    await press('u');
    await until(() => expect(server.trashed).toEqual([CARDS.id, MADE_ID]));
    expect(server.restored).toEqual([]);
  });

  it('says in place of the message that a highlight just made was trashed where no reader saw it go, once u undoes it', async () => {
    // Trashed, and the source not read again: as where no reader of it is open to notice.
    server.trashElsewhere(MADE_ID);
    await press('u');
    await until(() => expect(toastTexts()).toEqual(['Could not undo: Highlight not found']));
    expect(server.trashed).toEqual([]);
  });

  it('puts why an Undo failed in the place of the message offering it, which u would leave showing with an Undo spent', async () => {
    await clickButton(`Delete highlight “${CARDS.quote}”`);
    await until(() => expect(toastTexts()).toEqual([TRASHED, HIGHLIGHTED]));
    server.breakDown();
    await press('u');
    await until(() => expect(toastTexts()).toEqual([HIGHLIGHTED, FAILED]));
    await press('u');
    await until(() => expect(toastTexts()).toEqual([FAILED, FAILED]));
    expect(buttonNamed('Undo')).toBeUndefined();
    expect([server.trashed, server.restored]).toEqual([[CARDS.id], []]);
  });
});
