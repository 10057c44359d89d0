import type { HighlightListItem } from '@cairn/shared';

/** For component tests: a highlight as the Highlights list returns it, the nth of a ticket of its own, made on `at`. */
export function highlightListItem(n: number, quote: string, at: string, overrides: Partial<HighlightListItem> = {}): HighlightListItem {
  const sourceId = `00000000-0000-4000-8000-00000000020${n}`;
  return {
    id: `00000000-0000-4000-8000-00000000010${n}`,
    sourceId,
    start: 0,
    end: quote.length,
    quote,
    note: null,
    tags: [],
    createdBy: null,
    createdAt: at,
    updatedAt: at,
    source: { id: sourceId, title: `Ticket ${n}`, kind: 'ticket', occurredAt: at },
    customer: null,
    ...overrides,
  };
}
