import { kMeans, pickPoints, squaredDistance } from './kmeans.js';
import type { Pacer } from './pacer.js';
import { sampleIndexes, type Random } from './random.js';
import type { Points } from './reduce.js';

/** Points whose silhouettes are averaged: a stable mean, and the pairwise distances (quadratic) stay cheap. */
const SILHOUETTE_SAMPLE = 2_000;
/** What 'auto' tries (up to the cap below): about 25% apart, since a smaller step changes little. */
const AUTO_K_CANDIDATES = [2, 3, 4, 5, 6, 8, 10, 12, 15, 19, 24, 30, 37, 46, 57, 71, 88, 100];
/** 'auto' compares the candidates on this many points, so choosing costs the same for 10k or 100k texts. */
const AUTO_SAMPLE = 4_000;

/**
 * For 'auto': the k whose clustering has the highest mean silhouette, among candidates up to
 * √(n/2), a classic rule of thumb (at most 7 clusters for 100 texts, 22 for 1,000, 70 for
 * 10,000, and CLUSTER_K_MAX from 20,000 on). The cap matters: on short texts the silhouette keeps rising
 * with k, as paraphrases ("card not arrived", "card hasn't arrived yet") form small tight
 * groups, so without it 'auto' would cut 400 texts into 70 clusters of five. Below the cap, the
 * silhouette picks fewer clusters when the texts have fewer clear topics.
 * Candidates are clustered on a seeded sample (with all the k-means++ starts: with one, the
 * silhouette's noise would change the chosen k from seed to seed) and scored on a fixed
 * sub-sample of it; ties go to the smaller k.
 */
export async function chooseK(points: Points, random: Random, pacer: Pacer, from: number, share: number): Promise<number> {
  const cap = Math.sqrt(points.count / 2);
  const candidates = AUTO_K_CANDIDATES.filter((k) => k === AUTO_K_CANDIDATES[0] || k <= cap);
  const sample = points.count > AUTO_SAMPLE ? pickPoints(points, sampleIndexes(random, points.count, AUTO_SAMPLE)) : points;
  const scored = sampleIndexes(random, sample.count, SILHOUETTE_SAMPLE);
  const distances = await pairwiseDistances(pickPoints(sample, scored), pacer, from);
  const weight = candidates.reduce((sum, k) => sum + k, 0);
  let done = 0;
  let best = { k: candidates[0]!, silhouette: -Infinity };
  for (const k of candidates) {
    const { assignment } = await kMeans(sample, k, random, pacer, { from: from + (share * done) / weight, share: (share * k) / weight });
    const silhouette = meanSilhouette(distances, Int32Array.from(scored, (i) => assignment[i]!), k);
    if (silhouette > best.silhouette) best = { k, silhouette };
    done += k;
  }
  return best.k;
}

/** The mean silhouette of a clustering, over a seeded sample of its points (as scikit-learn's `sample_size`); null under 3 points. */
export async function sampledSilhouette(points: Points, assignment: Int32Array, k: number, random: Random, pacer: Pacer, at: number): Promise<number | null> {
  if (points.count < 3) return null;
  const scored = sampleIndexes(random, points.count, SILHOUETTE_SAMPLE);
  const distances = await pairwiseDistances(pickPoints(points, scored), pacer, at);
  return meanSilhouette(distances, Int32Array.from(scored, (i) => assignment[i]!), k);
}

/** Euclidean distances between every pair of points (count × count). */
async function pairwiseDistances(points: Points, pacer: Pacer, at: number): Promise<Float32Array> {
  const { values, count, dimensions } = points;
  const distances = new Float32Array(count * count);
  for (let i = 0; i < count; i++) {
    if (pacer.due()) await pacer.pause(at);
    for (let j = i + 1; j < count; j++) {
      const distance = Math.sqrt(squaredDistance(values, i, values, j, dimensions));
      distances[i * count + j] = distance;
      distances[j * count + i] = distance;
    }
  }
  return distances;
}

/**
 * Rousseeuw's silhouette averaged over the points: (b − a) / max(a, b), with a the mean
 * distance to the rest of the point's cluster and b the mean distance to the nearest other
 * cluster. A point alone in its cluster (or with no other cluster) counts 0, as in scikit-learn.
 */
export function meanSilhouette(distances: Float32Array, labels: Int32Array, k: number): number {
  const count = labels.length;
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]!++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const own = labels[i]!;
    if (sizes[own]! < 2) continue;
    sums.fill(0);
    for (let j = 0; j < count; j++) sums[labels[j]!]! += distances[i * count + j]!;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]) b = Math.min(b, sums[c]! / sizes[c]!);
    if (b === Infinity) continue;
    const spread = Math.max(a, b);
    if (spread > 0) total += (b - a) / spread;
  }
  return total / count;
}
