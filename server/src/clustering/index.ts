import { CLUSTER_K_MAX, CLUSTER_K_MIN } from '@cairn/shared';
import { kMeans, type Clustering } from './kmeans.js';
import { describeClusters, type ClusterDescription } from './labels.js';
import { Pacer } from './pacer.js';
import { streamOf } from './random.js';
import { reduceDimensions, type Points } from './reduce.js';
import { chooseK, sampledSilhouette } from './silhouette.js';
import { buildTermMatrix, type TermMatrix } from './vectorize.js';

export { normalizedMutualInformation } from './nmi.js';
export { TEXT_MAX_CHARS } from './tokenize.js';
export { CLUSTER_K_MAX, CLUSTER_K_MIN };

/** `index` is the text's position in the input; `score` its cosine similarity to the cluster's centroid, in [0, 1], to 3 decimals. */
export type ClusterMember = { index: number; score: number };
/** Members by score, highest first (ties: lower index first). */
export type Cluster = { label: string; terms: string[]; members: ClusterMember[] };
export type ClusterOutcome = {
  /** The k asked for, or the one chosen for 'auto'. */
  k: number;
  /** Mean silhouette of the clustering over a seeded sample of texts; null under 3 clustered texts. */
  silhouette: number | null;
  /**
   * Biggest first (ties: the one holding the lowest text index first). Never empty, so fewer
   * than k when the texts have fewer than k distinct contents.
   */
  clusters: Cluster[];
  /** Texts with no term to cluster on: empty, only stop words, numbers and links, or only words no other text uses. */
  unclustered: number[];
};
export type ClusterOptions = {
  /** From 0 to 1, never decreasing; at most every ~100 ms, and 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Once aborted, the run rejects with `signal.reason` within a few milliseconds. */
  signal?: AbortSignal;
};

/** Input the clustering cannot work with; the message is for the person who asked, in plain English. */
export class ClusterInputError extends Error {
  override name = 'ClusterInputError';
}

/** Shares of the progress bar by step, as timed on 10k and 100k texts (see bench/cluster.bench.ts). */
const PROGRESS_SHARES = { terms: 0.1, reduce: 0.3, cluster: 0.5, describe: 0.1 };
/** Choosing k runs k-means many times, so it takes most of an automatic run. */
const AUTO_PROGRESS_SHARES = { terms: 0.05, reduce: 0.15, cluster: 0.75, describe: 0.05 };
/** With 'auto', the share of the clustering step spent choosing k. */
const CHOOSE_K_SHARE = 0.6;
/** One random stream per step (see `streamOf`). */
const STREAMS = { reduce: 0, chooseK: 1, cluster: 2, silhouette: 3 };

/**
 * Groups texts by topic, deterministically: the same texts in the same order, k and seed give
 * the same outcome on any machine. Tokenize, drop stop words, stem, TF-IDF over unigrams and
 * bigrams, LSA, spherical k-means++ (k chosen by silhouette for 'auto'), then labels from each
 * cluster's most distinctive terms. It runs on the caller's thread in slices, letting the event
 * loop run between them.
 */
export async function clusterTexts(texts: readonly string[], params: { k: number | 'auto'; seed: number }, options: ClusterOptions = {}): Promise<ClusterOutcome> {
  const { k: asked, seed } = params;
  if (asked !== 'auto' && !(Number.isInteger(asked) && asked >= CLUSTER_K_MIN && asked <= CLUSTER_K_MAX)) {
    throw new ClusterInputError(`The number of clusters must be a whole number from ${CLUSTER_K_MIN} to ${CLUSTER_K_MAX}, or automatic.`);
  }
  const shares = asked === 'auto' ? AUTO_PROGRESS_SHARES : PROGRESS_SHARES;
  const pacer = new Pacer(options);
  pacer.step(shares.terms);
  const matrix = await buildTermMatrix(texts, pacer);
  checkEnoughTexts(matrix, texts.length, asked === 'auto' ? CLUSTER_K_MIN : asked);

  pacer.step(shares.reduce);
  const points = await reduceDimensions(matrix, streamOf(seed, STREAMS.reduce), pacer);

  pacer.step(shares.cluster);
  const k = asked === 'auto' ? await chooseK(points, streamOf(seed, STREAMS.chooseK), pacer, 0, CHOOSE_K_SHARE) : asked;
  const from = asked === 'auto' ? CHOOSE_K_SHARE : 0;
  const clustering = await kMeans(points, k, streamOf(seed, STREAMS.cluster), pacer, { from, share: 1 - from });

  pacer.step(shares.describe);
  const silhouette = await sampledSilhouette(points, clustering.assignment, k, streamOf(seed, STREAMS.silhouette), pacer, 0);
  const descriptions = await describeClusters(matrix, clustering.assignment, k, pacer, 0.5);
  const clusters = await collectClusters(matrix, points, clustering, descriptions, pacer);
  pacer.finish();
  return { k, silhouette, clusters, unclustered: matrix.unclustered };
}

function checkEnoughTexts(matrix: TermMatrix, total: number, needed: number) {
  const usable = matrix.rowTexts.length;
  if (usable >= needed) return;
  if (!total) throw new ClusterInputError('There are no texts to cluster.');
  const found = usable === total ? `There are only ${total} texts to cluster` : `Only ${usable} of the ${total} texts share words with another text`;
  throw new ClusterInputError(`${found}, and ${needed} clusters need at least ${needed}. Choose fewer clusters or a wider scope.`);
}

async function collectClusters(matrix: TermMatrix, points: Points, clustering: Clustering, descriptions: ClusterDescription[], pacer: Pacer): Promise<Cluster[]> {
  const { dimensions, values } = points;
  const members: ClusterMember[][] = descriptions.map(() => []);
  for (let row = 0; row < points.count; row++) {
    if (pacer.dueAt(row)) await pacer.pause(1);
    const cluster = clustering.assignment[row]!;
    let similarity = 0;
    for (let d = 0; d < dimensions; d++) similarity += values[row * dimensions + d]! * clustering.centers[cluster * dimensions + d]!;
    const score = Math.round(Math.min(1, Math.max(0, similarity)) * 1000) / 1000;
    members[cluster]!.push({ index: matrix.rowTexts[row]!, score });
  }
  return descriptions
    .map((description, cluster) => ({ ...description, members: members[cluster]!.sort((a, b) => b.score - a.score || a.index - b.index) }))
    .filter((cluster) => cluster.members.length > 0)
    .sort((a, b) => b.members.length - a.members.length || lowestIndex(a) - lowestIndex(b));
}

const lowestIndex = (cluster: Cluster) => cluster.members.reduce((lowest, member) => Math.min(lowest, member.index), Infinity);
