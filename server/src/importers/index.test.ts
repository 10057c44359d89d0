import { IMPORT_PREVIEW_ROWS } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { importFile, previewFile } from './index.js';
import { readDataset, streamDataset } from './test-datasets.js';
import { acceptedSources, chunksOf, collect } from './test-streams.js';
import { ImportFileError } from './types.js';

describe('importFile', () => {
  it('dispatches a transcript and yields it as one row named after the file', async () => {
    const rows = await collect(importFile('transcript', 'IS1002b.txt', streamDataset('ami-meetings/IS1002b.txt', 4096), { interviewer: 'Marketing' }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 1, raw: 'IS1002b.txt' });
    expect(acceptedSources(rows)[0]?.segments).toHaveLength(472);
  });

  it.each([
    ['zendesk-json', 'vendor-zendesk/zendesk_api_client_rb-tickets-recent.json', 4],
    ['tickets-csv', 'banking77/train.csv', 10_003],
    ['survey-csv', 'survey-qualtrics/qualtRics-sample.csv', 1],
  ] as const)('dispatches %s', async (format, file, count) => {
    expect(acceptedSources(await collect(importFile(format, file, streamDataset(file))))).toHaveLength(count);
  });

  it('redacts every source when asked and reports the count per source', async () => {
    const csv = 'subject,body\nCall +44 20 7946 0958,"Mail ana@example.com, card 4111 1111 1111 1111"\nNothing,Order 12345 on 2024-01-15\n';
    const sources = acceptedSources(await collect(importFile('tickets-csv', 't.csv', chunksOf(csv), { redactPii: true })));
    expect(sources.map(({ title, body, redactions }) => ({ title, body, redactions }))).toEqual([
      { title: 'Call [phone]', body: 'Mail [email], card [card]', redactions: 3 },
      { title: 'Nothing', body: 'Order 12345 on 2024-01-15', redactions: 0 },
    ]);
  });

  it('redacts the fields of unmapped columns as it redacts the text, and counts them', async () => {
    const csv = 'body,Backup contact,Plan\nThe export fails,"ana@example.com, +44 20 7946 0958",Pro\n';
    const [redacted] = acceptedSources(await collect(importFile('tickets-csv', 't.csv', chunksOf(csv), { redactPii: true })));
    expect(redacted?.metadata.fields).toEqual([
      { name: 'Backup contact', value: '[email], [phone]' },
      { name: 'Plan', value: 'Pro' },
    ]);
    expect(redacted?.redactions).toBe(2);
    const [kept] = acceptedSources(await collect(importFile('tickets-csv', 't.csv', chunksOf(csv))));
    expect(kept?.metadata.fields).toEqual([
      { name: 'Backup contact', value: 'ana@example.com, +44 20 7946 0958' },
      { name: 'Plan', value: 'Pro' },
    ]);
  });

  it.each([
    ['qualtRics-sample.csv', 'IP-Adresse', 'Breitengrad des Standorts', 'Längengrad des Standorts'],
    ['qualtRics-sample_legacy.csv', 'IPAddress', 'LocationLatitude', 'LocationLongitude'],
  ])('redacts the respondent’s IP address and location in the fields of the Qualtrics export %s, and keeps them without redactPii', async (file, ip, latitude, longitude) => {
    const importQualtrics = (options: { redactPii?: boolean }) => collect(importFile('survey-csv', file, streamDataset(`survey-qualtrics/${file}`), options));
    const pick = (fields: unknown) => (fields as Array<{ name: string; value: string }>).filter(({ name }) => [ip, latitude, longitude].includes(name));
    const [redacted] = acceptedSources(await importQualtrics({ redactPii: true }));
    expect(pick(redacted?.metadata.fields)).toEqual([
      { name: ip, value: '[ip]' },
      { name: latitude, value: '[location]' },
      { name: longitude, value: '[location]' },
    ]);
    expect(redacted?.redactions).toBe(3);
    const [kept] = acceptedSources(await importQualtrics({}));
    expect(pick(kept?.metadata.fields)).toEqual([
      { name: ip, value: '130.92.34.66' },
      { name: latitude, value: '47.115097045898' },
      { name: longitude, value: '7.2315979003906' },
    ]);
  });

  it('keeps transcript segments exact after redaction', async () => {
    const text = 'Ana: write to ana@example.com\nBo: ok\n';
    const [source] = acceptedSources(await collect(importFile('transcript', 'a.txt', chunksOf(text), { redactPii: true })));
    expect(source?.segments?.map((segment) => source.body.slice(segment.start, segment.end))).toEqual(['write to [email]', 'ok']);
  });

  it('validates the mapping against the format’s schema', async () => {
    const rows = importFile('tickets-csv', 't.csv', chunksOf('a,b\n1,2\n'), { mapping: { subject: 'a', bodyy: 'b' } });
    await expect(rows.next()).rejects.toThrow(/The column mapping is not valid: body: .*; mapping: Unrecognized key: "bodyy"/);
  });

  it.each([
    ['transcript', 'cut.docx', readDataset('docx-mammoth/mammoth-tables.docx').subarray(0, 3000)],
    ['tickets-csv', 'x.csv', Buffer.alloc(0)],
    ['survey-csv', 'x.csv', Buffer.from('%PDF-1.4\u0000\u0001\u0002')],
    ['zendesk-json', 'x.json', Buffer.from('{"tickets": [{"id": 1,')],
    ['intercom-json', 'x.json', Buffer.from('<html></html>')],
  ] as const)('throws ImportFileError before the first row for an unusable %s file', async (format, fileName, bytes) => {
    const rows = importFile(format, fileName, chunksOf(bytes, 512));
    await expect(rows.next()).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe('previewFile', () => {
  it('previews a tickets CSV: columns, first rows, suggested mapping, delimiter and encoding', async () => {
    const csv = 'Ticket ID;Subject;Description;Requester Email;Created;Priority;Status;Via;Labels;Organization\n7;Hi;Export fails;a@b.io;01/13/2024;high;open;web;x;Acme\n';
    const preview = await previewFile('tickets-csv', 't.csv', chunksOf(csv));
    expect(preview).toEqual({
      format: 'tickets-csv',
      columns: ['Ticket ID', 'Subject', 'Description', 'Requester Email', 'Created', 'Priority', 'Status', 'Via', 'Labels', 'Organization'],
      labels: ['Ticket ID', 'Subject', 'Description', 'Requester Email', 'Created', 'Priority', 'Status', 'Via', 'Labels', 'Organization'],
      rows: [{ 'Ticket ID': '7', Subject: 'Hi', Description: 'Export fails', 'Requester Email': 'a@b.io', Created: '01/13/2024', Priority: 'high', Status: 'open', Via: 'web', Labels: 'x', Organization: 'Acme' }],
      suggestedMapping: {
        externalId: 'Ticket ID',
        subject: 'Subject',
        body: 'Description',
        requesterEmail: 'Requester Email',
        company: 'Organization',
        createdAt: 'Created',
        priority: 'Priority',
        status: 'Status',
        channel: 'Via',
        tags: 'Labels',
      },
      dateOrders: { Created: 'month-first' },
      // Score scales are a survey's: the ticket id is no score.
      scoreScales: {},
      delimiter: ';',
      encoding: 'utf-8',
      // The first rows as the import would read them under that mapping (csv-preview.test.ts).
      mappingCheck: { mapping: expect.objectContaining({ body: 'Description', tags: 'Labels' }), rows: [expect.objectContaining({ line: 2, sources: [expect.objectContaining({ title: 'Hi' })] })] },
    });
  });

  it('suggests the longest text column as the body when no name matches, and stops at the preview size', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i},cat,Customer says the export is broken for the ${i}th time`);
    const preview = await previewFile('tickets-csv', 't.csv', chunksOf(['n,kind,said', ...lines].join('\n')));
    expect(preview).toMatchObject({ suggestedMapping: { body: 'said' } });
    expect('rows' in preview && preview.rows).toHaveLength(IMPORT_PREVIEW_ROWS);
  });

  it.each(['tickets-csv', 'survey-csv'] as const)('%s preview stops reading a large file after its first rows', async (format) => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from('id,text\n');
      for (let chunk = 0; chunk < 100_000; chunk++) {
        pulled++;
        yield Buffer.from(Array.from({ length: 100 }, (_, i) => `${chunk * 100 + i},"Row ${i} of a long export"`).join('\n') + '\n');
      }
    }
    const preview = await previewFile(format, 'big.csv', endless());
    expect('rows' in preview && preview.rows).toHaveLength(IMPORT_PREVIEW_ROWS);
    expect(pulled).toBeLessThan(100); // of 100,000 chunks
  });

  it.each([
    ['qualtRics-sample.csv', { respondentId: 'ResponseId', respondentEmail: 'RecipientEmail', submittedAt: 'RecordedDate', questions: ['Q2'] }],
    ['qualtRics-sample_legacy.csv', { respondentId: 'V1', respondentEmail: 'V5', submittedAt: 'V9', questions: ['Q2'] }],
  ])('previews the Qualtrics export %s with question labels and a suggested mapping', async (fileName, suggestedMapping) => {
    const preview = await previewFile('survey-csv', fileName, streamDataset(`survey-qualtrics/${fileName}`));
    expect(preview).toMatchObject({ suggestedMapping, rows: [expect.objectContaining({ Q2: 'Hello World!' })] });
    expect('labels' in preview && preview.labels).toContain('This is a free text question.');
    expect('encoding' in preview && preview.encoding).toBe('utf-8');
  });

  it('previews JSON and transcripts as their first parsed rows', async () => {
    const preview = await previewFile('zendesk-json', 'z.json', streamDataset('vendor-zendesk/go-zendesk-fixture-GET-tickets.json'));
    expect(preview.format).toBe('zendesk-json');
    expect('parsed' in preview && acceptedSources(preview.parsed).map((source) => source.title)).toEqual(['Mail to create fixture ticket for testing', 'にゃー']);
  });
});
