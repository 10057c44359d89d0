import { useCallback } from 'react';
import type { ClusterScope } from '@cairn/shared';
import { useCatalog } from '../../../lib/catalog';
import { describeScope } from '../lib/run-words';

/** `describeScope` with the workspace's tag names from the catalog. */
export function useDescribeScope(ws: string) {
  const catalog = useCatalog(ws);
  const tags = catalog.data?.tags;
  return useCallback((scope: ClusterScope) => describeScope(scope, { tagName: tags && ((id) => tags.find((tag) => tag.id === id)?.name) }), [tags]);
}
