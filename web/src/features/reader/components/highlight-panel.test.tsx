// @vitest-environment happy-dom
import { act, useState } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, json, mountRoot } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { aHighlight } from '../testing/source';
import { HIGHLIGHTS_HEADING_ID, HighlightPanel, type HighlightPanelProps } from './highlight-panel';

const emptyPanel = (props: Partial<HighlightPanelProps>) =>
  renderToStaticMarkup(
    <HighlightPanel
      ws="w"
      body="Exports fail."
      highlights={[]}
      activeId={null}
      editingId={null}
      onEdit={() => {}}
      canChange={() => false}
      onSelect={() => {}}
      onDelete={() => {}}
      onSave={async () => {}}
      readSelection={() => null}
      keyboardTarget="the customer’s message"
      {...props}
    />,
  );

describe('HighlightPanel with no highlights', () => {
  it('tells whoever can highlight that a selection opens the tag box, and that h is for the keyboard, after ↓ to the text', () => {
    const html = emptyPanel({});
    // The keys are a hint for a physical keyboard, which a phone hides.
    expect(html).toContain('Select a passage and the tag box opens. <span class="keyboard-hint">Or press <kbd>↓</kbd> to move to the customer’s message, then <kbd>h</kbd> to tag it');
    // A mouse user told to select and then press h typed the h into the tag box the selection had opened.
    expect(html).not.toMatch(/Select a passage and press/);
  });

  it('says why nothing can be highlighted instead, to a viewer or on a trashed source', () => {
    const html = emptyPanel({ readOnlyReason: 'This source is in the trash: restore it to highlight it.' });
    expect(html).toContain('No highlights. This source is in the trash: restore it to highlight it.');
    expect(html).not.toContain('<kbd>h</kbd>');
  });
});

const BODY = 'Exports fail. Imports are slow. Search is great.';
const HIGHLIGHTS = [aHighlight(1, BODY, 'Exports fail.'), aHighlight(2, BODY, 'Imports are slow.'), aHighlight(3, BODY, 'Search is great.')];

/** The panel as the reader holds it: Delete takes the highlight away once the server has answered, Edit opens its editor. */
function ReaderPanel() {
  const [highlights, setHighlights] = useState(HIGHLIGHTS);
  const [editingId, setEditingId] = useState<string | null>(null);
  return (
    <HighlightPanel
      ws="w"
      body={BODY}
      highlights={highlights}
      activeId={null}
      editingId={editingId}
      onEdit={setEditingId}
      canChange={() => true}
      onSelect={() => {}}
      onDelete={(highlight) => void Promise.resolve().then(() => setHighlights((current) => current.filter((h) => h.id !== highlight.id)))}
      onSave={async () => {}}
      readSelection={() => null}
      keyboardTarget="a turn"
    />
  );
}

describe('HighlightPanel, by keyboard', () => {
  const root = mountRoot();
  beforeEach(() => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === '/api/workspaces/w/catalog' ? json({ tags: [], customers: [], companies: [], insights: [], backlogItems: [] }) : json({}, 404))));
    root.renderNow(
      <AppProviders>
        <ReaderPanel />
      </AppProviders>,
    );
  });

  const item = (n: number) => document.querySelector(`[data-highlight-id="${HIGHLIGHTS[n - 1]!.id}"]`)!;
  const button = (n: number, name: RegExp) => [...item(n).querySelectorAll('button')].find((candidate) => name.test(candidate.textContent ?? ''))!;
  /** Presses a button from the keyboard: focus on it, then Enter (a click). */
  const press = (control: HTMLButtonElement) =>
    act(async () => {
      control.focus();
      control.click();
    });

  it('moves focus on to the next highlight once the one focused is deleted, to the one before at the end, and to the heading when none is left', async () => {
    await press(button(2, /^Delete$/));
    await until(() => expect(document.activeElement).toBe(item(3).querySelector('.panel-quote')));
    await press(button(3, /^Delete$/));
    await until(() => expect(document.activeElement).toBe(item(1).querySelector('.panel-quote')));
    await press(button(1, /^Delete$/));
    await until(() => expect(document.activeElement?.id).toBe(HIGHLIGHTS_HEADING_ID));
  });

  it('gives focus back to the highlight’s Edit button when its editor closes, by Cancel or by Escape in its tag box', async () => {
    await press(button(2, /^Edit$/));
    await until(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Add a tag'));
    await press(button(2, /^Cancel$/));
    expect(document.activeElement).toBe(button(2, /^Edit$/));

    await press(button(2, /^Edit$/));
    await until(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Add a tag'));
    act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.activeElement).toBe(button(2, /^Edit$/));
  });
});
