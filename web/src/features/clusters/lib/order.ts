import type { Cluster } from '@cairn/shared';

/** How the cards of a run can be ordered: by members, or by the distinct customers behind them (breadth). */
export const CLUSTER_ORDERS = ['size', 'customers'] as const;
export type ClusterOrder = (typeof CLUSTER_ORDERS)[number];

export const CLUSTER_ORDER_LABELS: Record<ClusterOrder, { option: string; list: string }> = {
  size: { option: 'Most members', list: 'largest first' },
  customers: { option: 'Most customers', list: 'most customers first' },
};

/**
 * The clusters in that order, largest first (sizes change as members move, so the engine's order
 * can go stale); equal ones by size, then in the engine's order.
 */
export function orderClusters<T extends Pick<Cluster, 'size' | 'customerCount'>>(clusters: readonly T[], order: ClusterOrder): T[] {
  const first = order === 'customers' ? (cluster: T) => cluster.customerCount : (cluster: T) => cluster.size;
  // Array sort is stable: ties keep the engine's order.
  return [...clusters].sort((a, b) => first(b) - first(a) || b.size - a.size);
}
