import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { clusterTexts, normalizedMutualInformation } from '../server/src/clustering/index.js';
import { seededRandom } from '../server/src/clustering/random.js';
import type { Benchmark, BenchRow } from './lib/report.js';

/**
 * The clustering engine in process (no server, no database): BANKING77's 10,003 support
 * queries with their 77 gold intents, and 100,000 texts derived from them, each at k = 77 and
 * with k chosen automatically. Quality is the normalized mutual information with the gold
 * intents; responsiveness is the longest the event loop went without a turn (a 1 ms ticker
 * runs beside the engine, as HTTP requests would in the API process).
 *
 * BENCH_CLUSTER_TEXTS changes the size of the derived set.
 */

const DERIVED_TEXTS = Number(process.env.BENCH_CLUSTER_TEXTS ?? 100_000);
const SEED = 1;
const DERIVE_SEED = 7;
const K = 77;
/** Each derived text keeps a word of its source query with this probability ... */
const KEEP_WORD = 0.8;
/** ... and gains this many words from another query of the same intent, so the set has structure but few exact repeats. */
const BORROWED_WORDS = 2;
const TICK_MS = 1;
const MEMORY_SAMPLE_MS = 50;
const BANKING77 = new URL('../../shared/datasets/banking77/train.csv', import.meta.url);

type Labelled = { texts: string[]; intents: string[] };

function readBanking77(): Labelled {
  const rows: Array<{ text: string; category: string }> = parse(fs.readFileSync(BANKING77), { columns: true });
  return { texts: rows.map((row) => row.text), intents: rows.map((row) => row.category) };
}

/** Seeded recombinations of the queries: shuffled words of one query, some dropped, plus a couple from another of the same intent. */
function deriveTexts(source: Labelled, count: number): Labelled {
  const random = seededRandom(DERIVE_SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const byIntent = new Map<string, string[][]>();
  source.texts.forEach((text, i) => {
    const queries = byIntent.get(source.intents[i]!) ?? byIntent.set(source.intents[i]!, []).get(source.intents[i]!)!;
    queries.push(text.split(/\s+/));
  });
  const texts: string[] = [];
  const intents: string[] = [];
  for (let i = 0; i < count; i++) {
    const intent = pick(source.intents);
    const queries = byIntent.get(intent)!;
    const words = pick(queries).filter(() => random() < KEEP_WORD);
    const other = pick(queries);
    for (let b = 0; b < BORROWED_WORDS; b++) words.push(pick(other));
    for (let w = words.length - 1; w > 0; w--) {
      const j = Math.floor(random() * (w + 1));
      [words[w], words[j]] = [words[j]!, words[w]!];
    }
    texts.push(words.join(' '));
    intents.push(intent);
  }
  return { texts, intents };
}

async function measure(name: string, data: Labelled, k: number | 'auto'): Promise<BenchRow[]> {
  let longestStall = 0;
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - lastTick - TICK_MS);
    lastTick = now;
  }, TICK_MS);
  // The engine's big arrays are typed arrays, outside the JS heap: count both.
  const used = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const usedBefore = used();
  let peakUsed = usedBefore;
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakUsed = Math.max(peakUsed, used());
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, MEMORY_SAMPLE_MS);
  const started = performance.now();
  try {
    const outcome = await clusterTexts(data.texts, { k, seed: SEED });
    const ms = performance.now() - started;
    const predicted = new Array<number>(data.texts.length).fill(-1);
    outcome.clusters.forEach((cluster, c) => cluster.members.forEach((member) => (predicted[member.index] = c)));
    const nmi = normalizedMutualInformation(data.intents, predicted);
    const row = (metric: string, value: number, unit: string, note?: string): BenchRow => ({ benchmark: 'cluster', metric: `${name}: ${metric}`, value, unit, ...(note ? { note } : {}) });
    return [
      row('wall time', Math.round(ms), 'ms', `k=${outcome.k}, ${outcome.clusters.length} clusters, ${outcome.unclustered.length} unclustered`),
      row('NMI with gold intents', Number(nmi.toFixed(3)), '', 'unclustered texts count as one more group'),
      row('silhouette (sampled)', Number((outcome.silhouette ?? NaN).toFixed(3)), ''),
      row('longest event-loop stall', Math.round(longestStall), 'ms'),
      row('peak memory growth (heap + typed arrays)', Math.round((peakUsed - usedBefore) / 2 ** 20), 'MiB', `process peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`),
    ];
  } finally {
    clearInterval(ticker);
    clearInterval(sampler);
  }
}

export const clusterBenchmark: Benchmark = {
  name: 'cluster',
  description: `clustering engine: BANKING77 (10k texts) and ${DERIVED_TEXTS.toLocaleString('en-US')} derived texts, k = ${K} and auto`,
  run: async () => {
    const banking = readBanking77();
    const derived = deriveTexts(banking, DERIVED_TEXTS);
    const rows: BenchRow[] = [];
    for (const [name, data] of [['BANKING77', banking], [`${Math.round(DERIVED_TEXTS / 1000)}k derived`, derived]] as const) {
      for (const k of [K, 'auto'] as const) {
        console.error(`  ${name}, k = ${k}`);
        rows.push(...(await measure(`${name} k=${k}`, data, k)));
      }
    }
    return rows;
  },
};
