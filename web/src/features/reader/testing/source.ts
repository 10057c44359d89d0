import type { Highlight, Source } from '@cairn/shared';

const AT = '2025-03-04T10:00:00.000Z';

/** The note reader tests open. */
export const NOTE_ID = '00000000-0000-4000-8000-000000000201';

/** A note as the server sends it to the reader, with `body` and `highlights` as given: what reader tests' fake servers answer. */
export function aNoteSource({ id, body, highlights }: Pick<Source, 'id' | 'body' | 'highlights'>): Source {
  return {
    id,
    kind: 'note',
    title: 'Call with Acme',
    externalId: null,
    occurredAt: AT,
    customer: null,
    importId: null,
    preview: body,
    highlightCount: highlights.length,
    tagged: false,
    createdBy: null,
    createdAt: AT,
    deletedAt: null,
    body,
    segments: null,
    metadata: {},
    highlights,
    updatedAt: AT,
  };
}

/** The nth highlight of the note NOTE_ID, untagged and without a note, on the first place `quote` stands in its `body`. */
export function aHighlight(n: number, body: string, quote: string): Highlight {
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in the body`);
  return {
    id: `00000000-0000-4000-8000-00000000010${n}`,
    sourceId: NOTE_ID,
    start,
    end: start + quote.length,
    quote,
    note: null,
    tags: [],
    createdBy: null,
    createdAt: AT,
    updatedAt: AT,
  };
}
