import { describe, expect, it } from 'vitest';
import { decodeStream } from './decode.js';
import { readDataset, streamDataset } from './test-datasets.js';
import { acceptedSources, chunksOf, collect, rejectedRows } from './test-streams.js';
import { ImportFileError } from './types.js';
import { parseZendeskJson } from './zendesk-json.js';

async function importZendesk(content: Buffer | string) {
  const { chunks } = await decodeStream(chunksOf(content, 256));
  return collect(parseZendeskJson(chunks));
}

async function importDataset(fileName: string) {
  const { chunks } = await decodeStream(streamDataset(`vendor-zendesk/${fileName}`, 512));
  return collect(parseZendeskJson(chunks));
}

type ZendeskFixture = { tickets: Array<Record<string, unknown>> };
const goZendesk = JSON.parse(readDataset('vendor-zendesk/go-zendesk-fixture-GET-tickets.json').toString()) as ZendeskFixture;
const comments = (JSON.parse(readDataset('vendor-zendesk/go-zendesk-fixture-GET-ticket_comments.json').toString()) as { comments: unknown[] }).comments;

describe('parseZendeskJson on recorded API responses', () => {
  it('reads the four tickets of GET /tickets/recent with priority, status, type, channel and tags', async () => {
    const rows = await importDataset('zendesk_api_client_rb-tickets-recent.json');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4]);
    const sources = acceptedSources(rows);
    expect(sources.map((source) => source.externalId)).toEqual(['zendesk:1', 'zendesk:8868', 'zendesk:8867', 'zendesk:8866']);
    expect(sources[0]).toEqual({
      kind: 'ticket',
      title: 'This is a sample ticket requested and submitted by you',
      body: 'This is the first comment. Feel free to delete this sample ticket.',
      occurredAt: new Date('2012-09-06T20:15:09Z'),
      externalId: 'zendesk:1',
      customer: { email: null, name: null, externalId: '20014182' },
      metadata: { vendor: 'zendesk', priority: 'high', status: 'pending', type: 'incident', channel: 'web', url: 'https://zendeskapi.zd-staging.com/api/v2/tickets/1.json' },
      segments: null,
      tags: [],
    });
    expect(sources[1]).toMatchObject({ title: 'TESTDATA', body: 'Indeed it is!', tags: ['awesome', 'blossom'], metadata: { priority: 'normal', status: 'new' } });
    expect(JSON.parse(rows[1]?.raw ?? '')).toMatchObject({ id: 8868 });
  });

  it('takes the requester of an emailed ticket from its sender, and keeps Japanese text', async () => {
    const sources = acceptedSources(await importDataset('go-zendesk-fixture-GET-tickets.json'));
    expect(sources[0]).toMatchObject({
      body: 'Mail to create fixture ticket for testing\n\nnukosuke (●ↀ ω ↀ●)',
      customer: { email: 'nukosuke@lavabit.com', name: 'Yosuke Tamura', externalId: '377922500012' },
      metadata: { channel: 'email', status: 'solved' },
    });
    expect(sources[1]).toMatchObject({ title: 'にゃー', body: 'ぬこすけ', customer: { email: null, externalId: '377922500012' } });
  });

  it('builds the body from the requester’s comments and keeps public agent comments as replies', async () => {
    const [byRequester, byAgent] = comments as Array<Record<string, unknown>>;
    const internalNote = { ...byAgent, id: 4, author_id: 1, public: false, body: 'internal note' };
    const ticket = { ...goZendesk.tickets[0], comments: [byRequester, { ...byAgent, author_id: 1, body: 'We are on it.' }, internalNote] };
    const [source] = acceptedSources(await importZendesk(JSON.stringify({ tickets: [ticket] })));
    expect(source?.body).toBe('Mail to create fixture ticket for testing');
    expect(source?.metadata.replies).toEqual([{ authorId: '1', text: 'We are on it.', at: '2019-06-03T02:23:47Z' }]);
  });

  it('joins several requester comments as paragraphs', async () => {
    const ticket = { ...goZendesk.tickets[1], comments };
    const [source] = acceptedSources(await importZendesk(JSON.stringify([ticket])));
    expect(source?.body).toBe('Mail to create fixture ticket for testing\n\nMail to create fixture ticket for testing');
    expect(source?.metadata.replies).toBeUndefined();
  });

  it('refuses the comments list alone with a clear message', async () => {
    await expect(importDataset('go-zendesk-fixture-GET-ticket_comments.json')).rejects.toThrow(/comments without its ticket/);
  });
});

describe('parseZendeskJson shapes and errors', () => {
  const ticket = { id: 5, subject: 'Hi', description: 'Body', requester_id: 9, created_at: '2024-01-01T00:00:00Z' };

  it.each([
    ['a single ticket', ticket],
    ['{ ticket }', { ticket }],
    ['{ results } from search', { results: [ticket] }],
  ])('accepts %s', async (_, document) => {
    expect(acceptedSources(await importZendesk(JSON.stringify(document))).map((source) => source.externalId)).toEqual(['zendesk:5']);
  });

  it('copies side-loaded users onto their tickets', async () => {
    const document = { tickets: [ticket], users: [{ id: 9, name: 'Ana', email: 'ana@example.com' }] };
    expect(acceptedSources(await importZendesk(JSON.stringify(document)))[0]?.customer).toEqual({ email: 'ana@example.com', name: 'Ana', externalId: '9' });
  });

  it('streams newline-delimited JSON, rejecting bad lines by their line number', async () => {
    const ndjson = [JSON.stringify(ticket), '', JSON.stringify({ ...ticket, id: 6 }), '{"id": 7, "subj', JSON.stringify({ subject: 'no id', description: 'x' })].join('\r\n');
    const rows = await importZendesk(ndjson);
    expect(acceptedSources(rows).map((source) => source.externalId)).toEqual(['zendesk:5', 'zendesk:6']);
    expect(rejectedRows(rows)).toEqual([
      { line: 4, error: expect.stringMatching(/^The line is not valid JSON/) },
      { line: 5, error: 'id: the ticket has no id' },
    ]);
    expect(rows[2]?.raw).toBe('{"id": 7, "subj');
  });

  it('rejects a ticket without text and one with an unreadable date, and goes on', async () => {
    const rows = await importZendesk(JSON.stringify([{ id: 1, subject: 'x', description: ' ' }, { ...ticket, created_at: 'someday' }, ticket]));
    expect(rejectedRows(rows)).toEqual([
      { line: 1, error: 'description is empty' },
      { line: 2, error: expect.stringMatching(/^created_at "someday" is not a date/) },
    ]);
    expect(acceptedSources(rows)).toHaveLength(1);
  });

  it.each([
    ['invalid JSON', '{"tickets": [', /not valid JSON/],
    ['an empty file', '  \n', /empty/],
    ['JSON without tickets', '{"users": []}', /No Zendesk tickets found/],
  ])('raises ImportFileError for %s before any row', async (_, text, message) => {
    const rows = parseZendeskJson((await decodeStream(chunksOf(text))).chunks);
    await expect(rows.next()).rejects.toThrow(message);
    await expect(importZendesk(text)).rejects.toBeInstanceOf(ImportFileError);
  });
});
