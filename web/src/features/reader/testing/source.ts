import type { Source } from '@cairn/shared';

const AT = '2025-03-04T10:00:00.000Z';

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
