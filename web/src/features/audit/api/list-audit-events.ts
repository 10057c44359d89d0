import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditEventSchema, pageOf } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** The log's filters as the URL and the API name them: a person's or token's id, an action or a group of them, days. */
export const AUDIT_FILTER_KEYS = ['actorId', 'action', 'from', 'to'] as const;
export type AuditFilters = Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>>;

export const auditEventsKey = (ws: string, filters: AuditFilters = {}) => ['audit', { ws, ...filters }] as const;

const AUDIT_PAGE_SIZE = 50;
const AuditPageSchema = pageOf(AuditEventSchema);

export function listAuditEvents(ws: string, filters: AuditFilters, cursor: string | null) {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  if (cursor) query.set('cursor', cursor);
  return apiRequest(`/workspaces/${ws}/audit?${query}`, AuditPageSchema);
}

/** Newest first, one page at a time; the cursor keeps pages stable while new events arrive. Not `enabled` while the date range is reversed. */
export const useAuditEvents = (ws: string, filters: AuditFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: auditEventsKey(ws, filters),
    queryFn: ({ pageParam }) => listAuditEvents(ws, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
