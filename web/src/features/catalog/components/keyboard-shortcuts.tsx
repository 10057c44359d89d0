import { Dialog } from '../../../components/dialog';

const SHORTCUTS: Array<{ context: string; keys: Array<[string[], string]> }> = [
  {
    context: 'Everywhere',
    keys: [
      [['Ctrl', 'K'], 'Jump to a tag, customer, company or page (⌘K on a Mac)'],
      [['?'], 'Show these shortcuts'],
    ],
  },
  {
    context: 'Inbox',
    keys: [
      [['n'], 'New note'],
      [['j'], 'Next source (also ↓ in the list)'],
      [['k'], 'Previous source (also ↑ in the list)'],
      [['Enter'], 'Open the source'],
    ],
  },
  {
    context: 'Search',
    keys: [
      [['↓'], 'From the query box to the results'],
      [['j'], 'Next result (also ↓)'],
      [['k'], 'Previous result (also ↑)'],
      [['x'], 'Select the result (Shift-x: every result since the last one selected)'],
      [['t'], 'Tag the selected results: to the tag list, type the tag’s first letters, Enter'],
      [['l'], 'Link the selected results to a problem or backlog item'],
      [['Esc'], 'Clear the selection'],
      [['/'], 'Back to the query box'],
    ],
  },
  {
    context: 'Highlights',
    keys: [
      [['j'], 'Next highlight (also ↓ in the list)'],
      [['k'], 'Previous highlight (also ↑ in the list)'],
      [['x'], 'Select the highlight'],
      [['Enter'], 'Open the highlight in the reader'],
      [['/'], 'To the Words box (↓ there: back to the list)'],
    ],
  },
  {
    context: 'Reading a source',
    keys: [
      [['h'], 'Highlight the selection (or the focused turn or paragraph) and tag it'],
      [['t'], 'Highlight the selection with the last tag used'],
      [['l'], 'Link the selection (or the chosen highlight) to a problem or backlog item'],
      [['u'], 'Undo the last highlight made, tag added or highlight deleted here, while its Undo shows'],
      [['↑', '↓'], 'Previous or next turn of a transcript, or paragraph of a text (with none focused: the last or first in view); Tab leaves the text'],
      [['PgUp', 'PgDn'], 'Ten turns or paragraphs back or on'],
      [['Home', 'End'], 'First or last turn or paragraph'],
      [['Ctrl', 'F'], 'Find in the text (⌘F on a Mac; again in the find box: the browser’s find)'],
      [['Enter', 'F3'], 'Next match (with Shift: the previous one)'],
      [['j'], 'Next source'],
      [['k'], 'Previous source'],
      [['↑', '↓', 'Enter'], 'Choose a tag in the popover, apply it'],
      [['Esc'], 'Close the popover, or the find bar (the match stays selected, for h)'],
    ],
  },
  {
    context: 'Problems and Backlog',
    keys: [
      [['n'], 'New problem / new backlog item'],
      [['↑', '↓'], 'Move through the problems tree'],
      [['→'], 'Open a branch, then go into it'],
      [['←'], 'Close a branch, or go up to the parent'],
      [['Home', 'End'], 'First or last row of the tree'],
      [['Enter'], 'Open the row’s page'],
      [['l'], 'On a problem’s or backlog item’s page: add evidence, picked from the workspace’s highlights'],
    ],
  },
  {
    context: 'Clusters',
    keys: [
      [['n'], 'New cluster run'],
      [['j'], 'Next cluster (also ↓ in the list)'],
      [['k'], 'Previous cluster (also ↑ in the list)'],
      [['Enter'], 'Show or hide the cluster’s members'],
      [['p'], 'Promote the cluster to a problem'],
    ],
  },
  {
    context: 'Triage queue',
    keys: [
      [['1', '…', '9'], 'Tag the whole item with that tag'],
      [['t'], 'Tag the whole item with any tag, by typing it (also /)'],
      [['l'], 'Link the whole item to a problem or backlog item'],
      [['s'], 'Skip (also →)'],
      [['u'], 'Undo the last tag, link or skip'],
    ],
  },
];

export function KeyboardShortcuts({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      {SHORTCUTS.map(({ context, keys }) => (
        <section key={context} className="shortcut-section">
          <h3>{context}</h3>
          <dl className="shortcut-list">
            {keys.map(([combo, what]) => (
              <div key={what}>
                <dt>
                  {combo.map((key) => (key === '…' ? ' … ' : <kbd key={key}>{key}</kbd>))}
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
