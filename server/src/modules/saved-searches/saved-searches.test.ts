import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SAVED_SEARCH_NEW_MATCHES_MAX, SAVED_SEARCHES_COUNTED_MAX, SavedSearchPageSchema, SavedSearchSchema } from '@cairn/shared';
import { companies, savedSearches, sources } from '../../db/schema/index.js';
import { anonymous, type Caller, errorPaths, useTestApp } from '../../../test/app.js';
import { createCustomer, createHighlight, createMember, createSource, createTag, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const url = (ws: string, id?: string) => `/api/workspaces/${ws}/saved-searches${id ? `/${id}` : ''}`;

describe('saved searches', () => {
  it('lets a contributor save a search with filters, and every member list it', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const created = await contributor.as.post(url(workspace.id), { name: 'Export pain', query: 'export -csv', filters: { kind: 'ticket', from: '2024-01-01' } });
    expect(created.statusCode).toBe(201);
    const saved = SavedSearchSchema.parse(created.json());
    // One value is kept as a list of one, as the filters of several values are.
    expect(saved).toMatchObject({ name: 'Export pain', query: 'export -csv', filters: { kind: ['ticket'], from: '2024-01-01' }, createdBy: { id: contributor.id, name: contributor.name } });
    const viewer = await createMember(context, workspace, 'viewer');
    const list = SavedSearchPageSchema.parse((await viewer.as.get(url(workspace.id))).json());
    expect(list.items.map((item) => item.id)).toEqual([saved.id]);
  });

  it('pages the list newest first', async () => {
    const workspace = await createWorkspace(context);
    for (const name of ['one', 'two', 'three']) await workspace.owner.as.post(url(workspace.id), { name, query: name });
    const first = SavedSearchPageSchema.parse((await workspace.owner.as.get(`${url(workspace.id)}?limit=2`)).json());
    const second = SavedSearchPageSchema.parse((await workspace.owner.as.get(`${url(workspace.id)}?limit=2&cursor=${first.nextCursor}`)).json());
    expect([...first.items, ...second.items].map((item) => item.name)).toEqual(['three', 'two', 'one']);
    expect(second.nextCursor).toBeNull();
  });

  it('returns 400 naming each invalid field, including a query that could never match', async () => {
    const workspace = await createWorkspace(context);
    const missing = await workspace.owner.as.post(url(workspace.id), { name: '', filters: { kind: 'tweet', colour: 'red' } });
    expect(missing.statusCode).toBe(400);
    const paths = errorPaths(missing);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.query', 'body.filters.kind', 'body.filters']));
    const stopWords = await workspace.owner.as.post(url(workspace.id), { name: 'Nothing', query: 'the of and' });
    expect(stopWords.statusCode).toBe(400);
    expect(stopWords.json().errors[0].path).toBe('body.query');
    const reversed = await workspace.owner.as.post(url(workspace.id), { name: 'Backwards', query: 'export', filters: { from: '2025-02-01', to: '2025-01-01' } });
    expect(reversed.statusCode).toBe(400);
    expect(errorPaths(reversed)).toEqual(['body.filters.to']);
  });

  it('lets contributors delete only their own saved searches, and researchers any', async () => {
    const workspace = await createWorkspace(context);
    const author = await createMember(context, workspace, 'contributor');
    const otherContributor = await createMember(context, workspace, 'contributor');
    const researcher = await createMember(context, workspace, 'researcher');
    const first = (await author.as.post(url(workspace.id), { name: 'Mine', query: 'refund' })).json();
    const second = (await author.as.post(url(workspace.id), { name: 'Mine too', query: 'refund' })).json();
    expect((await otherContributor.as.delete(url(workspace.id, first.id))).statusCode).toBe(403);
    expect((await author.as.delete(url(workspace.id, first.id))).statusCode).toBe(204);
    expect((await researcher.as.delete(url(workspace.id, second.id))).statusCode).toBe(204);
    expect((await author.as.delete(url(workspace.id, second.id))).statusCode).toBe(404);
    const audit = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit`)).json();
    expect(audit.items.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['saved_search.create', 'saved_search.delete']));
  });

  it("returns 404 for another workspace's saved search", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const saved = (await other.owner.as.post(url(other.id), { name: 'Theirs', query: 'refund' })).json();
    expect((await workspace.owner.as.delete(url(workspace.id, saved.id))).statusCode).toBe(404);
    expect((await workspace.owner.as.get(url(other.id))).statusCode).toBe(404);
  });

  it('refuses viewers, viewer tokens and anonymous callers', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.post(url(workspace.id), { name: 'x', query: 'refund' })).statusCode).toBe(403);
    const token = await createTokenCaller(context, workspace, 'viewer');
    expect((await token.post(url(workspace.id), { name: 'x', query: 'refund' })).statusCode).toBe(403);
    expect((await anonymous(context).get(url(workspace.id))).statusCode).toBe(401);
  });
});

describe('new matches of saved searches', () => {
  const newMatches = async (caller: Caller, ws: string) =>
    Object.fromEntries(SavedSearchPageSchema.parse((await caller.get(url(ws))).json()).items.map((item) => [item.name, item.newMatches]));
  const seen = (caller: Caller, ws: string, id: string) => caller.put(`${url(ws, id)}/seen`);
  const save = async (workspace: TestWorkspace, body: Record<string, unknown>) => SavedSearchSchema.parse((await workspace.owner.as.post(url(workspace.id), body)).json());

  it('counts matches added since each member last opened the search, and starts again for who opens it', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    await createSource(context, workspace, { body: 'A refund from before the search was saved.' });
    const saved = await save(workspace, { name: 'Refund tickets', query: 'refund', filters: { kind: 'ticket' } });
    expect(saved.newMatches).toBe(0);
    expect(await newMatches(viewer.as, workspace.id)).toEqual({ 'Refund tickets': 0 });

    const ticket = await createSource(context, workspace, { body: 'Where is my refund?' });
    await createSource(context, workspace, { kind: 'review', body: 'Refund took a month.' });
    await createSource(context, workspace, { body: 'The export is slow.' });
    await createSource(context, workspace, { body: 'A refund that went to the trash.', deletedAt: new Date() });
    await createHighlight(context, workspace, ticket);
    // The new ticket and its highlight; not the review (another kind), the export or the trash.
    expect(await newMatches(workspace.owner.as, workspace.id)).toEqual({ 'Refund tickets': 2 });
    expect(await newMatches(viewer.as, workspace.id)).toEqual({ 'Refund tickets': 2 });

    expect((await seen(viewer.as, workspace.id, saved.id)).statusCode).toBe(204);
    expect(await newMatches(viewer.as, workspace.id)).toEqual({ 'Refund tickets': 0 });
    expect(await newMatches(workspace.owner.as, workspace.id)).toEqual({ 'Refund tickets': 2 });

    await createSource(context, workspace, { body: 'Another refund request.' });
    expect(await newMatches(viewer.as, workspace.id)).toEqual({ 'Refund tickets': 1 });
    expect((await seen(viewer.as, workspace.id, saved.id)).statusCode).toBe(204);
    expect(await newMatches(viewer.as, workspace.id)).toEqual({ 'Refund tickets': 0 });
  });

  it('counts only sources with type=source, and only highlights with type=highlight', async () => {
    const workspace = await createWorkspace(context);
    await save(workspace, { name: 'Sources', query: 'refund', filters: { type: 'source' } });
    await save(workspace, { name: 'Highlights', query: 'refund', filters: { type: 'highlight' } });
    const source = await createSource(context, workspace, { body: 'Where is my refund?' });
    await createHighlight(context, workspace, source);
    await createHighlight(context, workspace, source);
    expect(await newMatches(workspace.owner.as, workspace.id)).toEqual({ Sources: 1, Highlights: 2 });
  });

  it('stops counting at the cap', async () => {
    const workspace = await createWorkspace(context);
    await save(workspace, { name: 'Refunds', query: 'refund' });
    const rows = Array.from({ length: SAVED_SEARCH_NEW_MATCHES_MAX + 5 }, (_, i) => ({ workspaceId: workspace.id, kind: 'ticket' as const, title: `Ticket ${i}`, body: 'Refund please.' }));
    await context.db.insert(sources).values(rows);
    expect(await newMatches(workspace.owner.as, workspace.id)).toEqual({ Refunds: SAVED_SEARCH_NEW_MATCHES_MAX });
  });

  it('counts the first saved searches of a page, as many as the sidebar shows, and no more', async () => {
    const workspace = await createWorkspace(context);
    const rows = Array.from({ length: SAVED_SEARCHES_COUNTED_MAX + 1 }, (_, i) => ({
      workspaceId: workspace.id,
      name: `Search ${i}`,
      query: 'refund',
      createdAt: sql`now() - make_interval(secs => ${i})` as unknown as Date,
    }));
    await context.db.insert(savedSearches).values(rows);
    const page = SavedSearchPageSchema.parse((await workspace.owner.as.get(`${url(workspace.id)}?limit=${rows.length}`)).json());
    expect(page.items.map((item) => item.newMatches)).toEqual([...rows.slice(1).map(() => 0), null]);
  });

  it("counts only the workspace's own matches, and answers 404 for another workspace's saved search", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const mine = await save(workspace, { name: 'Refunds', query: 'refund' });
    const theirs = await save(other, { name: 'Refunds', query: 'refund' });
    await createSource(context, other, { body: 'A refund elsewhere.' });
    expect(await newMatches(workspace.owner.as, workspace.id)).toEqual({ Refunds: 0 });
    expect(await newMatches(other.owner.as, other.id)).toEqual({ Refunds: 1 });
    expect((await seen(workspace.owner.as, workspace.id, theirs.id)).statusCode).toBe(404);
    expect((await seen(workspace.owner.as, other.id, theirs.id)).statusCode).toBe(404);
    expect((await seen(other.owner.as, other.id, mine.id)).statusCode).toBe(404);
  });

  it('has no count for an API token, which cannot mark a search seen (422), and refuses anonymous callers', async () => {
    const workspace = await createWorkspace(context);
    const saved = await save(workspace, { name: 'Refunds', query: 'refund' });
    const token = await createTokenCaller(context, workspace, 'viewer');
    expect(await newMatches(token, workspace.id)).toEqual({ Refunds: null });
    expect((await seen(token, workspace.id, saved.id)).statusCode).toBe(422);
    expect((await seen(anonymous(context), workspace.id, saved.id)).statusCode).toBe(401);
    const missing = await seen(workspace.owner.as, workspace.id, 'not-a-uuid');
    expect(missing.statusCode).toBe(400);
    expect(errorPaths(missing)).toEqual(['params.id']);
  });

  it('has no count for a search saved under rules that no longer parse it, and still lists the others', async () => {
    const workspace = await createWorkspace(context);
    await save(workspace, { name: 'Refunds', query: 'refund' });
    await context.db.insert(savedSearches).values({ workspaceId: workspace.id, name: 'Stale', query: 'the of and', createdAt: sql`now() - interval '1 day'` as unknown as Date });
    await createSource(context, workspace, { body: 'Refund please.' });
    expect(await newMatches(workspace.owner.as, workspace.id)).toEqual({ Refunds: 1, Stale: null });
  });

  it('keeps several values of a filter, and counts what matches any of them', async () => {
    const workspace = await createWorkspace(context);
    const saved = await save(workspace, { name: 'Refunds', query: 'refund', filters: { kind: ['review', 'ticket'], segment: ['SMB', 'Enterprise'], type: 'source' } });
    expect(saved.filters).toEqual({ kind: ['review', 'ticket'], segment: ['SMB', 'Enterprise'], type: 'source' });
    const company = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Shop', segment: 'smb' }).returning();
    const customer = await createCustomer(context, workspace, { companyId: company[0]!.id });
    await createSource(context, workspace, { kind: 'review', body: 'Refund took a month.', customerId: customer.id });
    await createSource(context, workspace, { kind: 'ticket', body: 'Where is my refund?', customerId: customer.id });
    await createSource(context, workspace, { kind: 'note', body: 'Refund policy notes.', customerId: customer.id });
    await createSource(context, workspace, { kind: 'ticket', body: 'A refund, from no segment.' });
    expect(await newMatches(workspace.owner.as, workspace.id)).toEqual({ Refunds: 2 });
  });

  it('loads a search saved when each filter took one value, as a list of it, and still counts its new matches', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace, { name: 'Billing' });
    const filters = { kind: 'ticket', segment: 'SMB', tagId: tag.id };
    await context.db.insert(savedSearches).values({ workspaceId: workspace.id, name: 'Old', query: 'refund', filters, createdAt: sql`now() - interval '1 day'` as unknown as Date });
    const company = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Shop', segment: 'smb' }).returning();
    const customer = await createCustomer(context, workspace, { companyId: company[0]!.id });
    const ticket = await createSource(context, workspace, { body: 'Where is my refund?', customerId: customer.id });
    const review = await createSource(context, workspace, { kind: 'review', body: 'Refund took a month.', customerId: customer.id });
    const unsorted = await createSource(context, workspace, { body: 'A refund, from no segment.' });
    for (const source of [ticket, review, unsorted]) await createHighlight(context, workspace, source, { tagIds: [tag.id] });
    await createHighlight(context, workspace, ticket);
    const [old] = SavedSearchPageSchema.parse((await workspace.owner.as.get(url(workspace.id))).json()).items;
    expect(old).toMatchObject({ name: 'Old', filters: { kind: ['ticket'], segment: ['SMB'], tagId: [tag.id] } });
    // The tagged highlight of the ticket in the segment: not the review's, the unsorted ticket's, or the untagged one.
    expect(old!.newMatches).toBe(1);
  });
});
