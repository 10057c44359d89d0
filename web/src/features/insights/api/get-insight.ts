import { useQuery } from '@tanstack/react-query';
import { InsightDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const insightKey = (ws: string, id: string) => ['insights', ws, id] as const;

/** An insight with its parent, children, evidence preview, backlog items and customers. */
export const useInsight = (ws: string, id: string) => useQuery({ queryKey: insightKey(ws, id), queryFn: () => apiRequest(`/workspaces/${ws}/insights/${id}`, InsightDetailSchema) });
