import { useLayoutEffect, useRef } from 'react';

/**
 * Whether a key press belongs to what is being typed (a field, an editable element) or to an
 * open dialog, rather than to a page's single-key shortcuts.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target instanceof HTMLElement ? target : null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || !!element.closest('dialog[open]'));
}

/**
 * A page's keyboard shortcuts: one document listener that always calls the `onKeyDown` of the
 * render on screen. Both are set in layout effects, before the browser paints: a listener
 * swapped in a plain effect runs after the paint, so a key pressed as soon as a new state
 * showed (the next triage item, "Inbox zero") went to the handler of the render before.
 */
export function useDocumentKeyDown(onKeyDown: (event: KeyboardEvent) => void) {
  const latest = useRef(onKeyDown);
  useLayoutEffect(() => {
    latest.current = onKeyDown;
  });
  useLayoutEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
