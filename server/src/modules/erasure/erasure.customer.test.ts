import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AuditEventSchema,
  ClusterMemberPageSchema,
  CompanyDetailSchema,
  CustomerErasureSchema,
  InsightDetailSchema,
  PurgeSchema,
  SearchResponseSchema,
  pageOf,
  type Purge,
} from '@cairn/shared';
import { auditEvents, backlogHighlights, clusterMembers, clusterRuns, clusters, companies, importRejections, imports, insightHighlights, purges, sources } from '../../db/schema/index.js';
import { rowsOf } from '../../lib/bulk-sql.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createBacklogItem, createCustomer, createHighlight, createInsight, createMember, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();
const url = (workspace: TestWorkspace, path: string) => `/api/workspaces/${workspace.id}${path}`;

/** Words only Dana said (and a misspelling near one), a word both said, and what of her the log quoted. */
const HER_WORD = 'zorblaxian';
const HER_TYPO = 'zorblaxan';
const SHARED_WORD = 'chargeback';
const DANA = { name: 'Dana Quillfeather', email: 'dana.quillfeather@acme.test' };

async function finishedPurge(workspace: TestWorkspace, id: string): Promise<Purge> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const purge = PurgeSchema.parse((await workspace.owner.as.get(url(workspace, `/purges/${id}`))).json());
    if (purge.status === 'done' || purge.status === 'failed') return purge;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`The purge ${id} did not finish`);
}

async function erase(workspace: TestWorkspace, customerId: string) {
  const response = await workspace.owner.as.post(url(workspace, `/customers/${customerId}/erasure`));
  expect(response.statusCode, response.body).toBe(202);
  return finishedPurge(workspace, PurgeSchema.parse(response.json()).id);
}

const search = async (workspace: TestWorkspace, q: string) => {
  const response = await workspace.owner.as.get(url(workspace, `/search?q=${encodeURIComponent(q)}&limit=100`));
  expect(response.statusCode, response.body).toBe(200);
  return SearchResponseSchema.parse(response.json());
};

/**
 * Dana, at Acme, said a lot: two tickets (one in the trash), an interview and a survey answer,
 * highlighted (one highlight in the trash), tagged, linked as evidence, clustered, quoted in the
 * log, named by an import. Bob, at Acme too, shares a word and a problem with her.
 */
async function seedDanaAndBob(workspace: TestWorkspace) {
  const [acme] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Acme', segment: 'Enterprise' }).returning();
  const dana = await createCustomer(context, workspace, { ...DANA, companyId: acme!.id });
  const bob = await createCustomer(context, workspace, { name: 'Bob Stone', email: 'bob@acme.test', companyId: acme!.id });
  const tag = await createTag(context, workspace, { name: 'Billing' });
  const danaSources = [
    await createSource(context, workspace, { customerId: dana.id, title: 'Refund please', body: `My ${HER_WORD} card got a ${SHARED_WORD} twice.` }),
    await createSource(context, workspace, { customerId: dana.id, title: 'Old ticket', body: `The ${HER_WORD} plan was wrong.`, deletedAt: new Date() }),
    await createSource(context, workspace, { customerId: dana.id, kind: 'interview', title: 'Interview with Dana', body: `We use ${HER_WORD} exports every week.` }),
    await createSource(context, workspace, { customerId: dana.id, kind: 'survey_response', title: 'NPS answer', body: `Too many ${SHARED_WORD} disputes.` }),
  ];
  const bobSource = await createSource(context, workspace, { customerId: bob.id, title: 'Bob’s ticket', body: `A ${SHARED_WORD} I did not expect.` });

  // Through the API, so that the log quotes the passage and names her.
  const made = await workspace.owner.as.post(url(workspace, `/sources/${danaSources[0]!.id}/highlights`), { start: 3, end: 13, tagIds: [tag.id] });
  expect(made.statusCode, made.body).toBe(201);
  const quoted = made.json() as { id: string };
  expect((await workspace.owner.as.patch(url(workspace, `/customers/${dana.id}`), { name: 'Dana Q. Quillfeather' })).statusCode).toBe(200);
  const inInterview = await createHighlight(context, workspace, danaSources[2]!, { start: 7, end: 17, tagIds: [tag.id] });
  const inTrash = await createHighlight(context, workspace, danaSources[3]!);
  await workspace.owner.as.delete(url(workspace, `/highlights/${inTrash.id}`));
  const ofTrashedSource = await createHighlight(context, workspace, danaSources[1]!);
  const bobs = await createHighlight(context, workspace, bobSource, { tagIds: [tag.id] });

  const problem = await createInsight(context, workspace, { title: 'Chargebacks hurt' });
  const item = await createBacklogItem(context, workspace, { title: 'Dispute flow' });
  await context.db.insert(insightHighlights).values([quoted.id, inInterview.id, bobs.id].map((highlightId) => ({ workspaceId: workspace.id, insightId: problem.id, highlightId })));
  await context.db.insert(backlogHighlights).values([quoted.id, bobs.id].map((highlightId) => ({ workspaceId: workspace.id, backlogItemId: item.id, highlightId })));

  const [run] = await context.db.insert(clusterRuns).values({ workspaceId: workspace.id, params: { scope: { target: 'highlights' }, k: 2, seed: 1 }, status: 'done' }).returning();
  const [hers, mixed] = await context.db
    .insert(clusters)
    .values([
      { workspaceId: workspace.id, runId: run!.id, position: 0, label: HER_WORD, terms: [HER_WORD] },
      { workspaceId: workspace.id, runId: run!.id, position: 1, label: SHARED_WORD, terms: [SHARED_WORD] },
    ])
    .returning();
  await context.db.insert(clusterMembers).values([
    { workspaceId: workspace.id, runId: run!.id, clusterId: hers!.id, highlightId: quoted.id, score: 0.9 },
    { workspaceId: workspace.id, runId: run!.id, clusterId: hers!.id, highlightId: inInterview.id, score: 0.8 },
    { workspaceId: workspace.id, runId: run!.id, clusterId: mixed!.id, highlightId: ofTrashedSource.id, score: 0.7 },
    { workspaceId: workspace.id, runId: run!.id, clusterId: mixed!.id, highlightId: bobs.id, score: 0.6 },
  ]);

  const [upload] = await context.db
    .insert(imports)
    .values({ workspaceId: workspace.id, format: 'transcript', fileName: 'interview.vtt', options: { customer: { email: DANA.email.toUpperCase(), name: DANA.name }, title: 'Interview' } })
    .returning();
  await context.db.insert(importRejections).values([
    { workspaceId: workspace.id, importId: upload!.id, line: 2, message: 'No text', raw: `42,${DANA.email},` },
    { workspaceId: workspace.id, importId: upload!.id, line: 3, message: 'No text', raw: '43,bob@acme.test,' },
  ]);

  return {
    acme: acme!,
    dana,
    bob,
    danaSources,
    danaHighlights: [quoted.id, inInterview.id, inTrash.id, ofTrashedSource.id],
    bobSource,
    bobs,
    problem,
    item,
    clusters: { hers: hers!, mixed: mixed! },
    upload: upload!,
  };
}

describe('erasing a customer', () => {
  let workspace: TestWorkspace;
  let seeded: Awaited<ReturnType<typeof seedDanaAndBob>>;
  let before: { suggestion: string | undefined };
  let purge: Purge;

  beforeAll(async () => {
    workspace = await createWorkspace(context);
    seeded = await seedDanaAndBob(workspace);
    before = { suggestion: (await search(workspace, HER_TYPO)).didYouMean };
  });

  it('says first what it would delete: every source of theirs, trashed or not, their highlights and evidence links', async () => {
    const response = await workspace.owner.as.get(url(workspace, `/customers/${seeded.dana.id}/erasure`));
    expect(response.statusCode, response.body).toBe(200);
    expect(CustomerErasureSchema.parse(response.json())).toEqual({
      customerId: seeded.dana.id,
      sources: 4,
      trashedSources: 1,
      highlights: 4,
      evidenceLinks: 3,
      insights: 1,
      backlogItems: 1,
    });
  });

  it('is for admins, and another workspace’s customer does not exist', async () => {
    for (const role of ['viewer', 'contributor', 'researcher'] as const) {
      const member = await createMember(context, workspace, role);
      expect((await member.as.get(url(workspace, `/customers/${seeded.dana.id}/erasure`))).statusCode).toBe(403);
      expect((await member.as.post(url(workspace, `/customers/${seeded.dana.id}/erasure`))).statusCode).toBe(403);
    }
    const other = await createWorkspace(context);
    const stranger = await createCustomer(context, other);
    expect((await workspace.owner.as.get(url(workspace, `/customers/${stranger.id}/erasure`))).statusCode).toBe(404);
    expect((await workspace.owner.as.post(url(workspace, `/customers/${stranger.id}/erasure`))).statusCode).toBe(404);
    expect((await other.owner.as.post(url(other, `/customers/${seeded.dana.id}/erasure`))).statusCode).toBe(404);
    expect((await context.db.select().from(sources).where(eq(sources.customerId, seeded.dana.id))).length).toBe(4);
  });

  it('finds her words before, and suggests them for a misspelling', async () => {
    expect((await search(workspace, HER_WORD)).total).toBeGreaterThan(0);
    expect(before.suggestion).toBe(HER_WORD);
  });

  it('erases her in one purge and counts what went', async () => {
    purge = await erase(workspace, seeded.dana.id);
    expect(purge).toMatchObject({ status: 'done', reason: 'erase_customer', customerId: seeded.dana.id, progress: 1, total: 4 });
    expect(purge.deleted).toEqual({ sources: 4, highlights: 4, insights: 0, backlogItems: 0, evidenceLinks: 3 });
    expect((await workspace.owner.as.get(url(workspace, `/customers/${seeded.dana.id}`))).statusCode).toBe(404);
    for (const source of seeded.danaSources) expect((await workspace.owner.as.get(url(workspace, `/sources/${source.id}`))).statusCode).toBe(404);
  });

  it('leaves nothing of her to search, in sources or highlights, nor to count', async () => {
    const mine = await search(workspace, HER_WORD);
    expect({ total: mine.total, items: mine.items }).toEqual({ total: 0, items: [] });
    const shared = await search(workspace, SHARED_WORD);
    expect(new Set(shared.items.map((item) => item.sourceId))).toEqual(new Set([seeded.bobSource.id]));
    expect(shared.items.map((item) => item.type).sort()).toEqual(['highlight', 'source']);
    const counted = await workspace.owner.as.get(url(workspace, `/search/count?q=${HER_WORD}`));
    expect(counted.json()).toMatchObject({ total: 0 });
  });

  it('suggests none of her words any more, and the vocabulary holds them no longer', async () => {
    const result = await search(workspace, HER_TYPO);
    expect(result.didYouMean).toBeUndefined();
    expect(result.total).toBe(0);
    const [row] = await rowsOf<{ count: number }>(
      context.db,
      sql`select count(*)::int as count from search_terms where workspace_id = ${workspace.id} and term = (tsvector_to_array(to_tsvector('english', ${HER_WORD})))[1]`,
    );
    expect(row!.count).toBe(0);
  });

  it('lists and exports none of her highlights; her id as a filter names no one', async () => {
    const listed = await workspace.owner.as.get(url(workspace, '/highlights?limit=100'));
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([seeded.bobs.id]);
    const byHer = await workspace.owner.as.get(url(workspace, `/highlights?customerId=${seeded.dana.id}`));
    expect(byHer.statusCode).toBe(404);
    expect(errorPaths(byHer)).toEqual(['query.customerId']);
    const csv = await workspace.owner.as.get(url(workspace, `/highlights.csv?companyId=${seeded.acme.id}`));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Bob Stone');
    expect(csv.body).not.toMatch(new RegExp(`${HER_WORD}|Quillfeather|${DANA.email}`, 'i'));
    const pack = await workspace.owner.as.get(url(workspace, `/backlog-items/${seeded.item.id}/evidence.md`));
    expect(pack.statusCode).toBe(200);
    expect(pack.body).not.toMatch(new RegExp(`${HER_WORD}|Quillfeather`, 'i'));
  });

  it('takes her out of problems’ and backlog items’ evidence, leaving Bob’s', async () => {
    const problem = InsightDetailSchema.parse((await workspace.owner.as.get(url(workspace, `/insights/${seeded.problem.id}`))).json());
    expect(problem).toMatchObject({ evidenceCount: 1, customerCount: 1 });
    expect(idsOfLinks(await context.db.select().from(insightHighlights).where(eq(insightHighlights.insightId, seeded.problem.id)))).toEqual([seeded.bobs.id]);
    expect(idsOfLinks(await context.db.select().from(backlogHighlights).where(eq(backlogHighlights.backlogItemId, seeded.item.id)))).toEqual([seeded.bobs.id]);
  });

  it('takes her out of clusters, and deletes a cluster made of her words alone', async () => {
    expect(await context.db.select().from(clusters).where(eq(clusters.id, seeded.clusters.hers.id))).toEqual([]);
    const members = await workspace.owner.as.get(url(workspace, `/clusters/${seeded.clusters.mixed.id}/members`));
    expect(members.statusCode, members.body).toBe(200);
    expect(ClusterMemberPageSchema.parse(members.json()).items.map((member) => member.id)).toEqual([seeded.bobs.id]);
    expect((await context.db.select().from(clusterMembers).where(inArray(clusterMembers.highlightId, seeded.danaHighlights))).length).toBe(0);
  });

  it('keeps her company, counting Bob alone', async () => {
    const company = CompanyDetailSchema.parse((await workspace.owner.as.get(url(workspace, `/companies/${seeded.acme.id}`))).json());
    expect(company).toMatchObject({ name: 'Acme', customers: 1, evidence: { sources: 1, highlights: 1 } });
  });

  it('forgets her in imports: the transcript’s customer option, and rejected rows holding her email', async () => {
    const [upload] = await context.db.select().from(imports).where(eq(imports.id, seeded.upload.id));
    expect(upload!.options).toEqual({ title: 'Interview' });
    const rejected = await context.db.select().from(importRejections).where(eq(importRejections.importId, seeded.upload.id));
    expect(rejected.map((row) => row.line)).toEqual([3]);
  });

  it('logs the erasure by her id, by whom, with counts, and scrubs what the log quoted of her', async () => {
    const response = await workspace.owner.as.get(url(workspace, '/audit?limit=500'));
    const events = pageOf(AuditEventSchema).parse(response.json()).items;
    const erased = events.find((event) => event.action === 'customer.erase')!;
    expect(erased).toMatchObject({ objectType: 'customer', objectId: seeded.dana.id, actor: { type: 'user', id: workspace.owner.id } });
    expect(erased.summary).toBe(`Erased customer ${seeded.dana.id} and everything they said: deleted 4 sources (1 of them in the trash), 4 highlights, and 3 evidence links for good`);
    const leaks = events.filter((event) => new RegExp(`${HER_WORD}|Quillfeather|${DANA.email}|Refund please`, 'i').test(event.summary));
    expect(leaks).toEqual([]);
    const scrubbed = events.filter((event) => event.summary.startsWith(`Erased with customer ${seeded.dana.id}`)).map((event) => event.action);
    expect(scrubbed.sort()).toEqual(['customer.update', 'highlight.create', 'highlight.delete']);
  });

  it('erases a customer who said nothing, and refuses a second purge while one runs', async () => {
    const quiet = await createCustomer(context, workspace);
    const [running] = await context.db.insert(purges).values({ workspaceId: workspace.id, reason: 'retention', trashedBefore: new Date(), status: 'running' }).returning();
    const refused = await workspace.owner.as.post(url(workspace, `/customers/${quiet.id}/erasure`));
    expect(refused.statusCode).toBe(409);
    await context.db.update(purges).set({ status: 'done' }).where(eq(purges.id, running!.id));
    expect((await erase(workspace, quiet.id)).deleted).toEqual({ sources: 0, highlights: 0, insights: 0, backlogItems: 0, evidenceLinks: 0 });
    const events = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.objectId, quiet.id)));
    expect(events.map((event) => event.summary)).toEqual([`Erased customer ${quiet.id} and everything they said: deleted nothing for good`]);
  });
});

function idsOfLinks(rows: Array<{ highlightId: string }>) {
  return rows.map((row) => row.highlightId);
}
