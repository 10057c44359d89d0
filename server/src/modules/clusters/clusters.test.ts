import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ClusterMemberPageSchema, ClusterRunPageSchema, ClusterRunSchema, ClusterSchema, ClusterScopeCountSchema, InsightDetailSchema, InsightSchema, type ClusterRun } from '@cairn/shared';
import { auditEvents, backlogHighlights, clusters, companies, highlights, insightHighlights, insights, sources } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createBacklogItem, createCustomer, createHighlight, createInsight, createMember, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const BANKING77 = new URL('../../../../../shared/datasets/banking77/train.csv', import.meta.url);
/** Three intents of the real data set far enough apart that three clusters should find them. */
const INTENTS = ['card_arrival', 'exchange_rate', 'lost_or_stolen_phone'];
const PER_INTENT = 25;

type Row = { text: string; category: string };
const records = parse(fs.readFileSync(BANKING77), { columns: true }) as Row[];
const rows = records.filter((row) => INTENTS.includes(row.category));
const sample = INTENTS.flatMap((intent) => rows.filter((row) => row.category === intent).slice(0, PER_INTENT));

const runsUrl = (ws: string, path = '') => `/api/workspaces/${ws}/cluster-runs${path}`;
const clustersUrl = (ws: string, path = '') => `/api/workspaces/${ws}/clusters${path}`;

/** The sample as tickets of the workspace; the intent of each, by source id. */
async function seedTickets(workspace: TestWorkspace) {
  const inserted = await context.db
    .insert(sources)
    .values(sample.map((row, index) => ({ workspaceId: workspace.id, kind: 'ticket' as const, title: `Ticket ${index + 1}`, body: row.text, createdBy: workspace.owner.id })))
    .returning();
  return { tickets: inserted, intentOf: new Map(inserted.map((source, index) => [source.id, sample[index]!.category])) };
}

async function startRun(workspace: TestWorkspace, body: object) {
  const response = await workspace.owner.as.post(runsUrl(workspace.id), body);
  expect(response.statusCode, response.body).toBe(202);
  return (response.json() as { id: string }).id;
}

/** Polls the run until it has ended. */
async function finishedRun(workspace: TestWorkspace, id: string): Promise<ClusterRun> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const response = await workspace.owner.as.get(runsUrl(workspace.id, `/${id}`));
    expect(response.statusCode, response.body).toBe(200);
    const run = ClusterRunSchema.parse(response.json());
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The cluster run ${id} did not finish`);
}

async function allMembers(workspace: TestWorkspace, clusterId: string, limit = 7) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const response = await workspace.owner.as.get(clustersUrl(workspace.id, `/${clusterId}/members${query}`));
    expect(response.statusCode, response.body).toBe(200);
    const page = ClusterMemberPageSchema.parse(response.json());
    ids.push(...page.items.map((member) => member.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('a cluster run over tickets', () => {
  it('groups real support tickets by what they are about, with labels, terms and scores, reproducibly', async () => {
    const workspace = await createWorkspace(context);
    const { intentOf } = await seedTickets(workspace);
    const id = await startRun(workspace, { scope: { target: 'sources', kinds: ['ticket'] }, k: 3, seed: 7 });
    const run = await finishedRun(workspace, id);
    expect(run).toMatchObject({ status: 'done', progress: 1, k: 3, textCount: sample.length, params: { k: 3, seed: 7, scope: { target: 'sources' } } });
    expect(run.clusters).toHaveLength(3);
    expect(run.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(sample.length - run.unclusteredCount!);
    for (const cluster of run.clusters) {
      expect(cluster.label).not.toBe('');
      expect(cluster.terms.length).toBeGreaterThan(0);
      expect(cluster.members.length).toBe(Math.min(cluster.size, 20));
      expect(cluster.members.every((member) => member.type === 'source' && member.score >= 0 && member.score <= 1)).toBe(true);
      // Members come best first.
      expect(cluster.members.map((member) => member.score)).toEqual([...cluster.members.map((member) => member.score)].sort((a, b) => b - a));
      // Each cluster is mostly one intent.
      const intents = cluster.members.map((member) => intentOf.get(member.id));
      const commonest = Math.max(...INTENTS.map((intent) => intents.filter((found) => found === intent).length));
      expect(commonest / intents.length).toBeGreaterThanOrEqual(0.8);
    }
    expect(new Set(run.clusters.map((cluster) => intentOf.get(cluster.members[0]!.id))).size).toBe(3);

    const again = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'sources', kinds: ['ticket'] }, k: 3, seed: 7 }));
    const shape = (found: ClusterRun) => found.clusters.map((cluster) => ({ label: cluster.label, terms: cluster.terms, members: cluster.members.map((member) => [member.id, member.score]) }));
    expect(shape(again)).toEqual(shape(run));

    const listed = ClusterRunPageSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id))).json());
    expect(listed.items.map((item) => item.id)).toEqual([again.id, run.id]);
    // Each run in the list carries the labels of its three largest clusters.
    expect(listed.items.map((item) => item.topLabels)).toEqual([again, run].map((found) => found.clusters.map((cluster) => cluster.label)));
    const audit = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.objectId, id)));
    expect(audit.map((event) => event.action).sort()).toEqual(['cluster_run.complete', 'cluster_run.start']);
  });

  it('groups survey answers by what they say, not by the question they answer', async () => {
    const workspace = await createWorkspace(context);
    const questions = ['What is the main reason for your score?', 'What should we improve first?'];
    // Each topic answers both questions, alternately.
    const answers = sample.filter((row) => row.category !== 'lost_or_stolen_phone');
    const inserted = await context.db
      .insert(sources)
      .values(answers.map((row, index) => ({ workspaceId: workspace.id, kind: 'survey_response' as const, title: questions[index % 2]!, body: row.text, createdBy: workspace.owner.id })))
      .returning();
    const topicOf = new Map(inserted.map((source, index) => [source.id, answers[index]!.category]));

    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'sources', kinds: ['survey_response'] }, k: 2, seed: 7 }));
    expect(run.status, run.failure ?? '').toBe('done');
    // Each cluster is mostly one topic, a different one each: grouped by question, each would be half and half.
    const mainTopics = [];
    for (const cluster of run.clusters) {
      const topics = (await allMembers(workspace, cluster.id, 50)).map((memberId) => topicOf.get(memberId));
      const mainTopic = topics[0];
      expect(topics.filter((topic) => topic === mainTopic).length / topics.length, cluster.label).toBeGreaterThan(0.8);
      mainTopics.push(mainTopic);
    }
    expect(new Set(mainTopics).size).toBe(2);
  });

  it('chooses k itself for auto, and picks a seed when none is given', async () => {
    const workspace = await createWorkspace(context);
    await seedTickets(workspace);
    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'sources' } }));
    expect(run.status, run.failure ?? '').toBe('done');
    expect(run.params.k).toBe('auto');
    expect(Number.isInteger(run.params.seed)).toBe(true);
    expect(run.k).toBeGreaterThanOrEqual(2);
    expect(run.clusters).toHaveLength(run.k!);
    expect(run.silhouette).not.toBeNull();
  });

  it('clusters highlights within the scope only: tagged, of a kind, in a date range', async () => {
    const workspace = await createWorkspace(context);
    const { tickets } = await seedTickets(workspace);
    const billing = await createTag(context, workspace, { name: 'Billing' });
    const tagged = await Promise.all(tickets.slice(0, 30).map((ticket) => createHighlight(context, workspace, ticket, { tagIds: [billing.id] })));
    await Promise.all(tickets.slice(30, 40).map((ticket) => createHighlight(context, workspace, ticket)));
    const interview = await createSource(context, workspace, { kind: 'interview', occurredAt: new Date('2020-01-01') });
    await createHighlight(context, workspace, interview, { tagIds: [billing.id] });

    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'highlights', tagIds: [billing.id], kinds: ['ticket'], from: '2021-01-01' }, k: 2, seed: 1 }));
    expect(run.status, run.failure ?? '').toBe('done');
    expect(run.textCount).toBe(30);
    const memberIds = new Set(run.clusters.flatMap((cluster) => cluster.members.map((member) => member.id)));
    expect([...memberIds].every((memberId) => tagged.some((highlight) => highlight.id === memberId))).toBe(true);
    expect(run.clusters[0]!.members[0]).toMatchObject({ type: 'highlight', source: { kind: 'ticket' } });
  });

  it('leaves out sources that already have a tagged highlight when asked for the untagged ones', async () => {
    const workspace = await createWorkspace(context);
    const { tickets } = await seedTickets(workspace);
    const tag = await createTag(context, workspace);
    await Promise.all(tickets.slice(0, 10).map((ticket) => createHighlight(context, workspace, ticket, { tagIds: [tag.id] })));
    await createHighlight(context, workspace, tickets[10]!);
    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'sources', untagged: true }, k: 3, seed: 2 }));
    expect(run.textCount).toBe(sample.length - 10);
  });

  it('leaves out sources someone has triaged — tagged, or evidence of a live problem or backlog item — when asked for the untriaged ones', async () => {
    const workspace = await createWorkspace(context);
    const { tickets } = await seedTickets(workspace);
    const tag = await createTag(context, workspace);
    const problem = await createInsight(context, workspace);
    const trashedProblem = await createInsight(context, workspace, { deletedAt: new Date() });
    const item = await createBacklogItem(context, workspace);
    await Promise.all(tickets.slice(0, 10).map((ticket) => createHighlight(context, workspace, ticket, { tagIds: [tag.id] })));
    const linkTo = async (ticket: (typeof tickets)[number], link: (highlightId: string) => Promise<unknown>) => link((await createHighlight(context, workspace, ticket)).id);
    await Promise.all(tickets.slice(10, 15).map((ticket) => linkTo(ticket, (highlightId) => context.db.insert(insightHighlights).values({ workspaceId: workspace.id, insightId: problem.id, highlightId }))));
    await Promise.all(tickets.slice(15, 18).map((ticket) => linkTo(ticket, (highlightId) => context.db.insert(backlogHighlights).values({ workspaceId: workspace.id, backlogItemId: item.id, highlightId }))));
    // Evidence of a problem in the trash has not been triaged: it stays in scope.
    await Promise.all(tickets.slice(18, 20).map((ticket) => linkTo(ticket, (highlightId) => context.db.insert(insightHighlights).values({ workspaceId: workspace.id, insightId: trashedProblem.id, highlightId }))));

    const count = async (scope: object) => (await workspace.owner.as.post(runsUrl(workspace.id, '/scope-count'), { scope })).json();
    expect(await count({ target: 'sources', untriaged: true })).toEqual({ count: sample.length - 18, overLimit: false });
    expect(await count({ target: 'sources', untagged: true })).toEqual({ count: sample.length - 10, overLimit: false });
    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'sources', untriaged: true }, k: 3, seed: 2 }));
    expect(run.textCount).toBe(sample.length - 18);
    const linked = new Set(tickets.slice(0, 18).map((ticket) => ticket.id));
    expect(run.clusters.flatMap((cluster) => cluster.members).some((member) => linked.has(member.source.id))).toBe(false);

    // Promoting a cluster makes its members evidence of a problem: triaged, they leave the scope.
    const promoted = run.clusters[0]!;
    const response = await workspace.owner.as.post(clustersUrl(workspace.id, `/${promoted.id}/promote`), {});
    expect(response.statusCode, response.body).toBe(201);
    expect(await count({ target: 'sources', untriaged: true })).toEqual({ count: sample.length - 18 - promoted.size, overLimit: false });
  });
});

/** Scopes against the rules themselves, whatever the number of clusters: refused alike by a run and by its count. */
const SCOPE_REFUSALS: Array<[string, { scope: object }, number, string]> = [
  ['interviews as whole sources', { scope: { target: 'sources', kinds: ['interview'] } }, 422, 'body.scope.kinds'],
  ['untagged for highlights', { scope: { target: 'highlights', untagged: true } }, 422, 'body.scope.untagged'],
  ['untriaged for highlights', { scope: { target: 'highlights', untriaged: true } }, 422, 'body.scope.untriaged'],
  ['dates the wrong way round', { scope: { target: 'sources', from: '2024-05-02', to: '2024-05-01' } }, 400, 'body.scope.to'],
  ['an unknown filter', { scope: { target: 'sources', customerId: crypto.randomUUID() } }, 400, 'body.scope'],
  ['a tag of another workspace', { scope: { target: 'sources', tagIds: [crypto.randomUUID()] } }, 404, 'body.scope.tagIds'],
  ['an import of another workspace', { scope: { target: 'highlights', importIds: [crypto.randomUUID()] } }, 404, 'body.scope.importIds'],
];

describe('POST /cluster-runs refuses a scope it cannot cluster, naming the field', () => {
  it.each([
    ...SCOPE_REFUSALS,
    ['too many clusters', { scope: { target: 'sources' }, k: 101 }, 400, 'body.k'],
    ['one cluster', { scope: { target: 'sources' }, k: 1 }, 400, 'body.k'],
    ['an empty scope', { scope: { target: 'highlights' } }, 422, 'body.scope'],
    ['more clusters than the scope can fill', { scope: { target: 'sources' }, k: 60 }, 422, 'body.k'],
  ])('%s', async (_, body, status, path) => {
    const workspace = await createWorkspace(context);
    await seedTickets(workspace);
    const response = await workspace.owner.as.post(runsUrl(workspace.id), body);
    expect(response.statusCode, response.body).toBe(status);
    expect(errorPaths(response)).toContain(path);
    const listed = ClusterRunPageSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id))).json());
    expect(listed.items).toEqual([]);
  });
});

describe('POST /cluster-runs/scope-count', () => {
  const countOf = async (workspace: TestWorkspace, scope: object) => {
    const response = await workspace.owner.as.post(runsUrl(workspace.id, '/scope-count'), { scope });
    expect(response.statusCode, response.body).toBe(200);
    return ClusterScopeCountSchema.parse(response.json());
  };

  it('counts the texts a run of the scope would cluster, an empty scope included', async () => {
    const workspace = await createWorkspace(context);
    const { tickets } = await seedTickets(workspace);
    const billing = await createTag(context, workspace, { name: 'Billing' });
    await Promise.all(tickets.slice(0, 12).map((ticket) => createHighlight(context, workspace, ticket, { tagIds: [billing.id] })));
    await createHighlight(context, workspace, tickets[12]!);

    expect(await countOf(workspace, { target: 'sources' })).toEqual({ count: sample.length, overLimit: false });
    expect(await countOf(workspace, { target: 'sources', untagged: true })).toEqual({ count: sample.length - 12, overLimit: false });
    expect(await countOf(workspace, { target: 'highlights', tagIds: [billing.id] })).toEqual({ count: 12, overLimit: false });
    expect(await countOf(workspace, { target: 'highlights', kinds: ['interview'] })).toEqual({ count: 0, overLimit: false });
    // The run then reads as many.
    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'highlights', tagIds: [billing.id] }, k: 2, seed: 1 }));
    expect(run.textCount).toBe(12);
  });

  it.each(SCOPE_REFUSALS)('refuses %s as a run would', async (_, body, status, path) => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(runsUrl(workspace.id, '/scope-count'), body);
    expect(response.statusCode, response.body).toBe(status);
    expect(errorPaths(response)).toContain(path);
  });

  it('takes the scope alone, not the rest of a run', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(runsUrl(workspace.id, '/scope-count'), { scope: { target: 'sources' }, k: 3 });
    expect(response.statusCode).toBe(400);
  });
});

describe('editing and promoting clusters', () => {
  async function doneRun(workspace: TestWorkspace) {
    const seeded = await seedTickets(workspace);
    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'sources' }, k: 3, seed: 7 }));
    expect(run.status, run.failure ?? '').toBe('done');
    return { ...seeded, run };
  }

  it('renames a cluster, moves members in from another cluster, and takes members out', async () => {
    const workspace = await createWorkspace(context);
    const { run } = await doneRun(workspace);
    const [first, second] = run.clusters as [ClusterRun['clusters'][number], ClusterRun['clusters'][number]];
    const moving = second.members.slice(0, 2).map((member) => member.id);
    const renamed = await workspace.owner.as.patch(clustersUrl(workspace.id, `/${first.id}`), { label: '  Cards that never came ', addMemberIds: moving });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const cluster = ClusterSchema.parse(renamed.json());
    expect(cluster).toMatchObject({ label: 'Cards that never came', size: first.size + 2 });
    // Placed by hand, they have no score and come last.
    expect(await allMembers(workspace, first.id)).toEqual([...(await allMembers(workspace, first.id)).filter((memberId) => !moving.includes(memberId)), ...[...moving].sort()]);
    const secondNow = ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${second.id}`))).json());
    expect(secondNow.size).toBe(second.size - 2);

    // The list of runs tells this one apart by its labels as renamed.
    const listed = ClusterRunPageSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id))).json());
    expect(listed.items[0]!.topLabels).toEqual(['Cards that never came', second.label, run.clusters[2]!.label]);

    const removed = await workspace.owner.as.patch(clustersUrl(workspace.id, `/${first.id}`), { removeMemberIds: moving });
    expect(ClusterSchema.parse(removed.json()).size).toBe(first.size);
    const after = ClusterRunSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id, `/${run.id}`))).json());
    expect(after.clusters.map((found) => found.label)).toEqual(['Cards that never came', second.label, run.clusters[2]!.label]);
    // Taken out, they are in no cluster: the sizes and the texts left out still add up.
    expect(after.unclusteredCount).toBe(run.unclusteredCount! + 2);
    expect(after.clusters.reduce((sum, found) => sum + found.size, 0) + after.unclusteredCount!).toBe(run.textCount);

    // Put back where the engine placed them (an Undo), they are as they were, scores and order included.
    const restored = await workspace.owner.as.patch(clustersUrl(workspace.id, `/${second.id}`), { addMemberIds: moving });
    expect(ClusterSchema.parse(restored.json()).members).toEqual(second.members);
  });

  it('pages through every member once, best first', async () => {
    const workspace = await createWorkspace(context);
    const { run } = await doneRun(workspace);
    const cluster = run.clusters[0]!;
    const ids = await allMembers(workspace, cluster.id, 4);
    expect(ids).toHaveLength(cluster.size);
    expect(new Set(ids).size).toBe(cluster.size);
    expect(ids.slice(0, cluster.members.length)).toEqual(cluster.members.map((member) => member.id));
  });

  it('refuses members that are not live texts of the workspace, changing nothing', async () => {
    const workspace = await createWorkspace(context);
    const { run, tickets } = await doneRun(workspace);
    const cluster = run.clusters[0]!;
    const trashed = await createSource(context, workspace, { deletedAt: new Date() });
    const response = await workspace.owner.as.patch(clustersUrl(workspace.id, `/${cluster.id}`), { label: 'Renamed', addMemberIds: [trashed.id, tickets[0]!.id] });
    expect(response.statusCode).toBe(422);
    expect(errorPaths(response)).toEqual(['body.addMemberIds']);
    expect(ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${cluster.id}`))).json()).label).toBe(cluster.label);
  });

  it('counts the distinct customers behind each cluster and their segments, ignoring case and the trash', async () => {
    const workspace = await createWorkspace(context);
    const { run } = await doneRun(workspace);
    const [cluster, other] = run.clusters as [ClusterRun['clusters'][number], ClusterRun['clusters'][number]];
    expect(cluster).toMatchObject({ customerCount: 0, segmentCount: 0 });
    const [smb, alsoSmb, enterprise] = await context.db
      .insert(companies)
      .values(['SMB', 'smb', 'Enterprise'].map((segment, index) => ({ workspaceId: workspace.id, name: `Company ${index}`, segment })))
      .returning();
    const [ada, ben, cat, dan] = [
      await createCustomer(context, workspace, { companyId: smb!.id }),
      await createCustomer(context, workspace, { companyId: alsoSmb!.id }),
      await createCustomer(context, workspace),
      await createCustomer(context, workspace, { companyId: enterprise!.id }),
    ];
    const saidBy = async (customerId: string, sourceIds: string[]) => context.db.update(sources).set({ customerId }).where(inArray(sources.id, sourceIds));
    const [m0, m1, m2, m3, m4] = cluster.members.map((member) => member.id);
    await saidBy(ada.id, [m0!, m1!]);
    await saidBy(ben.id, [m2!]);
    await saidBy(cat.id, [m3!]);
    // Dan's only text in the cluster is in the trash; his text in another cluster counts there.
    await saidBy(dan.id, [m4!, other.members[0]!.id]);
    await context.db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, m4!));

    const now = ClusterRunSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id, `/${run.id}`))).json());
    expect(now.clusters[0]).toMatchObject({ id: cluster.id, size: cluster.size - 1, customerCount: 3, segmentCount: 1 });
    expect(now.clusters[1]).toMatchObject({ id: other.id, customerCount: 1, segmentCount: 1 });
  });

  it('drops trashed sources from the cluster until they are restored', async () => {
    const workspace = await createWorkspace(context);
    const { run } = await doneRun(workspace);
    const cluster = run.clusters[0]!;
    await context.db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, cluster.members[0]!.id));
    const now = ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${cluster.id}`))).json());
    expect(now.size).toBe(cluster.size - 1);
    expect(now.members.map((member) => member.id)).not.toContain(cluster.members[0]!.id);
  });

  it('promotes a cluster of tickets to a problem backed by whole-ticket highlights, reusing one already there', async () => {
    const workspace = await createWorkspace(context);
    const { run, tickets } = await doneRun(workspace);
    const cluster = run.clusters[0]!;
    const ticket = tickets.find((found) => found.id === cluster.members[0]!.id)!;
    const existing = await createHighlight(context, workspace, ticket);

    const response = await workspace.owner.as.post(clustersUrl(workspace.id, `/${cluster.id}/promote`), {});
    expect(response.statusCode, response.body).toBe(201);
    const insight = InsightSchema.parse(response.json());
    expect(insight).toMatchObject({ type: 'problem', title: cluster.label, evidenceCount: cluster.size });
    const links = await context.db.select().from(insightHighlights).where(eq(insightHighlights.insightId, insight.id));
    expect(links.map((link) => link.highlightId)).toContain(existing.id);
    const ticketHighlights = await context.db.select().from(highlights).where(eq(highlights.sourceId, ticket.id));
    expect(ticketHighlights).toHaveLength(1);
    // One event sums up the promotion: not one per highlight made, nor for the problem and its links.
    const events = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), ne(auditEvents.action, 'cluster_run.start'), ne(auditEvents.action, 'cluster_run.complete')));
    expect(events).toMatchObject([
      {
        action: 'cluster.promote',
        objectId: cluster.id,
        summary: `Promoted the cluster “${cluster.label}” to the problem “${cluster.label}” with ${cluster.size} highlights (${cluster.size - 1} new, of whole sources) as evidence`,
      },
    ]);

    const promoted = ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${cluster.id}`))).json());
    expect(promoted.promotedTo).toMatchObject({ id: insight.id, title: cluster.label });
    const twice = await workspace.owner.as.post(clustersUrl(workspace.id, `/${cluster.id}/promote`), { title: 'Again' });
    expect(twice.statusCode).toBe(409);

    // Once that problem is in the trash, the cluster can be promoted again (its highlights are reused).
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/insights/${insight.id}`)).statusCode).toBe(204);
    const again = await workspace.owner.as.post(clustersUrl(workspace.id, `/${cluster.id}/promote`), { title: 'Cards that never came', type: 'problem' });
    expect(again.statusCode, again.body).toBe(201);
    const detail = InsightDetailSchema.parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/insights/${InsightSchema.parse(again.json()).id}`)).json());
    expect(detail.evidence).toHaveLength(cluster.size);
    expect(await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id))).toHaveLength(cluster.size);
  });

  it('lets only one of two promotions at once win, leaving no second problem behind', async () => {
    const workspace = await createWorkspace(context);
    const { run } = await doneRun(workspace);
    const cluster = run.clusters[1]!;
    const url = clustersUrl(workspace.id, `/${cluster.id}/promote`);
    const answers = await Promise.all([workspace.owner.as.post(url, { title: 'First' }), workspace.owner.as.post(url, { title: 'Second' })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const problems = await context.db.select().from(insights).where(eq(insights.workspaceId, workspace.id));
    expect(problems).toHaveLength(1);
    expect(ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${cluster.id}`))).json()).promotedTo?.id).toBe(problems[0]!.id);
  });

  it('promotes a cluster of highlights with the highlights themselves as evidence', async () => {
    const workspace = await createWorkspace(context);
    const { tickets } = await seedTickets(workspace);
    const made = await Promise.all(tickets.map((ticket) => createHighlight(context, workspace, ticket)));
    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'highlights' }, k: 3, seed: 3 }));
    const cluster = run.clusters[0]!;
    const response = await workspace.owner.as.post(clustersUrl(workspace.id, `/${cluster.id}/promote`), { title: 'Exchange rates', type: 'problem' });
    expect(response.statusCode, response.body).toBe(201);
    const links = await context.db.select().from(insightHighlights).where(eq(insightHighlights.insightId, InsightSchema.parse(response.json()).id));
    expect(links).toHaveLength(cluster.size);
    expect(links.every((link) => made.some((highlight) => highlight.id === link.highlightId))).toBe(true);
    expect(await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id))).toHaveLength(tickets.length);
  });

  it('adds a cluster to an existing problem: 200, its members join the evidence once, one event, and the cluster follows a merge', async () => {
    const workspace = await createWorkspace(context);
    const { run, tickets } = await doneRun(workspace);
    const cluster = run.clusters[0]!;
    const problem = await createInsight(context, workspace, { title: 'Cards never arrive', statement: 'Kept as written.' });
    const ticket = tickets.find((found) => found.id === cluster.members[0]!.id)!;
    const memberIds = await allMembers(workspace, cluster.id);
    const elsewhere = tickets.find((found) => !memberIds.includes(found.id))!;
    const already = [await createHighlight(context, workspace, ticket), await createHighlight(context, workspace, elsewhere)];
    await workspace.owner.as.post(`/api/workspaces/${workspace.id}/insights/${problem.id}/evidence`, { highlightIds: already.map((highlight) => highlight.id) });

    const response = await workspace.owner.as.post(clustersUrl(workspace.id, `/${cluster.id}/promote`), { insightId: problem.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(InsightSchema.parse(response.json())).toMatchObject({ id: problem.id, title: 'Cards never arrive', statement: 'Kept as written.', evidenceCount: cluster.size + 1 });
    // The member linked already counts once, through the highlight it had.
    expect(await context.db.select().from(highlights).where(eq(highlights.sourceId, ticket.id))).toHaveLength(1);
    expect(await context.db.select().from(insights).where(eq(insights.workspaceId, workspace.id))).toHaveLength(1);
    const events = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'cluster.promote')));
    expect(events).toMatchObject([
      {
        objectId: cluster.id,
        summary: `Added the cluster “${cluster.label}” to the problem “Cards never arrive” with ${cluster.size} highlights (${cluster.size - 1} new, of whole sources) as evidence, 1 of them linked already`,
      },
    ]);
    expect(ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${cluster.id}`))).json()).promotedTo?.id).toBe(problem.id);
    expect((await workspace.owner.as.post(clustersUrl(workspace.id, `/${cluster.id}/promote`), { insightId: problem.id })).statusCode).toBe(409);

    // Merged into another problem, the cluster points where its evidence went.
    const survivor = await createInsight(context, workspace);
    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/insights/${problem.id}/merge`, { intoInsightId: survivor.id })).statusCode).toBe(200);
    expect(ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${cluster.id}`))).json()).promotedTo?.id).toBe(survivor.id);
  });

  it('refuses to add a cluster to an insight in the trash (422) or of another workspace (404) naming body.insightId, or with new-insight fields (400), making no highlights', async () => {
    const workspace = await createWorkspace(context);
    const { run } = await doneRun(workspace);
    const url = clustersUrl(workspace.id, `/${run.clusters[0]!.id}/promote`);
    const trashed = await createInsight(context, workspace, { deletedAt: new Date() });
    const inTrash = await workspace.owner.as.post(url, { insightId: trashed.id });
    expect(inTrash.statusCode).toBe(422);
    expect(errorPaths(inTrash)).toEqual(['body.insightId']);
    const foreign = await workspace.owner.as.post(url, { insightId: (await createInsight(context, await createWorkspace(context))).id });
    expect(foreign.statusCode).toBe(404);
    expect(errorPaths(foreign)).toEqual(['body.insightId']);
    const mixed = await workspace.owner.as.post(url, { insightId: trashed.id, title: 'New', type: 'problem' });
    expect(mixed.statusCode).toBe(400);
    expect(errorPaths(mixed).sort()).toEqual(['body.title', 'body.type']);
    expect(await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id))).toEqual([]);
    expect(ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${run.clusters[0]!.id}`))).json()).promotedTo).toBeNull();
  });

  it('deletes a run with its clusters', async () => {
    const workspace = await createWorkspace(context);
    const { run } = await doneRun(workspace);
    expect((await workspace.owner.as.delete(runsUrl(workspace.id, `/${run.id}`))).statusCode).toBe(204);
    expect((await workspace.owner.as.get(runsUrl(workspace.id, `/${run.id}`))).statusCode).toBe(404);
    expect(await context.db.select().from(clusters).where(eq(clusters.runId, run.id))).toEqual([]);
  });

  it('stops a run that is still working when it is deleted, leaving nothing behind', async () => {
    const workspace = await createWorkspace(context);
    await seedTickets(workspace);
    const id = await startRun(workspace, { scope: { target: 'sources' }, k: 'auto', seed: 9 });
    expect((await workspace.owner.as.delete(runsUrl(workspace.id, `/${id}`))).statusCode).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await workspace.owner.as.get(runsUrl(workspace.id, `/${id}`))).statusCode).toBe(404);
    expect(await context.db.select().from(clusters).where(eq(clusters.runId, id))).toEqual([]);
  });
});

describe('one run computes at a time', () => {
  /** Texts enough that a run of them takes a while (about a second, chosen automatically): 300 other banking questions, as notes. */
  async function seedNotes(workspace: TestWorkspace) {
    const texts = records.filter((row) => !INTENTS.includes(row.category)).slice(0, 300);
    await context.db
      .insert(sources)
      .values(texts.map((row, index) => ({ workspaceId: workspace.id, kind: 'note' as const, title: `Note ${index + 1}`, body: row.text, createdBy: workspace.owner.id })));
  }
  const runOf = async (workspace: TestWorkspace, id: string) => ClusterRunSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id, `/${id}`))).json());

  it('keeps a run queued while another computes, starts it when that one ends, and deletes a queued run', async () => {
    const workspace = await createWorkspace(context);
    await seedTickets(workspace);
    await seedNotes(workspace);
    const first = await startRun(workspace, { scope: { target: 'sources', kinds: ['note'] }, k: 'auto', seed: 1 });
    const second = await startRun(workspace, { scope: { target: 'sources', kinds: ['ticket'] }, k: 3, seed: 1 });
    const third = await startRun(workspace, { scope: { target: 'sources', kinds: ['ticket'] }, k: 2, seed: 1 });
    const listed = ClusterRunPageSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id))).json());
    expect(listed.items.map((item) => [item.id, item.topLabels])).toEqual([third, second, first].map((id) => [id, []]));
    expect(listed.items.slice(0, 2).map((item) => item.status)).toEqual(['queued', 'queued']);

    expect((await workspace.owner.as.delete(runsUrl(workspace.id, `/${third}`))).statusCode).toBe(204);
    expect((await workspace.owner.as.get(runsUrl(workspace.id, `/${third}`))).statusCode).toBe(404);

    // Until the first run ends, the second waits (read first: the first may end between the two reads, never end and start again).
    for (let attempt = 0; attempt < 400; attempt++) {
      const waiting = await runOf(workspace, second);
      const before = await runOf(workspace, first);
      if (before.status === 'done') break;
      expect(waiting.status).toBe('queued');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const done = await runOf(workspace, first);
    expect(done.status).toBe('done');
    const next = await finishedRun(workspace, second);
    expect(next.status, next.failure ?? '').toBe('done');
    expect(next.clusters).toHaveLength(3);
    // The list names three clusters of a run, its largest.
    expect(done.clusters.length).toBeGreaterThan(3);
    const after = ClusterRunPageSchema.parse((await workspace.owner.as.get(runsUrl(workspace.id))).json());
    expect(after.items.find((item) => item.id === first)!.topLabels).toEqual(done.clusters.slice(0, 3).map((cluster) => cluster.label));
  });
});

describe('cluster access', () => {
  it("answers 404 for another workspace's runs and clusters, and lets a viewer read but not change", async () => {
    const workspace = await createWorkspace(context);
    await seedTickets(workspace);
    const run = await finishedRun(workspace, await startRun(workspace, { scope: { target: 'sources' }, k: 3, seed: 7 }));
    const cluster = run.clusters[0]!;
    const outsider = (await createWorkspace(context)).owner.as;
    const elsewhere = [
      outsider.get(runsUrl(workspace.id, `/${run.id}`)),
      outsider.get(clustersUrl(workspace.id, `/${cluster.id}`)),
      outsider.patch(clustersUrl(workspace.id, `/${cluster.id}`), { label: 'Mine' }),
    ];
    for (const response of await Promise.all(elsewhere)) expect(response.statusCode).toBe(404);

    // Their own workspace, our ids: not found either.
    const other = await createWorkspace(context);
    const crossed = [
      other.owner.as.get(runsUrl(other.id, `/${run.id}`)),
      other.owner.as.delete(runsUrl(other.id, `/${run.id}`)),
      other.owner.as.get(clustersUrl(other.id, `/${cluster.id}`)),
      other.owner.as.get(clustersUrl(other.id, `/${cluster.id}/members`)),
      other.owner.as.patch(clustersUrl(other.id, `/${cluster.id}`), { label: 'Mine' }),
      other.owner.as.post(clustersUrl(other.id, `/${cluster.id}/promote`), {}),
    ];
    for (const response of await Promise.all(crossed)) expect(response.statusCode, response.body).toBe(404);

    const viewer = (await createMember(context, workspace, 'viewer')).as;
    expect((await viewer.get(runsUrl(workspace.id, `/${run.id}`))).statusCode).toBe(200);
    expect((await viewer.post(clustersUrl(workspace.id, `/${cluster.id}/promote`), {})).statusCode).toBe(403);
    expect(ClusterSchema.parse((await workspace.owner.as.get(clustersUrl(workspace.id, `/${cluster.id}`))).json()).label).toBe(cluster.label);
  });
});
