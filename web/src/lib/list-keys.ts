import { useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { isTypingTarget, useDocumentKeyDown } from './keyboard';

/** What a key does in a list of rows with a search box: see `useListKeys`. */
export type ListKeyAction = { move: 1 | -1 } | 'select' | 'open' | 'search' | null;

/**
 * j/k or ↓/↑ move, x selects (Shift-x: a range, where the list has one; with Shift the key is
 * "X"), Enter opens, / goes to the search box. A key held with Ctrl, ⌘ or Alt is the browser's
 * or the app's (Ctrl-K is the palette): never the list's.
 */
export function listKeyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ListKeyAction {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'ArrowDown' || event.key === 'j') return { move: 1 };
  if (event.key === 'ArrowUp' || event.key === 'k') return { move: -1 };
  if (event.key === 'x' || event.key === 'X') return 'select';
  if (event.key === 'Enter') return 'open';
  if (event.key === '/') return 'search';
  return null;
}

type ListKeysOptions = {
  /** What a row is: focus moves between the elements of the list this selector finds. */
  rowSelector: string;
  /** Where `/` goes; ↓ there goes to the first row. */
  searchBox: RefObject<HTMLElement | null>;
  /** x on the focused row (`range` with Shift); absent where nothing may be selected. */
  onSelect?: (index: number, range: boolean) => void;
  /** Enter on a focused row (not on a link or checkbox in it, which answer Enter themselves); absent where rows do not open. */
  onOpen?: (row: HTMLElement) => void;
  /** j, k and / work from anywhere on the page but a field, not only from within the list: for a page that does not start in its search box. */
  fromAnywhere?: boolean;
};

/**
 * A list of rows by keyboard, as on the Search and Highlights pages: j/k or ↓/↑ move focus from
 * row to row, x selects the focused one, Enter opens it, / jumps to the search box and ↓ there
 * comes back to the rows. Spread `listProps` on the list and give the search box `onSearchBoxKeyDown`.
 */
export function useListKeys<List extends HTMLElement>({ rowSelector, searchBox, onSelect, onOpen, fromAnywhere = false }: ListKeysOptions) {
  const listRef = useRef<List>(null);
  /** The row focus was last in: j and k from elsewhere on the page go on from there. */
  const last = useRef(-1);
  const rows = () => [...(listRef.current?.querySelectorAll<HTMLElement>(rowSelector) ?? [])];
  const focusRow = (all: HTMLElement[], index: number) => {
    const next = Math.min(all.length - 1, Math.max(0, index));
    all[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<List>) => {
    const action = listKeyAction(event);
    if (!action) return;
    const all = rows();
    const index = all.findIndex((row) => row.contains(document.activeElement));
    if (typeof action === 'object') {
      event.preventDefault();
      focusRow(all, index + action.move);
    } else if (action === 'select' && index !== -1 && onSelect) {
      event.preventDefault();
      onSelect(index, event.shiftKey);
    } else if (action === 'open' && onOpen && event.target === all[index]) {
      event.preventDefault();
      onOpen(all[index]);
    } else if (action === 'search') {
      event.preventDefault();
      searchBox.current?.focus();
    }
  };
  const onFocus = (event: FocusEvent<List>) => {
    const index = rows().findIndex((row) => row.contains(event.target));
    if (index !== -1) last.current = index;
  };

  useDocumentKeyDown((event) => {
    if (!fromAnywhere || event.defaultPrevented || isTypingTarget(event.target) || listRef.current?.contains(document.activeElement)) return;
    const action = listKeyAction(event);
    // Outside the list the arrows scroll the page, as everywhere.
    if (typeof action === 'object' && action !== null && (event.key === 'j' || event.key === 'k')) {
      const all = rows();
      if (!all.length) return;
      event.preventDefault();
      focusRow(all, last.current === -1 ? 0 : last.current + action.move);
    } else if (action === 'search' && searchBox.current) {
      event.preventDefault();
      searchBox.current.focus();
    }
  });

  const onSearchBoxKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown') return;
    const first = rows()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  };

  return { listProps: { ref: listRef, onKeyDown, onFocus }, onSearchBoxKeyDown };
}
