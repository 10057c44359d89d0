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
      {...props}
    />,
  );

describe('HighlightPanel with no highlights', () => {
  it('teaches the keys to whoever can highlight', () => {
    expect(emptyPanel({})).toContain('press <kbd>h</kbd> to tag it');
  });

  it('says why nothing can be highlighted instead, to a viewer or on a trashed source', () => {
    const html = emptyPanel({ readOnlyReason: 'This source is in the trash: restore it to highlight it.' });
    expect(html).toContain('No highlights. This source is in the trash: restore it to highlight it.');
    expect(html).not.toContain('<kbd>h</kbd>');
  });
});
