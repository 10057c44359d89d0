import { describe, expect, it } from 'vitest';
import { SavedSearchPageSchema, SavedSearchSchema } from '@cairn/shared';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createMember, createTokenCaller, createWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const url = (ws: string, id?: string) => `/api/workspaces/${ws}/saved-searches${id ? `/${id}` : ''}`;

describe('saved searches', () => {
  it('lets a contributor save a search with filters, and every member list it', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const created = await contributor.as.post(url(workspace.id), { name: 'Export pain', query: 'export -csv', filters: { kind: 'ticket', from: '2024-01-01' } });
    expect(created.statusCode).toBe(201);
    const saved = SavedSearchSchema.parse(created.json());
    expect(saved).toMatchObject({ name: 'Export pain', query: 'export -csv', filters: { kind: 'ticket', from: '2024-01-01' }, createdBy: { id: contributor.id, name: contributor.name } });
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
