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

/** The DOM range over `[start, end)` of a text drawn as `runs`, whose offsets are in `data-<key>` and `data-<key's end>`. */
function rangeOverRuns(runs: readonly HTMLElement[], start: number, end: number, key: 'start' | 'contextStart'): Range | null {
  const endKey = key === 'start' ? 'end' : 'contextEnd';
  const first = runs.find((run) => Number(run.dataset[endKey]) > start);
  const last = runs.findLast((run) => Number(run.dataset[key]) < end);
  if (!first?.firstChild || !last?.firstChild || runs.indexOf(first) > runs.indexOf(last)) return null;
  const range = document.createRange();
  range.setStart(first.firstChild, Math.max(0, start - Number(first.dataset[key])));
  range.setEnd(last.firstChild, Math.min(last.firstChild.textContent?.length ?? 0, end - Number(last.dataset[key])));
  return range;
}

/** The DOM range over body offsets `[start, end)`: the inverse of `selectionRange`, through the same runs. */
export function bodyRange(root: HTMLElement, start: number, end: number): Range | null {
  return rangeOverRuns([...root.querySelectorAll<HTMLElement>('[data-start]')], start, end, 'start');
}

/** The DOM range over `[start, end)` of a context text (`data-context`: a ticket's reply), through its runs. */
export function contextRange(root: HTMLElement, id: string, start: number, end: number): Range | null {
  const text = root.querySelector(`[data-context="${CSS.escape(id)}"]`);
  return text ? rangeOverRuns([...text.querySelectorAll<HTMLElement>('[data-context-start]')], start, end, 'contextStart') : null;
}

/** Whether the selection starts or ends in a context text, which no highlight can cover. */
export function selectionInContext(root: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  return [selection.anchorNode, selection.focusNode].some((node) => {
    const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
    const text = element?.closest('[data-context]');
    return !!text && root.contains(text);
  });
}
