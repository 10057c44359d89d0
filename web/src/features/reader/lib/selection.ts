/**
 * Maps a DOM selection to `[start, end)` in the body. Every drawn run carries `data-start` and
 * `data-end` (its body offsets) and holds exactly one text node, so a point inside a run is
 * `data-start + offset`; a point between runs (a speaker name, a margin) snaps to the next run
 * for a start and to the previous run for an end.
 */
function runOf(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  return element?.closest<HTMLElement>('[data-start]') ?? null;
}

function offsetAt(root: HTMLElement, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const run = runOf(node);
  if (run && root.contains(run)) {
    const start = Number(run.dataset.start);
    if (node.nodeType === Node.TEXT_NODE) return start + offset;
    return offset === 0 ? start : Number(run.dataset.end);
  }
  const point = document.createRange();
  point.setStart(node, offset);
  const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  if (edge === 'start') {
    const next = runs.find((candidate) => point.comparePoint(candidate, 0) >= 0);
    return next ? Number(next.dataset.start) : null;
  }
  const previous = runs.findLast((candidate) => point.comparePoint(candidate, candidate.childNodes.length) <= 0);
  return previous ? Number(previous.dataset.end) : null;
}

export function selectionRange(root: HTMLElement): { start: number; end: number; rect: DOMRect } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const start = offsetAt(root, range.startContainer, range.startOffset, 'start');
  const end = offsetAt(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect() };
}

/** The DOM range over body offsets `[start, end)`: the inverse of `selectionRange`, through the same runs. */
export function bodyRange(root: HTMLElement, start: number, end: number): Range | null {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const first = runs.find((run) => Number(run.dataset.end) > start);
  const last = runs.findLast((run) => Number(run.dataset.start) < end);
  if (!first?.firstChild || !last?.firstChild || runs.indexOf(first) > runs.indexOf(last)) return null;
  const range = document.createRange();
  range.setStart(first.firstChild, Math.max(0, start - Number(first.dataset.start)));
  range.setEnd(last.firstChild, Math.min(last.firstChild.textContent?.length ?? 0, end - Number(last.dataset.start)));
  return range;
}
