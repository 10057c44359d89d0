/** `1 highlight`, `3 highlights`, `1,200 companies`: counts in the words both the API's messages and the SPA use. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

const LIST_FORMAT = new Intl.ListFormat('en', { type: 'conjunction' });

/** `segment`, `segment and plan`, `segment, plan, and annual revenue`. */
export function listOf(words: string[]): string {
  return LIST_FORMAT.format(words);
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and adjacent
 * transpositions, each one edit ("reciev" is one from "receiv"). Search's corrections and the
 * palette's typo-forgiving page names count typos the same way.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
