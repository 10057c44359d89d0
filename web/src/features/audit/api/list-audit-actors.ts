import { useQuery } from '@tanstack/react-query';
import { AuditActorListSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const auditActorsKey = (ws: string) => ['audit', 'actors', { ws }] as const;

/** Everyone and every API token with an event in the log, former members included: the person filter's choices. */
export const useAuditActors = (ws: string) =>
  useQuery({
    queryKey: auditActorsKey(ws),
    queryFn: () => apiRequest(`/workspaces/${ws}/audit/actors`, AuditActorListSchema),
  });
