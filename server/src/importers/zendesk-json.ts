import { z } from 'zod';
import { isObject, openJsonItems, parseItem } from './json-items.js';
import { htmlToText, normalizeText, toTicketTitle } from './normalize.js';
import { compact, convertRow, readBody, readOptionalDate } from './rows.js';
import { ImportFileError, type ImportedCustomer, type ImportedSource, type ImportRow } from './types.js';

const IdSchema = z.union([z.number(), z.string().min(1)]);
const PersonSchema = z.object({ id: IdSchema.nullish(), email: z.string().nullish(), name: z.string().nullish() });

const ZendeskCommentSchema = z.object({
  author_id: IdSchema.nullish(),
  body: z.string().nullish(),
  plain_body: z.string().nullish(),
  html_body: z.string().nullish(),
  public: z.boolean().nullish(),
  created_at: z.string().nullish(),
});

/** The fields Cairn uses from a Zendesk Support API v2 ticket (the export has many more). */
const ZendeskTicketSchema = z.object({
  id: z.union([z.number(), z.string().min(1)], { error: 'the ticket has no id' }),
  subject: z.string().nullish(),
  raw_subject: z.string().nullish(),
  description: z.string().nullish(),
  created_at: z.string().nullish(),
  priority: z.string().nullish(),
  status: z.string().nullish(),
  type: z.string().nullish(),
  url: z.string().nullish(),
  requester_id: IdSchema.nullish(),
  requester: PersonSchema.nullish(),
  via: z
    .object({
      channel: z.string().nullish(),
      source: z.object({ from: z.object({ address: z.string().nullish(), name: z.string().nullish() }).nullish() }).nullish(),
    })
    .nullish(),
  tags: z.array(z.string()).nullish(),
  comments: z.array(ZendeskCommentSchema).nullish(),
});
type ZendeskTicket = z.infer<typeof ZendeskTicketSchema>;
type ZendeskComment = z.infer<typeof ZendeskCommentSchema>;

/** Zendesk tickets (API responses, `include=users` side-loads, NDJSON export) → `ticket` sources. */
export async function* parseZendeskJson(text: AsyncIterable<string>): AsyncGenerator<ImportRow> {
  for await (const entry of await openJsonItems(text, extractTickets)) {
    yield 'error' in entry ? entry : convertRow(entry.line, entry.raw, () => [toTicket(parseItem(ZendeskTicketSchema, entry.item))]);
  }
}

/**
 * Accepts a single ticket, `{ ticket }`, `{ tickets: [...] }`, `{ results: [...] }` (search) or a
 * bare array. Side-loaded users (`?include=users`) are copied onto their tickets as `requester`,
 * since a ticket alone only carries the requester's id.
 */
function extractTickets(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) throw new ImportFileError('Expected Zendesk tickets: a JSON object or array');
  const list = document.tickets ?? document.results ?? (document.ticket === undefined ? undefined : [document.ticket]);
  if (Array.isArray(list)) return attachRequesters(list, document.users);
  if ('id' in document && ('subject' in document || 'description' in document)) return [document];
  if (Array.isArray(document.comments)) {
    throw new ImportFileError('This is a list of comments without its ticket; export tickets (with their comments) instead');
  }
  throw new ImportFileError('No Zendesk tickets found: expected a ticket, { "tickets": [...] } or an array of tickets');
}

function attachRequesters(tickets: unknown[], users: unknown): unknown[] {
  if (!Array.isArray(users)) return tickets;
  const byId = new Map(users.filter(isObject).map((user) => [String(user.id), user]));
  return tickets.map((ticket) => {
    if (!isObject(ticket) || ticket.requester !== undefined) return ticket;
    const requester = byId.get(String(ticket.requester_id));
    return requester ? { ...ticket, requester } : ticket;
  });
}

function toTicket(ticket: ZendeskTicket): ImportedSource {
  const requesterId = ticket.requester_id ?? ticket.requester?.id ?? null;
  const isRequester = (comment: ZendeskComment) => requesterId !== null && String(comment.author_id) === String(requesterId);
  const comments = ticket.comments ?? [];
  const requesterText = comments.filter(isRequester).map(commentText).filter((text) => text !== '');
  const body = readBody(requesterText.length > 0 ? requesterText.join('\n\n') : (ticket.description ?? ''), { field: 'description' });
  // Private comments are agents' internal notes, not part of the conversation with the customer.
  const replies = comments
    .filter((comment) => !isRequester(comment) && comment.public !== false)
    .map((comment) => ({ authorId: comment.author_id?.toString() ?? null, text: commentText(comment), at: comment.created_at ?? null }))
    .filter((reply) => reply.text !== '');
  return {
    kind: 'ticket',
    title: toTicketTitle(ticket.subject || ticket.raw_subject, body),
    body,
    occurredAt: readOptionalDate(ticket.created_at ?? '', { field: 'created_at' }),
    // Prefixed: ticket ids are small integers that would collide with other sources' ids in the workspace.
    externalId: `zendesk:${ticket.id}`,
    customer: toCustomer(ticket, requesterId),
    metadata: compact({
      vendor: 'zendesk',
      priority: ticket.priority,
      status: ticket.status,
      type: ticket.type,
      channel: ticket.via?.channel,
      url: ticket.url,
      replies: replies.length > 0 ? replies : null,
    }),
    segments: null,
    tags: ticket.tags ?? [],
  };
}

function commentText(comment: ZendeskComment): string {
  return normalizeText(comment.plain_body || comment.body || '') || htmlToText(comment.html_body ?? '');
}

/** The requester: side-loaded or embedded user first, else the sender of an emailed ticket. */
function toCustomer(ticket: ZendeskTicket, requesterId: string | number | null): ImportedCustomer | null {
  const sender = ticket.via?.channel === 'email' ? ticket.via.source?.from : null;
  const email = ticket.requester?.email || sender?.address || null;
  const name = ticket.requester?.name || sender?.name || null;
  if (requesterId === null && !email && !name) return null;
  return { email, name, externalId: requesterId === null ? null : String(requesterId) };
}
