import { useId, useLayoutEffect, type KeyboardEvent, type RefObject } from 'react';
import { Button } from '../../../components/button';
import type { FindInSource } from '../hooks/use-find-in-source';

export type FindBarProps = {
  find: FindInSource;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Changes each time Ctrl/⌘+F asks for the box again: it takes focus, its text selected to type over. */
  focusRequest: number;
  onClose: () => void;
};

/** "n of m" for the matches, and how many more the speaker filter hides. */
function findStatus(find: FindInSource): string {
  if (!find.query.trim()) return '';
  const count = find.matches.length ? `${find.index + 1} of ${find.matches.length}${find.capped ? '+' : ''}` : 'No matches';
  return find.hidden ? `${count} · ${find.hidden} more in hidden turns` : count;
}

/** The reader's find bar: matches marked in the text, Enter and Shift+Enter (or F3) step through them, Escape closes. */
export function FindBar({ find, inputRef, focusRequest, onClose }: FindBarProps) {
  const statusId = useId();
  useLayoutEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest, inputRef]);

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    find.step(event.shiftKey ? -1 : 1);
  };
  // From the box or any of its buttons.
  const onBarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };

  return (
    <div className="find-bar" role="search" aria-label="Find in the source" onKeyDown={onBarKeyDown}>
      <input
        ref={inputRef}
        className="input find-input"
        aria-label="Find in the source"
        aria-describedby={statusId}
        aria-keyshortcuts="Control+F Meta+F"
        autoComplete="off"
        spellCheck={false}
        value={find.query}
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={onInputKeyDown}
      />
      <span id={statusId} className="find-status" role="status">
        {findStatus(find)}
      </span>
      <Button size="sm" variant="ghost" aria-label="Previous match" aria-keyshortcuts="Shift+Enter Shift+F3" disabled={!find.matches.length} onClick={() => find.step(-1)}>
        ↑
      </Button>
      <Button size="sm" variant="ghost" aria-label="Next match" aria-keyshortcuts="Enter F3" disabled={!find.matches.length} onClick={() => find.step(1)}>
        ↓
      </Button>
      <Button size="sm" variant="ghost" aria-label="Close find" aria-keyshortcuts="Escape" onClick={onClose}>
        ✕
      </Button>
    </div>
  );
}
