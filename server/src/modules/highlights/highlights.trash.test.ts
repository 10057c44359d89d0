import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { HighlightListItemSchema, pageOf } from '@cairn/shared';
import { highlights } from '../../db/schema/index.js';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createCustomer, createHighlight, createMember, createSource, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const listUrl = (ws: string) => `/api/workspaces/${ws}/highlights`;
const trashUrl = (ws: string, query = '') => `${listUrl(ws)}?trash=true${query ? `&${query}` : ''}`;
const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

/** Moves a highlight to the trash at a known time (to the microsecond, which a Date drops), so that the order does not hang on the clock. */
async function trashAt(id: string, at: string) {
  await context.db.update(highlights).set({ deletedAt: sql`${at}::timestamptz` }).where(eq(highlights.id, id));
}

async function listTrash(workspace: TestWorkspace, query = '') {
  const response = await workspace.owner.as.get(trashUrl(workspace.id, query));
  expect(response.statusCode, response.body).toBe(200);
  return pageOf(HighlightListItemSchema).parse(response.json());
}

describe('GET /highlights?trash=true', () => {
  it('lists the highlights trashed on their own, most recently trashed first, each with when it was trashed, and none of the live ones', async () => {
    const workspace = await createWorkspace(context);
    const customer = await createCustomer(context, workspace);
    const source = await createSource(context, workspace, { body: 'alpha beta gamma delta', customerId: customer.id });
    const [alpha, beta, gamma, live] = [
      await createHighlight(context, workspace, source, { start: 0, end: 5 }),
      await createHighlight(context, workspace, source, { start: 6, end: 10 }),
      await createHighlight(context, workspace, source, { start: 11, end: 16 }),
      await createHighlight(context, workspace, source, { start: 17, end: 22 }),
    ];
    // Trashed in another order than made: the trash follows when each went there.
    await trashAt(beta.id, '2025-01-01T10:00:00.000Z');
    await trashAt(gamma.id, '2025-01-02T10:00:00.000Z');
    await trashAt(alpha.id, '2025-01-03T10:00:00.000Z');

    const trash = await listTrash(workspace);
    expect(ids(trash)).toEqual([alpha.id, gamma.id, beta.id]);
    expect(trash.total).toBe(3);
    expect(trash.items[0]).toMatchObject({
      quote: 'alpha',
      deletedAt: '2025-01-03T10:00:00.000Z',
      source: { id: source.id, title: source.title },
      customer: { id: customer.id, name: customer.name },
    });
    // The live list neither shows them nor says when anything was trashed.
    const listed = (await workspace.owner.as.get(listUrl(workspace.id))).json();
    expect(ids(listed)).toEqual([live.id]);
    expect(listed.items[0]).not.toHaveProperty('deletedAt');
  });

  it('pages the trash by when each was trashed, a tie by id, without skipping or repeating a highlight', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createHighlight(context, workspace, source, { start: i, end: i + 10 }));
    // Two trashed in the same microsecond, one made before the other: only the id tells them apart.
    const times = ['2025-02-01T00:00:00.000001Z', '2025-02-03T00:00:00Z', '2025-02-02T00:00:00.000001Z', '2025-02-02T00:00:00.000001Z', '2025-02-04T00:00:00Z'];
    for (const [index, highlight] of made.entries()) await trashAt(highlight.id, times[index]!);
    const everything = ids(await listTrash(workspace, 'limit=100'));

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listTrash(workspace, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(everything);
    expect(paged).toHaveLength(5);
    expect(paged.slice(0, 2)).toEqual([made[4]!.id, made[1]!.id]);
    expect(new Set(paged.slice(2, 4))).toEqual(new Set([made[2]!.id, made[3]!.id]));
    expect(paged[4]).toBe(made[0]!.id);
  });

  it('leaves out a highlight trashed with its source, and lists one trashed on its own again once its source is back', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'alpha beta gamma' });
    const withSource = await createHighlight(context, workspace, source, { start: 0, end: 5 });
    const onItsOwn = await createHighlight(context, workspace, source, { start: 6, end: 10 });
    expect((await workspace.owner.as.delete(`${listUrl(workspace.id)}/${onItsOwn.id}`)).statusCode).toBe(204);
    expect(ids(await listTrash(workspace))).toEqual([onItsOwn.id]);

    // The source goes to the trash with its highlights: they come back with it, from the Inbox's trash.
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/sources/${source.id}`)).statusCode).toBe(204);
    const meanwhile = await listTrash(workspace);
    expect([ids(meanwhile), meanwhile.total]).toEqual([[], 0]);

    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/sources/${source.id}/restore`, {})).statusCode).toBe(200);
    expect(ids(await listTrash(workspace))).toEqual([onItsOwn.id]);
    expect(ids((await workspace.owner.as.get(listUrl(workspace.id))).json())).toEqual([withSource.id]);
  });

  it('restores a highlight listed there: it leaves the trash and is back in the list', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const highlight = await createHighlight(context, workspace, source, { start: 0, end: 10 });
    await workspace.owner.as.delete(`${listUrl(workspace.id)}/${highlight.id}`);
    const [listed] = (await listTrash(workspace)).items;

    const restored = await workspace.owner.as.post(`${listUrl(workspace.id)}/${listed!.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect((await listTrash(workspace)).items).toEqual([]);
    expect(ids((await workspace.owner.as.get(listUrl(workspace.id))).json())).toEqual([highlight.id]);
  });

  it('takes the list’s filters, and ids naming highlights in the trash (404 for one outside it)', async () => {
    const workspace = await createWorkspace(context);
    const customer = await createCustomer(context, workspace);
    const theirs = await createSource(context, workspace, { kind: 'interview', body: 'Billing is confusing', customerId: customer.id });
    const ticket = await createSource(context, workspace, { kind: 'ticket', body: 'Exports time out' });
    const [billing, exports, live] = [
      await createHighlight(context, workspace, theirs, { start: 0, end: 7 }),
      await createHighlight(context, workspace, ticket, { start: 0, end: 7 }),
      await createHighlight(context, workspace, ticket, { start: 8, end: 12 }),
    ];
    for (const highlight of [billing, exports]) await workspace.owner.as.delete(`${listUrl(workspace.id)}/${highlight.id}`);

    expect(ids(await listTrash(workspace, `customerId=${customer.id}`))).toEqual([billing.id]);
    expect(ids(await listTrash(workspace, 'sourceKind=ticket'))).toEqual([exports.id]);
    expect(ids(await listTrash(workspace, 'q=exports'))).toEqual([exports.id]);
    expect(ids(await listTrash(workspace, `ids=${exports.id}`))).toEqual([exports.id]);
    const outside = await workspace.owner.as.get(trashUrl(workspace.id, `ids=${live.id}`));
    expect(outside.statusCode).toBe(404);
    expect(errorPaths(outside)).toEqual(['query.ids']);
  });

  it('shows nothing of another workspace’s trash: its highlights are absent, its filters and selections 404s, and its list is not ours to read', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const otherSource = await createSource(context, other);
    const foreign = await createHighlight(context, other, otherSource, { start: 0, end: 5 });
    await other.owner.as.delete(`${listUrl(other.id)}/${foreign.id}`);

    expect((await listTrash(workspace)).items).toEqual([]);
    const selected = await workspace.owner.as.get(trashUrl(workspace.id, `ids=${foreign.id}`));
    expect([selected.statusCode, errorPaths(selected)]).toEqual([404, ['query.ids']]);
    const filtered = await workspace.owner.as.get(trashUrl(workspace.id, `sourceId=${otherSource.id}`));
    expect([filtered.statusCode, errorPaths(filtered)]).toEqual([404, ['query.sourceId']]);
    expect((await workspace.owner.as.get(trashUrl(other.id))).statusCode).toBe(404);
    expect((await workspace.owner.as.post(`${listUrl(workspace.id)}/${foreign.id}/restore`)).statusCode).toBe(404);
    expect(ids(await listTrash(other))).toEqual([foreign.id]);
  });

  it('is open to viewers and viewer tokens, as the list is, and answers 401 to nobody and 400 to a trash that is not true or false', async () => {
    const workspace = await createWorkspace(context);
    const highlight = await createHighlight(context, workspace, await createSource(context, workspace), { start: 0, end: 5 });
    await workspace.owner.as.delete(`${listUrl(workspace.id)}/${highlight.id}`);
    const viewer = await createMember(context, workspace, 'viewer');
    const token = await createTokenCaller(context, workspace, 'viewer');
    for (const caller of [viewer.as, token]) {
      const response = await caller.get(trashUrl(workspace.id));
      expect(response.statusCode).toBe(200);
      expect(ids(response.json())).toEqual([highlight.id]);
    }
    expect((await anonymous(context).get(trashUrl(workspace.id))).statusCode).toBe(401);
    const invalid = await workspace.owner.as.get(`${listUrl(workspace.id)}?trash=maybe`);
    expect([invalid.statusCode, errorPaths(invalid)]).toEqual([400, ['query.trash']]);
  });

  it('is described in the OpenAPI document as a parameter of the list, not of the export', async () => {
    type Operation = { parameters?: Array<{ name: string; in: string }> };
    const document = (await anonymous(context).get('/api/openapi.json')).json() as { paths: Record<string, { get: Operation }> };
    const names = (path: string) => (document.paths[path]!.get.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
    expect(names('/api/workspaces/{ws}/highlights')).toContain('trash');
    expect(names('/api/workspaces/{ws}/highlights.csv')).not.toContain('trash');
  });
});
