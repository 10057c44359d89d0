import type { Pacer } from './pacer.js';
import type { Random } from './random.js';
import type { TermMatrix } from './vectorize.js';

/** LSA components: the classic size for short texts (scikit-learn's text clustering example uses 100). */
const DIMENSIONS = 100;
/** Extra random directions that make the top ones accurate (Halko, Martinsson & Tropp 2011). */
const OVERSAMPLING = 10;
/**
 * One power iteration (at least one is needed: it orthonormalizes the basis). On BANKING77 more
 * of them, sharpening the top directions, lowered NMI a little (0.633 with one, 0.621 with two,
 * 0.617 with four, mean of four seeds).
 */
const POWER_ITERATIONS = 1;
const JACOBI_MAX_SWEEPS = 60;

export type Points = { values: Float32Array; count: number; dimensions: number };

/**
 * Latent semantic analysis: each row projected on the top right singular vectors of the
 * TF-IDF matrix (randomized truncated SVD), then L2-normalized again, so k-means compares
 * topics rather than exact words. The range finder works on the term side (columns ≤ 20k),
 * so every dense step costs the same at 10k or 100k texts; only sparse products grow.
 */
export async function reduceDimensions(matrix: TermMatrix, random: Random, pacer: Pacer): Promise<Points> {
  const count = matrix.rowTexts.length;
  const columns = matrix.columns;
  if (columns <= DIMENSIONS) return normalizeRows({ values: await multiply(matrix, identity(columns), columns, pacer, 0, 1), count, dimensions: columns }, pacer);

  const width = Math.min(DIMENSIONS + OVERSAMPLING, columns);
  const passes = 2 * POWER_ITERATIONS + 3;
  // Rademacher directions: as good as Gaussian for the range finder, and no transcendental functions to differ between engines.
  let basis: Float64Array = new Float64Array(columns * width);
  for (let i = 0; i < basis.length; i++) {
    if (pacer.dueAt(i)) await pacer.pause(0);
    basis[i] = random() < 0.5 ? -1 : 1;
  }
  for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
    const images = await multiply(matrix, basis, width, pacer, (2 * iteration) / passes, 1 / passes);
    basis = await multiplyTransposed(matrix, images, width, pacer, (2 * iteration + 1) / passes, 1 / passes);
    await orthonormalizeColumns(basis, columns, width, pacer, (2 * iteration + 2) / passes);
  }
  const images = await multiply(matrix, basis, width, pacer, (passes - 3) / passes, 1 / passes);
  const gram = await gramMatrix(images, count, width, pacer, (passes - 2) / passes, 1 / passes);
  const { vectors } = await symmetricEigen(gram, width, pacer);
  const dimensions = Math.min(DIMENSIONS, width);
  // Rotate the basis onto the singular directions, keep the top ones, and project every row on them.
  const projection = new Float64Array(columns * dimensions);
  for (let term = 0; term < columns; term++) {
    if (pacer.due()) await pacer.pause((passes - 1) / passes);
    for (let j = 0; j < width; j++) {
      const value = basis[term * width + j]!;
      if (value === 0) continue;
      for (let d = 0; d < dimensions; d++) projection[term * dimensions + d]! += value * vectors[j * width + d]!;
    }
  }
  return normalizeRows({ values: await multiply(matrix, projection, dimensions, pacer, (passes - 1) / passes, 1 / passes), count, dimensions }, pacer);
}

function identity(size: number): Float64Array {
  const values = new Float64Array(size * size);
  for (let i = 0; i < size; i++) values[i * size + i] = 1;
  return values;
}

/** The sparse rows times a dense (columns × width) matrix, row-major. */
async function multiply(matrix: TermMatrix, dense: Float64Array, width: number, pacer: Pacer, from: number, share: number): Promise<Float32Array> {
  const rows = matrix.rowTexts.length;
  const product = new Float32Array(rows * width);
  const row = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    if (pacer.due()) await pacer.pause(from + (share * r) / rows);
    row.fill(0);
    for (let i = matrix.indptr[r]!; i < matrix.indptr[r + 1]!; i++) {
      const weight = matrix.weights[i]!;
      const offset = matrix.indices[i]! * width;
      for (let j = 0; j < width; j++) row[j]! += weight * dense[offset + j]!;
    }
    product.set(row, r * width);
  }
  return product;
}

/** The transposed sparse rows times a dense (rows × width) matrix: columns × width, row-major. */
async function multiplyTransposed(matrix: TermMatrix, dense: Float32Array, width: number, pacer: Pacer, from: number, share: number): Promise<Float64Array> {
  const rows = matrix.rowTexts.length;
  const product = new Float64Array(matrix.columns * width);
  for (let r = 0; r < rows; r++) {
    if (pacer.due()) await pacer.pause(from + (share * r) / rows);
    const source = r * width;
    for (let i = matrix.indptr[r]!; i < matrix.indptr[r + 1]!; i++) {
      const weight = matrix.weights[i]!;
      const offset = matrix.indices[i]! * width;
      for (let j = 0; j < width; j++) product[offset + j]! += weight * dense[source + j]!;
    }
  }
  return product;
}

/**
 * Modified Gram–Schmidt on the columns of a row-major (length × width) matrix, in place. A
 * column that is (numerically) a combination of the previous ones becomes zero: its direction
 * is then simply unused.
 */
async function orthonormalizeColumns(values: Float64Array, length: number, width: number, pacer: Pacer, at: number) {
  // Work on contiguous columns: the row-major layout would stride through memory for every dot product.
  const columns = new Float64Array(values.length);
  for (let i = 0; i < length; i++) {
    if (pacer.dueAt(i)) await pacer.pause(at);
    for (let j = 0; j < width; j++) columns[j * length + i] = values[i * width + j]!;
  }
  for (let j = 0; j < width; j++) {
    if (pacer.due()) await pacer.pause(at);
    const column = columns.subarray(j * length, (j + 1) * length);
    const before = Math.sqrt(dot(column, column));
    for (let p = 0; p < j; p++) {
      const previous = columns.subarray(p * length, (p + 1) * length);
      const projection = dot(column, previous);
      if (projection !== 0) for (let i = 0; i < length; i++) column[i]! -= projection * previous[i]!;
    }
    const norm = Math.sqrt(dot(column, column));
    if (norm > 1e-10 * before) for (let i = 0; i < length; i++) column[i]! /= norm;
    else column.fill(0);
  }
  for (let i = 0; i < length; i++) {
    if (pacer.dueAt(i)) await pacer.pause(at);
    for (let j = 0; j < width; j++) values[i * width + j] = columns[j * length + i]!;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** AᵀA for a row-major (rows × width) A. */
async function gramMatrix(values: Float32Array, rows: number, width: number, pacer: Pacer, from: number, share: number): Promise<Float64Array> {
  const gram = new Float64Array(width * width);
  for (let r = 0; r < rows; r++) {
    if (pacer.due()) await pacer.pause(from + (share * r) / rows);
    const offset = r * width;
    for (let a = 0; a < width; a++) {
      const value = values[offset + a]!;
      if (value === 0) continue;
      for (let b = a; b < width; b++) gram[a * width + b]! += value * values[offset + b]!;
    }
  }
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) gram[a * width + b] = gram[b * width + a]!;
  return gram;
}

/**
 * Eigenvalues (descending) and unit eigenvectors (as columns) of a small symmetric matrix, by
 * cyclic Jacobi rotations: simple, accurate, and plenty fast for the ~110×110 matrix here.
 */
export async function symmetricEigen(matrix: Float64Array, size: number, pacer: Pacer): Promise<{ values: Float64Array; vectors: Float64Array }> {
  const a = matrix.slice();
  const v = identity(size);
  for (let sweep = 0; sweep < JACOBI_MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let p = 0; p < size; p++) {
      diagonal += a[p * size + p]! ** 2;
      for (let q = p + 1; q < size; q++) offDiagonal += a[p * size + q]! ** 2;
    }
    if (offDiagonal <= 1e-30 * diagonal || offDiagonal === 0) break;
    for (let p = 0; p < size - 1; p++) {
      if (pacer.due()) await pacer.pause(0);
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]!;
        if (apq === 0) continue;
        const theta = (a[q * size + q]! - a[p * size + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p]!;
          const akq = a[k * size + q]!;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k]!;
          const aqk = a[q * size + k]!;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p]!;
          const vkq = v[k * size + q]!;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort((i, j) => a[j * size + j]! - a[i * size + i]! || i - j);
  const values = Float64Array.from(order, (i) => a[i * size + i]!);
  const vectors = new Float64Array(size * size);
  order.forEach((from, to) => {
    for (let k = 0; k < size; k++) vectors[k * size + to] = v[k * size + from]!;
  });
  return { values, vectors };
}

async function normalizeRows(points: Points, pacer: Pacer): Promise<Points> {
  const { values, count, dimensions } = points;
  for (let r = 0; r < count; r++) {
    if (pacer.dueAt(r)) await pacer.pause(1);
    const row = values.subarray(r * dimensions, (r + 1) * dimensions);
    let squares = 0;
    for (let d = 0; d < dimensions; d++) squares += row[d]! * row[d]!;
    // A row with no weight on the kept directions stays zero: equally far from every centroid.
    if (squares > 0) {
      const norm = Math.sqrt(squares);
      for (let d = 0; d < dimensions; d++) row[d]! /= norm;
    }
  }
  return points;
}
