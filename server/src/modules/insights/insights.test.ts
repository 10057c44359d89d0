import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { HighlightListItemSchema, InsightDetailSchema, InsightPageSchema, InsightSchema, MergeInsightPreviewSchema, STATEMENT_MAX_LENGTH, pageOf } from '@cairn/shared';
import { auditEvents, backlogInsights, backlogItems as backlogItemsTable, clusterRuns, clusters, companies, highlights as highlightsTable, insightHighlights, insights } from '../../db/schema/index.js';
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

const insightsUrl = (ws: string, path = '') => `/api/workspaces/${ws}/insights${path}`;

async function getInsight(workspace: TestWorkspace, id: string) {
  const response = await workspace.owner.as.get(insightsUrl(workspace.id, `/${id}`));
  expect(response.statusCode, response.body).toBe(200);
  return InsightDetailSchema.parse(response.json());
}

async function listInsights(workspace: TestWorkspace, query = '') {
  const response = await workspace.owner.as.get(`${insightsUrl(workspace.id)}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return InsightPageSchema.parse(response.json());
}

/** Two customers, one of them with two highlights, and a highlight of a source without a customer. */
async function evidenceSet(workspace: TestWorkspace) {
  const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Globex' }).returning();
  const hank = await createCustomer(context, workspace, { name: 'Hank', companyId: company!.id });
  const marge = await createCustomer(context, workspace, { name: 'Marge' });
  const hankSource = await createSource(context, workspace, { customerId: hank.id });
  const margeSource = await createSource(context, workspace, { customerId: marge.id });
  const anonymousSource = await createSource(context, workspace);
  const highlights = [
    await createHighlight(context, workspace, hankSource, { start: 0, end: 10 }),
    await createHighlight(context, workspace, hankSource, { start: 11, end: 20 }),
    await createHighlight(context, workspace, margeSource),
    await createHighlight(context, workspace, anonymousSource),
  ];
  return { company: company!, hank, marge, hankSource, margeSource, highlights };
}

describe('POST /insights', () => {
  it('creates a problem with its statement and status, and an audit event', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'problem', title: '  Card declines give no reason ', statement: 'Drivers are stuck at the pump.', status: 'validated' });
    expect(response.statusCode).toBe(201);
    const insight = InsightSchema.parse(response.json());
    expect(insight).toMatchObject({
      type: 'problem',
      title: 'Card declines give no reason',
      statement: 'Drivers are stuck at the pump.',
      status: 'validated',
      parentId: null,
      evidenceCount: 0,
      customerCount: 0,
      createdBy: { id: workspace.owner.id, name: workspace.owner.name },
    });
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, insight.id));
    expect(events).toMatchObject([{ action: 'insight.create', actorUserId: workspace.owner.id }]);
  });

  it('starts an insight as a draft, and keeps an empty statement as none', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'problem', title: 'Exports time out', statement: '' });
    expect(response.json()).toMatchObject({ status: 'draft', statement: null });
  });

  it('builds a tree: an opportunity under a problem, a solution under the opportunity', async () => {
    const workspace = await createWorkspace(context);
    const problem = (await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'problem', title: 'Declines' })).json();
    const opportunity = await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'opportunity', title: 'Explain declines', parentId: problem.id });
    expect(opportunity.statusCode).toBe(201);
    expect(opportunity.json().parentId).toBe(problem.id);
    const solution = await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'solution', title: 'Decline reason in the app', parentId: opportunity.json().id });
    expect(solution.statusCode).toBe(201);
    // A parent is optional below the root.
    expect((await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'solution', title: 'Loose idea' })).statusCode).toBe(201);
  });

  it('answers 400 naming every invalid field', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'theme', title: ' ', statement: 'x'.repeat(STATEMENT_MAX_LENGTH + 1), status: 'done', parentId: 'nope' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.type', 'body.title', 'body.statement', 'body.status', 'body.parentId']));
    expect(response.json().errors.find((issue: { path: string }) => issue.path === 'body.title').message).toBe('Enter a title');
  });

  it.each([
    ['a problem with a parent', 'problem', 'problem', 'A problem has no parent: it is the root of its tree'],
    ['an opportunity under another opportunity', 'opportunity', 'opportunity', 'An opportunity sits under a problem; “Parent” is an opportunity'],
    ['a solution under a problem', 'solution', 'problem', 'A solution sits under an opportunity; “Parent” is a problem'],
  ] as const)('answers 422 naming body.parentId for %s', async (_, type, parentType, message) => {
    const workspace = await createWorkspace(context);
    const parent = await createInsight(context, workspace, { type: parentType, title: 'Parent' });
    const response = await workspace.owner.as.post(insightsUrl(workspace.id), { type, title: 'Child', parentId: parent.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'body.parentId', message }]);
  });

  it('answers 422 for a parent in the trash and 404 for a parent of another workspace, creating nothing', async () => {
    const workspace = await createWorkspace(context);
    const trashed = await createInsight(context, workspace, { deletedAt: new Date() });
    const inTrash = await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'opportunity', title: 'Child', parentId: trashed.id });
    expect(inTrash.statusCode).toBe(422);
    expect(errorPaths(inTrash)).toEqual(['body.parentId']);
    const elsewhere = await createInsight(context, await createWorkspace(context));
    const foreign = await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'opportunity', title: 'Child', parentId: elsewhere.id });
    expect(foreign.statusCode).toBe(404);
    expect(errorPaths(foreign)).toEqual(['body.parentId']);
    expect((await listInsights(workspace)).items).toEqual([]);
  });

  it('is for researchers and up: a contributor gets 403', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.post(insightsUrl(workspace.id), { type: 'problem', title: 'Mine' })).statusCode).toBe(403);
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.post(insightsUrl(workspace.id), { type: 'problem', title: 'Mine' })).statusCode).toBe(201);
  });
});

describe('GET /insights', () => {
  it('lists insights newest first with a total on the first page, paged by cursor', async () => {
    const workspace = await createWorkspace(context);
    for (const title of ['one', 'two', 'three']) await workspace.owner.as.post(insightsUrl(workspace.id), { type: 'problem', title });
    const first = await listInsights(workspace, '?limit=2');
    expect(first.total).toBe(3);
    const second = await listInsights(workspace, `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((item) => item.title)).toEqual(['three', 'two', 'one']);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by type, status, parent and words of the title or statement', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace, { title: 'Exports time out', statement: 'Big accounts cannot reconcile', status: 'validated' });
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', title: 'Faster exports', parentId: problem.id });
    await createInsight(context, workspace, { type: 'opportunity', title: 'Card limits per category' });
    const titles = async (query: string) => (await listInsights(workspace, query)).items.map((item) => item.title).sort();
    expect(await titles('?type=opportunity')).toEqual(['Card limits per category', 'Faster exports']);
    expect(await titles('?status=validated')).toEqual(['Exports time out']);
    expect(await titles(`?parentId=${problem.id}`)).toEqual([opportunity.title]);
    expect(await titles('?q=export')).toEqual(['Exports time out', 'Faster exports']);
    expect(await titles('?q=reconciling')).toEqual(['Exports time out']);
    expect((await listInsights(workspace, '?q=export&type=problem')).total).toBe(1);
  });

  it('counts evidence and the distinct customers behind it, leaving out the trash', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace);
    await context.db.insert(insightHighlights).values(highlights.map((highlight) => ({ workspaceId: workspace.id, insightId: insight.id, highlightId: highlight.id })));
    await createInsight(context, workspace, { title: 'Trashed', deletedAt: new Date() });
    const { items } = await listInsights(workspace);
    expect(items.map((item) => [item.id, item.evidenceCount, item.customerCount])).toEqual([[insight.id, 4, 2]]);
  });

  it('scores each insight as the backlog scores an item with the same evidence, and says when its newest evidence was said', async () => {
    const workspace = await createWorkspace(context);
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Globex', annualRevenue: 1_000_000 }).returning();
    const hank = await createCustomer(context, workspace, { name: 'Hank', companyId: company!.id });
    const marge = await createCustomer(context, workspace, { name: 'Marge' });
    const [oldSource, newestSource, anonymousSource] = [
      await createSource(context, workspace, { customerId: hank.id, occurredAt: daysAgo(200) }),
      await createSource(context, workspace, { customerId: marge.id, occurredAt: daysAgo(3) }),
      await createSource(context, workspace, { occurredAt: daysAgo(10) }),
    ];
    const [old, newest, anonymous] = [await createHighlight(context, workspace, oldSource), await createHighlight(context, workspace, newestSource), await createHighlight(context, workspace, anonymousSource)];
    const problem = await createInsight(context, workspace, { title: 'Exports fail' });
    const item = await createBacklogItem(context, workspace, { title: 'Background exports' });
    for (const url of [insightsUrl(workspace.id, `/${problem.id}/evidence`), `/api/workspaces/${workspace.id}/backlog-items/${item.id}/evidence`]) {
      expect((await workspace.owner.as.post(url, { highlightIds: [old.id], importance: 'critical' })).statusCode).toBe(200);
      expect((await workspace.owner.as.post(url, { highlightIds: [newest.id, anonymous.id] })).statusCode).toBe(200);
    }
    const unscored = await createInsight(context, workspace, { title: 'No evidence' });

    const scoreOf = async (id: string) => (await listInsights(workspace)).items.find((insight) => insight.id === id)!;
    const listed = await scoreOf(problem.id);
    const backlogItem = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/backlog-items/${item.id}`);
    expect(listed.score).toEqual(backlogItem.json().score);
    // Hank critical (2) + Marge (1); Globex at Hank's weight, 2 × 2; 3 × log10(1 + 2 × $1M / 10k); two recent quotes, 2 / 2.
    expect(listed.score).toMatchObject({ total: 14.9, customers: 2, companies: 1, revenue: 1_000_000, highlights: 3, recentHighlights: 2, lastEvidenceAt: newestSource.occurredAt.toISOString() });
    expect([listed.evidenceCount, listed.customerCount]).toEqual([3, 2]);
    // A page is scored on its own: the newest insight alone, without evidence.
    expect((await listInsights(workspace, '?limit=1')).items.map((insight) => [insight.id, insight.score.total, insight.score.lastEvidenceAt])).toEqual([[unscored.id, 0, null]]);

    // The newest quote in the trash, the one before it is the newest evidence.
    await context.db.update(highlightsTable).set({ deletedAt: new Date() }).where(eq(highlightsTable.id, newest.id));
    expect((await scoreOf(problem.id)).score).toMatchObject({ highlights: 2, customers: 1, lastEvidenceAt: anonymousSource.occurredAt.toISOString() });
  });

  it('counts the backlog items each insight is on, leaving out items in the trash and links of another workspace', async () => {
    const workspace = await createWorkspace(context);
    // Newest first: times of their own, as three inserts can fall in one millisecond.
    const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);
    const planned = await createInsight(context, workspace, { title: 'Planned', createdAt: secondsAgo(3) });
    const notPlanned = await createInsight(context, workspace, { title: 'Only on a trashed item', createdAt: secondsAgo(2) });
    await createInsight(context, workspace, { title: 'Never linked', createdAt: secondsAgo(1) });
    const [first, second, trashed] = [await createBacklogItem(context, workspace), await createBacklogItem(context, workspace), await createBacklogItem(context, workspace, { deletedAt: new Date() })];
    const link = (backlogItemId: string, insightId: string, workspaceId = workspace.id) => ({ workspaceId, backlogItemId, insightId });
    await context.db.insert(backlogInsights).values([link(first.id, planned.id), link(second.id, planned.id), link(trashed.id, planned.id), link(trashed.id, notPlanned.id)]);
    // Another workspace's item, linked to its own problem, and by a link row of its own to this workspace's problem (which the API never makes).
    const other = await createWorkspace(context);
    const [otherItem, otherProblem] = [await createBacklogItem(context, other), await createInsight(context, other)];
    await context.db.insert(backlogInsights).values([link(otherItem.id, otherProblem.id, other.id), link(otherItem.id, planned.id, other.id)]);

    const counts = async (target: TestWorkspace, query = '') => (await listInsights(target, query)).items.map((item) => [item.title, item.backlogItemCount]);
    expect(await counts(workspace)).toEqual([['Never linked', 0], ['Only on a trashed item', 0], ['Planned', 2]]);
    expect(await counts(other)).toEqual([[otherProblem.title, 1]]);
    // The trashed item restored, it counts again.
    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/backlog-items/${trashed.id}/restore`)).statusCode).toBe(200);
    expect(await counts(workspace, '?limit=1&q=planned')).toEqual([['Planned', 3]]);
  });

  it('answers 400 for invalid filters and 404 for another workspace', async () => {
    const workspace = await createWorkspace(context);
    const invalid = await workspace.owner.as.get(`${insightsUrl(workspace.id)}?type=theme&parentId=x&limit=0`);
    expect(invalid.statusCode).toBe(400);
    expect(errorPaths(invalid)).toEqual(expect.arrayContaining(['query.type', 'query.parentId', 'query.limit']));
    const other = await createWorkspace(context);
    expect((await other.owner.as.get(insightsUrl(workspace.id))).statusCode).toBe(404);
  });
});

describe('GET /insights/:id', () => {
  it('shows the parent, the children, the newest evidence, the backlog items and the customers behind it, most highlights first', async () => {
    const workspace = await createWorkspace(context);
    const { hank, marge, company, highlights } = await evidenceSet(workspace);
    const problem = await createInsight(context, workspace, { title: 'Declines' });
    const insight = await createInsight(context, workspace, { type: 'opportunity', title: 'Explain declines', parentId: problem.id });
    const child = await createInsight(context, workspace, { type: 'solution', title: 'Reason in the app', parentId: insight.id });
    await createInsight(context, workspace, { type: 'solution', title: 'Trashed child', parentId: insight.id, deletedAt: new Date() });
    const item = await createBacklogItem(context, workspace, { title: 'Show decline reasons', externalKey: 'CARD-7' });
    const trashedItem = await createBacklogItem(context, workspace, { deletedAt: new Date() });
    await context.db.insert(backlogInsights).values([item, trashedItem].map((backlogItem) => ({ workspaceId: workspace.id, backlogItemId: backlogItem.id, insightId: insight.id })));
    expect((await workspace.owner.as.post(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: highlights.map((h) => h.id) })).statusCode).toBe(200);

    const detail = await getInsight(workspace, insight.id);
    expect(detail).toMatchObject({ id: insight.id, parentId: problem.id, evidenceCount: 4, customerCount: 2 });
    expect(detail.parent).toEqual({ id: problem.id, type: 'problem', title: 'Declines', status: 'draft' });
    expect(detail.children.map((c) => c.id)).toEqual([child.id]);
    expect(detail.evidence.map((h) => h.id)).toEqual([...highlights].reverse().map((h) => h.id));
    expect(detail.evidence[3]).toMatchObject({ quote: highlights[0]!.quote, customer: { id: hank.id, company: { id: company.id, name: 'Globex' } } });
    expect(detail.backlogItems).toEqual([{ id: item.id, title: 'Show decline reasons', status: 'idea', externalKey: 'CARD-7', linkedBy: null }]);
    expect(detail.customers).toEqual([
      { id: hank.id, name: 'Hank', email: hank.email, externalId: null, company: { id: company.id, name: 'Globex', segment: null }, highlightCount: 2 },
      { id: marge.id, name: 'Marge', email: marge.email, externalId: null, company: null, highlightCount: 1 },
    ]);
  });

  it("says who linked it to each backlog item, whom a contributor must be to unlink it; a token's link is nobody's", async () => {
    const workspace = await createWorkspace(context);
    const insight = await createInsight(context, workspace);
    const [mine, theirs, tokens] = [await createBacklogItem(context, workspace), await createBacklogItem(context, workspace), await createBacklogItem(context, workspace)];
    const linkFrom = (item: { id: string }) => `/api/workspaces/${workspace.id}/backlog-items/${item.id}/evidence`;
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await workspace.owner.as.post(linkFrom(mine), { insightIds: [insight.id] })).statusCode).toBe(200);
    expect((await contributor.as.post(linkFrom(theirs), { insightIds: [insight.id] })).statusCode).toBe(200);
    expect((await (await createTokenCaller(context, workspace, 'contributor')).post(linkFrom(tokens), { insightIds: [insight.id] })).statusCode).toBe(200);

    const linkedBy = Object.fromEntries((await getInsight(workspace, insight.id)).backlogItems.map((item) => [item.id, item.linkedBy]));
    expect(linkedBy).toEqual({ [mine.id]: workspace.owner.id, [theirs.id]: contributor.id, [tokens.id]: null });
  });

  it('lists the backlog items it reaches only through its family, live relatives above and below it, each item once with every relative that brings it', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace, { title: 'Declines' });
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', title: 'Explain declines', parentId: problem.id });
    const solution = await createInsight(context, workspace, { type: 'solution', title: 'Reason in the app', parentId: opportunity.id });
    const trashedSolution = await createInsight(context, workspace, { type: 'solution', title: 'Trashed', parentId: opportunity.id, deletedAt: new Date() });
    const [own, fromProblem, shared, fromSolution, fromTrashed, trashedItem] = [
      await createBacklogItem(context, workspace, { title: 'Own' }),
      await createBacklogItem(context, workspace, { title: 'From the problem' }),
      await createBacklogItem(context, workspace, { title: 'Shared', externalKey: 'CARD-9' }),
      await createBacklogItem(context, workspace, { title: 'From the solution' }),
      await createBacklogItem(context, workspace, { title: 'From a trashed solution' }),
      await createBacklogItem(context, workspace, { title: 'Trashed item', deletedAt: new Date() }),
    ];
    const links: Array<[{ id: string }, { id: string }]> = [
      [own, opportunity],
      // Linked to itself too: it is among its own items, not its family's.
      [own, problem],
      [fromProblem, problem],
      [shared, solution],
      [shared, problem],
      [fromSolution, solution],
      [fromTrashed, trashedSolution],
      [trashedItem, problem],
    ];
    await context.db.insert(backlogInsights).values(links.map(([item, insight]) => ({ workspaceId: workspace.id, backlogItemId: item.id, insightId: insight.id })));

    const detail = await getInsight(workspace, opportunity.id);
    expect(detail.backlogItems.map((item) => item.id)).toEqual([own.id]);
    const problemRef = { id: problem.id, type: 'problem', title: 'Declines', status: 'draft' };
    const solutionRef = { id: solution.id, type: 'solution', title: 'Reason in the app', status: 'draft' };
    expect(detail.familyBacklogItems).toEqual([
      { id: fromSolution.id, title: 'From the solution', status: 'idea', externalKey: null, through: [solutionRef] },
      { id: shared.id, title: 'Shared', status: 'idea', externalKey: 'CARD-9', through: [problemRef, solutionRef] },
      { id: fromProblem.id, title: 'From the problem', status: 'idea', externalKey: null, through: [problemRef] },
    ]);
    // Two levels down and up, and none of the insight's own items.
    expect((await getInsight(workspace, problem.id)).familyBacklogItems.map((item) => [item.title, item.through.map((relative) => relative.title)])).toEqual([
      ['From the solution', ['Reason in the app']],
    ]);
    expect((await getInsight(workspace, solution.id)).familyBacklogItems.map((item) => [item.title, item.through.map((relative) => relative.title)])).toEqual([
      ['From the problem', ['Declines']],
      ['Own', ['Explain declines', 'Declines']],
    ]);

    // A trashed parent cuts the chain, as the tree shows it.
    expect((await workspace.owner.as.delete(insightsUrl(workspace.id, `/${opportunity.id}`))).statusCode).toBe(204);
    expect((await getInsight(workspace, solution.id)).familyBacklogItems).toEqual([]);
    expect((await getInsight(workspace, problem.id)).familyBacklogItems).toEqual([]);
  });

  it("answers 404 for another workspace's insight and for one in the trash", async () => {
    const workspace = await createWorkspace(context);
    const foreign = await createInsight(context, await createWorkspace(context));
    expect((await workspace.owner.as.get(insightsUrl(workspace.id, `/${foreign.id}`))).statusCode).toBe(404);
    const trashed = await createInsight(context, workspace, { deletedAt: new Date() });
    const response = await workspace.owner.as.get(insightsUrl(workspace.id, `/${trashed.id}`));
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Insight not found');
  });
});

describe('PATCH /insights/:id', () => {
  it('edits the title, statement and status, with an audit event', async () => {
    const workspace = await createWorkspace(context);
    const insight = await createInsight(context, workspace, { title: 'Old', statement: 'Old statement' });
    const response = await workspace.owner.as.patch(insightsUrl(workspace.id, `/${insight.id}`), { title: 'New', statement: '', status: 'archived' });
    expect(response.statusCode).toBe(200);
    expect(InsightSchema.parse(response.json())).toMatchObject({ title: 'New', statement: null, status: 'archived' });
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, insight.id));
    expect(events).toMatchObject([{ action: 'insight.update', summary: 'Edited the title, statement, status of the problem “New”' }]);
  });

  it('moves an insight under another parent, or out from under one', async () => {
    const workspace = await createWorkspace(context);
    const [first, second] = [await createInsight(context, workspace), await createInsight(context, workspace)];
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', parentId: first.id });
    const moved = await workspace.owner.as.patch(insightsUrl(workspace.id, `/${opportunity.id}`), { parentId: second.id });
    expect(moved.json().parentId).toBe(second.id);
    const loose = await workspace.owner.as.patch(insightsUrl(workspace.id, `/${opportunity.id}`), { parentId: null });
    expect(loose.json().parentId).toBeNull();
  });

  it('refuses a type that does not suit the parent or the children (422 naming body.type)', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace, { title: 'Problem' });
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', title: 'Opportunity', parentId: problem.id });
    const patch = (id: string, body: object) => workspace.owner.as.patch(insightsUrl(workspace.id, `/${id}`), body);

    const withChildren = await patch(problem.id, { type: 'solution' });
    expect(withChildren.statusCode).toBe(422);
    expect(withChildren.json().errors).toEqual([{ path: 'body.type', message: '“Opportunity” sits under it and needs a problem above it' }]);
    const underProblem = await patch(opportunity.id, { type: 'solution' });
    expect(underProblem.statusCode).toBe(422);
    expect(errorPaths(underProblem)).toEqual(['body.type']);
    const rootWithParent = await patch(opportunity.id, { type: 'problem' });
    expect(rootWithParent.statusCode).toBe(422);
    expect(errorPaths(rootWithParent)).toEqual(['body.type']);

    // Leaving the parent in the same call makes it a root.
    const root = await patch(opportunity.id, { type: 'problem', parentId: null });
    expect(root.statusCode).toBe(200);
    expect(root.json()).toMatchObject({ type: 'problem', parentId: null });
  });

  it('refuses an insight as its own parent, and a problem as anyone’s child', async () => {
    const workspace = await createWorkspace(context);
    const opportunity = await createInsight(context, workspace, { type: 'opportunity' });
    const self = await workspace.owner.as.patch(insightsUrl(workspace.id, `/${opportunity.id}`), { parentId: opportunity.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors).toEqual([{ path: 'body.parentId', message: 'An insight cannot be its own parent' }]);
    const problem = await createInsight(context, workspace);
    const other = await createInsight(context, workspace);
    const underProblem = await workspace.owner.as.patch(insightsUrl(workspace.id, `/${problem.id}`), { parentId: other.id });
    expect(underProblem.statusCode).toBe(422);
    expect(errorPaths(underProblem)).toEqual(['body.parentId']);
  });

  it('answers 400 naming unknown fields, and 404 for an insight in the trash', async () => {
    const workspace = await createWorkspace(context);
    const insight = await createInsight(context, workspace);
    const unknown = await workspace.owner.as.patch(insightsUrl(workspace.id, `/${insight.id}`), { colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(errorPaths(unknown)).toEqual(['body']);
    const trashed = await createInsight(context, workspace, { deletedAt: new Date() });
    expect((await workspace.owner.as.patch(insightsUrl(workspace.id, `/${trashed.id}`), { title: 'x' })).statusCode).toBe(404);
  });
});

describe('the trash', () => {
  it('takes an insight out of lists, children and GET, and brings it back with its evidence, children and backlog links', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const problem = await createInsight(context, workspace);
    const child = await createInsight(context, workspace, { type: 'opportunity', parentId: problem.id });
    const item = await createBacklogItem(context, workspace);
    await context.db.insert(backlogInsights).values({ workspaceId: workspace.id, backlogItemId: item.id, insightId: problem.id });
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/evidence`), { highlightIds: [highlights[0]!.id] });

    expect((await workspace.owner.as.delete(insightsUrl(workspace.id, `/${problem.id}`))).statusCode).toBe(204);
    expect((await workspace.owner.as.get(insightsUrl(workspace.id, `/${problem.id}`))).statusCode).toBe(404);
    expect((await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/evidence`), { highlightIds: [highlights[1]!.id] })).statusCode).toBe(404);
    expect((await workspace.owner.as.delete(insightsUrl(workspace.id, `/${problem.id}`))).statusCode).toBe(404);
    expect((await listInsights(workspace)).items.map((item) => item.id)).toEqual([child.id]);
    // The child keeps pointing at its parent, which is hidden while in the trash.
    expect((await getInsight(workspace, child.id)).parentId).toBeNull();

    const restored = await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/restore`));
    expect(restored.statusCode).toBe(200);
    expect(InsightSchema.parse(restored.json())).toMatchObject({ id: problem.id, evidenceCount: 1 });
    const detail = await getInsight(workspace, problem.id);
    expect(detail.children.map((c) => c.id)).toEqual([child.id]);
    expect(detail.backlogItems.map((b) => b.id)).toEqual([item.id]);
    expect((await getInsight(workspace, child.id)).parent?.id).toBe(problem.id);
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, problem.id));
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['insight.delete', 'insight.restore', 'insight.evidence.link']));
    expect(events.find((event) => event.action === 'insight.restore')!.summary).toBe(`Restored the problem “${problem.title}” from the trash`);
  });

  it('drops the link to a trashed parent that a new type no longer suits, instead of refusing a change nobody can see', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace);
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', parentId: problem.id });
    const solution = await createInsight(context, workspace, { type: 'solution', parentId: opportunity.id, deletedAt: new Date() });
    await workspace.owner.as.delete(insightsUrl(workspace.id, `/${problem.id}`));
    const response = await workspace.owner.as.patch(insightsUrl(workspace.id, `/${opportunity.id}`), { type: 'problem' });
    expect(response.statusCode).toBe(200);
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/restore`));
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${solution.id}/restore`));
    expect((await getInsight(workspace, opportunity.id)).parentId).toBeNull();
    expect((await getInsight(workspace, problem.id)).children).toEqual([]);
    expect((await getInsight(workspace, solution.id)).parentId).toBeNull();
  });

  it('answers 404 when restoring an insight of another workspace', async () => {
    const workspace = await createWorkspace(context);
    const foreign = await createInsight(context, await createWorkspace(context), { deletedAt: new Date() });
    expect((await workspace.owner.as.post(insightsUrl(workspace.id, `/${foreign.id}/restore`))).statusCode).toBe(404);
  });

  it('lists only the trash, most recently trashed first, paged by cursor, with the counts and parent a restore would bring back', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);
    const live = await createInsight(context, workspace, { title: 'Live problem' });
    const trashedProblem = await createInsight(context, workspace, { title: 'Trashed problem', deletedAt: secondsAgo(30) });
    // Created before the others, trashed last: the trash sorts by when things went there.
    const trashedAt = secondsAgo(10);
    const underLive = await createInsight(context, workspace, { type: 'opportunity', title: 'Under the live one', parentId: live.id, createdAt: secondsAgo(600), deletedAt: trashedAt });
    const underTrashed = await createInsight(context, workspace, { type: 'opportunity', title: 'Under the trashed one', parentId: trashedProblem.id, deletedAt: secondsAgo(20) });
    await context.db.insert(insightHighlights).values(highlights.map((highlight) => ({ workspaceId: workspace.id, insightId: underLive.id, highlightId: highlight.id })));

    const trash = await listInsights(workspace, '?trash=true');
    expect(trash.total).toBe(3);
    expect(trash.items.map((item) => item.id)).toEqual([underLive.id, underTrashed.id, trashedProblem.id]);
    expect(trash.items[0]).toMatchObject({ parentId: live.id, evidenceCount: 4, customerCount: 2, deletedAt: trashedAt.toISOString() });
    // None of them went there by a merge.
    expect(trash.items.map((item) => item.merge)).toEqual([null, null, null]);
    // A parent in the trash is hidden, as after a restore of the child alone.
    expect(trash.items[1]!.parentId).toBeNull();
    expect((await listInsights(workspace, '?trash=false')).items.map((item) => [item.id, item.deletedAt])).toEqual([[live.id, null]]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listInsights(workspace, `?trash=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(trash.items.map((item) => item.id));

    const titles = async (query: string) => (await listInsights(workspace, `?trash=true&${query}`)).items.map((item) => item.title);
    expect(await titles('type=opportunity')).toEqual(['Under the live one', 'Under the trashed one']);
    expect(await titles(`parentId=${live.id}`)).toEqual(['Under the live one']);
    expect(await titles('q=trashed')).toEqual(['Under the trashed one', 'Trashed problem']);
  });

  it('restores from the trash list: the insight leaves it and comes back under its parent, or as a root until its parent is restored too', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace);
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', parentId: problem.id });
    await workspace.owner.as.delete(insightsUrl(workspace.id, `/${opportunity.id}`));
    await workspace.owner.as.delete(insightsUrl(workspace.id, `/${problem.id}`));
    expect((await listInsights(workspace, '?trash=true')).items.map((item) => item.id).sort()).toEqual([problem.id, opportunity.id].sort());

    const restored = await workspace.owner.as.post(insightsUrl(workspace.id, `/${opportunity.id}/restore`));
    expect(InsightSchema.parse(restored.json())).toMatchObject({ id: opportunity.id, parentId: null, deletedAt: null });
    expect((await listInsights(workspace, '?trash=true')).items.map((item) => item.id)).toEqual([problem.id]);
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/restore`));
    expect((await listInsights(workspace, '?trash=true')).total).toBe(0);
    expect((await getInsight(workspace, opportunity.id)).parentId).toBe(problem.id);
  });

  it("lets viewers read the trash but not restore from it (403), and never shows another workspace's trash", async () => {
    const workspace = await createWorkspace(context);
    const trashed = await createInsight(context, workspace, { deletedAt: new Date() });
    await createInsight(context, await createWorkspace(context), { deletedAt: new Date() });
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await viewer.as.get(`${insightsUrl(workspace.id)}?trash=true`);
    expect(response.statusCode).toBe(200);
    expect(InsightPageSchema.parse(response.json()).items.map((item) => item.id)).toEqual([trashed.id]);
    expect((await viewer.as.post(insightsUrl(workspace.id, `/${trashed.id}/restore`))).statusCode).toBe(403);
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.post(insightsUrl(workspace.id, `/${trashed.id}/restore`))).statusCode).toBe(403);
    const invalid = await viewer.as.get(`${insightsUrl(workspace.id)}?trash=maybe`);
    expect(errorPaths(invalid)).toEqual(['query.trash']);
  });
});

describe('evidence', () => {
  it('links highlights once: linking again changes nothing, and only new links are counted', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace);
    const evidenceUrl = insightsUrl(workspace.id, `/${insight.id}/evidence`);
    const first = await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id, highlights[1]!.id, highlights[0]!.id] });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ changed: 2 });
    expect((await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id] })).json()).toEqual({ changed: 0 });
    expect((await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[1]!.id, highlights[2]!.id] })).json()).toEqual({ changed: 1 });
    expect((await getInsight(workspace, insight.id)).evidenceCount).toBe(3);

    expect((await workspace.owner.as.delete(evidenceUrl, { highlightIds: [highlights[0]!.id, highlights[3]!.id] })).json()).toEqual({ changed: 1 });
    expect((await workspace.owner.as.delete(evidenceUrl, { highlightIds: [highlights[0]!.id] })).json()).toEqual({ changed: 0 });
    expect((await getInsight(workspace, insight.id)).evidenceCount).toBe(2);
    const actions = (await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, insight.id))).map((event) => event.action);
    expect(actions.sort()).toEqual(['insight.evidence.link', 'insight.evidence.link', 'insight.evidence.unlink']);
  });

  it('answers 404 naming body.highlightIds for a highlight of another workspace, linking none of them', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const mine = await createHighlight(context, workspace, await createSource(context, workspace));
    const theirs = await createHighlight(context, other, await createSource(context, other));
    const insight = await createInsight(context, workspace);
    const response = await workspace.owner.as.post(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: [mine.id, theirs.id] });
    expect(response.statusCode).toBe(404);
    expect(errorPaths(response)).toEqual(['body.highlightIds']);
    expect((await getInsight(workspace, insight.id)).evidenceCount).toBe(0);
    const unlink = await workspace.owner.as.delete(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: [theirs.id] });
    expect(unlink.statusCode).toBe(404);
    const theirInsight = await createInsight(context, other);
    expect((await workspace.owner.as.post(insightsUrl(workspace.id, `/${theirInsight.id}/evidence`), { highlightIds: [mine.id] })).statusCode).toBe(404);
  });

  it('answers 422 naming body.highlightIds for a highlight in the trash or of a source in the trash, but unlinks them', async () => {
    const workspace = await createWorkspace(context);
    const { highlights, margeSource } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace);
    const evidenceUrl = insightsUrl(workspace.id, `/${insight.id}/evidence`);
    await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id] });
    await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/highlights/${highlights[0]!.id}`);
    await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/sources/${margeSource.id}`);
    for (const highlight of [highlights[0]!, highlights[2]!]) {
      const response = await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[3]!.id, highlight.id] });
      expect(response.statusCode).toBe(422);
      expect(errorPaths(response)).toEqual(['body.highlightIds']);
    }
    expect((await workspace.owner.as.delete(evidenceUrl, { highlightIds: [highlights[0]!.id] })).json()).toEqual({ changed: 1 });
  });

  it('answers 400 for an empty or malformed list', async () => {
    const workspace = await createWorkspace(context);
    const insight = await createInsight(context, workspace);
    const empty = await workspace.owner.as.post(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: 'body.highlightIds', message: 'Choose at least one highlight' }]);
    expect(errorPaths(await workspace.owner.as.delete(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: ['x'] }))).toEqual(['body.highlightIds.0']);
  });

  it('drops out of the counts while a highlight or its source is in the trash, and comes back with them', async () => {
    const workspace = await createWorkspace(context);
    const { highlights, hankSource } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace);
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: highlights.map((h) => h.id) });
    const counts = async () => {
      const detail = await getInsight(workspace, insight.id);
      return [detail.evidenceCount, detail.customerCount, detail.evidence.length, detail.customers.length];
    };
    expect(await counts()).toEqual([4, 2, 4, 2]);

    const highlightUrl = `/api/workspaces/${workspace.id}/highlights/${highlights[2]!.id}`;
    await workspace.owner.as.delete(highlightUrl);
    expect(await counts()).toEqual([3, 1, 3, 1]);
    await workspace.owner.as.post(`${highlightUrl}/restore`);
    expect(await counts()).toEqual([4, 2, 4, 2]);

    const sourceUrl = `/api/workspaces/${workspace.id}/sources/${hankSource.id}`;
    await workspace.owner.as.delete(sourceUrl);
    expect(await counts()).toEqual([2, 1, 2, 1]);
    await workspace.owner.as.post(`${sourceUrl}/restore`);
    expect(await counts()).toEqual([4, 2, 4, 2]);
  });

  it('lets a contributor link evidence and unlink their own links, not those of others (403); a researcher unlinks any', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace);
    const evidenceUrl = insightsUrl(workspace.id, `/${insight.id}/evidence`);
    const contributor = await createMember(context, workspace, 'contributor');
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await contributor.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id] })).json()).toEqual({ changed: 1 });
    await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[1]!.id] });

    const others = await contributor.as.delete(evidenceUrl, { highlightIds: [highlights[0]!.id, highlights[1]!.id] });
    expect(others.statusCode).toBe(403);
    expect((await getInsight(workspace, insight.id)).evidenceCount).toBe(2);
    // A highlight that is not linked is no one's link: nothing to refuse.
    expect((await contributor.as.delete(evidenceUrl, { highlightIds: [highlights[0]!.id, highlights[2]!.id] })).json()).toEqual({ changed: 1 });
    expect((await researcher.as.delete(evidenceUrl, { highlightIds: [highlights[1]!.id] })).json()).toEqual({ changed: 1 });

    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id] })).statusCode).toBe(403);
    // A contributor token links as nobody in particular, so it can unlink nothing.
    const token = await createTokenCaller(context, workspace, 'contributor');
    expect((await token.post(evidenceUrl, { highlightIds: [highlights[3]!.id] })).json()).toEqual({ changed: 1 });
    expect((await token.delete(evidenceUrl, { highlightIds: [highlights[3]!.id] })).statusCode).toBe(403);
  });
});

describe('evidence importance', () => {
  const importancesOf = async (workspace: TestWorkspace, insightId: string) => {
    const page = pageOf(HighlightListItemSchema).parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?insightId=${insightId}`)).json());
    return Object.fromEntries(page.items.map((item) => [item.id, item.importance]));
  };

  it('links at the importance given (important by default), lists it with the evidence, and changes it, once, with an audit event', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace, { title: 'Declines' });
    const evidenceUrl = insightsUrl(workspace.id, `/${insight.id}/evidence`);
    expect((await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id] })).json()).toEqual({ changed: 1 });
    expect((await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id, highlights[1]!.id], importance: 'nice_to_have' })).json()).toEqual({ changed: 1 });
    expect(await importancesOf(workspace, insight.id)).toEqual({ [highlights[0]!.id]: 'important', [highlights[1]!.id]: 'nice_to_have' });
    expect((await getInsight(workspace, insight.id)).evidence.map((item) => item.importance).sort()).toEqual(['important', 'nice_to_have']);

    const change = (importance: string) => workspace.owner.as.patch(evidenceUrl, { highlightIds: [highlights[0]!.id, highlights[1]!.id], importance });
    expect((await change('critical')).json()).toEqual({ changed: 2 });
    expect((await change('critical')).json()).toEqual({ changed: 0 });
    expect(Object.values(await importancesOf(workspace, insight.id))).toEqual(['critical', 'critical']);
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, insight.id));
    expect(events.filter((event) => event.action === 'insight.evidence.importance').map((event) => event.summary)).toEqual(['Marked 2 highlights critical on the problem “Declines”']);
  });

  it("answers 404 naming body.highlightIds for a highlight not linked to it or of another workspace, 404 for another workspace's insight, 400 naming body.importance, changing nothing", async () => {
    const workspace = await createWorkspace(context);
    const elsewhere = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace);
    const foreignInsight = await createInsight(context, elsewhere);
    const foreignHighlight = await createHighlight(context, elsewhere, await createSource(context, elsewhere));
    await elsewhere.owner.as.post(insightsUrl(elsewhere.id, `/${foreignInsight.id}/evidence`), { highlightIds: [foreignHighlight.id] });
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: [highlights[0]!.id] });
    const change = (insightId: string, body: object) => workspace.owner.as.patch(insightsUrl(workspace.id, `/${insightId}/evidence`), body);
    for (const other of [highlights[1]!.id, foreignHighlight.id]) {
      const refused = await change(insight.id, { highlightIds: [highlights[0]!.id, other], importance: 'critical' });
      expect(refused.statusCode, refused.body).toBe(404);
      expect(errorPaths(refused)).toEqual(['body.highlightIds']);
    }
    expect((await change(foreignInsight.id, { highlightIds: [foreignHighlight.id], importance: 'critical' })).statusCode).toBe(404);
    const invalid = await change(insight.id, { highlightIds: [highlights[0]!.id], importance: 'urgent' });
    expect(invalid.statusCode).toBe(400);
    expect(errorPaths(invalid)).toEqual(['body.importance']);
    expect(await importancesOf(workspace, insight.id)).toEqual({ [highlights[0]!.id]: 'important' });
    expect(Object.values(await importancesOf(elsewhere, foreignInsight.id))).toEqual(['important']);
  });

  it('lets a contributor change only the links they made (403 for others), a researcher any, and a viewer none (403)', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const insight = await createInsight(context, workspace);
    const evidenceUrl = insightsUrl(workspace.id, `/${insight.id}/evidence`);
    const [viewer, contributor, researcher] = [await createMember(context, workspace, 'viewer'), await createMember(context, workspace, 'contributor'), await createMember(context, workspace, 'researcher')];
    await contributor.as.post(evidenceUrl, { highlightIds: [highlights[0]!.id] });
    await workspace.owner.as.post(evidenceUrl, { highlightIds: [highlights[1]!.id] });
    expect((await viewer.as.patch(evidenceUrl, { highlightIds: [highlights[0]!.id], importance: 'critical' })).statusCode).toBe(403);
    expect((await contributor.as.patch(evidenceUrl, { highlightIds: [highlights[0]!.id, highlights[1]!.id], importance: 'critical' })).statusCode).toBe(403);
    expect((await contributor.as.patch(evidenceUrl, { highlightIds: [highlights[0]!.id], importance: 'critical' })).json()).toEqual({ changed: 1 });
    expect((await researcher.as.patch(evidenceUrl, { highlightIds: [highlights[1]!.id], importance: 'nice_to_have' })).json()).toEqual({ changed: 1 });
    expect(await importancesOf(workspace, insight.id)).toEqual({ [highlights[0]!.id]: 'critical', [highlights[1]!.id]: 'nice_to_have' });
  });

  it("keeps importance through a merge and its restore: a moved link as it is on the survivor then, the merged one's copy of a shared link as it was", async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const [merged, survivor] = [await createInsight(context, workspace), await createInsight(context, workspace)];
    const linkAs = (insightId: string, ids: string[], importance: string) => workspace.owner.as.post(insightsUrl(workspace.id, `/${insightId}/evidence`), { highlightIds: ids, importance });
    await linkAs(merged.id, [highlights[0]!.id, highlights[1]!.id], 'critical');
    await linkAs(survivor.id, [highlights[1]!.id], 'nice_to_have');
    expect((await workspace.owner.as.post(insightsUrl(workspace.id, `/${merged.id}/merge`), { intoInsightId: survivor.id })).statusCode).toBe(200);
    // The survivor keeps its own judgement of a highlight it had.
    expect(await importancesOf(workspace, survivor.id)).toEqual({ [highlights[0]!.id]: 'critical', [highlights[1]!.id]: 'nice_to_have' });

    await workspace.owner.as.patch(insightsUrl(workspace.id, `/${survivor.id}/evidence`), { highlightIds: [highlights[0]!.id], importance: 'important' });
    expect((await workspace.owner.as.post(insightsUrl(workspace.id, `/${merged.id}/restore`))).statusCode).toBe(200);
    expect(await importancesOf(workspace, merged.id)).toEqual({ [highlights[0]!.id]: 'important', [highlights[1]!.id]: 'critical' });
    expect(await importancesOf(workspace, survivor.id)).toEqual({ [highlights[1]!.id]: 'nice_to_have' });
  });
});

describe('POST /insights/:id/merge', () => {
  const mergeUrl = (workspace: TestWorkspace, id: string) => insightsUrl(workspace.id, `/${id}/merge`);

  it('moves evidence, backlog links and children to the survivor once each, keeps its words, trashes the merged one, in one audit event', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const contributor = await createMember(context, workspace, 'contributor');
    const merged = await createInsight(context, workspace, { title: 'Card declines', statement: 'Said one way.' });
    const survivor = await createInsight(context, workspace, { title: 'Declines give no reason', statement: 'Said another way.', status: 'validated' });
    const link = (insightId: string, ids: string[], caller = workspace.owner.as) => caller.post(insightsUrl(workspace.id, `/${insightId}/evidence`), { highlightIds: ids });
    await link(merged.id, [highlights[0]!.id], contributor.as);
    await link(merged.id, [highlights[1]!.id, highlights[2]!.id]);
    await link(survivor.id, [highlights[1]!.id, highlights[3]!.id]);
    const [both, mergedOnly] = [await createBacklogItem(context, workspace), await createBacklogItem(context, workspace)];
    await context.db.insert(backlogInsights).values([
      { workspaceId: workspace.id, backlogItemId: both.id, insightId: merged.id },
      { workspaceId: workspace.id, backlogItemId: mergedOnly.id, insightId: merged.id },
      { workspaceId: workspace.id, backlogItemId: both.id, insightId: survivor.id },
    ]);
    const child = await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id });
    const trashedChild = await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id, deletedAt: new Date() });
    const ownChild = await createInsight(context, workspace, { type: 'opportunity', parentId: survivor.id });

    const response = await workspace.owner.as.post(mergeUrl(workspace, merged.id), { intoInsightId: survivor.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(InsightSchema.parse(response.json())).toMatchObject({
      id: survivor.id,
      title: 'Declines give no reason',
      statement: 'Said another way.',
      status: 'validated',
      evidenceCount: 4,
      customerCount: 2,
    });
    const detail = await getInsight(workspace, survivor.id);
    expect(detail.children.map((c) => c.id).sort()).toEqual([child.id, ownChild.id].sort());
    expect(detail.backlogItems.map((b) => b.id).sort()).toEqual([both.id, mergedOnly.id].sort());
    expect(await context.db.select().from(backlogInsights).where(eq(backlogInsights.backlogItemId, both.id))).toHaveLength(1);
    // A trashed child moves too: restored, it comes back under the survivor.
    const [moved] = await context.db.select().from(insights).where(eq(insights.id, trashedChild.id));
    expect(moved!.parentId).toBe(survivor.id);

    // The merged one is in the trash, empty.
    expect((await workspace.owner.as.get(insightsUrl(workspace.id, `/${merged.id}`))).statusCode).toBe(404);
    expect((await listInsights(workspace, '?trash=true')).items.find((item) => item.id === merged.id)).toMatchObject({ evidenceCount: 0 });
    expect(await context.db.select().from(insightHighlights).where(eq(insightHighlights.insightId, merged.id))).toEqual([]);

    const events = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'insight.merge')));
    expect(events).toMatchObject([
      {
        objectId: survivor.id,
        actorUserId: workspace.owner.id,
        summary:
          'Merged the problem “Card declines” into “Declines give no reason”: 3 highlights (1 already there), 2 backlog links (1 already there), and 2 child insights moved; “Card declines” is in the trash',
      },
    ]);
    // The trashing is part of the merge's event, not one of its own.
    const ofMerged = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, merged.id));
    expect(ofMerged.map((event) => event.action)).not.toContain('insight.delete');

    // A moved link is still the contributor's own: they may unlink it from the survivor.
    const unlinked = await contributor.as.delete(insightsUrl(workspace.id, `/${survivor.id}/evidence`), { highlightIds: [highlights[0]!.id] });
    expect(unlinked.json()).toEqual({ changed: 1 });
  });

  it('names in its audit event only what moved, or that nothing did', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const [merged, survivor, empty] = [await createInsight(context, workspace, { title: 'A' }), await createInsight(context, workspace, { title: 'B' }), await createInsight(context, workspace, { title: 'C' })];
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${merged.id}/evidence`), { highlightIds: [highlights[0]!.id] });
    expect((await workspace.owner.as.post(mergeUrl(workspace, merged.id), { intoInsightId: survivor.id })).statusCode).toBe(200);
    expect((await workspace.owner.as.post(mergeUrl(workspace, empty.id), { intoInsightId: survivor.id })).statusCode).toBe(200);

    const events = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'insight.merge')));
    expect(events.map((event) => event.summary).sort()).toEqual([
      'Merged the problem “A” into “B”: 1 highlight moved; “A” is in the trash',
      'Merged the problem “C” into “B”: nothing to move; “C” is in the trash',
    ]);
  });

  it('refuses a merge into its own descendant, into another type and into the trash (422 naming body.intoInsightId), changing nothing', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const problem = await createInsight(context, workspace, { title: 'Declines' });
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', title: 'Explain declines', parentId: problem.id });
    const solution = await createInsight(context, workspace, { type: 'solution', title: 'Reason in the app', parentId: opportunity.id });
    const trashed = await createInsight(context, workspace, { title: 'Old', deletedAt: new Date() });
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${problem.id}/evidence`), { highlightIds: [highlights[0]!.id] });

    const refusals = [
      [problem.id, solution.id, '“Reason in the app” sits under “Declines”: an insight cannot be merged into its own descendant'],
      [problem.id, opportunity.id, '“Explain declines” sits under “Declines”: an insight cannot be merged into its own descendant'],
      [opportunity.id, problem.id, 'An opportunity merges only into another opportunity; “Declines” is a problem'],
      [problem.id, trashed.id, '“Old” is in the trash; restore it first'],
    ] as const;
    for (const [id, intoInsightId, message] of refusals) {
      const response = await workspace.owner.as.post(mergeUrl(workspace, id), { intoInsightId });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().errors).toEqual([{ path: 'body.intoInsightId', message }]);
    }
    const self = await workspace.owner.as.post(mergeUrl(workspace, problem.id), { intoInsightId: problem.id });
    expect(self.statusCode).toBe(400);
    expect(errorPaths(self)).toEqual(['body.intoInsightId']);
    // The merged one must be outside the trash.
    expect((await workspace.owner.as.post(mergeUrl(workspace, trashed.id), { intoInsightId: problem.id })).statusCode).toBe(404);

    const detail = await getInsight(workspace, problem.id);
    expect(detail).toMatchObject({ evidenceCount: 1, children: [{ id: opportunity.id }] });
    expect((await getInsight(workspace, opportunity.id)).children.map((c) => c.id)).toEqual([solution.id]);
  });

  it("answers 404 for another workspace's insight on either side, and 400 for a missing or malformed intoInsightId", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const ours = await createInsight(context, workspace);
    const theirs = await createInsight(context, other);
    const into = await workspace.owner.as.post(mergeUrl(workspace, ours.id), { intoInsightId: theirs.id });
    expect(into.statusCode).toBe(404);
    expect(errorPaths(into)).toEqual(['body.intoInsightId']);
    expect((await workspace.owner.as.post(mergeUrl(workspace, theirs.id), { intoInsightId: ours.id })).statusCode).toBe(404);
    expect((await other.owner.as.post(insightsUrl(workspace.id, `/${ours.id}/merge`), { intoInsightId: ours.id })).statusCode).toBe(404);
    expect((await getInsight(workspace, ours.id)).id).toBe(ours.id);
    expect(InsightDetailSchema.parse((await other.owner.as.get(insightsUrl(other.id, `/${theirs.id}`))).json()).id).toBe(theirs.id);

    for (const body of [{}, { intoInsightId: 'nope' }, { intoInsightId: theirs.id, title: 'New' }]) {
      const response = await workspace.owner.as.post(mergeUrl(workspace, ours.id), body);
      expect(response.statusCode).toBe(400);
    }
  });

  it('is for researchers and up: a contributor gets 403 and nothing moves', async () => {
    const workspace = await createWorkspace(context);
    const [merged, survivor] = [await createInsight(context, workspace), await createInsight(context, workspace)];
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.post(mergeUrl(workspace, merged.id), { intoInsightId: survivor.id })).statusCode).toBe(403);
    expect((await getInsight(workspace, merged.id)).deletedAt).toBeNull();
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.post(mergeUrl(workspace, merged.id), { intoInsightId: survivor.id })).statusCode).toBe(200);
  });

  it('lets one of two opposite merges at once win; the other finds its survivor in the trash', async () => {
    const workspace = await createWorkspace(context);
    const [first, second] = [await createInsight(context, workspace), await createInsight(context, workspace)];
    const answers = await Promise.all([
      workspace.owner.as.post(mergeUrl(workspace, first.id), { intoInsightId: second.id }),
      workspace.owner.as.post(mergeUrl(workspace, second.id), { intoInsightId: first.id }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 422]);
    expect((await listInsights(workspace)).items).toHaveLength(1);
  });
});

describe('GET /insights/:id/merge-preview', () => {
  const previewUrl = (workspace: TestWorkspace, id: string, intoInsightId: string) => insightsUrl(workspace.id, `/${id}/merge-preview?intoInsightId=${intoInsightId}`);

  it('counts what would move as the pages show it, and how much of it the survivor has already, writing nothing', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const merged = await createInsight(context, workspace, { title: 'Card declines' });
    const survivor = await createInsight(context, workspace, { title: 'Declines give no reason' });
    const link = (insightId: string, ids: string[]) => workspace.owner.as.post(insightsUrl(workspace.id, `/${insightId}/evidence`), { highlightIds: ids });
    await link(merged.id, [highlights[0]!.id, highlights[1]!.id, highlights[2]!.id, highlights[3]!.id]);
    await link(survivor.id, [highlights[1]!.id, highlights[3]!.id]);
    // A highlight in the trash counts on neither side.
    await context.db.update(highlightsTable).set({ deletedAt: new Date() }).where(eq(highlightsTable.id, highlights[3]!.id));
    const [both, mergedOnly, trashedItem] = [await createBacklogItem(context, workspace), await createBacklogItem(context, workspace), await createBacklogItem(context, workspace)];
    await context.db.update(backlogItemsTable).set({ deletedAt: new Date() }).where(eq(backlogItemsTable.id, trashedItem.id));
    await context.db.insert(backlogInsights).values([
      { workspaceId: workspace.id, backlogItemId: both.id, insightId: merged.id },
      { workspaceId: workspace.id, backlogItemId: mergedOnly.id, insightId: merged.id },
      { workspaceId: workspace.id, backlogItemId: trashedItem.id, insightId: merged.id },
      { workspaceId: workspace.id, backlogItemId: both.id, insightId: survivor.id },
    ]);
    await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id });
    await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id, deletedAt: new Date() });

    const response = await workspace.owner.as.get(previewUrl(workspace, merged.id, survivor.id));
    expect(response.statusCode, response.body).toBe(200);
    expect(MergeInsightPreviewSchema.strict().parse(response.json())).toEqual({ highlights: 3, highlightsAlreadyThere: 1, backlogItems: 2, backlogItemsAlreadyThere: 1, children: 1 });
    expect(await getInsight(workspace, merged.id)).toMatchObject({ evidenceCount: 3, deletedAt: null });
    expect((await getInsight(workspace, survivor.id)).evidenceCount).toBe(1);
  });

  it('refuses what the merge refuses: 422 naming query.intoInsightId, 400 for itself or a missing id, 404 for another workspace, 403 for a contributor', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const problem = await createInsight(context, workspace, { title: 'Declines' });
    const opportunity = await createInsight(context, workspace, { type: 'opportunity', title: 'Explain declines', parentId: problem.id });
    const trashed = await createInsight(context, workspace, { title: 'Old', deletedAt: new Date() });
    const theirs = await createInsight(context, other);

    const refusals = [
      [problem.id, opportunity.id, '“Explain declines” sits under “Declines”: an insight cannot be merged into its own descendant'],
      [opportunity.id, problem.id, 'An opportunity merges only into another opportunity; “Declines” is a problem'],
      [problem.id, trashed.id, '“Old” is in the trash; restore it first'],
    ] as const;
    for (const [id, intoInsightId, message] of refusals) {
      const response = await workspace.owner.as.get(previewUrl(workspace, id, intoInsightId));
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().errors).toEqual([{ path: 'query.intoInsightId', message }]);
    }
    const self = await workspace.owner.as.get(previewUrl(workspace, problem.id, problem.id));
    expect(self.statusCode).toBe(400);
    expect(errorPaths(self)).toEqual(['query.intoInsightId']);
    expect((await workspace.owner.as.get(insightsUrl(workspace.id, `/${problem.id}/merge-preview`))).statusCode).toBe(400);
    expect((await workspace.owner.as.get(previewUrl(workspace, problem.id, theirs.id))).statusCode).toBe(404);
    expect((await workspace.owner.as.get(previewUrl(workspace, theirs.id, problem.id))).statusCode).toBe(404);
    expect((await workspace.owner.as.get(previewUrl(workspace, trashed.id, problem.id))).statusCode).toBe(404);
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.get(previewUrl(workspace, problem.id, (await createInsight(context, workspace)).id))).statusCode).toBe(403);
  });
});

describe('restoring a merged insight', () => {
  const mergeUrl = (workspace: TestWorkspace, id: string) => insightsUrl(workspace.id, `/${id}/merge`);
  const restoreUrl = (workspace: TestWorkspace, id: string) => insightsUrl(workspace.id, `/${id}/restore`);
  const linkEvidence = (workspace: TestWorkspace, insightId: string, ids: string[], caller = workspace.owner.as) => caller.post(insightsUrl(workspace.id, `/${insightId}/evidence`), { highlightIds: ids });
  const backlogEvidenceUrl = (workspace: TestWorkspace, itemId: string) => `/api/workspaces/${workspace.id}/backlog-items/${itemId}/evidence`;

  async function merge(workspace: TestWorkspace, id: string, intoInsightId: string) {
    const response = await workspace.owner.as.post(mergeUrl(workspace, id), { intoInsightId });
    expect(response.statusCode, response.body).toBe(200);
  }

  async function restore(workspace: TestWorkspace, id: string) {
    const response = await workspace.owner.as.post(restoreUrl(workspace, id));
    expect(response.statusCode, response.body).toBe(200);
    return InsightSchema.parse(response.json());
  }

  /** Every link, parent and promotion of the workspace's insights, with who made each link and when: what undoing a merge must put back. */
  async function insightState(workspace: TestWorkspace) {
    const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
    return {
      evidence: sorted(await context.db.select({ insightId: insightHighlights.insightId, highlightId: insightHighlights.highlightId, createdBy: insightHighlights.createdBy, createdAt: insightHighlights.createdAt }).from(insightHighlights).where(eq(insightHighlights.workspaceId, workspace.id))),
      backlog: sorted(await context.db.select({ insightId: backlogInsights.insightId, itemId: backlogInsights.backlogItemId, createdBy: backlogInsights.createdBy, createdAt: backlogInsights.createdAt }).from(backlogInsights).where(eq(backlogInsights.workspaceId, workspace.id))),
      parents: sorted(await context.db.select({ id: insights.id, parentId: insights.parentId }).from(insights).where(eq(insights.workspaceId, workspace.id))),
      promotions: sorted(await context.db.select({ id: clusters.id, insightId: clusters.promotedInsightId }).from(clusters).where(eq(clusters.workspaceId, workspace.id))),
    };
  }

  async function promoteCluster(workspace: TestWorkspace, insightId: string) {
    const [run] = await context.db.insert(clusterRuns).values({ workspaceId: workspace.id, params: { scope: { target: 'highlights' }, k: 2, seed: 1 } as never, status: 'done' }).returning();
    const [cluster] = await context.db.insert(clusters).values({ workspaceId: workspace.id, runId: run!.id, position: 0, label: 'declines', terms: ['declines'], promotedInsightId: insightId }).returning();
    return cluster!;
  }

  async function trashed(workspace: TestWorkspace, id: string) {
    return (await listInsights(workspace, '?trash=true')).items.find((item) => item.id === id);
  }

  it('takes back the evidence, backlog links, children and clusters it gave, as they were, and the survivor keeps what it had; the trash says so first', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const contributor = await createMember(context, workspace, 'contributor');
    const merged = await createInsight(context, workspace, { title: 'Card declines' });
    const survivor = await createInsight(context, workspace, { title: 'Declines give no reason' });
    await linkEvidence(workspace, merged.id, [highlights[0]!.id], contributor.as);
    await linkEvidence(workspace, merged.id, [highlights[1]!.id, highlights[2]!.id]);
    await linkEvidence(workspace, survivor.id, [highlights[1]!.id, highlights[3]!.id], contributor.as);
    const [both, mergedOnly] = [await createBacklogItem(context, workspace), await createBacklogItem(context, workspace)];
    await contributor.as.post(backlogEvidenceUrl(workspace, both.id), { insightIds: [merged.id, survivor.id] });
    await workspace.owner.as.post(backlogEvidenceUrl(workspace, mergedOnly.id), { insightIds: [merged.id] });
    const child = await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id });
    await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id, deletedAt: new Date() });
    await createInsight(context, workspace, { type: 'opportunity', parentId: survivor.id });
    await promoteCluster(workspace, merged.id);
    const before = await insightState(workspace);

    await merge(workspace, merged.id, survivor.id);
    // Counted as the restored insight will show them: the trashed child comes back too, unseen.
    expect(await trashed(workspace, merged.id)).toMatchObject({
      evidenceCount: 0,
      merge: { into: { id: survivor.id, title: 'Declines give no reason' }, intoMergedSince: false, highlights: 3, backlogItems: 2, children: 1 },
    });

    expect(await restore(workspace, merged.id)).toMatchObject({ id: merged.id, deletedAt: null, evidenceCount: 3, customerCount: 2, merge: null });
    expect(await insightState(workspace)).toEqual(before);
    const detail = await getInsight(workspace, merged.id);
    expect(detail.children.map((c) => c.id)).toEqual([child.id]);
    expect(detail.backlogItems.map((b) => b.id).sort()).toEqual([both.id, mergedOnly.id].sort());
    expect(await getInsight(workspace, survivor.id)).toMatchObject({ evidenceCount: 2, backlogItems: [{ id: both.id }] });
    const [record] = await context.db.select({ mergedIntoId: insights.mergedIntoId, mergeMoves: insights.mergeMoves }).from(insights).where(eq(insights.id, merged.id));
    expect(record).toEqual({ mergedIntoId: null, mergeMoves: null });
    expect(await trashed(workspace, merged.id)).toBeUndefined();

    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, merged.id), eq(auditEvents.action, 'insight.restore')));
    expect(event!.summary).toBe(
      'Restored the problem “Card declines” from the trash, taking back from “Declines give no reason” what the merge gave it: ' +
        '3 highlights (1 still on “Declines give no reason” too), 2 backlog links (1 still on “Declines give no reason” too) and 2 child insights',
    );
    // Still the contributor's own link: they may unlink it.
    expect((await contributor.as.delete(insightsUrl(workspace.id, `/${merged.id}/evidence`), { highlightIds: [highlights[0]!.id] })).json()).toEqual({ changed: 1 });
  });

  it('leaves what changed on the survivor since as it is: links removed stay removed, links made since stay there, children moved away stay away', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const quotes = await Promise.all([0, 10, 20, 30, 40, 50].map((start) => createHighlight(context, workspace, source, { start, end: start + 5 })));
    const [unlinked, relinked, shared, kept, deletedForGood, trashedSince] = quotes;
    const merged = await createInsight(context, workspace, { title: 'Card declines' });
    const survivor = await createInsight(context, workspace, { title: 'Declines give no reason' });
    const elsewhere = await createInsight(context, workspace, { title: 'Somewhere else' });
    await linkEvidence(workspace, merged.id, quotes.map((quote) => quote!.id));
    await linkEvidence(workspace, survivor.id, [shared!.id]);
    const [itemUnlinked, itemKept, itemDeletedForGood] = [await createBacklogItem(context, workspace), await createBacklogItem(context, workspace), await createBacklogItem(context, workspace)];
    for (const item of [itemUnlinked, itemKept, itemDeletedForGood]) await workspace.owner.as.post(backlogEvidenceUrl(workspace, item.id), { insightIds: [merged.id] });
    const [movedAway, stayed] = [await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id }), await createInsight(context, workspace, { type: 'opportunity', parentId: merged.id })];

    await merge(workspace, merged.id, survivor.id);
    const survivorEvidenceUrl = insightsUrl(workspace.id, `/${survivor.id}/evidence`);
    await workspace.owner.as.delete(survivorEvidenceUrl, { highlightIds: [unlinked!.id, relinked!.id, shared!.id] });
    await linkEvidence(workspace, survivor.id, [relinked!.id]);
    const madeSince = await createHighlight(context, workspace, source, { start: 60, end: 65 });
    await linkEvidence(workspace, survivor.id, [madeSince.id]);
    await context.db.delete(highlightsTable).where(eq(highlightsTable.id, deletedForGood!.id));
    await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/highlights/${trashedSince!.id}`);
    await workspace.owner.as.delete(backlogEvidenceUrl(workspace, itemUnlinked.id), { insightIds: [survivor.id] });
    const itemMadeSince = await createBacklogItem(context, workspace);
    await workspace.owner.as.post(backlogEvidenceUrl(workspace, itemMadeSince.id), { insightIds: [survivor.id] });
    await context.db.delete(backlogItemsTable).where(eq(backlogItemsTable.id, itemDeletedForGood.id));
    await workspace.owner.as.patch(insightsUrl(workspace.id, `/${movedAway.id}`), { parentId: elsewhere.id });

    // The trashed highlight comes back linked, but counts for nothing until it is restored.
    expect((await trashed(workspace, merged.id))!.merge).toMatchObject({ highlights: 1, backlogItems: 1, children: 1 });
    await restore(workspace, merged.id);
    const evidenceOf = async (insightId: string) =>
      (await context.db.select({ id: insightHighlights.highlightId }).from(insightHighlights).where(eq(insightHighlights.insightId, insightId))).map((row) => row.id).sort();
    expect(await evidenceOf(merged.id)).toEqual([kept!.id, trashedSince!.id].sort());
    expect(await evidenceOf(survivor.id)).toEqual([relinked!.id, madeSince.id].sort());
    const restored = await getInsight(workspace, merged.id);
    expect(restored).toMatchObject({ evidenceCount: 1, backlogItems: [{ id: itemKept.id }], children: [{ id: stayed.id }] });
    expect(await getInsight(workspace, survivor.id)).toMatchObject({ evidenceCount: 2, backlogItems: [{ id: itemMadeSince.id }], children: [] });
    expect((await getInsight(workspace, elsewhere.id)).children.map((c) => c.id)).toEqual([movedAway.id]);
  });

  it('asks to restore the survivor first while it is merged into a third (409), then undoes both merges in turn', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const [first, second, third] = [
      await createInsight(context, workspace, { title: 'First' }),
      await createInsight(context, workspace, { title: 'Second' }),
      await createInsight(context, workspace, { title: 'Third' }),
    ];
    await linkEvidence(workspace, first.id, [highlights[0]!.id, highlights[1]!.id]);
    await linkEvidence(workspace, second.id, [highlights[1]!.id, highlights[2]!.id]);
    await linkEvidence(workspace, third.id, [highlights[2]!.id, highlights[3]!.id]);
    const before = await insightState(workspace);
    await merge(workspace, first.id, second.id);
    await merge(workspace, second.id, third.id);

    expect((await trashed(workspace, first.id))!.merge).toMatchObject({ into: { id: second.id, title: 'Second' }, intoMergedSince: true });
    const refused = await workspace.owner.as.post(restoreUrl(workspace, first.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'conflict', detail: '“Second”, which “First” was merged into, has since been merged into another problem: restore “Second” from the trash first' });
    expect(await trashed(workspace, first.id)).toMatchObject({ deletedAt: expect.any(String) });

    await restore(workspace, second.id);
    expect((await trashed(workspace, first.id))!.merge).toMatchObject({ intoMergedSince: false, highlights: 2 });
    await restore(workspace, first.id);
    expect(await insightState(workspace)).toEqual(before);
    expect((await getInsight(workspace, third.id)).evidenceCount).toBe(2);
  });

  it('takes back from a survivor that is in the trash without a merge, which keeps the rest', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const [merged, survivor] = [await createInsight(context, workspace), await createInsight(context, workspace)];
    await linkEvidence(workspace, merged.id, [highlights[0]!.id]);
    await linkEvidence(workspace, survivor.id, [highlights[1]!.id]);
    await merge(workspace, merged.id, survivor.id);
    await workspace.owner.as.delete(insightsUrl(workspace.id, `/${survivor.id}`));
    expect((await trashed(workspace, merged.id))!.merge).toMatchObject({ intoMergedSince: false, highlights: 1 });
    expect(await restore(workspace, merged.id)).toMatchObject({ evidenceCount: 1 });
    expect(await restore(workspace, survivor.id)).toMatchObject({ evidenceCount: 1 });
  });

  it("answers 404 for another workspace's merged insight, and moves nothing", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const { highlights } = await evidenceSet(other);
    const [merged, survivor] = [await createInsight(context, other), await createInsight(context, other)];
    await linkEvidence(other, merged.id, [highlights[0]!.id]);
    await merge(other, merged.id, survivor.id);
    expect((await workspace.owner.as.post(insightsUrl(workspace.id, `/${merged.id}/restore`))).statusCode).toBe(404);
    expect((await other.owner.as.post(insightsUrl(workspace.id, `/${merged.id}/restore`))).statusCode).toBe(404);
    expect((await getInsight(other, survivor.id)).evidenceCount).toBe(1);
  });
});

describe('GET /highlights?insightId=', () => {
  it('lists the evidence of one insight, newest first, with a total', async () => {
    const workspace = await createWorkspace(context);
    const { highlights } = await evidenceSet(workspace);
    const [insight, other] = [await createInsight(context, workspace), await createInsight(context, workspace)];
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${insight.id}/evidence`), { highlightIds: [highlights[0]!.id, highlights[2]!.id] });
    await workspace.owner.as.post(insightsUrl(workspace.id, `/${other.id}/evidence`), { highlightIds: [highlights[1]!.id] });
    const page = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?insightId=${insight.id}&limit=1`)).json();
    expect(page.total).toBe(2);
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([highlights[2]!.id]);
    const next = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?insightId=${insight.id}&limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((item: { id: string }) => item.id)).toEqual([highlights[0]!.id]);
  });
});
