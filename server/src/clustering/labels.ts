import type { Pacer } from './pacer.js';
import type { TermMatrix } from './vectorize.js';

const CLUSTER_TERMS = 6;
/** A word appears in at most this many of a cluster's terms ("card payment, payment declined", not six "payment …"). */
const MAX_TERMS_PER_WORD = 2;
/** The label is made of the cluster's first few terms, as many as fit. */
const LABEL_TERMS = 3;
const LABEL_MAX_LENGTH = 60;
const LABEL_SEPARATOR = ' · ';

export type ClusterDescription = { label: string; terms: string[] };

/**
 * Each cluster's most distinctive terms by class-based TF-IDF (c-TF-IDF, as BERTopic): a term's
 * frequency in the cluster, relative to the cluster's size, times log(1 + A / f) where f is the
 * term's frequency in all clusters and A the mean number of terms per cluster. A term whose
 * words an earlier term already shows is skipped, a bigram takes the place of a unigram it
 * contains ("card", then "card arrival", gives "card arrival"), and no word is in more than two
 * terms, so the six terms say six things.
 */
export async function describeClusters(matrix: TermMatrix, assignment: Int32Array, k: number, pacer: Pacer, at: number): Promise<ClusterDescription[]> {
  const { columns } = matrix;
  const frequencies = new Float64Array(k * columns);
  const clusterTotals = new Float64Array(k);
  const termTotals = new Float64Array(columns);
  for (let row = 0; row < assignment.length; row++) {
    if (pacer.dueAt(row)) await pacer.pause(at);
    const cluster = assignment[row]!;
    for (let i = matrix.indptr[row]!; i < matrix.indptr[row + 1]!; i++) {
      const count = matrix.counts[i]!;
      frequencies[cluster * columns + matrix.indices[i]!]! += count;
      clusterTotals[cluster]! += count;
      termTotals[matrix.indices[i]!]! += count;
    }
  }
  const meanClusterTotal = clusterTotals.reduce((sum, total) => sum + total, 0) / k;
  const descriptions: ClusterDescription[] = [];
  for (let cluster = 0; cluster < k; cluster++) {
    if (pacer.due()) await pacer.pause(at);
    const scored: Array<{ column: number; score: number }> = [];
    for (let column = 0; column < columns; column++) {
      const frequency = frequencies[cluster * columns + column]!;
      if (frequency > 0) scored.push({ column, score: (frequency / clusterTotals[cluster]!) * Math.log(1 + meanClusterTotal / termTotals[column]!) });
    }
    scored.sort((a, b) => b.score - a.score || a.column - b.column);
    const terms = pickTerms(scored, matrix.termStems).map((column) => matrix.termNames[column]!);
    descriptions.push({ label: labelOf(terms), terms });
  }
  return descriptions;
}

function pickTerms(scored: Array<{ column: number }>, termStems: number[][]): number[] {
  const chosen: number[] = [];
  for (const { column } of scored) {
    if (chosen.length === CLUSTER_TERMS) break;
    const stems = termStems[column]!;
    const shown = chosen.flatMap((other) => termStems[other]!);
    const timesShown = (stem: number) => shown.filter((other) => other === stem).length;
    if (stems.every((stem) => timesShown(stem) > 0) || stems.some((stem) => timesShown(stem) >= MAX_TERMS_PER_WORD)) continue;
    // A bigram with both words shown was skipped above, so it contains at most one chosen unigram.
    const contained = chosen.findIndex((other) => termStems[other]!.length === 1 && stems.includes(termStems[other]![0]!));
    if (contained >= 0) chosen[contained] = column;
    else chosen.push(column);
  }
  return chosen;
}

/** The first terms that fit in LABEL_MAX_LENGTH, joined; a first term too long alone is cut with an ellipsis. */
function labelOf(terms: string[]): string {
  const parts = terms.slice(0, LABEL_TERMS);
  while (parts.length > 1 && parts.join(LABEL_SEPARATOR).length > LABEL_MAX_LENGTH) parts.pop();
  const label = parts.join(LABEL_SEPARATOR);
  return label.length > LABEL_MAX_LENGTH ? `${label.slice(0, LABEL_MAX_LENGTH - 1)}…` : label;
}
