import { useQuery } from '@tanstack/react-query';
import { BacklogItemDetailSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const backlogItemKey = (ws: string, id: string) => ['backlog-items', ws, id] as const;

/** A backlog item with its score and parts, its insights, evidence preview and customers. */
export const useBacklogItem = (ws: string, id: string) =>
  useQuery({ queryKey: backlogItemKey(ws, id), queryFn: () => apiRequest(`/workspaces/${ws}/backlog-items/${id}`, BacklogItemDetailSchema) });
