import { describe, expect, it } from 'vitest';
import { decodeStream } from './decode.js';
import { parseIntercomJson } from './intercom-json.js';
import { readDataset, streamDataset } from './test-datasets.js';
import { acceptedSources, chunksOf, collect, rejectedRows } from './test-streams.js';

async function importIntercom(document: unknown) {
  const { chunks } = await decodeStream(chunksOf(JSON.stringify(document, null, 2), 100));
  return collect(parseIntercomJson(chunks));
}

const retrieved = JSON.parse(readDataset('vendor-intercom/intercom-openapi-2.14-retrieve-conversation-example.json').toString()) as Record<string, unknown> & {
  source: Record<string, unknown>;
  conversation_parts: { conversation_parts: Array<Record<string, unknown>> };
};
const contact = { type: 'user', id: '6762f1261bb69f9f2193bba7', name: 'Ana Souza', email: 'ana@example.com' };

/** The real example, turned into a customer-initiated conversation: Intercom's examples are all admin-initiated. */
const customerInitiated = {
  ...retrieved,
  source: { ...retrieved.source, delivered_as: 'customer_initiated', subject: '<p>Export &amp; import</p>', body: '<p>Hi,</p><p>the export <b>fails</b>.<br>Every time!</p>', author: contact },
  conversation_parts: {
    ...retrieved.conversation_parts,
    conversation_parts: [
      ...retrieved.conversation_parts.conversation_parts,
      { type: 'conversation_part', id: 5, part_type: 'comment', body: '<p>Still broken &#128542;</p>', created_at: 1740141900, author: contact },
      { type: 'conversation_part', id: 6, part_type: 'note', body: '<p>internal: VIP</p>', created_at: 1740141901, author: { type: 'admin', name: 'Jamie' } },
    ],
  },
};

describe('parseIntercomJson on the Intercom API examples', () => {
  it('rejects the admin-initiated example conversations, which hold no customer message', async () => {
    for (const fileName of ['intercom-openapi-2.14-retrieve-conversation-example.json', 'intercom-openapi-2.14-list-conversations-example.json']) {
      const { chunks } = await decodeStream(streamDataset(`vendor-intercom/${fileName}`, 256));
      const rows = await collect(parseIntercomJson(chunks));
      expect(rejectedRows(rows)).toEqual([{ line: 1, error: expect.stringMatching(/no message from the customer/) }]);
    }
  });

  it('takes the body from the contact’s messages as text and the admin replies into metadata', async () => {
    const [source] = acceptedSources(await importIntercom(customerInitiated));
    expect(source).toEqual({
      kind: 'ticket',
      title: 'Export & import',
      body: 'Hi,\n\nthe export fails.\nEvery time!\n\nStill broken 😞',
      occurredAt: new Date(1734537511 * 1000),
      externalId: 'intercom:503',
      customer: { email: 'ana@example.com', name: 'Ana Souza', externalId: '70' },
      metadata: {
        vendor: 'intercom',
        state: 'closed',
        priority: 'not_priority',
        channel: 'conversation',
        deliveredAs: 'customer_initiated',
        replies: [{ author: 'Operator', authorType: 'admin', text: 'Okay!', at: '2022-09-19T14:20:23.000Z' }],
      },
      segments: null,
      tags: ['Test tag'],
    });
  });

  it('accepts { conversations: [...] } and bare arrays, numbering items by position', async () => {
    const rows = await importIntercom({ type: 'conversation.list', conversations: [retrieved, customerInitiated] });
    expect(rows.map((row) => ('error' in row ? 'rejected' : row.line))).toEqual(['rejected', 2]);
    expect(acceptedSources(await importIntercom([customerInitiated]))).toHaveLength(1);
  });

  it('rejects a conversation without an id', async () => {
    const rows = await importIntercom([{ ...customerInitiated, id: undefined }]);
    expect(rejectedRows(rows)).toEqual([{ line: 1, error: 'id: the conversation has no id' }]);
  });

  it('raises ImportFileError for JSON that is no conversation', async () => {
    await expect(importIntercom({ type: 'admin.list', admins: [] })).rejects.toThrow(/No Intercom conversations found/);
  });
});
