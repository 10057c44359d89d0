import type { SourceSegment } from '@cairn/shared';

export type SpeakerCount = { speaker: string; turns: number };

/** Each speaker of a transcript with their number of turns, in the order they first speak. */
export function countSpeakers(segments: ReadonlyArray<Pick<SourceSegment, 'speaker'>>): SpeakerCount[] {
  const counts = new Map<string, number>();
  for (const { speaker } of segments) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
  return [...counts].map(([speaker, turns]) => ({ speaker, turns }));
}

/**
 * A line of the transcript as drawn under a speaker filter: a turn (`revealed` when it is by a
 * speaker filtered out and shown on request), or the line standing for `count` turns in a row
 * by speakers filtered out, from turn `from`, which opens (`expanded`) to show them.
 */
export type TurnRow = { kind: 'turn'; index: number; revealed: boolean } | { kind: 'hidden'; from: number; count: number; expanded: boolean };

/**
 * The lines of a transcript showing the turns of `speakers` (all of them when the set is empty);
 * the others collapse into one line per run, except the runs (keyed by their first turn) in
 * `expanded`, which show their turns after the line.
 */
export function turnRows(segments: ReadonlyArray<Pick<SourceSegment, 'speaker'>>, speakers: ReadonlySet<string>, expanded: ReadonlySet<number>): TurnRow[] {
  const rows: TurnRow[] = [];
  let index = 0;
  while (index < segments.length) {
    if (!speakers.size || speakers.has(segments[index]!.speaker)) {
      rows.push({ kind: 'turn', index, revealed: false });
      index++;
      continue;
    }
    const from = index;
    while (index < segments.length && !speakers.has(segments[index]!.speaker)) index++;
    const open = expanded.has(from);
    rows.push({ kind: 'hidden', from, count: index - from, expanded: open });
    if (open) for (let turn = from; turn < index; turn++) rows.push({ kind: 'turn', index: turn, revealed: true });
  }
  return rows;
}

/** The collapsed line hiding the turn that holds `offset`, if that turn is hidden. */
export function collapsedRowAt(rows: readonly TurnRow[], segments: ReadonlyArray<Pick<SourceSegment, 'start' | 'end'>>, offset: number): Extract<TurnRow, { kind: 'hidden' }> | null {
  const turn = segments.findIndex((segment) => offset < segment.end);
  if (turn < 0 || offset < segments[turn]!.start) return null;
  return rows.find((row): row is Extract<TurnRow, { kind: 'hidden' }> => row.kind === 'hidden' && !row.expanded && turn >= row.from && turn < row.from + row.count) ?? null;
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

/** Where an arrow key, Home or End moves from the `at`-th of `count` lines of a transcript; null for any other key or past either end. */
export function turnKeyTarget(key: string, at: number, count: number): number | null {
  const targets: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: count - 1 };
  const target = targets[key];
  return target === undefined || target < 0 || target >= count ? null : target;
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
