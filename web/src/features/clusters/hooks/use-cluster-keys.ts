import { useRef, type FocusEvent, type RefObject } from 'react';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';

/** The position of the cluster that holds `element` in the list, or -1. */
function clusterIndexOf(list: HTMLElement, element: Element | null): number {
  const item = element?.closest('.cluster');
  return item ? [...list.children].indexOf(item) : -1;
}

/**
 * A run's clusters by keyboard: `j`/`k` (↓/↑ inside the list) move focus from one cluster's
 * toggle to the next, where Enter opens or closes it as any button does; `p` promotes the
 * cluster focus is in, or was last in. Returns the list's focus handler, which keeps that place.
 */
export function useClusterKeys(listRef: RefObject<HTMLOListElement | null>, onPromote?: (index: number) => void) {
  const last = useRef(-1);
  const focusCluster = (index: number) => {
    const toggles = listRef.current?.querySelectorAll<HTMLElement>('.cluster-toggle');
    if (!toggles?.length) return;
    const next = Math.max(0, Math.min(toggles.length - 1, index));
    last.current = next;
    const toggle = toggles[next]!;
    // Focus alone scrolls only the label into view, often at the window's bottom edge: the cluster
    // comes into view whole when it fits, else from its top, where an open one's members start.
    toggle.focus({ preventScroll: true });
    const item = toggle.closest('.cluster');
    if (item) item.scrollIntoView({ block: item.getBoundingClientRect().height <= window.innerHeight ? 'nearest' : 'start' });
  };

  useDocumentKeyDown((event) => {
    const list = listRef.current;
    if (!list || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    const inList = list.contains(document.activeElement);
    const current = inList ? clusterIndexOf(list, document.activeElement) : last.current;
    if (event.key === 'j' || (inList && event.key === 'ArrowDown')) {
      event.preventDefault();
      focusCluster(current + 1);
    } else if (event.key === 'k' || (inList && event.key === 'ArrowUp')) {
      event.preventDefault();
      focusCluster(current - 1);
    } else if (event.key === 'p' && onPromote && current >= 0) {
      event.preventDefault();
      onPromote(current);
    }
  });

  return (event: FocusEvent<HTMLOListElement>) => {
    if (listRef.current) last.current = clusterIndexOf(listRef.current, event.target);
  };
}
