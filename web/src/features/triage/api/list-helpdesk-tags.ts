import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { HelpdeskTagCountsSchema, type DateRangeQuery, type SourceKind } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';
import { dateRangeParams } from './list-untriaged-sources';

/** Helpdesk tags come with tickets: a tickets CSV's tags column, Zendesk or Intercom tags, the ticket webhook's. */
export const HELPDESK_TAG_KINDS = ['ticket'] as const satisfies readonly SourceKind[];

/**
 * The helpdesk tags of the tickets nobody has triaged (in the date range, when there is one), each
 * with how many of them carry it, most first. Under the queue's `['triage', ws]`, so that what
 * refreshes the queue refreshes these. A new range keeps the counts of the last one on screen until
 * its own arrive: the select stays where it is, focus and all.
 */
export function useUntriagedHelpdeskTags(ws: string, range: DateRangeQuery, enabled = true) {
  return useQuery({
    queryKey: ['triage', ws, 'helpdesk-tags', range],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ untriaged: 'true', kind: HELPDESK_TAG_KINDS.join(','), ...dateRangeParams(range) });
      return apiRequest(`/workspaces/${ws}/sources/helpdesk-tags?${params}`, HelpdeskTagCountsSchema, { signal });
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}
