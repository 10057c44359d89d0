import { describe, expect, it } from 'vitest';
import { GenericTicketSchema } from '@cairn/shared';
import { toImportedSource } from './generic-ticket.js';

const ticket = {
  externalId: 'HD-42',
  subject: 'Export fails',
  body: 'The export fails\r\nevery time.  ',
  requester: { email: 'ana@example.com', name: 'Ana' },
  createdAt: '2024-03-25T14:30:00+02:00',
  priority: 'high',
  tags: ['export', 'export', 'bug'],
};

describe('GenericTicketSchema and toImportedSource', () => {
  it('turns a webhook ticket into a ticket source keyed by the sender’s id', () => {
    expect(toImportedSource(GenericTicketSchema.parse(ticket))).toEqual({
      kind: 'ticket',
      title: 'Export fails',
      body: 'The export fails\nevery time.',
      occurredAt: new Date('2024-03-25T12:30:00Z'),
      externalId: 'HD-42',
      customer: { email: 'ana@example.com', name: 'Ana' },
      metadata: { priority: 'high' },
      segments: null,
      tags: ['export', 'bug'],
    });
  });

  it('titles a ticket with an empty subject by its body and accepts a requester without a name', () => {
    const source = toImportedSource(GenericTicketSchema.parse({ ...ticket, subject: '', requester: { email: 'bo@example.com' } }));
    expect(source.title).toBe('The export fails every time.');
    expect(source.customer).toEqual({ email: 'bo@example.com', name: null });
  });

  it.each([
    ['externalId', { externalId: ' ' }],
    ['body', { body: ' \n ' }],
    ['requester.email', { requester: { email: 'not-an-email' } }],
    ['createdAt', { createdAt: '25/03/2024' }],
    ['tags.0', { tags: [''] }],
  ])('rejects an invalid %s, naming the field', (path, change) => {
    const result = GenericTicketSchema.safeParse({ ...ticket, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
