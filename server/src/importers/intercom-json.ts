import { z } from 'zod';
import { isObject, openJsonItems, parseItem } from './json-items.js';
import { htmlToText, toTicketTitle } from './normalize.js';
import { compact, convertRow } from './rows.js';
import { ImportFileError, RowError, type ImportedCustomer, type ImportedSource, type ImportRow } from './types.js';

const IdSchema = z.union([z.string().min(1), z.number()]);
const AuthorSchema = z.object({ type: z.string().nullish(), id: IdSchema.nullish(), name: z.string().nullish(), email: z.string().nullish() });
const MessageSchema = z.object({
  part_type: z.string().nullish(),
  body: z.string().nullish(),
  author: AuthorSchema.nullish(),
  created_at: z.number().nullish(),
});

/** The fields Cairn uses from an Intercom (API 2.x) conversation. */
const IntercomConversationSchema = z.object({
  id: z.union([z.string().min(1), z.number()], { error: 'the conversation has no id' }).transform(String),
  created_at: z.number().nullish(),
  title: z.string().nullish(),
  state: z.string().nullish(),
  priority: z.string().nullish(),
  source: MessageSchema.extend({ type: z.string().nullish(), delivered_as: z.string().nullish(), subject: z.string().nullish() }).nullish(),
  contacts: z
    .object({
      contacts: z.array(z.object({ id: IdSchema.nullish(), external_id: z.string().nullish(), email: z.string().nullish(), name: z.string().nullish() })),
    })
    .nullish(),
  tags: z.object({ tags: z.array(z.object({ name: z.string() })) }).nullish(),
  conversation_parts: z.object({ conversation_parts: z.array(MessageSchema) }).nullish(),
});
type IntercomConversation = z.infer<typeof IntercomConversationSchema>;
type IntercomMessage = z.infer<typeof MessageSchema>;

/** Intercom's author types for the customer's side; admins, bots and teams answer. */
const CONTACT_AUTHOR_TYPES = new Set(['user', 'lead', 'contact']);

/** Intercom conversations (retrieve, list, or a bare array) → `ticket` sources holding what the customer wrote. */
export async function* parseIntercomJson(text: AsyncIterable<string>): AsyncGenerator<ImportRow> {
  for await (const entry of await openJsonItems(text, extractConversations)) {
    yield 'error' in entry ? entry : convertRow(entry.line, entry.raw, () => [toTicket(parseItem(IntercomConversationSchema, entry.item))]);
  }
}

function extractConversations(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (isObject(document) && Array.isArray(document.conversations)) return document.conversations;
  if (isObject(document) && (document.type === 'conversation' || 'conversation_parts' in document || 'source' in document)) return [document];
  throw new ImportFileError('No Intercom conversations found: expected a conversation, { "conversations": [...] } or an array of conversations');
}

/**
 * The body is the customer's side of the conversation only — that is the evidence; replies by
 * admins, bots and teams go to metadata.replies for context. Internal notes are left out.
 */
function toTicket(conversation: IntercomConversation): ImportedSource {
  const messages = [conversation.source, ...(conversation.conversation_parts?.conversation_parts ?? [])]
    .filter((message): message is IntercomMessage => Boolean(message?.body) && message?.part_type !== 'note')
    .map((message) => ({ message, text: htmlToText(message.body ?? '') }))
    .filter(({ text }) => text !== '');
  const fromContact = messages.filter(({ message }) => isContact(message));
  if (fromContact.length === 0) {
    throw new RowError('The conversation has no message from the customer (only admin or bot messages, e.g. an outbound message nobody answered)');
  }
  const body = fromContact.map(({ text }) => text).join('\n\n');
  const replies = messages
    .filter(({ message }) => !isContact(message))
    .map(({ message, text }) => ({ author: message.author?.name ?? null, authorType: message.author?.type ?? null, text, at: toIso(message.created_at) }));
  const tags = conversation.tags?.tags.map((tag) => tag.name) ?? [];
  return {
    kind: 'ticket',
    title: toTicketTitle(conversation.source?.subject ? htmlToText(conversation.source.subject) : conversation.title, body),
    body,
    occurredAt: toDate(conversation.created_at),
    // Prefixed: conversation ids would otherwise collide with other sources' ids in the workspace.
    externalId: `intercom:${conversation.id}`,
    customer: toCustomer(conversation, fromContact[0]?.message.author),
    metadata: compact({
      vendor: 'intercom',
      state: conversation.state,
      priority: conversation.priority,
      channel: conversation.source?.type,
      deliveredAs: conversation.source?.delivered_as,
      replies: replies.length > 0 ? replies : null,
    }),
    segments: null,
    tags,
  };
}

function isContact(message: IntercomMessage): boolean {
  return CONTACT_AUTHOR_TYPES.has(message.author?.type ?? '');
}

/** The conversation's first contact, completed by the email and name the customer wrote with; their own external id wins. */
function toCustomer(conversation: IntercomConversation, author: IntercomMessage['author']): ImportedCustomer | null {
  const contact = conversation.contacts?.contacts[0];
  const externalId = contact?.external_id ?? (contact?.id ?? author?.id)?.toString() ?? null;
  const email = contact?.email ?? author?.email ?? null;
  const name = contact?.name ?? author?.name ?? null;
  return externalId || email || name ? { email, name, externalId } : null;
}

// Intercom times are Unix seconds.
function toDate(seconds: number | null | undefined): Date | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
}

function toIso(seconds: number | null | undefined): string | null {
  return toDate(seconds)?.toISOString() ?? null;
}
