import type { Pacer } from './pacer.js';
import { sampleIndexes, type Random } from './random.js';
import type { Points } from './reduce.js';

/**
 * k-means++ starts tried; the one with the lowest inertia is kept. Small inputs get more: a bad
 * start costs them the most (75 tickets of 3 topics came out at NMI 0.49–1.0 with 3 starts,
 * depending on their order; 0.84–0.95 with 20), and each start costs them little.
 */
const STARTS_MIN = 3;
const STARTS_MAX = 20;
/** Points × clusters a start may cost before the number of starts falls back towards STARTS_MIN. */
const STARTS_WORK = 100_000;
const MAX_ITERATIONS = 100;
/** Above this many points the starts are compared on a seeded sample, and only the best is refined on every point. */
const START_SAMPLE_MAX = 20_000;
/** With sampled starts, the share of the progress they fill (the rest is the refinement on every point). */
const SAMPLED_STARTS_SHARE = 0.6;
/** Iterations stop once fewer than this share of the points change cluster: the last moves change nothing a person would see. */
const CONVERGED_SHARE = 0.001;
/** For the progress bar only: a run usually settles within this many iterations. */
const TYPICAL_ITERATIONS = 30;

export type Clustering = {
  k: number;
  /** The cluster of each point. */
  assignment: Int32Array;
  /** Unit-length centroids (k × dimensions): the normalized mean of each cluster's points. */
  centers: Float32Array;
  /** Sum over points of the squared distance to their centroid. */
  inertia: number;
};

/**
 * Spherical k-means: points and centroids on the unit sphere, so the nearest centroid is the
 * most cosine-similar one. k-means++ seeding, then Lloyd iterations accelerated with Elkan's
 * bounds: a distance is only computed when the triangle inequality cannot rule the centroid out
 * (the same result as computing all of them, in a fraction of the time). Ties go to the lower
 * index, so the result depends only on the input and the seed.
 */
export async function kMeans(points: Points, k: number, random: Random, pacer: Pacer, progress: { from: number; share: number }): Promise<Clustering> {
  const { from, share } = progress;
  const sampled = points.count > START_SAMPLE_MAX ? pickPoints(points, sampleIndexes(random, points.count, START_SAMPLE_MAX)) : points;
  const starts = Math.min(STARTS_MAX, Math.max(STARTS_MIN, Math.floor(STARTS_WORK / (sampled.count * k))));
  const startShare = sampled === points ? share / starts : (share * SAMPLED_STARTS_SHARE) / starts;
  let best: Clustering | undefined;
  for (let start = 0; start < starts; start++) {
    const centers = await seedCenters(sampled, k, random, pacer, from + start * startShare);
    const clustering = await refine(sampled, centers, k, pacer, from + start * startShare, startShare);
    if (!best || clustering.inertia < best.inertia) best = clustering;
  }
  if (sampled === points) return best!;
  return refine(points, best!.centers, k, pacer, from + share * SAMPLED_STARTS_SHARE, share * (1 - SAMPLED_STARTS_SHARE));
}

export function pickPoints(points: Points, indexes: Int32Array): Points {
  const { dimensions } = points;
  const values = new Float32Array(indexes.length * dimensions);
  indexes.forEach((index, i) => values.set(points.values.subarray(index * dimensions, (index + 1) * dimensions), i * dimensions));
  return { values, count: indexes.length, dimensions };
}

/** k-means++: each next centroid is a point drawn with probability proportional to its squared distance to the nearest one chosen. */
async function seedCenters(points: Points, k: number, random: Random, pacer: Pacer, at: number): Promise<Float32Array> {
  const { values, count, dimensions } = points;
  const centers = new Float32Array(k * dimensions);
  const nearest = new Float64Array(count).fill(Infinity);
  let chosen = Math.floor(random() * count);
  for (let c = 0; c < k; c++) {
    centers.set(values.subarray(chosen * dimensions, (chosen + 1) * dimensions), c * dimensions);
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (pacer.dueAt(i)) await pacer.pause(at);
      const distance = squaredDistance(values, i, centers, c, dimensions);
      if (distance < nearest[i]!) nearest[i] = distance;
      total += nearest[i]!;
    }
    // Fewer distinct points than k: the extra centroids repeat a point and their clusters stay empty (dropped later).
    let target = random() * total;
    chosen = count - 1;
    for (let i = 0; i < count; i++) {
      target -= nearest[i]!;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }
  return centers;
}

async function refine(points: Points, initial: Float32Array, k: number, pacer: Pacer, from: number, share: number): Promise<Clustering> {
  const { values, count, dimensions } = points;
  const centers = initial.slice();
  const assignment = new Int32Array(count);
  const upper = new Float64Array(count);
  // Elkan's bounds, one per point and centroid (Float32 halves their memory; a rounding error of 1e-7 decides nothing real).
  const lower = new Float32Array(count * k);
  // Per-cluster sums of the points, kept up to date as points move: most iterations move few of them.
  const sums = new Float64Array(k * dimensions);
  const sizes = new Int32Array(k);
  const centerDistances = new Float64Array(k * k);
  const halfGap = new Float64Array(k);
  const moves = new Float64Array(k);
  const at = (iteration: number) => from + share * Math.min(1, iteration / TYPICAL_ITERATIONS);
  const distance = (i: number, c: number) => Math.sqrt(squaredDistance(values, i, centers, c, dimensions));
  const move = (i: number, to: number) => {
    const previous = assignment[i]!;
    if (previous === to) return;
    sizes[previous]!--;
    sizes[to]!++;
    for (let d = 0; d < dimensions; d++) {
      sums[previous * dimensions + d]! -= values[i * dimensions + d]!;
      sums[to * dimensions + d]! += values[i * dimensions + d]!;
    }
    assignment[i] = to;
  };
  const scan = (i: number) => {
    let nearest = 0;
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      const d = distance(i, c);
      lower[i * k + c] = d;
      if (d < best) {
        best = d;
        nearest = c;
      }
    }
    upper[i] = best;
    return nearest;
  };

  for (let i = 0; i < count; i++) {
    if (pacer.due()) await pacer.pause(at(0));
    const nearest = scan(i);
    assignment[i] = nearest;
    sizes[nearest]!++;
    for (let d = 0; d < dimensions; d++) sums[nearest * dimensions + d]! += values[i * dimensions + d]!;
  }
  for (let iteration = 1; iteration < MAX_ITERATIONS; iteration++) {
    const relocated = relocateToEmptyClusters(points, assignment, upper, sizes, move);
    updateCenters(sums, centers, k, dimensions, moves);
    measureCenters(centers, k, dimensions, centerDistances, halfGap);
    let changed = 0;
    for (let i = 0; i < count; i++) {
      if (pacer.dueAt(i)) await pacer.pause(at(iteration));
      const own = assignment[i]!;
      if (relocated) {
        const nearest = scan(i);
        if (nearest !== own) changed++;
        move(i, nearest);
        continue;
      }
      const row = i * k;
      upper[i]! += moves[own]!;
      for (let c = 0; c < k; c++) lower[row + c]! -= moves[c]!;
      if (upper[i]! <= halfGap[own]!) continue;
      let nearest = own;
      let tight = false;
      for (let c = 0; c < k; c++) {
        if (c === nearest) continue;
        const bound = Math.max(lower[row + c]!, centerDistances[nearest * k + c]! / 2);
        if (upper[i]! <= bound) continue;
        if (!tight) {
          upper[i] = distance(i, nearest);
          lower[row + nearest] = upper[i]!;
          tight = true;
          if (upper[i]! <= bound) continue;
        }
        const d = distance(i, c);
        lower[row + c] = d;
        if (d < upper[i]! || (d === upper[i] && c < nearest)) {
          nearest = c;
          upper[i] = d;
        }
      }
      if (nearest !== own) {
        changed++;
        move(i, nearest);
      }
    }
    if (changed <= count * CONVERGED_SHARE && !relocated) {
      // The centroids follow the last moves, so they stay the means of the final clusters.
      updateCenters(sums, centers, k, dimensions, moves);
      break;
    }
  }

  let inertia = 0;
  for (let i = 0; i < count; i++) {
    if (pacer.dueAt(i)) await pacer.pause(from + share);
    inertia += squaredDistance(values, i, centers, assignment[i]!, dimensions);
  }
  return { k, assignment, centers, inertia };
}

/**
 * An emptied cluster takes the point farthest from its centroid (as scikit-learn does). The
 * caller then re-scans every point, as the moved centroid invalidates the bounds.
 */
function relocateToEmptyClusters(points: Points, assignment: Int32Array, upper: Float64Array, sizes: Int32Array, move: (i: number, to: number) => void): boolean {
  let relocated = false;
  for (let c = 0; c < sizes.length; c++) {
    if (sizes[c]) continue;
    let farthest = -1;
    for (let i = 0; i < points.count; i++) if (sizes[assignment[i]!]! > 1 && (farthest < 0 || upper[i]! > upper[farthest]!)) farthest = i;
    // Fewer distinct points than k: nothing to take, the cluster stays empty (and is dropped from the outcome).
    if (farthest < 0 || upper[farthest]! === 0) continue;
    move(farthest, c);
    upper[farthest] = 0;
    relocated = true;
  }
  return relocated;
}

/** Centroids become the normalized sums of their points; `moves` gets how far each moved. */
function updateCenters(sums: Float64Array, centers: Float32Array, k: number, dimensions: number, moves: Float64Array) {
  for (let c = 0; c < k; c++) {
    let squares = 0;
    for (let d = 0; d < dimensions; d++) squares += sums[c * dimensions + d]! ** 2;
    // An empty cluster, or one of zero vectors only, keeps its centroid.
    if (squares === 0) {
      moves[c] = 0;
      continue;
    }
    const norm = Math.sqrt(squares);
    let moved = 0;
    for (let d = 0; d < dimensions; d++) {
      const value = Math.fround(sums[c * dimensions + d]! / norm);
      moved += (value - centers[c * dimensions + d]!) ** 2;
      centers[c * dimensions + d] = value;
    }
    moves[c] = Math.sqrt(moved);
  }
}

/** Distances between centroids, and half the distance from each to its nearest other (a point closer than that stays). */
function measureCenters(centers: Float32Array, k: number, dimensions: number, distances: Float64Array, halfGap: Float64Array) {
  for (let c = 0; c < k; c++) {
    let closest = Infinity;
    for (let other = 0; other < k; other++) {
      const d = other === c ? 0 : Math.sqrt(squaredDistance(centers, c, centers, other, dimensions));
      distances[c * k + other] = d;
      if (other !== c) closest = Math.min(closest, d);
    }
    halfGap[c] = closest / 2;
  }
}

/** Unrolled by four: V8 does not vectorize, and independent sums let the CPU overlap them (about 1.5× faster). */
export function squaredDistance(a: Float32Array, i: number, b: Float32Array, j: number, dimensions: number): number {
  const offsetA = i * dimensions;
  const offsetB = j * dimensions;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dimensions; d += 4) {
    const e0 = a[offsetA + d]! - b[offsetB + d]!;
    const e1 = a[offsetA + d + 1]! - b[offsetB + d + 1]!;
    const e2 = a[offsetA + d + 2]! - b[offsetB + d + 2]!;
    const e3 = a[offsetA + d + 3]! - b[offsetB + d + 3]!;
    s0 += e0 * e0;
    s1 += e1 * e1;
    s2 += e2 * e2;
    s3 += e3 * e3;
  }
  for (; d < dimensions; d++) {
    const e = a[offsetA + d]! - b[offsetB + d]!;
    s0 += e * e;
  }
  return s0 + s1 + s2 + s3;
}
