import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditEventSchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

export const auditEventsKey = (ws: string) => ['audit', { ws }] as const;

const AUDIT_PAGE_SIZE = 50;
const AuditPageSchema = pageOf(AuditEventSchema);

export function listAuditEvents(ws: string, cursor: string | null) {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  return apiRequest(`/workspaces/${ws}/audit?${query}`, AuditPageSchema);
}

/** Newest first, one page at a time; the cursor keeps pages stable while new events arrive. */
export const useAuditEvents = (ws: string) =>
  useInfiniteQuery({
    queryKey: auditEventsKey(ws),
    queryFn: ({ pageParam }) => listAuditEvents(ws, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
