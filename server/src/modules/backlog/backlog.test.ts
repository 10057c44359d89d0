import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BacklogItemDetailSchema, BacklogItemPageSchema, BacklogItemSchema, EXTERNAL_KEY_MAX_LENGTH, HighlightListItemSchema, pageOf } from '@cairn/shared';
import { auditEvents, backlogItems, companies, insightHighlights } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import {
  createBacklogItem,
  createCustomer,
  createHighlight,
  createInsight,
  createMember,
  createSource,
  createTokenCaller,
  createWorkspace,
  type TestWorkspace,
} from '../../../test/factories.js';

const context = useTestApp();

const itemsUrl = (ws: string, path = '') => `/api/workspaces/${ws}/backlog-items${path}`;
const insightsUrl = (ws: string, path = '') => `/api/workspaces/${ws}/insights${path}`;
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

async function getItem(workspace: TestWorkspace, id: string) {
  const response = await workspace.owner.as.get(itemsUrl(workspace.id, `/${id}`));
  expect(response.statusCode, response.body).toBe(200);
  return BacklogItemDetailSchema.parse(response.json());
}

async function listItems(workspace: TestWorkspace, query = '') {
  const response = await workspace.owner.as.get(`${itemsUrl(workspace.id)}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return BacklogItemPageSchema.parse(response.json());
}

async function link(workspace: TestWorkspace, itemId: string, body: { highlightIds?: string[]; insightIds?: string[] }) {
  const response = await workspace.owner.as.post(itemsUrl(workspace.id, `/${itemId}/evidence`), body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().changed as number;
}

async function createCompany(workspace: TestWorkspace, name: string, annualRevenue: number | null) {
  const [row] = await context.db.insert(companies).values({ workspaceId: workspace.id, name, annualRevenue }).returning();
  return row!;
}

/** A highlight of a new source by `customerId`, said `days` ago. */
async function quote(workspace: TestWorkspace, customerId: string | null, days: number) {
  const source = await createSource(context, workspace, { customerId, occurredAt: daysAgo(days) });
  return createHighlight(context, workspace, source);
}

/**
 * Three items with hand-counted scores:
 * - `broad`: 4 customers at 2 companies ($1M and $90k), 6 highlights of which 4 recent, part of
 *   them through an insight, one reached both ways, and one through an insight in the trash;
 *   total 4 + 2×2 + 3×log10(1 + 109) + 4/2 = 16.12… → 16.1.
 * - `loud`: one customer of a company without revenue, quoted 10 times recently: 1 + 2 + 0 + 5 = 8.
 * - `empty`: nothing, 0.
 */
async function scoredWorkspace() {
  const workspace = await createWorkspace(context);
  const [acme, globex, initech] = [await createCompany(workspace, 'Acme', 1_000_000), await createCompany(workspace, 'Globex', 90_000), await createCompany(workspace, 'Initech', null)];
  const [a1, a2, b1, c1, loner] = [
    await createCustomer(context, workspace, { name: 'Ada', companyId: acme.id }),
    await createCustomer(context, workspace, { name: 'Alan', companyId: acme.id }),
    await createCustomer(context, workspace, { name: 'Barbara', companyId: globex.id }),
    await createCustomer(context, workspace, { name: 'Carl', companyId: initech.id }),
    await createCustomer(context, workspace, { name: 'Lone' }),
  ];
  const broad = await createBacklogItem(context, workspace, { title: 'Broad' });
  const a1Source = await createSource(context, workspace, { customerId: a1.id, occurredAt: daysAgo(5), body: 'Exports fail. Every single month.' });
  const own = [
    await createHighlight(context, workspace, a1Source, { start: 0, end: 13 }),
    await createHighlight(context, workspace, a1Source, { start: 14, end: 33 }),
    await quote(workspace, a2.id, 200),
    await quote(workspace, b1.id, 10),
  ];
  const problem = await createInsight(context, workspace, { title: 'Exports fail' });
  const throughProblem = [await quote(workspace, b1.id, 300), await quote(workspace, loner.id, 20), own[0]!];
  const trashedProblem = await createInsight(context, workspace);
  const throughTrash = await quote(workspace, c1.id, 1);
  await context.db.insert(insightHighlights).values([
    ...throughProblem.map((h) => ({ workspaceId: workspace.id, insightId: problem.id, highlightId: h.id })),
    { workspaceId: workspace.id, insightId: trashedProblem.id, highlightId: throughTrash.id },
  ]);
  await link(workspace, broad.id, { highlightIds: own.map((h) => h.id), insightIds: [problem.id] });
  // Linked while live, then trashed: its evidence stops counting.
  await link(workspace, broad.id, { insightIds: [trashedProblem.id] });
  await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/insights/${trashedProblem.id}`);

  const loud = await createBacklogItem(context, workspace, { title: 'Loud' });
  const loudQuotes = [];
  for (let i = 0; i < 10; i++) loudQuotes.push(await quote(workspace, c1.id, 30 + i));
  await link(workspace, loud.id, { highlightIds: loudQuotes.map((h) => h.id) });
  const empty = await createBacklogItem(context, workspace, { title: 'Empty' });
  return { workspace, broad, loud, empty, problem, own, a1Source, customers: { a1, a2, b1, c1, loner }, companies: { acme, globex, initech } };
}

describe('POST /backlog-items', () => {
  it('creates an item linked to a tracker issue, with an empty score and an audit event', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(itemsUrl(workspace.id), {
      title: 'Show decline reasons',
      description: 'In the app and the manager view.',
      status: 'planned',
      externalUrl: 'https://tracker.example.com/browse/CARD-7',
      externalKey: 'CARD-7',
    });
    expect(response.statusCode).toBe(201);
    const item = BacklogItemSchema.parse(response.json());
    expect(item).toMatchObject({
      title: 'Show decline reasons',
      description: 'In the app and the manager view.',
      status: 'planned',
      externalUrl: 'https://tracker.example.com/browse/CARD-7',
      externalKey: 'CARD-7',
      insightCount: 0,
      createdBy: { id: workspace.owner.id },
      score: { total: 0, customers: 0, companies: 0, revenue: 0, highlights: 0, recentHighlights: 0, lastEvidenceAt: null, points: { customers: 0, companies: 0, revenue: 0, recency: 0 } },
    });
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, item.id));
    expect(events).toMatchObject([{ action: 'backlog_item.create', actorUserId: workspace.owner.id }]);
    expect((await workspace.owner.as.post(itemsUrl(workspace.id), { title: 'Bare' })).json()).toMatchObject({ status: 'idea', externalKey: null, externalUrl: null, description: null });
  });

  it('answers 400 naming every invalid field', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(itemsUrl(workspace.id), { title: '', status: 'open', externalUrl: 'ftp://tracker.example.com/1', externalKey: 'K'.repeat(EXTERNAL_KEY_MAX_LENGTH + 1) });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response).sort()).toEqual(['body.externalKey', 'body.externalUrl', 'body.status', 'body.title']);
    const notUrl = await workspace.owner.as.post(itemsUrl(workspace.id), { title: 'x', externalUrl: 'CARD-7' });
    // One message for one mistake.
    expect(notUrl.json().errors).toEqual([{ path: 'body.externalUrl', message: 'Enter a web address like https://tracker.example.com/PROJ-12' }]);
  });

  it('answers 409 naming body.externalKey for a tracker key already linked, ignoring case and including the trash', async () => {
    const workspace = await createWorkspace(context);
    await createBacklogItem(context, workspace, { title: 'First', externalKey: 'CARD-7' });
    const duplicate = await workspace.owner.as.post(itemsUrl(workspace.id), { title: 'Second', externalKey: 'card-7' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([{ path: 'body.externalKey', message: 'card-7 is already linked to “First”' }]);
    await createBacklogItem(context, workspace, { title: 'Gone', externalKey: 'CARD-8', deletedAt: new Date() });
    const trashed = await workspace.owner.as.post(itemsUrl(workspace.id), { title: 'Second', externalKey: 'CARD-8' });
    expect(trashed.statusCode).toBe(409);
    expect(trashed.json().detail).toBe('CARD-8 is already linked to “Gone” (in the trash)');
    // Another workspace has keys of its own.
    const elsewhere = await createWorkspace(context);
    expect((await elsewhere.owner.as.post(itemsUrl(elsewhere.id), { title: 'Theirs', externalKey: 'CARD-7' })).statusCode).toBe(201);
  });

  it('is for researchers and up: a contributor gets 403', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.post(itemsUrl(workspace.id), { title: 'Mine' })).statusCode).toBe(403);
  });
});

describe('PATCH /backlog-items/:id', () => {
  it('edits the fields, clears the tracker link, and keeps its own key under a new case', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace, { title: 'Old', externalKey: 'card-7', externalUrl: 'https://tracker.example.com/7' });
    const url = itemsUrl(workspace.id, `/${item.id}`);
    const renamed = await workspace.owner.as.patch(url, { title: 'New', status: 'in_progress', externalKey: 'CARD-7', description: 'Why' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'New', status: 'in_progress', externalKey: 'CARD-7', description: 'Why' });
    const cleared = await workspace.owner.as.patch(url, { externalUrl: null, externalKey: null, description: '' });
    expect(cleared.json()).toMatchObject({ externalUrl: null, externalKey: null, description: null });
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, item.id));
    expect(events.map((event) => event.summary)).toContain('Edited the title, description, status, tracker key of the backlog item “New”');
  });

  it("answers 409 for another item's key, 400 for unknown fields, 404 for another workspace's item", async () => {
    const workspace = await createWorkspace(context);
    await createBacklogItem(context, workspace, { title: 'Taken', externalKey: 'CARD-1' });
    const item = await createBacklogItem(context, workspace);
    const taken = await workspace.owner.as.patch(itemsUrl(workspace.id, `/${item.id}`), { externalKey: 'Card-1' });
    expect(taken.statusCode).toBe(409);
    expect(errorPaths(taken)).toEqual(['body.externalKey']);
    expect(errorPaths(await workspace.owner.as.patch(itemsUrl(workspace.id, `/${item.id}`), { score: 3 }))).toEqual(['body']);
    const foreign = await createBacklogItem(context, await createWorkspace(context));
    expect((await workspace.owner.as.patch(itemsUrl(workspace.id, `/${foreign.id}`), { title: 'x' })).statusCode).toBe(404);
  });
});

describe('the evidence score', () => {
  it('counts distinct customers, companies, their revenue once each, recent highlights, and the latest date', async () => {
    const { workspace, broad, loud, empty, a1Source } = await scoredWorkspace();
    const { items } = await listItems(workspace, '?sort=evidence');
    expect(items.map((item) => item.title)).toEqual(['Broad', 'Loud', 'Empty']);
    expect(items[0]!.score).toEqual({
      total: 16.1,
      customers: 4,
      companies: 2,
      revenue: 1_090_000,
      highlights: 6,
      recentHighlights: 4,
      lastEvidenceAt: a1Source.occurredAt.toISOString(),
      points: { customers: 4, companies: 4, revenue: expect.closeTo(3 * Math.log10(110), 10), recency: 2 },
    });
    expect(items[0]!.insightCount).toBe(1);
    expect(items[1]!.score).toMatchObject({ total: 8, customers: 1, companies: 1, revenue: 0, highlights: 10, recentHighlights: 10 });
    expect(items[2]!.score.total).toBe(0);
    expect((await getItem(workspace, broad.id)).score).toEqual(items[0]!.score);
    expect((await listItems(workspace)).items.map((item) => item.id)).toEqual([empty.id, loud.id, broad.id]);
  });

  it('pages by score with a cursor, and refuses a cursor of the other order', async () => {
    const { workspace } = await scoredWorkspace();
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listItems(workspace, `?sort=evidence&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      titles.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['Broad', 'Loud', 'Empty']);
    const recent = await listItems(workspace, '?limit=1');
    expect(recent.total).toBe(3);
    const mixed = await workspace.owner.as.get(`${itemsUrl(workspace.id)}?sort=evidence&cursor=${recent.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(errorPaths(mixed)).toEqual(['query.cursor']);
  });

  it('drops evidence while a highlight, its source or an insight is in the trash, and counts it again once restored', async () => {
    const { workspace, broad, problem, own, a1Source } = await scoredWorkspace();
    const score = async () => (await getItem(workspace, broad.id)).score;
    const before = await score();

    const highlightUrl = `/api/workspaces/${workspace.id}/highlights/${own[3]!.id}`;
    await workspace.owner.as.delete(highlightUrl);
    expect(await score()).toMatchObject({ highlights: 5, customers: 4, recentHighlights: 3 });
    await workspace.owner.as.post(`${highlightUrl}/restore`);
    expect(await score()).toEqual(before);

    // Ada's source goes with both her quotes, one of them also reached through the problem.
    const sourceUrl = `/api/workspaces/${workspace.id}/sources/${a1Source.id}`;
    await workspace.owner.as.delete(sourceUrl);
    expect(await score()).toMatchObject({ highlights: 4, customers: 3, companies: 2, recentHighlights: 2 });
    await workspace.owner.as.post(`${sourceUrl}/restore`);
    expect(await score()).toEqual(before);

    const problemUrl = `/api/workspaces/${workspace.id}/insights/${problem.id}`;
    await workspace.owner.as.delete(problemUrl);
    const withoutProblem = await getItem(workspace, broad.id);
    expect(withoutProblem.score).toMatchObject({ highlights: 4, customers: 3, companies: 2, recentHighlights: 3 });
    expect([withoutProblem.insightCount, withoutProblem.insights.length]).toEqual([0, 0]);
    await workspace.owner.as.post(`${problemUrl}/restore`);
    expect(await score()).toEqual(before);
  });
});

describe('GET /backlog-items', () => {
  it('filters by status and by words of the title and description, or the tracker key', async () => {
    const workspace = await createWorkspace(context);
    await createBacklogItem(context, workspace, { title: 'Bulk export', description: 'For accountants', status: 'planned', externalKey: 'FIN-12' });
    await createBacklogItem(context, workspace, { title: 'Decline reasons', status: 'shipped' });
    const titles = async (query: string) => (await listItems(workspace, query)).items.map((item) => item.title);
    expect(await titles('?status=shipped')).toEqual(['Decline reasons']);
    expect(await titles('?q=exports')).toEqual(['Bulk export']);
    expect(await titles('?q=accountant')).toEqual(['Bulk export']);
    expect(await titles('?q=fin-12')).toEqual(['Bulk export']);
    expect(await titles('?q=export&status=shipped')).toEqual([]);
    const invalid = await workspace.owner.as.get(`${itemsUrl(workspace.id)}?sort=votes&status=open`);
    expect(errorPaths(invalid).sort()).toEqual(['query.sort', 'query.status']);
  });
});

describe('GET /backlog-items/:id', () => {
  it('shows its own newest evidence, its insights with their counts, and every customer behind its evidence', async () => {
    const { workspace, broad, problem, own, customers } = await scoredWorkspace();
    const detail = await getItem(workspace, broad.id);
    expect(detail.evidence.map((h) => h.id)).toEqual([...own].reverse().map((h) => h.id));
    expect(detail.insights).toMatchObject([{ id: problem.id, title: 'Exports fail', evidenceCount: 3, customerCount: 3 }]);
    expect(detail.customers.map((c) => [c.name, c.highlightCount])).toEqual([
      ['Ada', 2],
      ['Barbara', 2],
      ['Alan', 1],
      ['Lone', 1],
    ]);
    expect(detail.customers[0]).toMatchObject({ id: customers.a1.id, company: { name: 'Acme' } });
  });

  it("says who linked each insight, whom a contributor must be to unlink it; a token's link is nobody's", async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const [mine, theirs, tokens] = [await createInsight(context, workspace), await createInsight(context, workspace), await createInsight(context, workspace)];
    const evidenceUrl = itemsUrl(workspace.id, `/${item.id}/evidence`);
    const contributor = await createMember(context, workspace, 'contributor');
    await link(workspace, item.id, { insightIds: [mine.id] });
    expect((await contributor.as.post(evidenceUrl, { insightIds: [theirs.id] })).statusCode).toBe(200);
    expect((await (await createTokenCaller(context, workspace, 'contributor')).post(evidenceUrl, { insightIds: [tokens.id] })).statusCode).toBe(200);

    const linkedBy = Object.fromEntries((await getItem(workspace, item.id)).insights.map((insight) => [insight.id, insight.linkedBy]));
    expect(linkedBy).toEqual({ [mine.id]: workspace.owner.id, [theirs.id]: contributor.id, [tokens.id]: null });
  });

  it("answers 404 for another workspace's item and for one in the trash", async () => {
    const workspace = await createWorkspace(context);
    const foreign = await createBacklogItem(context, await createWorkspace(context));
    expect((await workspace.owner.as.get(itemsUrl(workspace.id, `/${foreign.id}`))).statusCode).toBe(404);
    const trashed = await createBacklogItem(context, workspace, { deletedAt: new Date() });
    expect((await workspace.owner.as.get(itemsUrl(workspace.id, `/${trashed.id}`))).json().detail).toBe('Backlog item not found');
  });
});

describe('the trash', () => {
  it('hides an item from lists, GET, edits, evidence and the pack, and restores it with its links', async () => {
    const { workspace, broad } = await scoredWorkspace();
    const before = await getItem(workspace, broad.id);
    const url = itemsUrl(workspace.id, `/${broad.id}`);
    expect((await workspace.owner.as.delete(url)).statusCode).toBe(204);
    expect((await listItems(workspace)).items.map((item) => item.title)).toEqual(['Empty', 'Loud']);
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { title: 'x' }],
      ['DELETE', '', undefined],
      ['POST', '/evidence', { highlightIds: [before.evidence[0]!.id] }],
      ['GET', '/evidence.md', undefined],
    ] as const) {
      expect((await workspace.owner.as.request(method, `${url}${path}`, body)).statusCode, `${method} ${path}`).toBe(404);
    }
    const restored = await workspace.owner.as.post(`${url}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(BacklogItemSchema.parse(restored.json()).score).toEqual(before.score);
    expect(await getItem(workspace, broad.id)).toEqual({ ...before, updatedAt: expect.any(String) });
    const actions = (await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, broad.id))).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['backlog_item.delete', 'backlog_item.restore']));
  });

  it('lists only the trash, most recently trashed first or by score, paged by cursor, each with the score a restore would bring back', async () => {
    const { workspace, broad, loud, empty } = await scoredWorkspace();
    const scoreBefore = (await getItem(workspace, broad.id)).score;
    const trashedAt = { broad: new Date(Date.now() - 60_000), loud: new Date(Date.now() - 1_000) };
    await context.db.update(backlogItems).set({ deletedAt: trashedAt.broad }).where(eq(backlogItems.id, broad.id));
    await context.db.update(backlogItems).set({ deletedAt: trashedAt.loud, status: 'planned' }).where(eq(backlogItems.id, loud.id));

    const trash = await listItems(workspace, '?trash=true');
    expect(trash.total).toBe(2);
    expect(trash.items.map((item) => [item.title, item.deletedAt])).toEqual([
      ['Loud', trashedAt.loud.toISOString()],
      ['Broad', trashedAt.broad.toISOString()],
    ]);
    expect(trash.items[1]!.score).toEqual(scoreBefore);
    expect(trash.items[1]!.insightCount).toBe(1);
    expect((await listItems(workspace)).items.map((item) => [item.id, item.deletedAt])).toEqual([[empty.id, null]]);

    const walk = async (query: string) => {
      const titles: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listItems(workspace, `?trash=true&limit=1${query}${cursor ? `&cursor=${cursor}` : ''}`);
        titles.push(...page.items.map((item) => item.title));
        cursor = page.nextCursor;
      } while (cursor);
      return titles;
    };
    expect(await walk('')).toEqual(['Loud', 'Broad']);
    expect(await walk('&sort=evidence')).toEqual(['Broad', 'Loud']);
    expect((await listItems(workspace, '?trash=true&status=planned')).items.map((item) => item.title)).toEqual(['Loud']);
    expect((await listItems(workspace, '?trash=true&q=broad')).items.map((item) => item.title)).toEqual(['Broad']);
  });

  it("lets viewers read the trash but not restore from it (403), never shows another workspace's trash, and restores from the list", async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace, { title: 'Thrown away' });
    await workspace.owner.as.delete(itemsUrl(workspace.id, `/${item.id}`));
    await createBacklogItem(context, await createWorkspace(context), { deletedAt: new Date() });
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await viewer.as.get(`${itemsUrl(workspace.id)}?trash=true`);
    expect(response.statusCode).toBe(200);
    const { items } = BacklogItemPageSchema.parse(response.json());
    expect(items.map((trashed) => trashed.id)).toEqual([item.id]);
    const listed = items[0]!;
    expect(listed.deletedAt).not.toBeNull();
    expect((await viewer.as.post(itemsUrl(workspace.id, `/${listed.id}/restore`))).statusCode).toBe(403);
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.post(itemsUrl(workspace.id, `/${listed.id}/restore`))).statusCode).toBe(403);

    const researcher = await createMember(context, workspace, 'researcher');
    const restored = await researcher.as.post(itemsUrl(workspace.id, `/${listed.id}/restore`));
    expect(BacklogItemSchema.parse(restored.json())).toMatchObject({ id: item.id, deletedAt: null });
    expect((await listItems(workspace, '?trash=true')).items).toEqual([]);
    expect((await listItems(workspace)).items.map((live) => live.id)).toEqual([item.id]);
  });
});

describe('evidence', () => {
  it('links highlights and insights once, unlinks them, and counts what changed', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const [first, second] = [await quote(workspace, null, 1), await quote(workspace, null, 2)];
    const insight = await createInsight(context, workspace);
    const evidenceUrl = itemsUrl(workspace.id, `/${item.id}/evidence`);
    expect(await link(workspace, item.id, { highlightIds: [first.id, first.id], insightIds: [insight.id] })).toBe(2);
    expect(await link(workspace, item.id, { highlightIds: [first.id, second.id], insightIds: [insight.id] })).toBe(1);
    expect((await workspace.owner.as.delete(evidenceUrl, { insightIds: [insight.id] })).json()).toEqual({ changed: 1 });
    expect((await workspace.owner.as.delete(evidenceUrl, { highlightIds: [first.id, second.id], insightIds: [insight.id] })).json()).toEqual({ changed: 2 });
    expect((await getItem(workspace, item.id)).score.highlights).toBe(0);
    const summaries = (await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, item.id))).map((event) => event.summary).sort();
    expect(summaries).toEqual([
      `Linked 1 highlight and 1 insight to the backlog item “${item.title}”`,
      `Linked 1 highlight to the backlog item “${item.title}”`,
      `Unlinked 1 insight from the backlog item “${item.title}”`,
      `Unlinked 2 highlights from the backlog item “${item.title}”`,
    ]);
  });

  it("answers 404 naming the field for another workspace's highlight or insight, and 422 for an insight in the trash, linking nothing", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const mine = await quote(workspace, null, 1);
    const evidenceUrl = itemsUrl(workspace.id, `/${item.id}/evidence`);
    const theirHighlight = await createHighlight(context, other, await createSource(context, other));
    const foreignHighlight = await workspace.owner.as.post(evidenceUrl, { highlightIds: [mine.id, theirHighlight.id] });
    expect(foreignHighlight.statusCode).toBe(404);
    expect(errorPaths(foreignHighlight)).toEqual(['body.highlightIds']);
    const foreignInsight = await workspace.owner.as.post(evidenceUrl, { highlightIds: [mine.id], insightIds: [(await createInsight(context, other)).id] });
    expect(foreignInsight.statusCode).toBe(404);
    expect(errorPaths(foreignInsight)).toEqual(['body.insightIds']);
    const trashed = await workspace.owner.as.post(evidenceUrl, { highlightIds: [mine.id], insightIds: [(await createInsight(context, workspace, { deletedAt: new Date() })).id] });
    expect(trashed.statusCode).toBe(422);
    expect(errorPaths(trashed)).toEqual(['body.insightIds']);
    expect((await getItem(workspace, item.id)).score.highlights).toBe(0);
    const theirItem = await createBacklogItem(context, other);
    expect((await workspace.owner.as.post(itemsUrl(workspace.id, `/${theirItem.id}/evidence`), { highlightIds: [mine.id] })).statusCode).toBe(404);
  });

  it('answers 400 when neither highlights nor insights are given', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const response = await workspace.owner.as.post(itemsUrl(workspace.id, `/${item.id}/evidence`), { highlightIds: [], insightIds: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'body.highlightIds', message: 'Choose at least one highlight or insight' }]);
  });

  it('lets a contributor link and unlink their own links, not those of others (403), which a researcher may', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const insight = await createInsight(context, workspace);
    const highlight = await quote(workspace, null, 1);
    const evidenceUrl = itemsUrl(workspace.id, `/${item.id}/evidence`);
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.post(evidenceUrl, { highlightIds: [highlight.id] })).json()).toEqual({ changed: 1 });
    await link(workspace, item.id, { insightIds: [insight.id] });
    expect((await contributor.as.delete(evidenceUrl, { highlightIds: [highlight.id], insightIds: [insight.id] })).statusCode).toBe(403);
    expect((await getItem(workspace, item.id)).insightCount).toBe(1);
    expect((await contributor.as.delete(evidenceUrl, { highlightIds: [highlight.id] })).json()).toEqual({ changed: 1 });
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.delete(evidenceUrl, { insightIds: [insight.id] })).json()).toEqual({ changed: 1 });
  });
});

describe('evidence importance', () => {
  const importancesOf = async (workspace: TestWorkspace, itemId: string) => {
    const page = pageOf(HighlightListItemSchema).parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?evidenceOfBacklogItemId=${itemId}`)).json());
    return Object.fromEntries(page.items.map((item) => [item.id, item.importance]));
  };

  it('weighs a company at the most important highlight of any of its customers', async () => {
    const workspace = await createWorkspace(context);
    const acme = await createCompany(workspace, 'Acme', 90_000);
    const ann = await createCustomer(context, workspace, { name: 'Ann', companyId: acme.id });
    const dan = await createCustomer(context, workspace, { name: 'Dan', companyId: acme.id });
    const [fromAnn, fromDan] = [await quote(workspace, ann.id, 200), await quote(workspace, dan.id, 200)];
    const item = await createBacklogItem(context, workspace);
    const linkAs = (highlightIds: string[], importance: string) => workspace.owner.as.post(itemsUrl(workspace.id, `/${item.id}/evidence`), { highlightIds, importance });
    await linkAs([fromDan.id], 'nice_to_have');
    await linkAs([fromAnn.id], 'critical');

    // Ann 2 + Dan 0.5; Acme at Ann's critical, 2 × 2, its revenue twice over; nothing recent.
    const revenuePoints = 3 * Math.log10(1 + 18);
    expect((await getItem(workspace, item.id)).score).toMatchObject({
      customers: 2,
      companies: 1,
      points: { customers: 2.5, companies: 4, revenue: expect.closeTo(revenuePoints, 10), recency: 0 },
    });
  });

  it("weighs the score: each customer and company at its most important highlight, each recent highlight by its own, the item's own link over its insights'", async () => {
    const workspace = await createWorkspace(context);
    const acme = await createCompany(workspace, 'Acme', 90_000);
    const [ann, bob, carl] = [
      await createCustomer(context, workspace, { name: 'Ann', companyId: acme.id }),
      await createCustomer(context, workspace, { name: 'Bob' }),
      await createCustomer(context, workspace, { name: 'Carl' }),
    ];
    const [a1, a2, b1, c1] = [await quote(workspace, ann.id, 1), await quote(workspace, ann.id, 2), await quote(workspace, bob.id, 200), await quote(workspace, carl.id, 200)];
    const item = await createBacklogItem(context, workspace);
    const linkAs = (highlightIds: string[], importance: string) => workspace.owner.as.post(itemsUrl(workspace.id, `/${item.id}/evidence`), { highlightIds, importance });
    expect((await linkAs([a1.id], 'critical')).json()).toEqual({ changed: 1 });
    expect((await linkAs([a2.id, b1.id], 'nice_to_have')).json()).toEqual({ changed: 2 });

    // Ann 2 + Bob 0.5; Acme 2 × 2; 3 × log10(1 + 2 × $90k / 10k); recent: (2 + 0.5) / 2. Counts stay counts.
    const revenuePoints = 3 * Math.log10(1 + 18);
    expect((await getItem(workspace, item.id)).score).toMatchObject({
      total: Math.round((2.5 + 4 + revenuePoints + 1.25) * 10) / 10,
      customers: 2,
      companies: 1,
      revenue: 90_000,
      highlights: 3,
      recentHighlights: 2,
      points: { customers: 2.5, companies: 4, revenue: expect.closeTo(revenuePoints, 10), recency: 1.25 },
    });

    // Through a problem: Carl at the highest of the problem's links; Bob stays at the item's own judgement.
    const problem = await createInsight(context, workspace);
    const other = await createInsight(context, workspace);
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/evidence`), { highlightIds: [b1.id, c1.id], importance: 'critical' });
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${other.id}/evidence`), { highlightIds: [c1.id], importance: 'nice_to_have' });
    await link(workspace, item.id, { insightIds: [problem.id, other.id] });
    expect((await getItem(workspace, item.id)).score.points.customers).toBe(4.5);
    expect(await importancesOf(workspace, item.id)).toEqual({ [a1.id]: 'critical', [a2.id]: 'nice_to_have', [b1.id]: 'nice_to_have', [c1.id]: 'critical' });

    // Changing the item's own link moves the score, and the list with it.
    const changeUrl = itemsUrl(workspace.id, `/${item.id}/evidence`);
    expect((await workspace.owner.as.patch(changeUrl, { highlightIds: [b1.id], importance: 'critical' })).json()).toEqual({ changed: 1 });
    expect((await workspace.owner.as.patch(changeUrl, { highlightIds: [b1.id], importance: 'critical' })).json()).toEqual({ changed: 0 });
    expect((await getItem(workspace, item.id)).score.points.customers).toBe(6);
    expect((await importancesOf(workspace, item.id))[b1.id]).toBe('critical');
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.action, 'backlog_item.evidence.importance'));
    expect(events.filter((event) => event.objectId === item.id).map((event) => event.summary)).toEqual([`Marked 1 highlight critical on the backlog item “${item.title}”`]);
  });

  it('links at `important` by default, keeps the importance of a link already there, and refuses an unknown one (400)', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const [first, second] = [await quote(workspace, null, 1), await quote(workspace, null, 1)];
    await link(workspace, item.id, { highlightIds: [first.id] });
    expect((await workspace.owner.as.post(itemsUrl(workspace.id, `/${item.id}/evidence`), { highlightIds: [first.id, second.id], importance: 'critical' })).json()).toEqual({ changed: 1 });
    expect(await importancesOf(workspace, item.id)).toEqual({ [first.id]: 'important', [second.id]: 'critical' });
    for (const method of ['post', 'patch'] as const) {
      const refused = await workspace.owner.as[method](itemsUrl(workspace.id, `/${item.id}/evidence`), { highlightIds: [first.id], importance: 'urgent' });
      expect(refused.statusCode).toBe(400);
      expect(errorPaths(refused)).toEqual(['body.importance']);
    }
  });

  it("answers 404 naming body.highlightIds for a highlight not linked to the item itself or of another workspace, and 404 for another workspace's item, changing nothing", async () => {
    const workspace = await createWorkspace(context);
    const elsewhere = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const foreignItem = await createBacklogItem(context, elsewhere);
    const [linked, throughProblem] = [await quote(workspace, null, 1), await quote(workspace, null, 1)];
    const foreign = await quote(elsewhere, null, 1);
    await link(workspace, item.id, { highlightIds: [linked.id] });
    const problem = await createInsight(context, workspace);
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/evidence`), { highlightIds: [throughProblem.id] });
    await link(workspace, item.id, { insightIds: [problem.id] });
    const change = (itemId: string, highlightIds: string[]) => workspace.owner.as.patch(itemsUrl(workspace.id, `/${itemId}/evidence`), { highlightIds, importance: 'critical' });
    for (const highlightIds of [[linked.id, throughProblem.id], [linked.id, foreign.id]]) {
      const refused = await change(item.id, highlightIds);
      expect(refused.statusCode, refused.body).toBe(404);
      expect(errorPaths(refused)).toEqual(['body.highlightIds']);
    }
    const [foreignLinked] = [await quote(elsewhere, null, 1)];
    await elsewhere.owner.as.post(itemsUrl(elsewhere.id, `/${foreignItem.id}/evidence`), { highlightIds: [foreignLinked.id] });
    expect((await change(foreignItem.id, [foreignLinked.id])).statusCode).toBe(404);
    expect(Object.values(await importancesOf(workspace, item.id))).toEqual(['important', 'important']);
    expect((await importancesOf(elsewhere, foreignItem.id))[foreignLinked.id]).toBe('important');
  });

  it('lets a contributor change only the links they made (403 for others), a researcher any, and a viewer none (403)', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace);
    const [theirs, owners] = [await quote(workspace, null, 1), await quote(workspace, null, 1)];
    const evidenceUrl = itemsUrl(workspace.id, `/${item.id}/evidence`);
    const [viewer, contributor, researcher] = [await createMember(context, workspace, 'viewer'), await createMember(context, workspace, 'contributor'), await createMember(context, workspace, 'researcher')];
    await contributor.as.post(evidenceUrl, { highlightIds: [theirs.id] });
    await link(workspace, item.id, { highlightIds: [owners.id] });
    expect((await viewer.as.patch(evidenceUrl, { highlightIds: [theirs.id], importance: 'critical' })).statusCode).toBe(403);
    expect((await contributor.as.patch(evidenceUrl, { highlightIds: [theirs.id, owners.id], importance: 'critical' })).statusCode).toBe(403);
    expect((await contributor.as.patch(evidenceUrl, { highlightIds: [theirs.id], importance: 'critical' })).json()).toEqual({ changed: 1 });
    expect((await researcher.as.patch(evidenceUrl, { highlightIds: [owners.id], importance: 'nice_to_have' })).json()).toEqual({ changed: 1 });
    expect(await importancesOf(workspace, item.id)).toEqual({ [theirs.id]: 'critical', [owners.id]: 'nice_to_have' });
  });
});

describe('GET /highlights?backlogItemId=', () => {
  it("lists the highlights linked to the item itself, not its insights' ones", async () => {
    const { workspace, broad, own } = await scoredWorkspace();
    const page = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?backlogItemId=${broad.id}`)).json();
    expect(page.total).toBe(4);
    expect(page.items.map((item: { id: string }) => item.id).sort()).toEqual(own.map((h) => h.id).sort());
  });
});

describe('GET /highlights?evidenceOfBacklogItemId=', () => {
  it('lists every highlight the score counts, once each, saying how it reaches the item, page after page', async () => {
    const { workspace, broad, problem, own } = await scoredWorkspace();
    const url = `/api/workspaces/${workspace.id}/highlights?evidenceOfBacklogItemId=${broad.id}&limit=4`;
    const first = pageOf(HighlightListItemSchema).parse((await workspace.owner.as.get(url)).json());
    const second = pageOf(HighlightListItemSchema).parse((await workspace.owner.as.get(`${url}&cursor=${first.nextCursor}`)).json());
    expect(second.nextCursor).toBeNull();
    // What the trashed problem brings is left out, as the score leaves it out.
    expect(first.total).toBe((await getItem(workspace, broad.id)).score.highlights);
    const listed = [...first.items, ...second.items];
    expect(listed).toHaveLength(6);
    const through = [{ id: problem.id, type: 'problem', title: 'Exports fail' }];
    const howEach = Object.fromEntries(listed.map((item) => [item.id, { via: item.via, linkedBy: item.linkedBy }]));
    const direct = (insights: typeof through | []) => ({ via: { direct: true, insights }, linkedBy: workspace.owner.id });
    const onlyThrough = { via: { direct: false, insights: through }, linkedBy: null };
    const [both, ...ownOnly] = own;
    expect(howEach[both!.id]).toEqual(direct(through));
    for (const highlight of ownOnly) expect(howEach[highlight.id]).toEqual(direct([]));
    expect(Object.values(howEach).filter((how) => !how.via?.direct)).toEqual([onlyThrough, onlyThrough]);

    // Other lists say nothing of it.
    const plain = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?backlogItemId=${broad.id}`)).json();
    expect(plain.items.every((item: object) => !('via' in item))).toBe(true);
  });
});

describe('GET /backlog-items/:id/evidence.md', () => {
  it('writes the item, its score in words, its problems and the quotes by company and customer, escaped, with links back to the reader', async () => {
    const { workspace, broad, own, a1Source, companies: { acme } } = await scoredWorkspace();
    await workspace.owner.as.patch(itemsUrl(workspace.id, `/${broad.id}`), {
      title: 'Bulk *export* for [accountants]',
      status: 'in_progress',
      externalKey: 'FIN-12',
      externalUrl: 'https://tracker.example.com/browse/FIN-12',
      description: '# Not a heading\nJust text.',
    });
    await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/insights/${(await getItem(workspace, broad.id)).insights[0]!.id}`, { statement: 'Month-end stalls.', status: 'validated' });
    const tricky = await createSource(context, workspace, {
      title: 'Ticket <b>#9</b>',
      kind: 'ticket',
      occurredAt: new Date('2020-01-02T10:00:00Z'),
      body: '# Help\n- it *breaks* [here](https://evil.example) <script>alert(1)</script>\n1. costs $5 & more &copy;\n    indented',
    });
    const trickyHighlight = await createHighlight(context, workspace, tricky);
    const emailOnly = await createCustomer(context, workspace, { name: null, email: 'dana@example.org', companyId: acme.id });
    const mentions = await createSource(context, workspace, { customerId: emailOnly.id, occurredAt: new Date('2020-01-01T10:00:00Z'), body: 'Ask @dana or @acme/support,\nnot ops@acme.example.' });
    const mentionsHighlight = await createHighlight(context, workspace, mentions);
    await link(workspace, broad.id, { highlightIds: [trickyHighlight.id, mentionsHighlight.id] });

    const response = await workspace.owner.as.request('GET', itemsUrl(workspace.id, `/${broad.id}/evidence.md`), undefined, { host: 'cairn.example.com' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="evidence-fin-12.md"');
    const markdown = response.body;
    expect(markdown).toContain('# Bulk \\*export\\* for \\[accountants\\]\n');
    expect(markdown).toContain('- **Status:** In progress\n');
    expect(markdown).toContain('- **Tracker:** [FIN-12](<https://tracker.example.com/browse/FIN-12>)\n');
    // Revenue is in the workspace's own currency, which Cairn does not know.
    expect(markdown).toContain('- **Evidence:** 5 customers at 2 companies, 1.1M yearly revenue, 4 highlights in the last 90 days\n');
    expect(markdown).toContain(`- **Score:** 17.1 from 8 highlights, the latest from ${a1Source.occurredAt.toISOString().slice(0, 10)}\n`);
    expect(markdown).toContain(`- **In Cairn:** [all the evidence](<http://cairn.example.com/w/${workspace.id}/backlog/${broad.id}>)\n`);
    expect(markdown).toContain('\\# Not a heading\nJust text.');
    expect(markdown).toContain('## Problems\n\n### Exports fail\n\n_Problem · validated · 3 highlights from 3 customers_\n\nMonth-end stalls.\n');
    // Acme's two customers come first (three quotes), then Globex; quotes without a company come last.
    expect(markdown.indexOf('### Acme')).toBeLessThan(markdown.indexOf('### Globex'));
    expect(markdown.indexOf('### Globex')).toBeLessThan(markdown.indexOf('### Without a company'));
    // Customers by name, never by email: the pack is pasted outside Cairn.
    expect(markdown).toContain('**Ada**\n');
    expect(markdown).not.toContain('@example.org');
    expect(markdown).toContain(`> ${own[0]!.quote}\n>\n> — [${a1Source.title}](<http://cairn.example.com/w/${workspace.id}/sources/${a1Source.id}#h-${own[0]!.id}>) · ticket · `);
    expect(markdown).toContain(
      [
        '**Unknown customer**',
        '',
        // Each line ends in a hard line break, or Markdown would run the lines together.
        '> \\# Help\\',
        '> \\- it \\*breaks\\* \\[here\\](https://evil.example) \\<script\\>alert(1)\\</script\\>\\',
        '> 1\\. costs \\$5 & more \\&copy;\\',
        '> indented',
        '>',
        `> — [Ticket \\<b\\>\\#\u200b9\\</b\\>](<http://cairn.example.com/w/${workspace.id}/sources/${tricky.id}#h-${trickyHighlight.id}>) · ticket · 2020-01-02`,
      ].join('\n'),
    );
    // Someone known by email alone is "A customer"; a zero-width space after `@` keeps GitHub from notifying anyone, and leaves emails alone.
    expect(markdown).toContain('**A customer**\n\n> Ask @\u200bdana or @\u200bacme/support,\\\n> not ops@acme.example.\n>\n');
  });

  it('links a quote from a ticket titled by its own text by its kind, not by the quote again', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace, { title: 'Refund small overcharges' });
    const body = 'I was overcharged a pound. Please refund it.';
    const untitled = await createSource(context, workspace, { title: 'I was overcharged a pound. Please…', body, occurredAt: new Date('2026-11-02T10:00:00Z') });
    const whole = await createHighlight(context, workspace, untitled);
    const titled = await createSource(context, workspace, { title: 'Refund request', body, occurredAt: new Date('2026-11-03T10:00:00Z') });
    const ofTitled = await createHighlight(context, workspace, titled);
    await link(workspace, item.id, { highlightIds: [whole.id, ofTitled.id] });

    const markdown = (await workspace.owner.as.request('GET', itemsUrl(workspace.id, `/${item.id}/evidence.md`), undefined, { host: 'cairn.example.com' })).body;
    expect(markdown).toContain(`> ${body}\n>\n> — [Ticket](<http://cairn.example.com/w/${workspace.id}/sources/${untitled.id}#h-${whole.id}>) · 2026-11-02\n`);
    expect(markdown).not.toContain('[I was overcharged');
    // A real subject keeps its place, with the kind after it.
    expect(markdown).toContain(`> — [Refund request](<http://cairn.example.com/w/${workspace.id}/sources/${titled.id}#h-${ofTitled.id}>) · ticket · 2026-11-03\n`);
  });

  it('names the file after the title without a tracker key, and says when there is no evidence yet', async () => {
    const workspace = await createWorkspace(context);
    const item = await createBacklogItem(context, workspace, { title: 'Décliné: card reasons!' });
    const response = await workspace.owner.as.get(itemsUrl(workspace.id, `/${item.id}/evidence.md`));
    expect(response.headers['content-disposition']).toBe('attachment; filename="evidence-decline-card-reasons.md"');
    expect(response.body).toContain('- **Evidence:** 0 customers, no yearly revenue on record, 0 highlights in the last 90 days\n');
    expect(response.body).toContain('## What customers said\n\n_No evidence yet._\n');
    expect(response.body).not.toContain('## Problems');
  });
});
