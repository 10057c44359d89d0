import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IMPORT_BATCH_SIZE, type Role } from '@cairn/shared';
import { auditEvents, customers, highlights, imports, sources, users } from '../../db/schema/index.js';
import type { ImportedSource } from '../../importers/types.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createCustomer, createHighlight, createMember, createSource, createTag, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { upsertSources } from './sources.service.js';

const context = useTestApp();

const url = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/sources${rest}`;
const ownerActor = (workspace: TestWorkspace): WorkspaceActor => ({ workspaceId: workspace.id, role: 'owner', userId: workspace.owner.id, tokenId: null });
const upsert = (workspace: TestWorkspace, inputs: ImportedSource[], importId: string | null = null) =>
  context.db.transaction((tx) => upsertSources(tx, ownerActor(workspace), inputs, { importId }));
const sourcesOf = (workspace: TestWorkspace) => context.db.select().from(sources).where(eq(sources.workspaceId, workspace.id));
const titles = (body: { items: Array<{ title: string }> }) => body.items.map((item) => item.title);

function ticket(index: number, overrides: Partial<ImportedSource> = {}): ImportedSource {
  return {
    kind: 'ticket',
    title: `Ticket ${index}`,
    body: `I cannot export my data (case ${index}).`,
    occurredAt: new Date(Date.UTC(2024, 0, 1 + (index % 28))),
    externalId: `T-${index}`,
    customer: { email: `requester-${index % 10}@example.org`, name: `Requester ${index % 10}`, company: { name: `Company ${index % 3}`, segment: 'SMB' } },
    metadata: { priority: 'high', status: 'open' },
    segments: null,
    ...overrides,
  };
}

async function createImport(workspace: TestWorkspace) {
  const [row] = await context.db.insert(imports).values({ workspaceId: workspace.id, format: 'tickets-csv', fileName: 'tickets.csv' }).returning();
  return row!;
}

describe('upsertSources (the batch write path every import uses)', () => {
  it('writes a batch with its customers, companies and vendor tags, and returns the ids in input order', async () => {
    const workspace = await createWorkspace(context);
    const batch = Array.from({ length: 30 }, (_, index) => ticket(index, { tags: index === 0 ? ['billing', 'export'] : undefined }));
    const result = await upsert(workspace, batch);
    expect(result).toMatchObject({ created: 30, updated: 0, unchanged: 0 });
    expect(result.sourceIds).toHaveLength(30);
    const rows = await sourcesOf(workspace);
    const first = rows.find((row) => row.id === result.sourceIds[0])!;
    expect(first).toMatchObject({ externalId: 'T-0', title: 'Ticket 0', metadata: { priority: 'high', status: 'open', tags: ['billing', 'export'] }, createdBy: workspace.owner.id });
    const people = await context.db.select().from(customers).where(eq(customers.workspaceId, workspace.id));
    expect(people).toHaveLength(10);
    expect(first.customerId).toBe(people.find((person) => person.email === 'requester-0@example.org')!.id);
  });

  it('changes nothing when the same batch comes again: every row is unchanged and nothing is rewritten', async () => {
    const workspace = await createWorkspace(context);
    const batch = Array.from({ length: 20 }, (_, index) => ticket(index));
    const first = await upsert(workspace, batch);
    const before = await sourcesOf(workspace);
    const second = await upsert(workspace, batch);
    // Written outside any import, the unchanged rows name no import that last wrote them.
    expect(second).toEqual({ created: 0, updated: 0, unchanged: 20, sourceIds: first.sourceIds, unchangedImportIds: batch.map(() => null) });
    const after = await sourcesOf(workspace);
    expect(after.map((row) => row.updatedAt.getTime()).sort()).toEqual(before.map((row) => row.updatedAt.getTime()).sort());
  });

  it('updates the rows that differ and counts them apart from the unchanged ones', async () => {
    const workspace = await createWorkspace(context);
    const importRow = await createImport(workspace);
    await upsert(workspace, [ticket(1), ticket(2), ticket(3)]);
    const result = await upsert(workspace, [ticket(1), ticket(2, { metadata: { priority: 'low' } }), ticket(3, { title: 'Renamed' }), ticket(4)], importRow.id);
    expect(result).toMatchObject({ created: 1, updated: 2, unchanged: 1 });
    const rows = await sourcesOf(workspace);
    expect(rows.find((row) => row.externalId === 'T-2')).toMatchObject({ metadata: { priority: 'low' }, importId: importRow.id });
    expect(rows.find((row) => row.externalId === 'T-1')!.importId).toBeNull();
  });

  it('always inserts sources without an external id, and keeps kinds apart for the same external id', async () => {
    const workspace = await createWorkspace(context);
    const note = ticket(0, { kind: 'note', externalId: null });
    const survey = ticket(0, { kind: 'survey_response' });
    expect(await upsert(workspace, [note, note, ticket(0), survey])).toMatchObject({ created: 4 });
    expect(await upsert(workspace, [note, ticket(0), survey])).toMatchObject({ created: 1, unchanged: 2 });
    expect(await sourcesOf(workspace)).toHaveLength(5);
  });

  it('lets the last of two rows with one external id in a batch win', async () => {
    const workspace = await createWorkspace(context);
    const result = await upsert(workspace, [ticket(1, { title: 'First' }), ticket(1, { title: 'Second' })]);
    expect(result.sourceIds[0]).toBe(result.sourceIds[1]);
    expect(result).toMatchObject({ created: 1, updated: 1 });
    const rows = await sourcesOf(workspace);
    expect(rows.map((row) => row.title)).toEqual(['Second']);
    expect(await upsert(workspace, [ticket(1, { title: 'First' }), ticket(1, { title: 'Second' })])).toMatchObject({ unchanged: 2 });
  });

  it('keeps the stored date and customer when a re-import does not give them', async () => {
    const workspace = await createWorkspace(context);
    const [id] = (await upsert(workspace, [ticket(1)])).sourceIds;
    const stored = (await sourcesOf(workspace))[0]!;
    const result = await upsert(workspace, [ticket(1, { occurredAt: null, customer: null })]);
    expect(result).toMatchObject({ unchanged: 1, sourceIds: [id] });
    const undated = await upsert(workspace, [ticket(99, { occurredAt: null })]);
    const rows = await sourcesOf(workspace);
    expect(rows.find((row) => row.id === id)).toMatchObject({ occurredAt: stored.occurredAt, customerId: stored.customerId });
    expect(Math.abs(rows.find((row) => row.id === undated.sourceIds[0])!.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('leaves a trashed source in the trash when it is imported again', async () => {
    const workspace = await createWorkspace(context);
    const [id] = (await upsert(workspace, [ticket(1)])).sourceIds;
    await context.db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, id!));
    expect(await upsert(workspace, [ticket(1, { title: 'Changed upstream' })])).toMatchObject({ updated: 1 });
    const [row] = await sourcesOf(workspace);
    expect(row).toMatchObject({ title: 'Changed upstream' });
    expect(row!.deletedAt).not.toBeNull();
  });

  it('keeps the text of a source that has highlights, so their offsets stay true', async () => {
    const workspace = await createWorkspace(context);
    const [id] = (await upsert(workspace, [ticket(1)])).sourceIds;
    const [stored] = await sourcesOf(workspace);
    await createHighlight(context, workspace, stored!, { start: 2, end: 8 });
    expect(await upsert(workspace, [ticket(1, { body: 'A different text altogether.' })])).toMatchObject({ unchanged: 1 });
    expect(await upsert(workspace, [ticket(1, { body: 'Another text', title: 'New title' })])).toMatchObject({ updated: 1 });
    const [row] = await sourcesOf(workspace);
    expect(row).toMatchObject({ id, body: stored!.body, title: 'New title' });
  });

  it(`writes a full batch of ${IMPORT_BATCH_SIZE} in one call`, async () => {
    const workspace = await createWorkspace(context);
    const batch = Array.from({ length: IMPORT_BATCH_SIZE }, (_, index) => ticket(index, { customer: { email: `c${index}@example.org` } }));
    expect(await upsert(workspace, batch)).toMatchObject({ created: IMPORT_BATCH_SIZE });
    expect(await upsert(workspace, batch)).toMatchObject({ unchanged: IMPORT_BATCH_SIZE });
    await expect(upsert(workspace, [...batch, ticket(IMPORT_BATCH_SIZE)])).rejects.toThrow(/at most/);
  });
});

describe('POST /sources', () => {
  it('creates a source with a matched-or-created customer (201), and updates it for the same external id (200)', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const existing = await createCustomer(context, workspace, { email: 'dana@example.org' });
    const body = {
      kind: 'ticket',
      title: 'Export fails',
      body: 'The CSV export times out.',
      occurredAt: '2024-03-01T10:00:00.000Z',
      externalId: 'ZD-1',
      customer: { email: 'DANA@example.org', company: { name: 'Dana Inc', segment: 'SMB' } },
      metadata: { priority: 'urgent' },
    };
    const created = await contributor.as.post(url(workspace), body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'ticket',
      title: 'Export fails',
      body: 'The CSV export times out.',
      occurredAt: '2024-03-01T10:00:00.000Z',
      externalId: 'ZD-1',
      customer: { id: existing.id, email: 'dana@example.org', company: { name: 'Dana Inc', segment: 'SMB' } },
      metadata: { priority: 'urgent' },
      segments: null,
      highlights: [],
      highlightCount: 0,
      tagged: false,
      importId: null,
      deletedAt: null,
      createdBy: { id: contributor.id, name: contributor.name },
    });

    const again = await contributor.as.post(url(workspace), { ...body, metadata: { priority: 'low' } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: created.json().id, metadata: { priority: 'low' } });
    const same = await contributor.as.post(url(workspace), { ...body, metadata: { priority: 'low' } });
    expect(same.statusCode).toBe(200);
    expect(await sourcesOf(workspace)).toHaveLength(1);
    const audit = await context.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.map((event) => event.action).sort()).toEqual(['source.create', 'source.update']);
  });

  it('accepts an API token with the contributor role', async () => {
    const workspace = await createWorkspace(context);
    const token = await createTokenCaller(context, workspace, 'contributor');
    const response = await token.post(url(workspace), { kind: 'review', title: 'Great app', body: 'Five stars.' });
    expect(response.statusCode).toBe(201);
    expect(response.json().createdBy).toBeNull();
  });

  it('answers 400 listing every invalid field', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(url(workspace), { kind: 'email', title: '', body: '   ', occurredAt: 'yesterday', customer: {}, extra: 1 });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.kind', 'body.title', 'body.body', 'body.occurredAt', 'body.customer.email']));
    // An instant the database cannot hold (year 10000 once in UTC) is a 400 too, not a 500.
    const late = await workspace.owner.as.post(url(workspace), { kind: 'note', title: 'Late', body: 'Text', occurredAt: '9999-12-31T23:00:00-05:00' });
    expect(late.statusCode).toBe(400);
    expect(errorPaths(late)).toEqual(['body.occurredAt']);
  });

  it('checks that segments lie inside the body, in order and without overlap', async () => {
    const workspace = await createWorkspace(context);
    const body = 'Ann: Hello.\nBob: Hi.';
    const post = (segments: unknown) => workspace.owner.as.post(url(workspace), { kind: 'interview', title: 'Call', body, segments });
    const outside = await post([{ speaker: 'Ann', start: 0, end: 99 }]);
    expect(outside.statusCode).toBe(400);
    expect(errorPaths(outside)).toEqual(['body.segments.0.end']);
    const overlapping = await post([{ speaker: 'Ann', start: 0, end: 12 }, { speaker: 'Bob', start: 5, end: 20 }]);
    expect(errorPaths(overlapping)).toEqual(['body.segments.1.start']);
    const reversed = await post([{ speaker: 'Ann', start: 5, end: 5, startMs: 10, endMs: 5 }]);
    expect(errorPaths(reversed)).toEqual(expect.arrayContaining(['body.segments.0.end', 'body.segments.0.endMs']));
    const blank = await workspace.owner.as.post(url(workspace), { kind: 'interview', title: 'Call', body: 'Ann:  \n\nBob: Hi.', segments: [{ speaker: 'Ann', start: 4, end: 8 }] });
    expect(blank.statusCode).toBe(400);
    expect(errorPaths(blank)).toEqual(['body.segments.0']);
  });

  it('stores the body normalized (NFC, \\n line breaks) and keeps segment offsets true through emoji and accents', async () => {
    const workspace = await createWorkspace(context);
    const ann = 'Ann: Cafe\u0301 crashed 😖 twice.';
    const bob = 'Bob: Which 🧑‍💻 build?';
    const raw = `${ann}\r\n\r\n${bob}\r\n`;
    const response = await workspace.owner.as.post(url(workspace), {
      kind: 'interview',
      title: '  Intervie\u0301w  with Ann ',
      body: raw,
      segments: [
        { speaker: 'Ann', startMs: 0, endMs: 4000, start: 0, end: ann.length },
        { speaker: 'Bob', startMs: 4000, endMs: 6500, start: ann.length + 4, end: raw.length, interviewer: true },
      ],
    });
    expect(response.statusCode).toBe(201);
    const source = response.json<{ id: string; title: string; body: string; segments: Array<{ start: number; end: number; interviewer?: boolean }> }>();
    expect(source.title).toBe('Interviéw with Ann');
    expect(source.body).toBe(`${ann.normalize('NFC')}\n\n${bob}`);
    expect(source.segments.map((segment) => source.body.slice(segment.start, segment.end))).toEqual([ann.normalize('NFC'), bob]);
    expect(source.segments[1]!.interviewer).toBe(true);

    // A highlight cut with JavaScript offsets from what the API returned quotes exactly that text.
    const from = source.body.indexOf('😖');
    await createHighlight(context, workspace, source, { start: from, end: from + 2 });
    const read = await workspace.owner.as.get(url(workspace, `/${source.id}`));
    expect(read.json().highlights[0].quote).toBe('😖');
  });

  it('refuses viewers (403) and anonymous callers (401)', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const body = { kind: 'note', title: 'x', body: 'y' };
    expect((await viewer.as.post(url(workspace), body)).statusCode).toBe(403);
    expect((await anonymous(context).post(url(workspace), body)).statusCode).toBe(401);
  });
});

describe('GET /sources', () => {
  it('lists live sources newest first with customer, preview, highlight count and tagged flag', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const customer = await createCustomer(context, workspace, { name: 'Zoe', externalId: 'zd-7' });
    const old = await createSource(context, workspace, { title: 'Old', occurredAt: new Date('2024-01-01T00:00:00Z'), customerId: customer.id, body: `  ${'word '.repeat(100)}` });
    await createSource(context, workspace, { title: 'New', occurredAt: new Date('2024-06-01T00:00:00Z') });
    await createSource(context, workspace, { title: 'Trashed', deletedAt: new Date() });
    const tag = await createTag(context, workspace);
    await createHighlight(context, workspace, old, { tagIds: [tag.id] });
    await createHighlight(context, workspace, old, { start: 0, end: 4 });

    const response = await viewer.as.get(url(workspace));
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(titles(page)).toEqual(['New', 'Old']);
    // The external id too: a requester imported with nothing else is named by it (`customerName`).
    expect(page.items[1]).toMatchObject({ customer: { id: customer.id, name: 'Zoe', externalId: 'zd-7', company: null }, highlightCount: 2, tagged: true, triaged: true, deletedAt: null });
    expect(page.items[1].preview).toMatch(/^word word/);
    expect(page.items[1].preview.length).toBeLessThanOrEqual(200);
    expect(page.items[1]).not.toHaveProperty('body');
  });

  it('filters by kind (one or several), customer, import, tag and untagged', async () => {
    const workspace = await createWorkspace(context);
    const customer = await createCustomer(context, workspace);
    const importRow = await createImport(workspace);
    const tag = await createTag(context, workspace);
    const other = await createTag(context, workspace);
    const tagged = await createSource(context, workspace, { title: 'tagged ticket', kind: 'ticket', customerId: customer.id });
    const highlighted = await createSource(context, workspace, { title: 'highlighted survey', kind: 'survey_response', importId: importRow.id });
    const trashedHighlight = await createSource(context, workspace, { title: 'note', kind: 'note' });
    await createSource(context, workspace, { title: 'interview', kind: 'interview' });
    await createHighlight(context, workspace, tagged, { tagIds: [tag.id, other.id] });
    await createHighlight(context, workspace, highlighted);
    const gone = await createHighlight(context, workspace, trashedHighlight, { tagIds: [tag.id] });
    await context.db.update(highlights).set({ deletedAt: new Date() }).where(eq(highlights.id, gone.id));

    const list = async (query: string) => titles((await workspace.owner.as.get(url(workspace, query))).json()).sort();
    expect(await list('?kind=ticket')).toEqual(['tagged ticket']);
    expect(await list('?kind=ticket,survey_response')).toEqual(['highlighted survey', 'tagged ticket']);
    expect(await list(`?customerId=${customer.id}`)).toEqual(['tagged ticket']);
    expect(await list(`?importId=${importRow.id}`)).toEqual(['highlighted survey']);
    expect(await list(`?tagId=${tag.id}`)).toEqual(['tagged ticket']);
    expect(await list('?untagged=true')).toEqual(['highlighted survey', 'interview', 'note']);
    expect(await list('?untagged=true&kind=ticket,survey_response')).toEqual(['highlighted survey']);
  });

  it('counts the untagged sources left on the first page of the untagged list only, and says they are untagged', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    for (const [index, title] of ['first', 'second', 'third', 'fourth'].entries()) {
      await createSource(context, workspace, { title, kind: 'ticket', occurredAt: new Date(Date.UTC(2024, 0, index + 1)) });
    }
    await createHighlight(context, workspace, await createSource(context, workspace, { title: 'tagged', kind: 'ticket' }), { tagIds: [tag.id] });
    await createSource(context, workspace, { title: 'a note', kind: 'note' });

    const first = (await workspace.owner.as.get(url(workspace, '?untagged=true&kind=ticket&order=oldest&limit=2'))).json();
    expect(titles(first)).toEqual(['first', 'second']);
    expect(first.total).toBe(4);
    expect(first.items.map((item: { tagged: boolean }) => item.tagged)).toEqual([false, false]);
    const second = (await workspace.owner.as.get(url(workspace, `?untagged=true&kind=ticket&order=oldest&limit=2&cursor=${first.nextCursor}`))).json();
    expect(titles(second)).toEqual(['third', 'fourth']);
    expect(second).not.toHaveProperty('total');
    const whole = (await workspace.owner.as.get(url(workspace, '?untagged=true&kind=ticket'))).json();
    expect(whole.total).toBe(4);
    // Every list's first page counts now (sources.total.test.ts), not only the untagged one.
    expect((await workspace.owner.as.get(url(workspace, '?kind=ticket'))).json().total).toBe(5);
  });

  it('filters by date range: a day as to includes that whole day, an instant includes itself, from after to is a 400 naming query.to', async () => {
    const workspace = await createWorkspace(context);
    for (const [title, at] of [
      ['march 31', '2024-03-31T23:59:59.999Z'],
      ['april 1', '2024-04-01T00:00:00.000Z'],
      ['april 30', '2024-04-30T23:59:59.999Z'],
      ['may 1', '2024-05-01T00:00:00.000Z'],
    ] as const) {
      await createSource(context, workspace, { title, occurredAt: new Date(at) });
    }
    const list = async (query: string) => titles((await workspace.owner.as.get(url(workspace, query))).json());
    expect(await list('?from=2024-04-01&to=2024-04-30')).toEqual(['april 30', 'april 1']);
    expect(await list('?from=2024-04-01T00:00:00.000Z&to=2024-05-01T00:00:00.000Z')).toEqual(['may 1', 'april 30', 'april 1']);
    expect(await list('?from=2024-04-30T23:59:59.999Z&to=2024-04-30T23:59:59.999Z')).toEqual(['april 30']);
    expect(await list('?to=2024-03-31')).toEqual(['march 31']);
    expect(await list('?from=2024-05-01&to=9999-12-31')).toEqual(['may 1']);
    // Stored a microsecond past the time the API shows for it: that time still finds it.
    const undated = (await workspace.owner.as.post(url(workspace), { kind: 'note', title: 'undated', body: 'No date given.' })).json();
    expect(await list(`?from=${undated.occurredAt}&to=${undated.occurredAt}`)).toEqual(['undated']);
    for (const reversed of ['?from=2024-05-01&to=2024-04-30', '?from=2024-05-01T00:00:00.001Z&to=2024-05-01T00:00:00.000Z']) {
      const response = await workspace.owner.as.get(url(workspace, reversed));
      expect(response.statusCode, reversed).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(errorPaths(response)).toEqual(['query.to']);
    }
    const bad = await workspace.owner.as.get(url(workspace, '?from=last-week&kind=ticket,email&untagged=maybe'));
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['query.from', 'query.kind.1', 'query.untagged']));
  });

  it('pages newest first or oldest first with a cursor, never skipping sources that share a time', async () => {
    const workspace = await createWorkspace(context);
    const at = new Date('2024-02-02T02:02:02.123Z');
    for (let index = 0; index < 7; index += 1) await createSource(context, workspace, { title: `s${index}`, occurredAt: index < 4 ? at : new Date(at.getTime() + index * 1000) });
    const walk = async (order: string) => {
      const seen: Array<{ id: string; occurredAt: string }> = [];
      let cursor: string | null = null;
      do {
        const response = await workspace.owner.as.get(url(workspace, `?limit=2&order=${order}${cursor ? `&cursor=${cursor}` : ''}`));
        const page: { items: Array<{ id: string; occurredAt: string }>; nextCursor: string | null } = response.json();
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const newest = await walk('newest');
    const oldest = await walk('oldest');
    expect(new Set(newest.map((item) => item.id)).size).toBe(7);
    expect(oldest.map((item) => item.id)).toEqual([...newest].reverse().map((item) => item.id));
    expect((await workspace.owner.as.get(url(workspace, '?cursor=garbage'))).statusCode).toBe(400);
  });

  it('lists the trash with trash=true', async () => {
    const workspace = await createWorkspace(context);
    await createSource(context, workspace, { title: 'live' });
    await createSource(context, workspace, { title: 'binned', deletedAt: new Date() });
    const response = await workspace.owner.as.get(url(workspace, '?trash=true'));
    expect(titles(response.json())).toEqual(['binned']);
    expect(response.json().items[0].deletedAt).not.toBeNull();
  });

  it("shows nothing of another workspace: its id in a filter is a 404 naming the filter, its list is a 404", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await createCustomer(context, other);
    await createSource(context, other, { customerId: theirs.id });
    const filtered = await workspace.owner.as.get(url(workspace, `?customerId=${theirs.id}`));
    expect(filtered.statusCode).toBe(404);
    expect(errorPaths(filtered)).toEqual(['query.customerId']);
    // One of its own that nothing matches is an empty list, as ever.
    const ours = await createCustomer(context, workspace);
    expect((await workspace.owner.as.get(url(workspace, `?customerId=${ours.id}`))).json().items).toEqual([]);
    expect((await workspace.owner.as.get(url(other))).statusCode).toBe(404);
    expect((await anonymous(context).get(url(workspace))).statusCode).toBe(401);
  });
});

describe('GET /sources/:id', () => {
  it('returns the body, segments, metadata and highlights', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const source = await createSource(context, workspace, {
      kind: 'interview',
      body: 'Ann: hi\nBob: yo',
      segments: [{ speaker: 'Ann', startMs: 0, endMs: 1000, start: 0, end: 7 }, { speaker: 'Bob', startMs: 1000, endMs: 2000, start: 8, end: 15 }],
      metadata: { language: 'en' },
    });
    const highlight = await createHighlight(context, workspace, source, { start: 5, end: 7 });
    const response = await viewer.as.get(url(workspace, `/${source.id}`));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: source.id,
      body: 'Ann: hi\nBob: yo',
      segments: [{ speaker: 'Ann', start: 0, end: 7 }, { speaker: 'Bob', start: 8, end: 15 }],
      metadata: { language: 'en' },
      highlights: [{ id: highlight.id, quote: 'hi' }],
      highlightCount: 1,
    });
  });

  it('serves a read again while nothing it shows has changed, and shows every change made since, by any process', async () => {
    const workspace = await createWorkspace(context);
    const customer = await createCustomer(context, workspace, { name: 'Ada' });
    const tag = await createTag(context, workspace, { name: 'billing' });
    const source = await createSource(context, workspace, { customerId: customer.id });
    const highlight = await createHighlight(context, workspace, source, { start: 4, end: 10, tagIds: [tag.id] });
    const read = async () => (await workspace.owner.as.get(url(workspace, `/${source.id}`))).json();
    expect(await read()).toMatchObject({ customer: { name: 'Ada' }, highlights: [{ tags: [{ name: 'billing' }], createdBy: { name: workspace.owner.name } }] });
    expect(await read()).toMatchObject({ customer: { name: 'Ada' } });

    // Written straight to the database, as another API process would: no cache is told.
    const changes: Array<[string, () => Promise<unknown>, (source: Record<string, any>) => unknown]> = [
      ['the source', () => context.db.update(sources).set({ title: 'Renamed' }).where(eq(sources.id, source.id)), (s) => s.title],
      ['its customer', () => context.db.update(customers).set({ name: 'Ada L.' }).where(eq(customers.id, customer.id)), (s) => s.customer.name],
      ['a tag copy on a highlight', () => workspace.owner.as.patch(`/api/workspaces/${workspace.id}/tags/${tag.id}`, { name: 'invoices' }), (s) => s.highlights[0].tags[0].name],
      ['a highlight author', () => context.db.update(users).set({ name: 'Grace' }).where(eq(users.id, workspace.owner.id)), (s) => s.highlights[0].createdBy.name],
      ['a new highlight', () => createHighlight(context, workspace, source, { start: 0, end: 3 }), (s) => s.highlights.length],
      ['a trashed highlight', () => context.db.update(highlights).set({ deletedAt: new Date() }).where(eq(highlights.id, highlight.id)), (s) => s.highlights.length],
    ];
    const seen: unknown[] = [];
    for (const [, change, shown] of changes) {
      await change();
      seen.push(shown(await read()));
    }
    expect(seen).toEqual(['Renamed', 'Ada L.', 'invoices', 'Grace', 2, 1]);
  });

  it('sends an ETag and answers 304 to If-None-Match until the source changes', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const path = url(workspace, `/${source.id}`);
    const first = await workspace.owner.as.get(path);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await workspace.owner.as.request('GET', path, undefined, { 'if-none-match': `W/"other", ${etag}` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await createHighlight(context, workspace, source, { start: 0, end: 3 });
    const changed = await workspace.owner.as.request('GET', path, undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().highlights).toHaveLength(1);
    // Another workspace's member learns nothing from a tag they send.
    const stranger = await createWorkspace(context);
    expect((await stranger.owner.as.request('GET', path, undefined, { 'if-none-match': etag })).statusCode).toBe(404);
  });

  it("answers 404 for another workspace's source and 400 for a malformed id", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await createSource(context, other);
    expect((await workspace.owner.as.get(url(workspace, `/${theirs.id}`))).statusCode).toBe(404);
    expect(errorPaths(await workspace.owner.as.get(url(workspace, '/abc')))).toEqual(['params.id']);
  });
});

describe('PATCH /sources/:id', () => {
  it('lets a contributor edit their own source: title, date, customer, metadata, body', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const source = await createSource(context, workspace, { createdBy: contributor.id, kind: 'interview', segments: [{ speaker: 'A', startMs: null, endMs: null, start: 0, end: 3 }] });
    const response = await contributor.as.patch(url(workspace, `/${source.id}`), {
      title: 'Edited',
      occurredAt: '2023-12-24T18:00:00.000Z',
      customer: { email: 'new@example.org', name: 'New Person' },
      metadata: { channel: 'phone' },
      body: 'Line one\r\nLine two',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      title: 'Edited',
      occurredAt: '2023-12-24T18:00:00.000Z',
      customer: { email: 'new@example.org', name: 'New Person' },
      metadata: { channel: 'phone' },
      body: 'Line one\nLine two',
      // The old turns described the old text.
      segments: null,
    });
    const detached = await contributor.as.patch(url(workspace, `/${source.id}`), { customer: null });
    expect(detached.json().customer).toBeNull();
    const audit = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'source.update')));
    expect(audit).toHaveLength(2);
  });

  const lowRoles: Role[] = ['contributor'];
  it.each(lowRoles)("refuses a %s who edits someone else's source (403), and lets a researcher", async (role) => {
    const workspace = await createWorkspace(context);
    const member = await createMember(context, workspace, role);
    const researcher = await createMember(context, workspace, 'researcher');
    const source = await createSource(context, workspace);
    expect((await member.as.patch(url(workspace, `/${source.id}`), { title: 'Mine now' })).statusCode).toBe(403);
    expect((await researcher.as.patch(url(workspace, `/${source.id}`), { title: 'Fixed' })).json().title).toBe('Fixed');
  });

  it('refuses viewers before looking at the body (403)', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const source = await createSource(context, workspace);
    expect((await viewer.as.patch(url(workspace, `/${source.id}`), { title: '' })).statusCode).toBe(403);
  });

  it('answers 409 when the body of a source with highlights would change, and allows the same text', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    await createHighlight(context, workspace, source, { start: 4, end: 10 });
    const changed = await workspace.owner.as.patch(url(workspace, `/${source.id}`), { body: 'Something else' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('conflict');
    const same = await workspace.owner.as.patch(url(workspace, `/${source.id}`), { body: source.body, title: 'Only the title' });
    expect(same.statusCode).toBe(200);
  });

  it('answers 400 for segments without their body, unknown fields and bad values', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const response = await workspace.owner.as.patch(url(workspace, `/${source.id}`), { segments: [{ speaker: 'A', start: 0, end: 1 }], kind: 'note', occurredAt: 'soon' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.occurredAt']));
    const segmentsOnly = await workspace.owner.as.patch(url(workspace, `/${source.id}`), { segments: [{ speaker: 'A', start: 0, end: 1 }] });
    expect(errorPaths(segmentsOnly)).toEqual(['body.segments']);
  });

  it("answers 404 for another workspace's source", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await createSource(context, other);
    expect((await workspace.owner.as.patch(url(workspace, `/${theirs.id}`), { title: 'x' })).statusCode).toBe(404);
  });
});

describe('DELETE /sources/:id and POST /sources/:id/restore', () => {
  it('moves a source to the trash and back, with audit events', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const source = await createSource(context, workspace, { createdBy: contributor.id, title: 'Binned' });
    expect((await contributor.as.delete(url(workspace, `/${source.id}`))).statusCode).toBe(204);
    expect(titles((await contributor.as.get(url(workspace))).json())).toEqual([]);
    expect(titles((await contributor.as.get(url(workspace, '?trash=true'))).json())).toEqual(['Binned']);
    expect((await contributor.as.delete(url(workspace, `/${source.id}`))).statusCode).toBe(204);

    const restored = await contributor.as.post(url(workspace, `/${source.id}/restore`));
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: source.id, deletedAt: null });
    expect(titles((await contributor.as.get(url(workspace))).json())).toEqual(['Binned']);
    const audit = await context.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.map((event) => event.action).sort()).toEqual(['source.delete', 'source.restore']);
  });

  it("refuses a contributor who trashes or restores someone else's source (403); a researcher may", async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const researcher = await createMember(context, workspace, 'researcher');
    const source = await createSource(context, workspace);
    expect((await contributor.as.delete(url(workspace, `/${source.id}`))).statusCode).toBe(403);
    expect((await researcher.as.delete(url(workspace, `/${source.id}`))).statusCode).toBe(204);
    expect((await contributor.as.post(url(workspace, `/${source.id}/restore`))).statusCode).toBe(403);
    expect((await researcher.as.post(url(workspace, `/${source.id}/restore`))).statusCode).toBe(200);
  });

  it("refuses viewers (403) and answers 404 for another workspace's source", async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const other = await createWorkspace(context);
    const mine = await createSource(context, workspace);
    const theirs = await createSource(context, other);
    expect((await viewer.as.delete(url(workspace, `/${mine.id}`))).statusCode).toBe(403);
    expect((await workspace.owner.as.delete(url(workspace, `/${theirs.id}`))).statusCode).toBe(404);
    expect((await workspace.owner.as.post(url(workspace, `/${theirs.id}/restore`))).statusCode).toBe(404);
  });
});
