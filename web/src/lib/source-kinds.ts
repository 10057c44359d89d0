import type { SourceKind } from '@cairn/shared';

/** How each kind of source is named and marked wherever sources are listed or counted. */
export const SOURCE_KIND_LABELS: Record<SourceKind, { one: string; many: string; icon: string }> = {
  interview: { one: 'Interview', many: 'Interviews', icon: '◉' },
  ticket: { one: 'Ticket', many: 'Tickets', icon: '✉' },
  survey_response: { one: 'Survey answer', many: 'Survey answers', icon: '☑' },
  review: { one: 'Review', many: 'Reviews', icon: '★' },
  note: { one: 'Note', many: 'Notes', icon: '✎' },
};
