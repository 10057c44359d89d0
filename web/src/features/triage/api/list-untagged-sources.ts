import { useQuery } from '@tanstack/react-query';
import { PAGE_SIZE_MAX, SourceSummarySchema, pageOf, type SourceKind } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/** Short sources worth tagging as a whole. */
export const TRIAGE_KINDS = ['ticket', 'survey_response'] as const satisfies readonly SourceKind[];

/**
 * The queue: untagged tickets and survey answers, oldest first. One page of the largest size
 * is the queue a person works through; beyond it the count reads "500+".
 */
export function useUntaggedSources(ws: string, kinds: readonly SourceKind[]) {
  const params = new URLSearchParams({ untagged: 'true', order: 'oldest', kind: kinds.join(','), limit: String(PAGE_SIZE_MAX) });
  return useQuery({
    queryKey: ['sources', ws, 'list', { untagged: true, order: 'oldest', kinds }],
    queryFn: () => apiRequest(`/workspaces/${ws}/sources?${params}`, pageOf(SourceSummarySchema)),
  });
}
