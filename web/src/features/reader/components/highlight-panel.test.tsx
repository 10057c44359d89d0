import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HighlightPanel, type HighlightPanelProps } from './highlight-panel';

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
