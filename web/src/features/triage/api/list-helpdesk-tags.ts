import { useQuery } from '@tanstack/react-query';
import { HelpdeskTagCountsSchema, type SourceKind } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Helpdesk tags come with tickets: a tickets CSV's tags column, Zendesk or Intercom tags, the ticket webhook's. */
export const HELPDESK_TAG_KINDS = ['ticket'] as const satisfies readonly SourceKind[];

/**
 * The helpdesk tags of the tickets nobody has triaged, each with how many of them carry it, most
 * first. Under the queue's `['triage', ws]`, so that what refreshes the queue refreshes these.
 */
export function useUntriagedHelpdeskTags(ws: string) {
  return useQuery({
    queryKey: ['triage', ws, 'helpdesk-tags'],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ untriaged: 'true', kind: HELPDESK_TAG_KINDS.join(',') });
      return apiRequest(`/workspaces/${ws}/sources/helpdesk-tags?${params}`, HelpdeskTagCountsSchema, { signal });
    },
  });
}
