import { describe, expect, it } from 'vitest';
import { orderClusters } from './order';

describe('orderClusters', () => {
  const clusters = [
    { id: 'loud', size: 40, customerCount: 2 },
    { id: 'broad', size: 30, customerCount: 25 },
    { id: 'grown', size: 45, customerCount: 2 },
    { id: 'tied', size: 30, customerCount: 25 },
  ];
  const ids = (order: 'size' | 'customers') => orderClusters(clusters, order).map((cluster) => cluster.id);

  it('puts the largest first by their current size, ties in the given order', () => {
    expect(ids('size')).toEqual(['grown', 'loud', 'broad', 'tied']);
  });

  it('puts the clusters with the most distinct customers first, then the larger ones', () => {
    expect(ids('customers')).toEqual(['broad', 'tied', 'grown', 'loud']);
  });

  it('leaves the list it was given as it was', () => {
    orderClusters(clusters, 'customers');
    expect(clusters.map((cluster) => cluster.id)).toEqual(['loud', 'broad', 'grown', 'tied']);
  });
});
