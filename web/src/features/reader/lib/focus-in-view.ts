/**
 * Which end of `element` (a turn, paragraph or line of hidden turns) is not seen, if either: under
 * a bar stuck over the page (the narrow screens' top bar, the find bar) or the toasts, or past the
 * window's edge. Asked of what is drawn at its top and bottom on its left, so that whatever covers
 * it counts, as the browser's own scroll on focus does not: it counts a line under the top bar as
 * in view, and keeps focus there unseen.
 */
export function hiddenEnd(element: HTMLElement): 'top' | 'bottom' | null {
  const rect = element.getBoundingClientRect();
  const shows = (y: number) => {
    const hit = document.elementFromPoint(rect.left + 1, y);
    return hit !== null && element.contains(hit);
  };
  if (!shows(rect.top + 1)) return 'top';
  return shows(rect.bottom - 1) ? null : 'bottom';
}

/**
 * Focuses a line of the text the keyboard moved to and scrolls it fully into view: its top
 * hidden, to the top, below the bars ('start': the page's scroll padding and the line's scroll
 * margin keep it clear of them); its bottom hidden, only as far as needed ('nearest').
 */
export function focusInView(element: HTMLElement) {
  element.focus({ preventScroll: true });
  const hidden = hiddenEnd(element);
  if (hidden) element.scrollIntoView({ block: hidden === 'top' ? 'start' : 'nearest' });
}
