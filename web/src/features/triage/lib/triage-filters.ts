import type { DateRangeQuery, SourceKind } from '@cairn/shared';
import { withParams } from '../../../lib/url-params';
import { TRIAGE_KINDS } from '../api/list-untriaged-sources';

/** What the queue's Show select offers, by the `kind` it puts in the URL (none: both). */
export const SHOW_CHOICES = {
  all: { label: 'Tickets and survey answers', kinds: TRIAGE_KINDS },
  ticket: { label: 'Tickets', kinds: ['ticket'] },
  survey_response: { label: 'Survey answers', kinds: ['survey_response'] },
} as const satisfies Record<string, { label: string; kinds: readonly SourceKind[] }>;
export type ShowChoice = keyof typeof SHOW_CHOICES;

/** The queue's filters as the URL holds them: `kind`, `helpdeskTag`, `from`, `to` (the Inbox's names). */
export type TriageFilters = { show: ShowChoice; helpdeskTag: string | null; range: DateRangeQuery };

export function readTriageFilters(params: URLSearchParams): TriageFilters {
  const kind = params.get('kind');
  const show: ShowChoice = kind === 'ticket' || kind === 'survey_response' ? kind : 'all';
  const range: DateRangeQuery = {};
  for (const bound of ['from', 'to'] as const) {
    const value = params.get(bound)?.trim();
    if (value) range[bound] = value;
  }
  return { show, helpdeskTag: params.get('helpdeskTag')?.trim() || null, range };
}

/** The params with the filters written in, others (none yet) left as they were. */
export function writeTriageFilters(params: URLSearchParams, filters: TriageFilters): URLSearchParams {
  return withParams(params, { kind: filters.show === 'all' ? null : filters.show, helpdeskTag: filters.helpdeskTag, from: filters.range.from, to: filters.range.to });
}

/** How many filters narrow the queue, as its Filters button counts them: the dates are one, whichever bound is set. */
export function countTriageFilters({ show, helpdeskTag, range }: TriageFilters): number {
  return [show !== 'all', helpdeskTag !== null, !!(range.from || range.to)].filter(Boolean).length;
}

/** "from 2024-01-02 to 2024-01-31", "from 2024-01-02", "to 2024-01-31", or '' without dates. */
export function describeRange(range: DateRangeQuery): string {
  return [range.from && `from ${range.from.slice(0, 10)}`, range.to && `to ${range.to.slice(0, 10)}`].filter(Boolean).join(' ');
}
