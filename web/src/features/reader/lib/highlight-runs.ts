/** A stretch of text covered by the same set of highlights: what the reader draws as one <mark> (or plain text). */
export type Run = { start: number; end: number; ids: string[] };

/**
 * Cuts `[from, to)` at every highlight boundary inside it, so overlapping highlights draw as
 * runs that each know every highlight they belong to. Offsets are body indices (UTF-16).
 */
export function splitRuns(from: number, to: number, highlights: ReadonlyArray<{ id: string; start: number; end: number }>): Run[] {
  const inside = highlights.filter((highlight) => highlight.start < to && highlight.end > from);
  const cuts = new Set([from, to]);
  for (const highlight of inside) {
    cuts.add(Math.max(from, highlight.start));
    cuts.add(Math.min(to, highlight.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end > start) runs.push({ start, end, ids: inside.filter((h) => h.start <= start && h.end >= end).map((h) => h.id) });
  }
  return runs;
}

/**
 * Ids of ranges drawn like highlights that are not saved highlights (those have uuids): the
 * passage being tagged, the find bar's matches and the one stepped to, and the passage a search
 * result opened (`#at-<start>-<end>`).
 */
export const PENDING_RUN = 'pending';
export const FIND_RUN = 'find';
export const CURRENT_FIND_RUN = 'find-current';
export const PASSAGE_RUN = 'passage';
const TRANSIENT_RUNS: ReadonlySet<string> = new Set([PENDING_RUN, FIND_RUN, CURRENT_FIND_RUN, PASSAGE_RUN]);

/** The saved highlights among the ranges a run belongs to. */
export function savedIds(ids: readonly string[]): string[] {
  return ids.filter((id) => !TRANSIENT_RUNS.has(id));
}

/**
 * The classes of a run's <mark>: one per layer it belongs to, never one layer standing in for
 * another, so that the CSS can draw where they overlap (a find match over a search passage keeps
 * the passage's tint).
 */
export function runClassName(ids: readonly string[], activeId?: string | null): string {
  const saved = savedIds(ids);
  const isPending = ids.includes(PENDING_RUN);
  const isCurrentFind = ids.includes(CURRENT_FIND_RUN);
  return [
    saved.length || isPending ? 'hl' : '',
    saved.length > 1 ? 'hl-overlap' : '',
    isPending ? 'hl-pending' : '',
    activeId && ids.includes(activeId) ? 'hl-active' : '',
    isCurrentFind || ids.includes(FIND_RUN) ? 'find-match' : '',
    isCurrentFind ? 'find-current' : '',
    ids.includes(PASSAGE_RUN) ? 'search-passage' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const WHITESPACE = /\s/;

/** Drops the spaces and line breaks a mouse selection tends to catch at its edges. */
export function trimRange(body: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && WHITESPACE.test(body[from]!)) from++;
  while (to > from && WHITESPACE.test(body[to - 1]!)) to--;
  return to > from ? { start: from, end: to } : null;
}

/** `mm:ss` (or `h:mm:ss`) for a turn's timestamp. */
export function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${String(minutes).padStart(2, '0')}:${seconds}`;
}
