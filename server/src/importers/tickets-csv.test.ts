import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { TicketsCsvMapping } from '@cairn/shared';
import { decodeStream } from './decode.js';
import { streamDataset } from './test-datasets.js';
import { acceptedSources, chunksOf, collect, rejectedRows } from './test-streams.js';
import { parseTicketsCsv } from './tickets-csv.js';
import { ImportFileError } from './types.js';

async function importTickets(content: Buffer | string, mapping?: TicketsCsvMapping, options = {}) {
  const { chunks } = await decodeStream(chunksOf(content, 11));
  return collect(parseTicketsCsv(chunks, mapping, options));
}

const FULL_CSV = [
  'Ticket ID,Subject,Description,Requester Email,Requester,Company,Created at,Priority,Status,Channel,Tags',
  'T-1,Export broken,"The CSV export fails\nevery time.",ana@example.com,Ana Souza,Acme,2024-03-25T14:30:00Z,high,open,chat,"export, bug;csv"',
  'T-2,,Where is my invoice?,,,,03/26/2024,,,,',
].join('\n');

describe('parseTicketsCsv on banking77', () => {
  it('accepts all 10,003 rows with the suggested mapping (text → body), titled by their text', async () => {
    const { chunks } = await decodeStream(streamDataset('banking77/train.csv', 16 * 1024));
    const rows = await collect(parseTicketsCsv(chunks));
    expect(rejectedRows(rows)).toEqual([]);
    const sources = acceptedSources(rows);
    expect(sources).toHaveLength(10_003);
    expect(sources[0]).toMatchObject({ kind: 'ticket', title: 'I am still waiting on my card?', body: 'I am still waiting on my card?', externalId: null });
    // Both columns are mapped (text → body, category → tags): nothing is left to keep as fields.
    expect(sources.filter((source) => 'fields' in source.metadata)).toEqual([]);
    expect(rows[0]?.line).toBe(2);
    const lines = rows.map((row) => row.line);
    expect(lines.every((line, i) => i === 0 || line > (lines[i - 1] ?? 0))).toBe(true);
  });
});

describe('parseTicketsCsv', () => {
  it('maps every field: title, body, customer and company, date, metadata (channel too) and tags', async () => {
    const rows = await importTickets(FULL_CSV);
    const [first, second] = acceptedSources(rows);
    expect(first).toEqual({
      kind: 'ticket',
      title: 'Export broken',
      body: 'The CSV export fails\nevery time.',
      occurredAt: new Date('2024-03-25T14:30:00Z'),
      externalId: 'T-1',
      customer: { email: 'ana@example.com', name: 'Ana Souza', company: { name: 'Acme' } },
      metadata: { priority: 'high', status: 'open', channel: 'chat' },
      segments: null,
      tags: ['export', 'bug', 'csv'],
    });
    expect(second).toMatchObject({ title: 'Where is my invoice?', occurredAt: new Date('2024-03-26T00:00:00Z'), customer: null, tags: [] });
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('uses an explicit mapping and the default date', async () => {
    const occurredAt = new Date('2020-01-01T00:00:00Z');
    const rows = await importTickets('msg;who\nHello;Bo\n', { body: 'msg', requesterName: 'who' }, { occurredAt });
    expect(acceptedSources(rows)[0]).toMatchObject({ body: 'Hello', customer: { email: null, name: 'Bo' }, occurredAt });
  });

  it('reads tab-separated files', async () => {
    const rows = await importTickets('id\tbody\n7\tTabs work\n');
    expect(acceptedSources(rows)[0]).toMatchObject({ externalId: '7', body: 'Tabs work' });
  });

  it('reads UTF-16LE with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('subject,body\nCafé,Crème brûlée 🎉\n', 'utf16le')]);
    expect(acceptedSources(await importTickets(bytes))[0]).toMatchObject({ title: 'Café', body: 'Crème brûlée 🎉' });
  });

  it('reads Windows-1252 (é as 0xE9)', async () => {
    const bytes = iconv.encode('subject;body\nRéclamation;Le relevé est faux\n', 'win1252');
    expect(bytes.includes(0xe9)).toBe(true);
    expect(acceptedSources(await importTickets(bytes))[0]).toMatchObject({ title: 'Réclamation', body: 'Le relevé est faux' });
  });

  it('rejects an empty body and a too-short row, naming the field as the wizard does and the column, and goes on', async () => {
    const rows = await importTickets('id,body,email\n1,,a@b.io\n2\n3,fine,\n');
    expect(rejectedRows(rows)).toEqual([
      { line: 2, error: 'Ticket text is empty (column "body")' },
      { line: 3, error: 'Ticket text is empty (column "body"): the row has only 1 of 3 columns' },
    ]);
    expect(acceptedSources(rows).map((source) => source.externalId)).toEqual(['3']);
  });

  it('rejects a row with extra values (an unquoted delimiter)', async () => {
    const rows = await importTickets('id,body\n1,Hello, world\n');
    expect(rejectedRows(rows)[0]?.error).toMatch(/3 values but the header names 2 columns/);
  });

  it('rejects an ambiguous, unreadable or impossible date and a malformed email, naming field, column and value once', async () => {
    const rows = await importTickets('body,created,email\nA,03/04/2024,\nB,soon,\nC,,N/A\nD,2024-13-45,\n');
    expect(rejectedRows(rows)).toEqual([
      { line: 2, error: expect.stringMatching(/^Created at "03\/04\/2024" \(column "created"\) is ambiguous/) },
      { line: 3, error: expect.stringMatching(/^Created at "soon" \(column "created"\) is not a date/) },
      { line: 4, error: 'Requester email "N/A" (column "email") is not an email address' },
      { line: 5, error: 'Created at "2024-13-45" (column "created") is not a real date or time' },
    ]);
  });

  it('reads the created dates in the order the chosen dateOrder gives', async () => {
    const rows = await importTickets('body,created\nA,03/04/2024\n', undefined, { dateOrder: 'month-first' });
    expect(acceptedSources(rows)[0]?.occurredAt).toEqual(new Date('2024-03-04T00:00:00Z'));
  });

  it('keeps the company in metadata when there is no requester', async () => {
    const rows = await importTickets('body,organization\nHi,Acme\n');
    expect(acceptedSources(rows)[0]).toMatchObject({ customer: null, metadata: { company: 'Acme' } });
  });

  it('keeps the columns the mapping does not use as fields, in file order, leaving out empty values', async () => {
    const csv = ['Ticket ID,Plan,Description,Priority,Country,Plan,,Notes', 'T-1,Pro,The export fails.,high,"  FR ",Enterprise,tier 2,', 'T-2,,Slow search.,,,,,'].join('\n');
    const [first, second] = acceptedSources(await importTickets(csv));
    expect(first?.metadata).toEqual({
      priority: 'high',
      // A repeated column name is told apart and a column without one named by its place: no value overwrites another.
      fields: [
        { name: 'Plan', value: 'Pro' },
        { name: 'Country', value: 'FR' },
        { name: 'Plan (2)', value: 'Enterprise' },
        { name: 'Column 7', value: 'tier 2' },
      ],
    });
    expect(second?.metadata).toEqual({});
  });

  it('keeps at most 50 fields a row, names of 100 characters and values of 1,000, cut with an ellipsis', async () => {
    const extra = Array.from({ length: 60 }, (_, i) => `Extra ${i + 1}`);
    const longName = 'N'.repeat(150);
    const header = ['Description', longName, ...extra].join(',');
    const row = ['The export fails.', 'v'.repeat(1_500), ...extra.map((_, i) => String(i + 1))].join(',');
    const [source] = acceptedSources(await importTickets(`${header}\n${row}\n`));
    const fields = source?.metadata.fields as Array<{ name: string; value: string }>;
    expect(fields).toHaveLength(50);
    expect(fields[0]).toEqual({ name: `${'N'.repeat(99)}…`, value: `${'v'.repeat(999)}…` });
    expect(fields.at(-1)).toEqual({ name: 'Extra 49', value: '49' });
  });

  it('keeps the same fields in the same order every time the file is read, so a re-import compares equal', async () => {
    const csv = 'Description,Plan,Channel,Country\nThe export fails.,Pro,chat,FR\n';
    const [first, again] = await Promise.all([importTickets(csv), importTickets(csv)]);
    expect(JSON.stringify(acceptedSources(first)[0]?.metadata)).toBe(JSON.stringify(acceptedSources(again)[0]?.metadata));
    expect(acceptedSources(first)[0]?.metadata).toEqual({ channel: 'chat', fields: [{ name: 'Plan', value: 'Pro' }, { name: 'Country', value: 'FR' }] });
  });

  it('keeps the original text of every row for the rejected-rows file', async () => {
    const rows = await importTickets('id,body\r\n1,"multi\r\nline"\r\n2,\r\n');
    expect(rows.map((row) => row.raw)).toEqual(['1,"multi\nline"', '2,']);
  });

  it('raises ImportFileError when the mapping names a missing column', async () => {
    await expect(importTickets('id,body\n1,x\n', { body: 'description' })).rejects.toThrow('The mapping names column "description" for Ticket text, but the file has no such column');
  });

  it('raises ImportFileError when no column can be the body', async () => {
    const attempt = importTickets('hello world this is not a csv\nfoo bar\n');
    await expect(attempt).rejects.toBeInstanceOf(ImportFileError);
  });

  it('parses 100,000 rows (~50 MB), streaming', async () => {
    const row = (i: number) => `${i},Subject ${i},"${'The export fails again, and again. '.repeat(13)}\nSecond line",u${i}@example.com,2024-01-02 10:00,high,open,"a;b"\n`;
    async function* generate() {
      yield Buffer.from('id,subject,body,email,created,priority,status,tags\n');
      for (let i = 0; i < 100_000; i += 1000) {
        let batch = '';
        for (let j = i; j < i + 1000; j++) batch += row(j);
        yield Buffer.from(batch);
      }
    }
    const { chunks } = await decodeStream(generate());
    let accepted = 0;
    let lastLine = 0;
    for await (const parsed of parseTicketsCsv(chunks)) {
      if ('sources' in parsed) accepted++;
      lastLine = parsed.line;
    }
    expect(accepted).toBe(100_000);
    expect(lastLine).toBe(200_000);
  });
});
