import type { Cluster } from '@cairn/shared';

export type SizeBar = {
  id: string;
  label: string;
  size: number;
  /** Of the largest cluster, 0..100: the bar's length. */
  width: number;
  /** Of every text the run read, 0..100. */
  share: number;
};

/**
 * The sizes chart: bars scaled to the largest cluster, so that the biggest theme fills the row
 * and the others read against it; each also says its share of all the texts the run read
 * (those left out of every cluster included), so that a big bar of a small run is not oversold.
 */
export function sizeBars(clusters: Pick<Cluster, 'id' | 'label' | 'size'>[], textCount: number | null): SizeBar[] {
  const largest = Math.max(0, ...clusters.map((cluster) => cluster.size));
  const total = textCount || clusters.reduce((sum, cluster) => sum + cluster.size, 0);
  return clusters.map(({ id, label, size }) => ({ id, label, size, width: largest ? (size / largest) * 100 : 0, share: total ? (size / total) * 100 : 0 }));
}

/** A share as a person reads it: `14%`, or `<1%` rather than a misleading `0%`. */
export function formatShare(share: number): string {
  return share > 0 && share < 1 ? '<1%' : `${Math.round(share)}%`;
}
