import type { GenericTicket } from '@cairn/shared';
import { normalizeText, toTicketTitle } from './normalize.js';
import { compact } from './rows.js';
import type { ImportedSource } from './types.js';

/** The sender's own `externalId` is kept as is, so re-sending a ticket updates it instead of duplicating it. */
export function toImportedSource(ticket: GenericTicket): ImportedSource {
  const body = normalizeText(ticket.body);
  return {
    kind: 'ticket',
    title: toTicketTitle(ticket.subject, body),
    body,
    occurredAt: new Date(ticket.createdAt),
    externalId: ticket.externalId,
    customer: { email: ticket.requester.email, name: ticket.requester.name ?? null },
    metadata: compact({ priority: ticket.priority, status: ticket.status }),
    segments: null,
    tags: [...new Set(ticket.tags ?? [])],
  };
}
