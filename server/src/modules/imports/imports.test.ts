import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ImportPreviewSchema, ImportSchema, ImportScoresSchema, ImportSummarySchema, pageOf, type Import, type ImportFormat, type ImportScores, type SourceSummary } from '@cairn/shared';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { companies, customers, imports, sources } from '../../db/schema/index.js';
import { copyIntoTemporaryTable } from '../../lib/bulk-sql.js';
import { anonymous, type Caller, errorPaths, useTestApp } from '../../../test/app.js';
import { createMember, createSource, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { parseTranscript } from '../../importers/transcript.js';

const context = useTestApp();

const DATASETS = new URL('../../../../../shared/datasets/', import.meta.url);
const readDataset = (relativePath: string) => fs.readFileSync(fileURLToPath(new URL(relativePath, DATASETS)));

type UploadFile = { name: string; content: Buffer | string };

/** A multipart body as a browser sends it: the fields first, then the file. */
function multipart(fields: Record<string, string>, file?: UploadFile) {
  const boundary = `----cairn${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(caller: Caller, ws: string, format: string, file: UploadFile, options?: unknown, path = 'imports') {
  const fields: Record<string, string> = { format };
  if (options !== undefined) fields.options = typeof options === 'string' ? options : JSON.stringify(options);
  const body = multipart(fields, file);
  return caller.request('POST', `/api/workspaces/${ws}/${path}`, body.payload, body.headers);
}

/** Polls the import until it ends; imports run in the background of the server. */
async function waitForImport(caller: Caller, ws: string, id: string, timeoutMs = 25_000): Promise<Import> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await caller.get(`/api/workspaces/${ws}/imports/${id}`);
    expect(response.statusCode).toBe(200);
    const found = ImportSchema.parse(response.json());
    if (found.status === 'done' || found.status === 'failed') return found;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${found.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function importFile(workspace: TestWorkspace, format: ImportFormat, file: UploadFile, options?: unknown): Promise<Import> {
  const response = await upload(workspace.owner.as, workspace.id, format, file, options);
  expect(response.statusCode, response.body).toBe(202);
  expect(response.json()).toMatchObject({ status: 'queued' });
  return waitForImport(workspace.owner.as, workspace.id, response.json().id);
}

async function countSources(caller: Caller, ws: string, query = '') {
  const response = await caller.get(`/api/workspaces/${ws}/sources?limit=500${query}`);
  expect(response.statusCode).toBe(200);
  return response.json().items.length as number;
}

const TICKETS_CSV = [
  'Ticket ID,Subject,Description,Requester Email,Requester,Company,Created,Priority,Status,Tags',
  'T-1,Export fails,"The CSV export fails when I pick a year, every time.",ana@example.com,Ana Lima,Acme,2024-03-01,high,open,export;bug',
  'T-2,Slow search,Search takes ten seconds on our workspace.,bo@example.com,Bo Chen,Globex,2024-03-02,normal,open,search',
  'T-3,Bad email,"This row has a broken email address",not-an-email,Cy,Acme,2024-03-03,low,open,',
  'T-4,SSO,"We need SAML single sign-on before we can roll out to the team.",ana@example.com,Ana Lima,Acme,2024-03-04,high,pending,sso',
].join('\n');

describe('POST /imports (upload)', () => {
  it('imports a tickets CSV in the background and reports created and rejected rows with their lines', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    expect(done).toMatchObject({ status: 'done', progress: 1, format: 'tickets-csv', fileName: 'tickets.csv', failure: null });
    expect(done.counts).toEqual({ total: 4, created: 3, updated: 0, unchanged: 0, rejected: 1 });
    expect(done.errors).toEqual([{ line: 4, message: expect.stringContaining('not an email') }]);
    expect(done.errorsTotal).toBe(1);
    expect(done.createdBy).toEqual({ id: workspace.owner.id, name: workspace.owner.name });
    expect(done.finishedAt).not.toBeNull();
    expect(await countSources(workspace.owner.as, workspace.id, `&importId=${done.id}`)).toBe(3);
  });

  it('stores tabs, backslashes and line breaks exactly as written, in the text and the metadata', async () => {
    const workspace = await createWorkspace(context);
    const body = 'Saved to C:\\new\\table\\N,\ttabbed\nand a second \\\\ line';
    const status = 'on\\hold\tto "check"';
    const csv = `id,text,status\nX-1,"${body.replaceAll('"', '""')}","${status.replaceAll('"', '""')}"\n`;
    const done = await importFile(workspace, 'tickets-csv', { name: 'escapes.csv', content: csv }, { mapping: { externalId: 'id', body: 'text', status: 'status' } });
    expect(done.counts).toMatchObject({ created: 1 });
    const [stored] = await context.db.select({ body: sources.body, metadata: sources.metadata }).from(sources).where(eq(sources.importId, done.id));
    expect(stored).toEqual({ body, metadata: { status } });
    expect((await importFile(workspace, 'tickets-csv', { name: 'escapes.csv', content: csv }, { mapping: { externalId: 'id', body: 'text', status: 'status' } })).counts).toMatchObject({ unchanged: 1 });
  });

  it('sends a batch of sources with COPY on PostgreSQL, as JSON on PGlite', async () => {
    // COPY reaches the transaction's connection through drizzle's session: an upgrade that
    // moves it would quietly fall back to JSON, so this says so instead.
    const copied = await context.db.transaction((tx) => copyIntoTemporaryTable(tx, 'copy_probe', 'value text', [['a\tb']]));
    expect(copied).toBe(context.database.driver === 'postgres');
  });

  it('creates nothing new when the same file is imported again', async () => {
    const workspace = await createWorkspace(context);
    await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    const again = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    expect(again.counts).toEqual({ total: 4, created: 0, updated: 0, unchanged: 3, rejected: 1 });
    expect(await countSources(workspace.owner.as, workspace.id)).toBe(3);
  });

  it('keeps identical rows of a file without ids as separate sources, and still creates nothing on re-import', async () => {
    const workspace = await createWorkspace(context);
    const csv = 'text\nMy card has not arrived yet.\nMy card has not arrived yet.\nHow do I top up?\n';
    expect((await importFile(workspace, 'tickets-csv', { name: 'queries.csv', content: csv })).counts.created).toBe(3);
    expect((await importFile(workspace, 'tickets-csv', { name: 'queries.csv', content: csv })).counts).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('names the earlier imports that last wrote the sources a re-import left unchanged, most sources first', async () => {
    const workspace = await createWorkspace(context);
    const first = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    expect(first.unchangedFrom).toEqual([]);
    const edited = TICKETS_CSV.replace('Search takes ten seconds', 'Search takes twenty seconds');
    const second = await importFile(workspace, 'tickets-csv', { name: 'tickets-edited.csv', content: edited });
    expect(second.unchangedFrom).toEqual([{ id: first.id, fileName: 'tickets.csv', createdAt: first.createdAt, finishedAt: first.finishedAt, count: 2 }]);
    const third = await importFile(workspace, 'tickets-csv', { name: 'tickets-edited.csv', content: edited });
    expect(third.counts).toMatchObject({ unchanged: 3 });
    expect(third.unchangedFrom.map(({ id, count }) => ({ id, count }))).toEqual([
      { id: first.id, count: 2 },
      { id: second.id, count: 1 },
    ]);
    // Sources of a deleted import keep no import: it is no longer named.
    await context.db.delete(imports).where(eq(imports.id, first.id));
    expect(ImportSchema.parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports/${third.id}`)).json()).unchangedFrom).toEqual([
      { id: second.id, fileName: 'tickets-edited.csv', createdAt: second.createdAt, finishedAt: second.finishedAt, count: 1 },
    ]);
  });

  it('names no earlier import for a row the file itself repeats in a later batch', async () => {
    const workspace = await createWorkspace(context);
    const rows = Array.from({ length: 1_001 }, (_, i) => `T-${i},Words ${i}`);
    const done = await importFile(workspace, 'tickets-csv', { name: 'repeats.csv', content: `id,text\n${[...rows, rows[0]].join('\n')}\n` });
    expect(done.counts).toMatchObject({ created: 1_001, unchanged: 1 });
    expect(done.unchangedFrom).toEqual([]);
  });

  it('keeps the columns the mapping leaves out as fields, redacted with the text, and leaves the tickets unchanged on re-import', async () => {
    const workspace = await createWorkspace(context);
    const csv = ['Ticket ID,Description,Plan,Backup phone,Country', 'P-1,The export fails.,Pro,+44 20 7946 0958,FR', 'P-2,Search is slow.,,,DE'].join('\n');
    const options = { redactPii: true };
    const first = await importFile(workspace, 'tickets-csv', { name: 'plans.csv', content: csv }, options);
    expect(first).toMatchObject({ counts: { created: 2 }, redacted: 1 });
    const stored = await context.db.select({ externalId: sources.externalId, metadata: sources.metadata }).from(sources).where(eq(sources.importId, first.id)).orderBy(sources.externalId);
    expect(stored).toEqual([
      { externalId: 'P-1', metadata: { fields: [{ name: 'Plan', value: 'Pro' }, { name: 'Backup phone', value: '[phone]' }, { name: 'Country', value: 'FR' }] } },
      { externalId: 'P-2', metadata: { fields: [{ name: 'Country', value: 'DE' }] } },
    ]);
    expect((await importFile(workspace, 'tickets-csv', { name: 'plans.csv', content: csv }, options)).counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // A changed value in a kept column is a change to the ticket.
    const edited = csv.replace('DE', 'AT');
    expect((await importFile(workspace, 'tickets-csv', { name: 'plans.csv', content: edited }, options)).counts).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it('updates a row whose content changed under the same ticket id', async () => {
    const workspace = await createWorkspace(context);
    await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    const edited = TICKETS_CSV.replace('Search takes ten seconds', 'Search takes twenty seconds');
    const again = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: edited });
    expect(again.counts).toEqual({ total: 4, created: 0, updated: 1, unchanged: 2, rejected: 1 });
  });

  it('redacts in place when a file imported as it was is imported again with redactPii', async () => {
    const workspace = await createWorkspace(context);
    const csv = 'text,email\n"Card 4111 1111 1111 1111 was charged twice",ann@example.org\n"Nothing private here",bo@example.org\n';
    const file = { name: 'no-ids.csv', content: csv };
    expect((await importFile(workspace, 'tickets-csv', file)).counts).toMatchObject({ created: 2 });
    const redacted = await importFile(workspace, 'tickets-csv', file, { redactPii: true });
    expect(redacted.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const bodies = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources`)).json().items.map((item: { preview: string }) => item.preview).sort();
    expect(bodies).toEqual(['Card [card] was charged twice', 'Nothing private here']);
  });

  it('reads slashed dates that read both ways in the dateOrder sent with the upload, and rejects them by line without it', async () => {
    const workspace = await createWorkspace(context);
    const survey = 'Response ID,Submitted,What should we improve?\nR1,09/11/2026 16:58,The export is slow\nR2,06/01/2026 08:17,Search misses old tickets\n';
    const without = await importFile(workspace, 'survey-csv', { name: 'survey.csv', content: survey });
    expect(without.counts).toMatchObject({ created: 0, rejected: 2 });
    expect(without.errors[0]).toEqual({ line: 2, message: expect.stringMatching(/^Submitted at "09\/11\/2026 16:58" \(column "Submitted"\) is ambiguous/) });
    const chosen = await importFile(workspace, 'survey-csv', { name: 'survey.csv', content: survey }, { dateOrder: 'month-first' });
    expect(chosen.counts).toMatchObject({ created: 2, rejected: 0 });
    const items = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${chosen.id}`)).json().items;
    expect(items.map((item: { occurredAt: string }) => item.occurredAt).sort()).toEqual(['2026-06-01T08:17:00.000Z', '2026-09-11T16:58:00.000Z']);
  });

  it('uses the mapping it is given, and redacts PII when asked, counting the redactions', async () => {
    const workspace = await createWorkspace(context);
    const csv = 'Nummer;Nachricht;Kunde\n7;"Call me on +44 20 7946 0958 or write to jo@example.org";jo@example.org\n';
    const done = await importFile(workspace, 'tickets-csv', { name: 'export.csv', content: csv }, {
      mapping: { externalId: 'Nummer', body: 'Nachricht', requesterEmail: 'Kunde' },
      redactPii: true,
    });
    // Two matches in the body, and the same two in the title made from it.
    expect(done).toMatchObject({ status: 'done', redactPii: true, redacted: 4, counts: { created: 1 } });
    const list = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${done.id}`);
    const source = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${list.json().items[0].id}`);
    expect(source.json()).toMatchObject({ externalId: '7', body: 'Call me on [phone] or write to [email]', customer: { email: 'jo@example.org' } });
  });

  it('fails a file with a mapped column it does not have, with one message, storing nothing', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV }, { mapping: { body: 'Message' } });
    expect(done.status).toBe('failed');
    expect(done.failure).toMatch(/no such column.*Nothing was stored/);
    expect(done.counts.total).toBe(0);
    expect(await countSources(workspace.owner.as, workspace.id)).toBe(0);
  });

  it.each([
    ['an empty file', 'tickets-csv', { name: 'empty.csv', content: '' }, /empty/],
    ['binary garbage as a CSV', 'tickets-csv', { name: 'garbage.csv', content: crypto.randomBytes(4096) }, /not a text file/],
    ['a .docx as a tickets CSV', 'tickets-csv', { name: 'tables.docx', content: readDataset('docx-mammoth/mammoth-tables.docx') }, /not a text file/],
    ['a truncated .docx transcript', 'transcript', { name: 'interview.docx', content: readDataset('docx-mammoth/mammoth-tables.docx').subarray(0, 6000) }, /not a readable \.docx/],
    ['Zendesk comments without their ticket', 'zendesk-json', { name: 'comments.json', content: readDataset('vendor-zendesk/go-zendesk-fixture-GET-ticket_comments.json') }, /comments without its ticket/],
    ['JSON that is not JSON', 'intercom-json', { name: 'broken.json', content: '{"conversations": [' }, /not valid JSON/],
  ])('fails %s with one clear message and stores nothing', async (_what, format, file, message) => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, format as ImportFormat, file);
    expect(done.status).toBe('failed');
    expect(done.failure).toMatch(message);
    expect(done.failure).toContain('Nothing was stored');
    expect(done.counts).toEqual({ total: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 });
    expect(await countSources(workspace.owner.as, workspace.id)).toBe(0);
  });

  it('rejects a row whose id would not fit in an index, and imports the others', async () => {
    const workspace = await createWorkspace(context);
    const csv = `id,text\n1,First ticket\n${'x'.repeat(3000)},Second ticket\n3,Third ticket\n`;
    const done = await importFile(workspace, 'tickets-csv', { name: 'ids.csv', content: csv });
    expect(done).toMatchObject({ status: 'done', counts: { created: 2, rejected: 1 } });
    expect(done.errors).toEqual([{ line: 3, message: 'The external id is 3000 bytes long; the limit is 1000' }]);
  });

  it('keeps what was committed when the database fails half-way, and says which lines were not stored', async () => {
    const workspace = await createWorkspace(context);
    // A database failure on one row of the second batch, as a full disk or a dropped connection would cause.
    await context.db.execute(sql`create function fail_on_boom() returns trigger language plpgsql as $$
      begin if new.body like '%BOOM%' then raise exception 'simulated failure'; end if; return new; end $$`);
    await context.db.execute(sql`create trigger fail_on_boom before insert on sources for each row execute function fail_on_boom()`);
    try {
      const rows = Array.from({ length: 2_500 }, (_, i) => `T-${i},Ticket number ${i}${i === 1_500 ? ' BOOM' : ''}`);
      const done = await importFile(workspace, 'tickets-csv', { name: 'half.csv', content: `id,text\n${rows.join('\n')}\n` });
      expect(done.status).toBe('failed');
      // Lines 2–1001 are the first batch; the second (1002–2001) failed, so the third was never sent.
      expect(done.failure).toBe(`An unexpected error stopped the import (reference ${done.id}). Rows up to line 1001 were imported; nothing from line 1002 on was stored.`);
      expect(done.counts).toMatchObject({ total: 1_000, created: 1_000 });
      expect(await context.db.$count(sources, eq(sources.importId, done.id))).toBe(1_000);
    } finally {
      await context.db.execute(sql`drop trigger fail_on_boom on sources`);
      await context.db.execute(sql`drop function fail_on_boom`);
    }
  });

  it('applies a ticket repeated in the next batch after its first row, whichever batch reaches the database first', async () => {
    const workspace = await createWorkspace(context);
    // Lines 1002–1011 (the second batch) repeat the last ten tickets of the first batch with new text.
    const rows = Array.from({ length: 2_000 }, (_, i) => (i >= 1_000 && i < 1_010 ? `T-${i - 10},Second version ${i}` : `T-${i},First version ${i}`));
    const done = await importFile(workspace, 'tickets-csv', { name: 'repeats.csv', content: `id,text\n${rows.join('\n')}\n` });
    expect(done).toMatchObject({ status: 'done', counts: { total: 2_000, created: 1_990, updated: 10, rejected: 0 } });
    const [repeated] = await context.db.select({ body: sources.body }).from(sources).where(and(eq(sources.importId, done.id), eq(sources.externalId, 'T-995')));
    expect(repeated?.body).toBe('Second version 1005');
  });

  it('creates a customer known only by name once, though batches written side by side both name them', async () => {
    const workspace = await createWorkspace(context);
    const rows = Array.from({ length: 2_500 }, (_, i) => `N-${i},Ticket ${i},Dana Scully`);
    const done = await importFile(workspace, 'tickets-csv', { name: 'names.csv', content: `id,text,requester\n${rows.join('\n')}\n` }, { mapping: { externalId: 'id', body: 'text', requesterName: 'requester' } });
    expect(done).toMatchObject({ status: 'done', counts: { created: 2_500 } });
    const named = await context.db.select({ id: customers.id }).from(customers).where(eq(customers.workspaceId, workspace.id));
    expect(named).toHaveLength(1);
  });

  it('gives a requester the company of their latest row, though an earlier batch named that company before', async () => {
    const workspace = await createWorkspace(context);
    const companyOfRow = new Map([[0, 'Acme'], [1_500, 'Globex'], [2_500, 'Acme'], [2_600, 'Globex'], [2_700, 'Acme']]);
    const rows = Array.from({ length: 3_000 }, (_, i) => (companyOfRow.has(i) ? `C-${i},Ticket ${i},dana@example.org,${companyOfRow.get(i)}` : `C-${i},Ticket ${i},,`));
    const mapping = { externalId: 'id', body: 'text', requesterEmail: 'email', company: 'company' };
    const done = await importFile(workspace, 'tickets-csv', { name: 'moves.csv', content: `id,text,email,company\n${rows.join('\n')}\n` }, { mapping });
    expect(done).toMatchObject({ status: 'done', counts: { created: 3_000 } });
    const [dana] = await context.db
      .select({ company: companies.name })
      .from(customers)
      .innerJoin(companies, eq(companies.id, customers.companyId))
      .where(and(eq(customers.workspaceId, workspace.id), eq(customers.email, 'dana@example.org')));
    expect(dana?.company).toBe('Acme');
  });

  it('records an audit event when an import finishes, with its counts', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    const audit = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit`);
    expect(audit.json().items).toContainEqual(
      expect.objectContaining({ action: 'import.complete', objectId: done.id, summary: expect.stringContaining('3 created, 0 updated, 0 unchanged, 1 rejected') }),
    );
  });

  it('answers 400 naming format for an unknown or missing format', async () => {
    const workspace = await createWorkspace(context);
    const unknown = await upload(workspace.owner.as, workspace.id, 'excel', { name: 'a.csv', content: 'text\nhello' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'body.format', message: expect.stringContaining('tickets-csv') }]);
    const body = multipart({}, { name: 'a.csv', content: 'text\nhello' });
    const missing = await workspace.owner.as.request('POST', `/api/workspaces/${workspace.id}/imports`, body.payload, body.headers);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('body.format');
  });

  it('answers 400 naming options when they are not JSON, and the mapping field when it is wrong', async () => {
    const workspace = await createWorkspace(context);
    const notJson = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'a.csv', content: 'text\nhello' }, '{mapping:');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().errors).toEqual([{ path: 'body.options', message: expect.any(String) }]);
    const badMapping = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'a.csv', content: 'text\nhello' }, { mapping: { subject: 'text' }, redactPii: 'yes' });
    expect(badMapping.statusCode).toBe(400);
    expect(errorPaths(badMapping)).toEqual(expect.arrayContaining(['body.options.mapping.body', 'body.options.redactPii']));
  });

  it('answers 400 naming file when no file is attached, and 415 when the body is not multipart', async () => {
    const workspace = await createWorkspace(context);
    const body = multipart({ format: 'tickets-csv' });
    const noFile = await workspace.owner.as.request('POST', `/api/workspaces/${workspace.id}/imports`, body.payload, body.headers);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors[0].path).toBe('body.file');
    const json = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/imports`, { format: 'tickets-csv' });
    expect(json.statusCode).toBe(415);
  });

  it('accepts uploads from a contributor API token', async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'contributor');
    const response = await upload(token, workspace.id, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    expect(response.statusCode).toBe(202);
    const done = await waitForImport(token, workspace.id, response.json().id);
    expect(done).toMatchObject({ status: 'done', createdBy: null });
  });

  it('refuses viewers (403), strangers (404) and anonymous callers (401)', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const stranger = (await createWorkspace(context)).owner;
    const file = { name: 'tickets.csv', content: TICKETS_CSV };
    expect((await upload(viewer.as, workspace.id, 'tickets-csv', file)).statusCode).toBe(403);
    expect((await upload(stranger.as, workspace.id, 'tickets-csv', file)).statusCode).toBe(404);
    expect((await upload(anonymous(context), workspace.id, 'tickets-csv', file)).statusCode).toBe(401);
    expect((await upload(viewer.as, workspace.id, 'tickets-csv', file, undefined, 'imports/preview')).statusCode).toBe(403);
  });
});

describe('the real files in shared/datasets', () => {
  it('imports all 10,003 BANKING77 queries, and nothing new the second time', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'train.csv', content: readDataset('banking77/train.csv') };
    const first = await importFile(workspace, 'tickets-csv', file);
    expect(first).toMatchObject({ status: 'done', counts: { total: 10_003, created: 10_003, updated: 0, unchanged: 0, rejected: 0 } });
    const second = await importFile(workspace, 'tickets-csv', file);
    expect(second.counts).toEqual({ total: 10_003, created: 0, updated: 0, unchanged: 10_003, rejected: 0 });
    // Summed over the second import's eleven batches.
    expect(second.unchangedFrom).toEqual([{ id: first.id, fileName: 'train.csv', createdAt: first.createdAt, finishedAt: first.finishedAt, count: 10_003 }]);
  }, 120_000);

  it('keeps the real Qualtrics export’s unmapped columns as fields of the answer, in the file’s order, and leaves it unchanged on re-import', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'qualtrics.csv', content: readDataset('survey-qualtrics/qualtRics-sample.csv') };
    const first = await importFile(workspace, 'survey-csv', file);
    expect(first.counts).toMatchObject({ created: 1, rejected: 0 });
    const [answer] = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${first.id}`)).json().items as SourceSummary[];
    const detail = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${answer!.id}`)).json() as { metadata: { fields: Array<{ name: string; value: string }> } };
    // The file's order, not jsonb's order of object keys (shorter first), which is why fields are a list.
    expect(detail.metadata.fields.map((field) => field.name)).toEqual([
      'Anfangsdatum',
      'Enddatum',
      'Antworttyp',
      'IP-Adresse',
      'Aktueller Stand',
      'Dauer (in Sekunden)',
      'Beendet',
      'Breitengrad des Standorts',
      'Längengrad des Standorts',
      'Verteilungskanal',
      'Benutzersprache',
      'This is a multiple choice question.',
    ]);
    expect(detail.metadata.fields[3]).toEqual({ name: 'IP-Adresse', value: '130.92.34.66' });
    expect((await importFile(workspace, 'survey-csv', file)).counts).toEqual({ total: 1, created: 0, updated: 0, unchanged: 1, rejected: 0 });
  });

  it.each([
    ['ami-meetings/IS1001b.vtt'],
    ['ami-meetings/IS1004b.vtt'],
    ['ami-meetings/ES2005b.srt'],
    ['ami-meetings/IS1002b.txt'],
    ['ami-meetings/TS3008b.otter.txt'],
    ['docx-mammoth/mammoth-footnotes.docx'],
    ['docx-mammoth/mammoth-tables.docx'],
  ])('imports the transcript %s as one interview, and nothing new the second time', async (path) => {
    const workspace = await createWorkspace(context);
    const file = { name: path.split('/')[1]!, content: readDataset(path) };
    expect(await importFile(workspace, 'transcript', file)).toMatchObject({ status: 'done', counts: { total: 1, created: 1, rejected: 0 }, errorsTotal: 0 });
    expect((await importFile(workspace, 'transcript', file)).counts).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('keeps transcript options: title, date, customer and the interviewer’s turns marked', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'transcript', { name: 'IS1002b.txt', content: readDataset('ami-meetings/IS1002b.txt') }, {
      title: 'Remote control design review',
      occurredAt: '2024-05-02',
      customer: { email: 'pm@example.com', name: 'Pat Manager', company: 'Real Reaction' },
      interviewer: 'Marketing',
    });
    const list = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${done.id}`);
    const source = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${list.json().items[0].id}`)).json();
    expect(source).toMatchObject({ kind: 'interview', title: 'Remote control design review', occurredAt: '2024-05-02T00:00:00.000Z', customer: { email: 'pm@example.com', company: { name: 'Real Reaction' } } });
    const marketing = source.segments.filter((segment: { speaker: string }) => segment.speaker === 'Marketing');
    expect(marketing.length).toBeGreaterThan(0);
    expect(marketing.every((segment: { interviewer?: boolean }) => segment.interviewer)).toBe(true);
  });

  it('keeps the times of a SubRip file that names no speaker, as turns without a speaker', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'transcript', { name: 'ES2005b.srt', content: readDataset('ami-meetings/ES2005b.srt') });
    const list = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${done.id}`);
    const source = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${list.json().items[0].id}`)).json();
    expect(source.segments).toHaveLength(653);
    expect(source.segments[1]).toMatchObject({ speaker: '', startMs: 13_800, endMs: 14_600 });
  });

  it.each([
    ['webvtt-wpt/timings-too-short.vtt', 30],
    ['webvtt-wpt/arrows.vtt', 9],
  ])('imports the valid cues of the malformed %s and lists each skipped cue by line', async (path, skipped) => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'transcript', { name: path.split('/')[1]!, content: readDataset(path) });
    expect(done).toMatchObject({ status: 'done', counts: { created: 1, rejected: 0 }, skipped, errorsTotal: skipped });
    expect(done.errors[0]).toEqual({ line: expect.any(Number), message: expect.stringContaining('skipped') });
    // The history says it too, so a transcript that lost most of its cues never reads as a clean import.
    const history = pageOf(ImportSummarySchema).parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports`)).json());
    expect(history.items[0]).toMatchObject({ id: done.id, skipped, counts: { rejected: 0 } });
  });

  it('counts rejected rows apart from skipped parts', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: 'text,email\nhello,a@example.com\n,b@example.com\n' });
    expect(done).toMatchObject({ counts: { created: 1, rejected: 1 }, skipped: 0, errorsTotal: 1 });
  });

  it('dates a .docx transcript on the day given, else when its document properties say it was created, and a file without either at the import', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'mammoth-tables.docx', content: readDataset('docx-mammoth/mammoth-tables.docx') };
    const dated = await importFile(workspace, 'transcript', file, { occurredAt: '2025-08-14' });
    const documentDated = await importFile(workspace, 'transcript', { name: 'mammoth-footnotes.docx', content: readDataset('docx-mammoth/mammoth-footnotes.docx') });
    const undated = await importFile(workspace, 'transcript', { name: 'IS1002b.txt', content: readDataset('ami-meetings/IS1002b.txt') });
    const occurredAtOf = async (importId: string) => (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${importId}`)).json().items[0].occurredAt;
    expect(await occurredAtOf(dated.id)).toBe('2025-08-14T00:00:00.000Z');
    expect(await occurredAtOf(documentDated.id)).toBe('2014-06-10T11:09:00.000Z');
    expect(Date.parse(await occurredAtOf(undated.id))).toBeGreaterThanOrEqual(Date.parse(undated.createdAt));
  });

  it('answers 400 naming options.occurredAt when the interview date is not a date', async () => {
    const workspace = await createWorkspace(context);
    const response = await upload(workspace.owner.as, workspace.id, 'transcript', { name: 'IS1002b.txt', content: readDataset('ami-meetings/IS1002b.txt') }, { occurredAt: '14/08/2025' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['body.options.occurredAt']);
  });

  it.each([
    ['survey-qualtrics/qualtRics-sample.csv'],
    ['survey-qualtrics/qualtRics-sample_legacy.csv'],
  ])('imports the free-text answer of the Qualtrics export %s, and nothing new the second time', async (path) => {
    const workspace = await createWorkspace(context);
    const file = { name: path.split('/')[1]!, content: readDataset(path) };
    expect(await importFile(workspace, 'survey-csv', file)).toMatchObject({ status: 'done', counts: { total: 1, created: 1, rejected: 0 } });
    expect((await importFile(workspace, 'survey-csv', file)).counts).toMatchObject({ created: 0, unchanged: 1 });
  });

  it.each([
    ['vendor-zendesk/zendesk_api_client_rb-tickets-recent.json', 'zendesk-json', 4],
    ['vendor-zendesk/go-zendesk-fixture-GET-tickets.json', 'zendesk-json', 2],
  ])('imports the tickets of %s, and nothing new the second time', async (path, format, tickets) => {
    const workspace = await createWorkspace(context);
    const file = { name: path.split('/')[1]!, content: readDataset(path) };
    expect(await importFile(workspace, format as ImportFormat, file)).toMatchObject({ status: 'done', counts: { total: tickets, created: tickets, rejected: 0 } });
    expect((await importFile(workspace, format as ImportFormat, file)).counts).toMatchObject({ created: 0, unchanged: tickets });
  });

  it.each([
    ['vendor-intercom/intercom-openapi-2.14-retrieve-conversation-example.json'],
    ['vendor-intercom/intercom-openapi-2.14-list-conversations-example.json'],
  ])('rejects the Intercom conversation of %s, which has no customer message, by its line', async (path) => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'intercom-json', { name: path.split('/')[1]!, content: readDataset(path) });
    expect(done).toMatchObject({ status: 'done', counts: { total: 1, created: 0, rejected: 1 } });
    expect(done.errors).toEqual([{ line: 1, message: expect.stringContaining('no message from the customer') }]);
  });

  it('matches one customer across formats: the email of a CSV requester and of a Zendesk requester', async () => {
    const workspace = await createWorkspace(context);
    const csv = 'id,body,email,name\nC-1,"The Terraform provider cannot create tickets.",NUKOSUKE@lavabit.com,Yosuke\n';
    await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: csv });
    await importFile(workspace, 'zendesk-json', { name: 'tickets.json', content: readDataset('vendor-zendesk/go-zendesk-fixture-GET-tickets.json') });
    const customers = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/customers`);
    expect(customers.json().items).toEqual([expect.objectContaining({ email: 'nukosuke@lavabit.com', externalId: '377922500012', evidence: expect.objectContaining({ sources: 3 }) })]);
  });
});

describe('a transcript known by its text', () => {
  const MEETING = readDataset('ami-meetings/IS1004b.vtt');

  async function interviewsOf(workspace: TestWorkspace) {
    return context.db
      .select({ id: sources.id, title: sources.title, externalId: sources.externalId, importId: sources.importId, fileName: sql<string>`${sources.metadata}->>'fileName'` })
      .from(sources)
      .where(and(eq(sources.workspaceId, workspace.id), eq(sources.kind, 'interview')));
  }

  /** The interview as an import before this change stored it: the id made of the file name and the text. */
  async function createLegacyInterview(workspace: TestWorkspace, fileName: string) {
    const parsed = await parseTranscript(fileName, MEETING);
    const externalId = `transcript:${crypto.createHash('sha256').update(`${fileName}\n${parsed.body}`).digest('hex')}`;
    const { title, body, segments, metadata } = parsed;
    return createSource(context, workspace, { kind: 'interview', title, body, segments, metadata, externalId });
  }

  it('updates the one interview when its file is imported again under another name, its title following the name', async () => {
    const workspace = await createWorkspace(context);
    const first = await importFile(workspace, 'transcript', { name: 'call-3.vtt', content: MEETING });
    const [before] = await interviewsOf(workspace);
    const renamed = await importFile(workspace, 'transcript', { name: 'Acme call 3.vtt', content: MEETING });
    expect(first.counts).toMatchObject({ created: 1 });
    expect(renamed.counts).toEqual({ total: 1, created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(await interviewsOf(workspace)).toEqual([{ ...before, title: 'Acme call 3', importId: renamed.id, fileName: 'Acme call 3.vtt' }]);
    const again = await importFile(workspace, 'transcript', { name: 'Acme call 3.vtt', content: MEETING });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.unchangedFrom).toEqual([expect.objectContaining({ id: renamed.id, count: 1 })]);
  });

  it('keeps a title given with the import when the file comes back renamed with it', async () => {
    const workspace = await createWorkspace(context);
    await importFile(workspace, 'transcript', { name: 'call-3.vtt', content: MEETING }, { title: 'Acme onboarding call' });
    const renamed = await importFile(workspace, 'transcript', { name: 'Acme call 3.vtt', content: MEETING }, { title: 'Acme onboarding call' });
    expect(renamed.counts).toMatchObject({ created: 0, updated: 1 });
    expect(await interviewsOf(workspace)).toEqual([expect.objectContaining({ title: 'Acme onboarding call', fileName: 'Acme call 3.vtt' })]);
  });

  it.each([
    ['under the same name, unchanged', 'IS1004b.vtt', { created: 0, updated: 0, unchanged: 1 }],
    ['renamed, updated', 'Design meeting.vtt', { created: 0, updated: 1, unchanged: 0 }],
  ])('recognises an interview imported with an id of the old scheme when imported again %s, and gives it the new id', async (_, fileName, counts) => {
    const workspace = await createWorkspace(context);
    const legacy = await createLegacyInterview(workspace, 'IS1004b.vtt');
    const done = await importFile(workspace, 'transcript', { name: fileName, content: MEETING });
    expect(done.counts).toMatchObject(counts);
    const [interview, ...others] = await interviewsOf(workspace);
    expect(others).toEqual([]);
    expect(interview).toMatchObject({ id: legacy.id, externalId: expect.stringMatching(/^transcript-text:/), fileName });
    // Re-keyed once, it is found by its new id under yet another name.
    expect((await importFile(workspace, 'transcript', { name: 'IS1004b final.vtt', content: MEETING })).counts).toMatchObject({ created: 0, updated: 1 });
    expect(await interviewsOf(workspace)).toHaveLength(1);
  });

  it('takes the copy imported under the same name when the old scheme left two, and leaves the other one alone', async () => {
    const workspace = await createWorkspace(context);
    const original = await createLegacyInterview(workspace, 'call-3.vtt');
    const copy = await createLegacyInterview(workspace, 'Acme call 3.vtt');
    expect((await importFile(workspace, 'transcript', { name: 'Acme call 3.vtt', content: MEETING })).counts).toMatchObject({ created: 0, unchanged: 1 });
    const interviews = await interviewsOf(workspace);
    expect(interviews.find((row) => row.id === copy.id)!.externalId).toMatch(/^transcript-text:/);
    expect(interviews.find((row) => row.id === original.id)!.externalId).toBe(original.externalId);
  });
});

describe('GET /imports and /imports/:id', () => {
  it('lists the import history newest first, page by page', async () => {
    const workspace = await createWorkspace(context);
    const ids: string[] = [];
    for (const name of ['one.csv', 'two.csv', 'three.csv']) ids.push((await importFile(workspace, 'tickets-csv', { name, content: 'text\nhello there' })).id);
    const first = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports?limit=2`);
    expect(first.statusCode).toBe(200);
    const page = pageOf(ImportSummarySchema).parse(first.json());
    expect(page.items.map((item) => item.fileName)).toEqual(['three.csv', 'two.csv']);
    const second = pageOf(ImportSummarySchema).parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports?limit=2&cursor=${page.nextCursor}`)).json());
    expect(second).toMatchObject({ items: [{ id: ids[0], fileName: 'one.csv' }], nextCursor: null });
  });

  it('answers 404 for an import of another workspace, and 400 for a malformed id', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await importFile(other, 'tickets-csv', { name: 'theirs.csv', content: 'text\nsecret' });
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports/${theirs.id}`)).statusCode).toBe(404);
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports/${theirs.id}/rejected.csv`)).statusCode).toBe(404);
    const malformed = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports/nope`);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
  });

  it('lets viewers read imports', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const done = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    expect((await viewer.as.get(`/api/workspaces/${workspace.id}/imports`)).statusCode).toBe(200);
    expect((await viewer.as.get(`/api/workspaces/${workspace.id}/imports/${done.id}`)).statusCode).toBe(200);
    expect((await anonymous(context).get(`/api/workspaces/${workspace.id}/imports`)).statusCode).toBe(401);
  });
});

// --- survey scores (GET /imports/:id/scores) ---

/** Cairn's sample NPS survey: 32 respondents, 61 answers to two questions. */
const SAMPLE_NPS_SURVEY = fs.readFileSync(fileURLToPath(new URL('../../sample/nps-survey.csv', import.meta.url)));
const SAMPLE_NPS_MAPPING = {
  respondentId: 'Response ID',
  submittedAt: 'Submitted at',
  score: 'How likely are you to recommend Ledgerline to a colleague? (0-10)',
  questions: ['What is the main reason for your score?', 'What should we improve first?'],
};

/** A CSAT survey as a helpdesk exports it: 10 respondents scoring 1–5, 11 answers (C-04 answered both questions). */
const CSAT_SURVEY = [
  'Response ID,How satisfied were you with our support? (CSAT),What could we have done better?,Anything else?',
  'C-01,4,The agent knew the product well.,',
  'C-02,2,I had to explain my problem three times.,',
  'C-03,4,Quick answer on chat.,',
  'C-04,5,Solved before I finished my coffee.,Please keep the chat open on weekends.',
  'C-05,3,"Fine, but the fix took two days.",',
  'C-06,1,Nobody answered for a week.,',
  'C-07,4,Friendly and clear.,',
  'C-08,3,The answer was a link to the docs.,',
  'C-09,5,Called me back as promised.,',
  'C-10,4,Good and quick.,',
].join('\n');

/**
 * A survey import as Cairn kept it before score scales: no scale in the import's options nor in
 * its answers' metadata. Written directly, since no import can make one any more.
 */
async function createLegacySurveyImport(workspace: TestWorkspace, scores: unknown[]): Promise<string> {
  const [row] = await context.db.insert(imports).values({ workspaceId: workspace.id, format: 'survey-csv', fileName: 'old.csv', status: 'done', createdBy: workspace.owner.id }).returning();
  for (const [index, score] of scores.entries()) {
    await createSource(context, workspace, { kind: 'survey_response', title: 'Why?', importId: row!.id, metadata: { question: 'Why?', score, respondentId: `R${index}` } });
  }
  return row!.id;
}

const scoresUrl = (workspace: TestWorkspace, id: string) => `/api/workspaces/${workspace.id}/imports/${id}/scores`;

async function readScores(workspace: TestWorkspace, id: string): Promise<ImportScores> {
  const response = await workspace.owner.as.get(scoresUrl(workspace, id));
  expect(response.statusCode, response.body).toBe(200);
  return ImportScoresSchema.parse(response.json());
}

describe('GET /imports/:id/scores', () => {
  it('counts each respondent once under their score and gives the NPS of an NPS survey', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'survey-csv', { name: 'nps-survey.csv', content: SAMPLE_NPS_SURVEY }, { mapping: SAMPLE_NPS_MAPPING });
    expect(done.counts.created).toBe(61);
    // The question says "(0-10)": an NPS, kept with the import.
    expect(done.scoreScale).toEqual({ kind: 'nps' });
    // Counted by hand from the file: 7 promoters (9–10) and 12 detractors (0–6) of 32 → (7 − 12) / 32 = −15.625 %.
    expect(await readScores(workspace, done.id)).toEqual({
      scale: { kind: 'nps' },
      distribution: [
        { score: 2, count: 1 },
        { score: 3, count: 1 },
        { score: 4, count: 2 },
        { score: 5, count: 3 },
        { score: 6, count: 5 },
        { score: 7, count: 6 },
        { score: 8, count: 7 },
        { score: 9, count: 5 },
        { score: 10, count: 2 },
      ],
      labelled: 0,
      average: 6.91, // 221 / 32
      nps: -15.6,
      csat: null,
    });
    // The Inbox link of the detractors finds their answers: 24 of the 61.
    const detractors = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${done.id}&scoreMin=0&scoreMax=6&limit=100`);
    expect(detractors.json().items).toHaveLength(24);
  });

  it('leaves trashed answers out, and a respondent with an answer left still counts', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'survey-csv', { name: 'nps-survey.csv', content: SAMPLE_NPS_SURVEY }, { mapping: SAMPLE_NPS_MAPPING });
    const tens = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${done.id}&scoreMin=10&scoreMax=10`)).json().items as Array<{ id: string; externalId: string }>;
    // Two respondents gave 10: NPS-2026Q4-003 answered one question, NPS-2026Q4-026 both.
    expect(tens.map((answer) => answer.externalId.split(':')[0]).sort()).toEqual(['NPS-2026Q4-003', 'NPS-2026Q4-026', 'NPS-2026Q4-026']);
    const trash = (answer: { id: string }) => workspace.owner.as.delete(`/api/workspaces/${workspace.id}/sources/${answer.id}`);
    await trash(tens.find((answer) => answer.externalId.startsWith('NPS-2026Q4-026:'))!);
    expect((await readScores(workspace, done.id)).distribution.at(-1)).toEqual({ score: 10, count: 2 });
    for (const answer of tens) await trash(answer);
    const scores = await readScores(workspace, done.id);
    expect(scores.distribution.at(-1)).toEqual({ score: 9, count: 5 });
    expect(scores.nps).toBe(-23.3); // (5 − 12) / 30
  });

  it('counts the real Qualtrics export’s one respondent under the choice its score column holds: a small rating, no NPS', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'qualtrics.csv', content: readDataset('survey-qualtrics/qualtRics-sample.csv') };
    const done = await importFile(workspace, 'survey-csv', file, { mapping: { respondentId: 'ResponseId', score: 'Q1', questions: ['Q2'] } });
    expect(await readScores(workspace, done.id)).toEqual({ scale: { kind: 'rating', min: 1, max: 5 }, distribution: [{ score: 2, count: 1 }], labelled: 0, average: 2, nps: null, csat: 0 });
  });

  it('gives a CSAT survey’s CSAT (% scoring 4–5) and average, and no NPS, counting each respondent once', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'survey-csv', { name: 'csat.csv', content: CSAT_SURVEY });
    expect(done.counts).toMatchObject({ created: 11, rejected: 0 });
    expect(done.scoreScale).toEqual({ kind: 'rating', min: 1, max: 5 });
    // 10 respondents: 4 + 2 gave 4–5 → 60 %; (1 + 2 + 2·3 + 4·4 + 2·5) / 10 = 3.5.
    expect(await readScores(workspace, done.id)).toEqual({
      scale: { kind: 'rating', min: 1, max: 5 },
      distribution: [
        { score: 1, count: 1 },
        { score: 2, count: 1 },
        { score: 3, count: 2 },
        { score: 4, count: 4 },
        { score: 5, count: 2 },
      ],
      labelled: 0,
      average: 3.5,
      nps: null,
      csat: 60,
    });
    // Each answer carries the scale: the Inbox shows "4 / 5", not a detractor.
    const answers = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${done.id}&scoreMin=4&scoreMax=5`)).json().items as SourceSummary[];
    expect(answers).toHaveLength(7);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.scoreScale)))).toEqual(new Set([JSON.stringify({ kind: 'rating', min: 1, max: 5 })]));
  });

  it('reads the scale the upload names over the one the numbers show', async () => {
    const workspace = await createWorkspace(context);
    const scoreScale = { kind: 'rating', min: 1, max: 10 };
    const done = await importFile(workspace, 'survey-csv', { name: 'csat.csv', content: CSAT_SURVEY }, { scoreScale });
    expect(done.scoreScale).toEqual(scoreScale);
    expect(await readScores(workspace, done.id)).toMatchObject({ scale: scoreScale, nps: null, csat: 0, average: 3.5 });
    const answer = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${done.id}&limit=1`)).json().items[0] as SourceSummary;
    expect(answer.scoreScale).toEqual(scoreScale);
  });

  it('answers 400 naming the field for a scale that is none', async () => {
    const workspace = await createWorkspace(context);
    for (const [scoreScale, path] of [
      [{ kind: 'rating', min: 5, max: 1 }, 'body.options.scoreScale.max'],
      [{ kind: 'csat' }, 'body.options.scoreScale.kind'],
    ] as const) {
      const response = await upload(workspace.owner.as, workspace.id, 'survey-csv', { name: 'csat.csv', content: CSAT_SURVEY }, { scoreScale });
      expect(response.statusCode, JSON.stringify(scoreScale)).toBe(400);
      expect(errorPaths(response)).toEqual([path]);
    }
    const forTickets = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV }, { scoreScale: { kind: 'nps' } });
    expect(forTickets.statusCode).toBe(400);
  });

  it('rejects the rows whose score is off the named scale, saying which scale', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'survey-csv', { name: 'csat.csv', content: CSAT_SURVEY }, { scoreScale: { kind: 'rating', min: 1, max: 4 } });
    expect(done.counts).toMatchObject({ created: 8, rejected: 2 });
    expect(done.errors).toEqual([
      { line: 5, message: expect.stringMatching(/^Score "5" \(column "How satisfied were you with our support\? \(CSAT\)"\) is not a whole number on the question's 1–4 scale/) },
      { line: 10, message: expect.stringMatching(/^Score "5"/) },
    ]);
  });

  it('gives no NPS for labels, decimals or scores past 10, nor for an import without scores', async () => {
    const workspace = await createWorkspace(context);
    let surveys = 0;
    // Respondents of each survey are its own, so no import takes over another's answers.
    const survey = (scores: string[]) => ['id,score,answer', ...scores.map((score, index) => `S${surveys}-R${index},${score},Answer number ${index} to the question.`)].join('\n');
    const mapping = { respondentId: 'id', score: 'score', questions: ['answer'] };
    const scoresOf = async (scores: string[]) => {
      surveys += 1;
      return readScores(workspace, (await importFile(workspace, 'survey-csv', { name: 'survey.csv', content: survey(scores) }, { mapping })).id);
    };

    expect(await scoresOf(['Very satisfied', 'Very satisfied', '9'])).toEqual({ scale: { kind: 'nps' }, distribution: [{ score: 9, count: 1 }], labelled: 2, average: 9, nps: 100, csat: null });
    expect(await scoresOf(['Very satisfied', 'Neutral'])).toEqual({ scale: null, distribution: [], labelled: 2, average: null, nps: null, csat: null });
    expect(await scoresOf(['9', '12'])).toMatchObject({ scale: { kind: 'number' }, nps: null, csat: null, average: 10.5 });
    expect(await scoresOf(['9', '7.5'])).toMatchObject({ scale: { kind: 'number' }, nps: null, average: 8.25 });
    const tickets = await importFile(workspace, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV });
    expect(tickets.scoreScale).toBeNull();
    expect(await readScores(workspace, tickets.id)).toEqual({ scale: null, distribution: [], labelled: 0, average: null, nps: null, csat: null });
  });

  it('gives answers imported before scales were kept their scale when their file is imported again', async () => {
    const workspace = await createWorkspace(context);
    const first = await importFile(workspace, 'survey-csv', { name: 'csat.csv', content: CSAT_SURVEY });
    // As Cairn kept them before: no scale with the answers nor with the import.
    await context.db.update(sources).set({ metadata: sql`${sources.metadata} - 'scoreScale'` }).where(eq(sources.importId, first.id));
    await context.db.update(imports).set({ options: sql`${imports.options} - 'scoreScale'` }).where(eq(imports.id, first.id));
    expect(await readScores(workspace, first.id)).toMatchObject({ scale: null, nps: null, csat: null, average: 3.5 });
    const before = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?importId=${first.id}`)).json().items as SourceSummary[];
    expect(before.map((answer) => answer.scoreScale)).toEqual(Array(11).fill(null));

    const again = await importFile(workspace, 'survey-csv', { name: 'csat.csv', content: CSAT_SURVEY });
    expect(again.counts).toMatchObject({ created: 0, updated: 11, unchanged: 0 });
    expect(await readScores(workspace, again.id)).toMatchObject({ scale: { kind: 'rating', min: 1, max: 5 }, csat: 60 });
  });

  it('reads an import from before scales were kept as before: an NPS when every score is a whole 0–10, some above 5', async () => {
    const workspace = await createWorkspace(context);
    const legacyImport = async (scores: unknown[]) => {
      const id = await createLegacySurveyImport(workspace, scores);
      return readScores(workspace, id);
    };
    expect(await legacyImport([9, 10, 3])).toMatchObject({ scale: null, nps: 33.3, csat: null, average: 7.33 });
    expect(await legacyImport([4, 5, 1])).toMatchObject({ scale: null, nps: null });
    expect(await legacyImport([9, 'Very satisfied'])).toMatchObject({ scale: null, nps: null, labelled: 1 });
  });

  it('answers 404 for an import of another workspace, 400 for a malformed id, and lets viewers read', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await importFile(other, 'survey-csv', { name: 'nps-survey.csv', content: SAMPLE_NPS_SURVEY }, { mapping: SAMPLE_NPS_MAPPING });
    expect((await workspace.owner.as.get(scoresUrl(workspace, theirs.id))).statusCode).toBe(404);
    const malformed = await workspace.owner.as.get(scoresUrl(workspace, 'nope'));
    expect(malformed.statusCode).toBe(400);
    expect(errorPaths(malformed)).toEqual(['params.id']);
    const viewer = await createMember(context, other, 'viewer');
    expect((await viewer.as.get(scoresUrl(other, theirs.id))).json()).toMatchObject({ nps: -15.6 });
  });
});

describe('GET /imports/:id/rejected.csv', () => {
  it('gives the rejected rows back under the original header, with line and reason, quoted correctly', async () => {
    const workspace = await createWorkspace(context);
    const csv = 'id;text;email\n1;"Fine; really";a@example.com\n2;"Broken ""quoted"" email";nope\n3;;b@example.com\n';
    const done = await importFile(workspace, 'tickets-csv', { name: 'export.csv', content: csv }, { mapping: { externalId: 'id', body: 'text', requesterEmail: 'email' } });
    expect(done.counts).toMatchObject({ created: 1, rejected: 2 });
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports/${done.id}/rejected.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('export-rejected.csv');
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines[0]).toBe('line,reason,id,text,email');
    expect(lines[1]).toMatch(/^3,.*not an email.*,2,"Broken ""quoted"" email",nope$/);
    expect(lines[2]).toMatch(/^4,.*empty.*,3,,b@example.com$/);
  });

  it('lists skipped and rejected items of non-CSV imports with their raw text', async () => {
    const workspace = await createWorkspace(context);
    const done = await importFile(workspace, 'intercom-json', { name: 'conversation.json', content: readDataset('vendor-intercom/intercom-openapi-2.14-retrieve-conversation-example.json') });
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports/${done.id}/rejected.csv`);
    const [header, row] = response.body.replace(/^\uFEFF/, '').split('\n');
    expect(header).toBe('line,reason,raw');
    expect(row).toMatch(/^1,"The conversation has no message from the customer.*","\{""type"":""conversation""/);
  });
});

describe('POST /imports/preview', () => {
  it('shows the columns, first rows, delimiter, encoding and a suggested mapping of a CSV, storing nothing', async () => {
    const workspace = await createWorkspace(context);
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV }, undefined, 'imports/preview');
    expect(response.statusCode).toBe(200);
    const preview = ImportPreviewSchema.parse(response.json());
    expect(preview).toMatchObject({ format: 'tickets-csv', delimiter: ',', encoding: 'utf-8', sources: [], errors: [] });
    expect(preview.columns).toContain('Description');
    expect(preview.rows).toHaveLength(4);
    expect(preview.rows[0]).toMatchObject({ 'Ticket ID': 'T-1', Subject: 'Export fails' });
    expect(preview.suggestedMapping).toMatchObject({ externalId: 'Ticket ID', subject: 'Subject', body: 'Description', requesterEmail: 'Requester Email' });
    const history = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports`);
    expect(history.json().items).toEqual([]);
    expect(await countSources(workspace.owner.as, workspace.id)).toBe(0);
  });

  it('suggests the 0–10 question of an NPS survey as its score and tells the day/month order its dates prove', async () => {
    const workspace = await createWorkspace(context);
    const survey = [
      'Response ID,Email,Submitted,How likely are you to recommend Acme Bank? (0-10),What is the main reason for your score?,What one thing should we improve?',
      'R_00001,pia.haddad5@vandelay.net,09/11/2026 16:58,1,A transaction on my card shows as pending.,',
      'R_00000,omar.demir6@acme.org,06/22/2026 10:26,3,Can I use my account before my Identity verification has passed?,Faster card delivery please',
    ].join('\n');
    const response = await upload(workspace.owner.as, workspace.id, 'survey-csv', { name: 'nps.csv', content: survey }, undefined, 'imports/preview');
    const preview = ImportPreviewSchema.parse(response.json());
    expect(preview.suggestedMapping).toEqual({
      respondentId: 'Response ID',
      respondentEmail: 'Email',
      submittedAt: 'Submitted',
      score: 'How likely are you to recommend Acme Bank? (0-10)',
      questions: ['What is the main reason for your score?', 'What one thing should we improve?'],
    });
    expect(preview.dateOrders).toEqual({ Submitted: 'month-first' });
    // Scores 1 and 3 alone would read as a 1–5 rating; the question says "(0-10)".
    expect(preview.scoreScales).toEqual({ 'How likely are you to recommend Acme Bank? (0-10)': { kind: 'nps' } });
  });

  it('shows the scale a CSAT question’s scores are on, as the import will infer it', async () => {
    const workspace = await createWorkspace(context);
    const response = await upload(workspace.owner.as, workspace.id, 'survey-csv', { name: 'csat.csv', content: CSAT_SURVEY }, undefined, 'imports/preview');
    const preview = ImportPreviewSchema.parse(response.json());
    expect(preview.suggestedMapping).toMatchObject({ score: 'How satisfied were you with our support? (CSAT)' });
    expect(preview.scoreScales).toEqual({ 'How satisfied were you with our support? (CSAT)': { kind: 'rating', min: 1, max: 5 } });
  });

  it('previews a survey whose answers are too short to be suggested as questions, so that they can be chosen', async () => {
    const workspace = await createWorkspace(context);
    const survey = ['Response ID,Score,Why?', 'R1,9,Great app', 'R2,3,Too slow', 'R3,7,OK'].join('\n');
    const response = await upload(workspace.owner.as, workspace.id, 'survey-csv', { name: 'short.csv', content: survey }, undefined, 'imports/preview');
    expect(response.statusCode).toBe(200);
    const preview = ImportPreviewSchema.parse(response.json());
    expect(preview.suggestedMapping).toEqual({ respondentId: 'Response ID', score: 'Score' });
    expect(preview.columns).toEqual(['Response ID', 'Score', 'Why?']);
  });

  it('suggests the question columns of a Qualtrics survey, with their question texts', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'survey.csv', content: readDataset('survey-qualtrics/qualtRics-sample.csv') };
    const preview = (await upload(workspace.owner.as, workspace.id, 'survey-csv', file, undefined, 'imports/preview')).json();
    expect(preview.suggestedMapping.questions).toEqual(['Q2']);
    expect(preview.labels[preview.columns.indexOf('Q2')]).toBe('This is a free text question.');
  });

  it('shows a transcript as its first speaker turns', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'IS1001b.vtt', content: readDataset('ami-meetings/IS1001b.vtt') };
    const response = await upload(workspace.owner.as, workspace.id, 'transcript', file, { interviewer: 'Marketing' }, 'imports/preview');
    expect(response.statusCode).toBe(200);
    const [source] = ImportPreviewSchema.parse(response.json()).sources;
    expect(source).toMatchObject({ kind: 'interview', title: 'IS1001b' });
    expect(source!.turnCount).toBeGreaterThan(100);
    expect(source!.turns[0]).toMatchObject({ speaker: expect.any(String), startMs: 0 });
  });

  it('names everyone who speaks in a transcript, those who first speak after the previewed turns too', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'IS1001b.vtt', content: readDataset('ami-meetings/IS1001b.vtt') };
    const response = await upload(workspace.owner.as, workspace.id, 'transcript', file, undefined, 'imports/preview');
    const [source] = ImportPreviewSchema.parse(response.json()).sources;
    expect(source!.turns.map((turn) => turn.speaker)).not.toContain('Marketing');
    expect(source!.speakers).toEqual(['Project Manager', 'Industrial Designer', 'User Interface', 'Marketing']);
  });

  it('names no speaker for a subtitle file, whose turns have none', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'arrows.vtt', content: readDataset('webvtt-wpt/arrows.vtt') };
    const response = await upload(workspace.owner.as, workspace.id, 'transcript', file, undefined, 'imports/preview');
    const [source] = ImportPreviewSchema.parse(response.json()).sources;
    expect(source!.turns.length).toBeGreaterThan(0);
    expect(source!.speakers).toEqual([]);
  });

  it('shows a .docx transcript dated when its document properties say it was created', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'interview.docx', content: readDataset('docx-mammoth/mammoth-tables.docx') };
    const response = await upload(workspace.owner.as, workspace.id, 'transcript', file, undefined, 'imports/preview');
    expect(ImportPreviewSchema.parse(response.json()).sources[0]).toMatchObject({ title: 'interview', occurredAt: '2014-07-05T18:21:00.000Z' });
  });

  it('runs the first rows through the chosen mapping and says why each would be rejected, as the import then does', async () => {
    const workspace = await createWorkspace(context);
    const file = { name: 'tickets.csv', content: TICKETS_CSV };
    const mapping = { body: 'Description', createdAt: 'Requester Email' };
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', file, { mapping }, 'imports/preview');
    expect(response.statusCode, response.body).toBe(200);
    const check = ImportPreviewSchema.parse(response.json()).mappingCheck;
    expect(check?.mapping).toEqual(mapping);
    expect(check?.rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(check?.rows.every((row) => row.sources.length === 0)).toBe(true);
    expect(check?.rows[0]?.error).toMatch(/^Created at "ana@example.com" \(column "Requester Email"\)/);
    const done = await importFile(workspace, 'tickets-csv', file, { mapping });
    expect(done.errors.map((error) => error.message)).toEqual(check?.rows.map((row) => row.error));
    expect(await countSources(workspace.owner.as, workspace.id)).toBe(0);
  });

  it('checks the suggested mapping when none is chosen, showing what each row would create', async () => {
    const workspace = await createWorkspace(context);
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'tickets.csv', content: TICKETS_CSV }, undefined, 'imports/preview');
    const preview = ImportPreviewSchema.parse(response.json());
    expect(preview.mappingCheck?.mapping).toEqual(preview.suggestedMapping);
    expect(preview.mappingCheck?.rows.map(({ line, sources, error }) => ({ line, titles: sources.map((source) => source.title), error }))).toEqual([
      { line: 2, titles: ['Export fails'], error: null },
      { line: 3, titles: ['Slow search'], error: null },
      { line: 4, titles: [], error: 'Requester email "not-an-email" (column "Requester Email") is not an email address' },
      { line: 5, titles: ['SSO'], error: null },
    ]);
    expect(preview.mappingCheck?.rows[0]?.sources[0]).toMatchObject({ occurredAt: '2024-03-01T00:00:00.000Z', customer: { email: 'ana@example.com', company: 'Acme' } });
  });

  it('rejects in the check a row whose key is too long to store, as the import does', async () => {
    const workspace = await createWorkspace(context);
    const csv = `id,text
${'x'.repeat(1_200)},A ticket with a very long id
`;
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'long.csv', content: csv }, { mapping: { externalId: 'id', body: 'text' } }, 'imports/preview');
    expect(ImportPreviewSchema.parse(response.json()).mappingCheck?.rows).toEqual([{ line: 2, sources: [], error: expect.stringMatching(/^The external id is 1200 bytes long/) }]);
  });

  it('answers 422 when the mapping names a column the file does not have', async () => {
    const workspace = await createWorkspace(context);
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 't.csv', content: TICKETS_CSV }, { mapping: { body: 'Text' } }, 'imports/preview');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'unprocessable', detail: expect.stringContaining('no such column') });
  });

  it('answers 422 with the reason for a file that cannot be imported', async () => {
    const workspace = await createWorkspace(context);
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'garbage.csv', content: crypto.randomBytes(2048) }, undefined, 'imports/preview');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'unprocessable', detail: expect.stringContaining('not a text file') });
  });

  it('answers with the first rows of a large file (the importer tests check it stops reading there)', async () => {
    const workspace = await createWorkspace(context);
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},"Row number ${i} of a long export"`);
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'big.csv', content: `id,text\n${rows.join('\n')}` }, undefined, 'imports/preview');
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toHaveLength(20);
  });
});

describe('restarts', () => {
  it('fails imports a previous process left queued or running when the server starts', async () => {
    const workspace = await createWorkspace(context);
    const longAgo = new Date(Date.now() - 10 * 60 * 1000);
    const [left] = await context.db
      .insert(imports)
      .values({ workspaceId: workspace.id, format: 'tickets-csv', fileName: 'left.csv', status: 'running', createdBy: workspace.owner.id, updatedAt: longAgo })
      .returning();
    const restarted = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' }), database: context.database });
    await restarted.ready();
    await restarted.close();
    const [row] = await context.db.select().from(imports).where(and(eq(imports.workspaceId, workspace.id), eq(imports.id, left!.id)));
    expect(row).toMatchObject({ status: 'failed', failure: expect.stringContaining('re-upload the file') });
  });
});

describe('upload size limit', () => {
  const small = useTestApp({ config: { uploadMaxBytes: 1000 } });

  it('refuses a file above UPLOAD_MAX_BYTES with 413 and stores nothing', async () => {
    const workspace = await createWorkspace(small);
    const response = await upload(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'big.csv', content: `text\n${'x'.repeat(2000)}\n` });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', detail: expect.stringContaining('1000 bytes') });
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/imports`)).json().items).toEqual([]);
  });
});
