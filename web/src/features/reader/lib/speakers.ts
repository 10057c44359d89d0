import type { SourceSegment } from '@cairn/shared';
import type { TextRange } from './find-in-text';
import { trimRange } from './highlight-runs';

export type SpeakerCount = { speaker: string; turns: number };

/** Each speaker of a transcript with their number of turns, in the order they first speak. */
export function countSpeakers(segments: ReadonlyArray<Pick<SourceSegment, 'speaker'>>): SpeakerCount[] {
  const counts = new Map<string, number>();
  for (const { speaker } of segments) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
  return [...counts].map(([speaker, turns]) => ({ speaker, turns }));
}

/**
 * A line of the transcript as drawn under a speaker filter: a turn (`revealed` when it is by a
 * speaker filtered out and shown on request), the line standing for `count` turns in a row by
 * speakers filtered out, from turn `from`, which opens (`expanded`) to show them, or text of the
 * body outside every turn (`textOutsideTurns`), nobody's.
 */
export type TurnRow =
  | { kind: 'turn'; index: number; revealed: boolean }
  | { kind: 'hidden'; from: number; count: number; expanded: boolean }
  | { kind: 'text'; start: number; end: number };

/**
 * The stretches of the body no turn covers, cut to their words: a title an import found before the
 * first speaker, or words a source sent through the API left between or after its turns. They are
 * read, found and highlighted like turns. The blank lines between turns are no text.
 */
export function textOutsideTurns(body: string, segments: ReadonlyArray<Pick<SourceSegment, 'start' | 'end'>>): TextRange[] {
  const stretches: TextRange[] = [];
  let from = 0;
  for (const turn of [...segments, { start: body.length, end: body.length }]) {
    const words = trimRange(body, from, turn.start);
    if (words) stretches.push(words);
    from = turn.end;
  }
  return stretches;
}

/**
 * The lines of a transcript showing the turns of `speakers` (all of them when the set is empty);
 * the others collapse into one line per run, except the runs (keyed by their first turn) in
 * `expanded`, which show their turns after the line. The text `outside` turns comes where it is
 * read, before the line after it; between two turns folded into one line it folds with them.
 */
export function turnRows(
  segments: ReadonlyArray<Pick<SourceSegment, 'speaker' | 'start' | 'end'>>,
  speakers: ReadonlySet<string>,
  expanded: ReadonlySet<number>,
  outside: readonly TextRange[] = [],
): TurnRow[] {
  const rows: TurnRow[] = [];
  let text = 0;
  const textBefore = (offset: number) => {
    for (; text < outside.length && outside[text]!.start < offset; text++) rows.push({ kind: 'text', start: outside[text]!.start, end: outside[text]!.end });
  };
  let index = 0;
  while (index < segments.length) {
    textBefore(segments[index]!.start);
    if (!speakers.size || speakers.has(segments[index]!.speaker)) {
      rows.push({ kind: 'turn', index, revealed: false });
      index++;
      continue;
    }
    const from = index;
    while (index < segments.length && !speakers.has(segments[index]!.speaker)) index++;
    const open = expanded.has(from);
    rows.push({ kind: 'hidden', from, count: index - from, expanded: open });
    for (let turn = from; open && turn < index; turn++) {
      textBefore(segments[turn]!.start);
      rows.push({ kind: 'turn', index: turn, revealed: true });
    }
    while (!open && text < outside.length && outside[text]!.start < segments[index - 1]!.end) text++;
  }
  textBefore(Infinity);
  return rows;
}

/** The stretches of the body drawn as `rows`, in reading order: the turns and the text outside them, not what a line of hidden turns folds. */
export function drawnBlocks(rows: readonly TurnRow[], segments: readonly TextRange[]): TextRange[] {
  return rows.flatMap((row) => (row.kind === 'turn' ? [segments[row.index]!] : row.kind === 'text' ? [row] : []));
}

/** The collapsed line folding `offset` (in one of its turns or the text between them), if there is one. */
export function collapsedRowAt(rows: readonly TurnRow[], segments: ReadonlyArray<Pick<SourceSegment, 'start' | 'end'>>, offset: number): Extract<TurnRow, { kind: 'hidden' }> | null {
  return (
    rows.find(
      (row): row is Extract<TurnRow, { kind: 'hidden' }> =>
        row.kind === 'hidden' && !row.expanded && offset >= segments[row.from]!.start && offset < segments[row.from + row.count - 1]!.end,
    ) ?? null
  );
}

/**
 * The part of a selected `[start, end)` a person saw when it spans lines of hidden turns: up to
 * the first hidden turn inside it (`clipped`), since a highlight is one range of the body and
 * cannot leave out the turns between. Null when the range starts in a hidden turn.
 */
export function clipAtHiddenTurns(
  range: { start: number; end: number },
  rows: readonly TurnRow[],
  segments: ReadonlyArray<Pick<SourceSegment, 'start' | 'end'>>,
): { start: number; end: number; clipped: boolean } | null {
  for (const row of rows) {
    if (row.kind !== 'hidden' || row.expanded) continue;
    const first = segments[row.from]!;
    const last = segments[row.from + row.count - 1]!;
    if (first.start >= range.end || last.end <= range.start) continue;
    // Lines come in reading order: the first one the range reaches is where what was seen stops.
    return first.start > range.start ? { start: range.start, end: first.start, clipped: true } : null;
  }
  return { ...range, clipped: false };
}

/** How many lines PageUp and PageDown move: about a screenful of short turns. */
export const LINES_PER_PAGE = 10;

/**
 * Where an arrow key, Home, End, PageUp or PageDown moves from the `at`-th of `count` lines of a
 * transcript or paragraphs of a text; null for any other key, past either end, or nowhere new.
 */
export function turnKeyTarget(key: string, at: number, count: number): number | null {
  const targets: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: at - 1,
    Home: 0,
    End: count - 1,
    PageDown: Math.min(at + LINES_PER_PAGE, count - 1),
    PageUp: Math.max(at - LINES_PER_PAGE, 0),
  };
  const target = targets[key];
  return target === undefined || target < 0 || target >= count || (target === at && key.startsWith('Page')) ? null : target;
}

/**
 * The turn an arrow key, Home or End goes to while no turn has focus (as when the reader opens):
 * ↓ the first turn in view, ↑ the last, Home the first turn, End the last. Null for other keys,
 * and for ↓ or ↑ with no turn in view (the key scrolls the page then). `inView` is asked only
 * as far as needed, as it measures the page.
 */
export function turnToEnter(key: string, count: number, inView: (index: number) => boolean): number | null {
  if (!count) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  if (key === 'ArrowDown') {
    for (let index = 0; index < count; index++) if (inView(index)) return index;
  } else if (key === 'ArrowUp') {
    for (let index = count - 1; index >= 0; index--) if (inView(index)) return index;
  }
  return null;
}
