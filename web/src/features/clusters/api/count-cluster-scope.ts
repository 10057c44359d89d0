import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ClusterScopeCountSchema, type ClusterScope } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { clusterRunsKey } from './list-cluster-runs';

/** How long the scope must stay put before it is counted: ticking three kinds asks once, not three times. */
const COUNT_DEBOUNCE_MS = 300;

export const countClusterScope = (ws: string, scope: ClusterScope, signal?: AbortSignal) =>
  apiRequest(`/workspaces/${ws}/cluster-runs/scope-count`, ClusterScopeCountSchema, { method: 'POST', body: { scope }, signal });

/**
 * How many texts a run of `scope` would cluster, counted once the scope has stayed put for a
 * moment; `null` asks nothing (a scope the form would refuse). The last count stays shown while
 * the next one loads, and `counting` says so.
 */
export function useClusterScopeCount(ws: string, scope: ClusterScope | null) {
  // Compared as JSON: the form builds a new scope object on every render.
  const wanted = scope && JSON.stringify(scope);
  const [asked, setAsked] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(wanted), COUNT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  const query = useQuery({
    queryKey: [...clusterRunsKey(ws), 'scope-count', asked],
    queryFn: ({ signal }) => countClusterScope(ws, JSON.parse(asked!) as ClusterScope, signal),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
  });
  return { data: query.data, error: query.error, counting: wanted !== null && (wanted !== asked || query.isFetching) };
}
