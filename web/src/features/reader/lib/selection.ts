import type { FindMatch } from './find-in-text';
import { BODY_TEXT } from './reader-texts';

/**
 * Maps a DOM selection to `[start, end)` in the body. Every drawn run carries `data-start` and
 * `data-end` (its body offsets) and holds exactly one text node, so a point inside a run is
 * `data-start + offset`; a point between runs (a speaker name, a margin) snaps to the next run
 * for a start and to the previous run for an end. A context text's runs (a ticket's reply) map
 * the same way through `data-context-start` and `-end`, offsets in that text.
 */
type RunOffsets = { selector: string; start: 'start' | 'contextStart'; end: 'end' | 'contextEnd' };

const BODY_RUNS: RunOffsets = { selector: '[data-start]', start: 'start', end: 'end' };
const CONTEXT_RUNS: RunOffsets = { selector: '[data-context-start]', start: 'contextStart', end: 'contextEnd' };

const elementOf = (node: Node | null) => (node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null));

function offsetAt(scope: HTMLElement, runs: RunOffsets, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const run = elementOf(node)?.closest<HTMLElement>(runs.selector);
  if (run && scope.contains(run)) {
    const start = Number(run.dataset[runs.start]);
    if (node.nodeType === Node.TEXT_NODE) return start + offset;
    return offset === 0 ? start : Number(run.dataset[runs.end]);
  }
  const point = document.createRange();
  point.setStart(node, offset);
  const all = [...scope.querySelectorAll<HTMLElement>(runs.selector)];
  if (edge === 'start') {
    const next = all.find((candidate) => point.comparePoint(candidate, 0) >= 0);
    return next ? Number(next.dataset[runs.start]) : null;
  }
  const previous = all.findLast((candidate) => point.comparePoint(candidate, candidate.childNodes.length) <= 0);
  return previous ? Number(previous.dataset[runs.end]) : null;
}

/** The selection's range, unless nothing (or an empty stretch) is selected. */
function selectedRange(): Range | null {
  const selection = window.getSelection();
  return selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
}

/** `range` as offsets of the text drawn in `scope` by `runs`. */
function offsetsOf(scope: HTMLElement, runs: RunOffsets, range: Range): { start: number; end: number } | null {
  const start = offsetAt(scope, runs, range.startContainer, range.startOffset, 'start');
  const end = offsetAt(scope, runs, range.endContainer, range.endOffset, 'end');
  return start === null || end === null || end <= start ? null : { start, end };
}

export function selectionRange(root: HTMLElement): { start: number; end: number; rect: DOMRect } | null {
  const range = selectedRange();
  const offsets = range?.intersectsNode(root) ? offsetsOf(root, BODY_RUNS, range) : null;
  return range && offsets && { ...offsets, rect: range.getBoundingClientRect() };
}

/** The context text (`data-context`: a ticket's reply, a survey's question) holding `node`, if any. */
function contextTextOf(root: HTMLElement, node: Node | null): HTMLElement | null {
  const text = elementOf(node)?.closest<HTMLElement>('[data-context]');
  return text && root.contains(text) ? text : null;
}

/**
 * The selection as find reads it: in the text it starts in, a context text (up to that text's
 * end) or else the body, as offsets of that text.
 */
export function selectionInTexts(root: HTMLElement): FindMatch | null {
  const range = selectedRange();
  const context = range && contextTextOf(root, range.startContainer);
  if (range && context) {
    const offsets = offsetsOf(context, CONTEXT_RUNS, range);
    return offsets && { text: context.dataset.context!, ...offsets };
  }
  const inBody = selectionRange(root);
  return inBody && { text: BODY_TEXT, start: inBody.start, end: inBody.end };
}

/** The DOM range over `[start, end)` of the text drawn in `scope` by `runs`. */
function rangeOverRuns(scope: Element, runs: RunOffsets, start: number, end: number): Range | null {
  const all = [...scope.querySelectorAll<HTMLElement>(runs.selector)];
  const first = all.find((run) => Number(run.dataset[runs.end]) > start);
  const last = all.findLast((run) => Number(run.dataset[runs.start]) < end);
  if (!first?.firstChild || !last?.firstChild || all.indexOf(first) > all.indexOf(last)) return null;
  const range = document.createRange();
  range.setStart(first.firstChild, Math.max(0, start - Number(first.dataset[runs.start])));
  range.setEnd(last.firstChild, Math.min(last.firstChild.textContent?.length ?? 0, end - Number(last.dataset[runs.start])));
  return range;
}

/** The DOM range over body offsets `[start, end)`: the inverse of `selectionRange`, through the same runs. */
export function bodyRange(root: HTMLElement, start: number, end: number): Range | null {
  return rangeOverRuns(root, BODY_RUNS, start, end);
}

/** The DOM range over `[start, end)` of a context text (`data-context`: a ticket's reply), through its runs. */
export function contextRange(root: HTMLElement, id: string, start: number, end: number): Range | null {
  const text = root.querySelector(`[data-context="${CSS.escape(id)}"]`);
  return text ? rangeOverRuns(text, CONTEXT_RUNS, start, end) : null;
}

/** The context text (its `data-context` id) the selection starts or ends in, which no highlight can cover; null when there is none. */
export function selectedContextText(root: HTMLElement): string | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const text = [selection.anchorNode, selection.focusNode].map((node) => contextTextOf(root, node)).find(Boolean);
  return text?.dataset.context ?? null;
}
