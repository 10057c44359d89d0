/** A seeded PRNG (mulberry32): a run's sampling and initialisation depend only on its seed, never on Math.random. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An independent stream for one step of a run, so how many numbers one step draws (e.g. how
 * many k the automatic choice tries) never shifts what the next step draws.
 */
export function streamOf(seed: number, step: number): Random {
  return seededRandom(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(step + 1, 0x85ebca6b));
}

/** `count` distinct indexes of [0, n), in increasing order (a partial Fisher–Yates shuffle). */
export function sampleIndexes(random: Random, n: number, count: number): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const size = Math.min(count, n);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = all[i]!;
    all[i] = all[j]!;
    all[j] = swap;
  }
  return all.slice(0, size).sort();
}
