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
