import { queryOptions, useQuery } from '@tanstack/react-query';
import { SourceSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const sourceKey = (ws: string, id: string) => ['sources', ws, id] as const;

export const getSource = (ws: string, id: string) => apiRequest(`/workspaces/${ws}/sources/${id}`, SourceSchema);

/** Shared by the reader and the triage queue, which prefetches the next item with it. */
export const sourceQueryOptions = (ws: string, id: string) => queryOptions({ queryKey: sourceKey(ws, id), queryFn: () => getSource(ws, id) });

export const useSource = (ws: string, id: string) => useQuery(sourceQueryOptions(ws, id));
