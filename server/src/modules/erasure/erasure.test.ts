import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PurgeSchema, TrashSummarySchema, type Purge } from '@cairn/shared';
import {
  auditEvents,
  backlogHighlights,
  backlogItems,
  clusterMembers,
  clusterRuns,
  clusters,
  highlightTags,
  highlights,
  insightHighlights,
  insights,
  purges,
  sources,
} from '../../db/schema/index.js';
import { rowsOf } from '../../lib/bulk-sql.js';
import { useTestApp } from '../../../test/app.js';
import { createBacklogItem, createHighlight, createInsight, createMember, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { INTERRUPTED_FAILURE, createPurgeScheduler, runPurge, type PurgeJob } from './erasure.runner.js';

const context = useTestApp();
const url = (workspace: TestWorkspace, path: string) => `/api/workspaces/${workspace.id}${path}`;
const silent = { error: () => {} };

/** Polls the purge until it has ended. */
async function finishedPurge(workspace: TestWorkspace, id: string): Promise<Purge> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const response = await workspace.owner.as.get(url(workspace, `/purges/${id}`));
    expect(response.statusCode, response.body).toBe(200);
    const purge = PurgeSchema.parse(response.json());
    if (purge.status === 'done' || purge.status === 'failed') return purge;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`The purge ${id} did not finish`);
}

async function emptyTrash(workspace: TestWorkspace, list: string) {
  const response = await workspace.owner.as.post(url(workspace, '/trash/empty'), { list });
  expect(response.statusCode, response.body).toBe(202);
  return finishedPurge(workspace, PurgeSchema.parse(response.json()).id);
}

async function trashSummary(workspace: TestWorkspace) {
  const response = await workspace.owner.as.get(url(workspace, '/trash'));
  expect(response.statusCode, response.body).toBe(200);
  return TrashSummarySchema.parse(response.json());
}

const idsOf = (rows: Array<{ id: string }>) => rows.map((row) => row.id);
const trashed = { deletedAt: new Date() };

/** A source with two highlights (one tagged, both evidence, both clustered), for what deleting it must take along. */
async function sourceWithEverything(workspace: TestWorkspace, overrides: Partial<typeof sources.$inferInsert> = {}) {
  const source = await createSource(context, workspace, overrides);
  const tag = await createTag(context, workspace);
  const tagged = await createHighlight(context, workspace, source, { start: 0, end: 10, tagIds: [tag.id] });
  const other = await createHighlight(context, workspace, source, { start: 11, end: 20 });
  const insight = await createInsight(context, workspace);
  const item = await createBacklogItem(context, workspace);
  await context.db.insert(insightHighlights).values({ workspaceId: workspace.id, insightId: insight.id, highlightId: tagged.id });
  await context.db.insert(backlogHighlights).values({ workspaceId: workspace.id, backlogItemId: item.id, highlightId: other.id });
  const [run] = await context.db.insert(clusterRuns).values({ workspaceId: workspace.id, params: { scope: { target: 'highlights' }, k: 2, seed: 1 }, status: 'done' }).returning();
  const [cluster] = await context.db.insert(clusters).values({ workspaceId: workspace.id, runId: run!.id, position: 0, label: 'export', terms: ['export'] }).returning();
  await context.db.insert(clusterMembers).values([tagged, other].map((highlight) => ({ workspaceId: workspace.id, runId: run!.id, clusterId: cluster!.id, highlightId: highlight.id, score: 0.5 })));
  return { source, highlights: [tagged, other], insight, item, cluster: cluster! };
}

/** What is left of the highlights anywhere: the rows, their tags, evidence links and cluster memberships. */
async function leftOf(highlightIds: string[]) {
  const count = async (table: typeof highlightTags | typeof insightHighlights | typeof backlogHighlights | typeof clusterMembers) =>
    (await context.db.select().from(table).where(inArray(table.highlightId, highlightIds))).length;
  return {
    highlights: (await context.db.select().from(highlights).where(inArray(highlights.id, highlightIds))).length,
    tags: await count(highlightTags),
    insightLinks: await count(insightHighlights),
    backlogLinks: await count(backlogHighlights),
    clusterMembers: await count(clusterMembers),
  };
}
const NOTHING_LEFT = { highlights: 0, tags: 0, insightLinks: 0, backlogLinks: 0, clusterMembers: 0 };

describe('deleting one thing in the trash forever', () => {
  it('deletes a trashed source with its highlights, their tags, evidence links and cluster memberships, and logs it', async () => {
    const workspace = await createWorkspace(context);
    const { source, highlights: own, insight, item } = await sourceWithEverything(workspace, trashed);
    const response = await workspace.owner.as.delete(url(workspace, `/trash/sources/${source.id}`));
    expect(response.statusCode, response.body).toBe(204);
    expect((await workspace.owner.as.get(url(workspace, `/sources/${source.id}`))).statusCode).toBe(404);
    expect(await leftOf(idsOf(own))).toEqual(NOTHING_LEFT);
    // What they were evidence for stays, without them.
    expect((await context.db.select().from(insights).where(eq(insights.id, insight.id))).length).toBe(1);
    expect((await context.db.select().from(backlogItems).where(eq(backlogItems.id, item.id))).length).toBe(1);
    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'source.delete_forever')));
    expect(event).toMatchObject({ objectType: 'source', objectId: source.id, actorUserId: workspace.owner.id });
    expect(event!.summary).toContain('with its 2 highlights');
  });

  it('refuses with 409 what is not in the trash, and 404 what is not in the workspace', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const live = await createSource(context, workspace);
    const liveHighlight = await createHighlight(context, workspace, live);
    const foreign = await createSource(context, other, trashed);
    expect((await workspace.owner.as.delete(url(workspace, `/trash/sources/${live.id}`))).statusCode).toBe(409);
    expect((await workspace.owner.as.delete(url(workspace, `/trash/highlights/${liveHighlight.id}`))).statusCode).toBe(409);
    expect((await workspace.owner.as.delete(url(workspace, `/trash/insights/${(await createInsight(context, workspace)).id}`))).statusCode).toBe(409);
    expect((await workspace.owner.as.delete(url(workspace, `/trash/backlog-items/${(await createBacklogItem(context, workspace)).id}`))).statusCode).toBe(409);
    const notHere = await workspace.owner.as.delete(url(workspace, `/trash/sources/${foreign.id}`));
    expect(notHere.statusCode).toBe(404);
    expect(notHere.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await context.db.select().from(sources).where(inArray(sources.id, [live.id, foreign.id]))).length).toBe(2);
  });

  it('is for admins: a researcher, who may trash and restore, gets 403', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    const admin = await createMember(context, workspace, 'admin');
    const source = await createSource(context, workspace, trashed);
    expect((await researcher.as.delete(url(workspace, `/trash/sources/${source.id}`))).statusCode).toBe(403);
    expect((await admin.as.delete(url(workspace, `/trash/sources/${source.id}`))).statusCode).toBe(204);
  });

  it('deletes a highlight trashed on its own, or with its source, and leaves the source', async () => {
    const workspace = await createWorkspace(context);
    const { source, highlights: own } = await sourceWithEverything(workspace);
    await context.db.update(highlights).set(trashed).where(eq(highlights.id, own[0]!.id));
    expect((await workspace.owner.as.delete(url(workspace, `/trash/highlights/${own[0]!.id}`))).statusCode).toBe(204);
    expect(await leftOf([own[0]!.id])).toEqual(NOTHING_LEFT);
    await context.db.update(sources).set(trashed).where(eq(sources.id, source.id));
    expect((await workspace.owner.as.delete(url(workspace, `/trash/highlights/${own[1]!.id}`))).statusCode).toBe(204);
    expect(await leftOf([own[1]!.id])).toEqual(NOTHING_LEFT);
    expect((await context.db.select().from(sources).where(eq(sources.id, source.id))).length).toBe(1);
  });

  it('deletes a trashed insight: what sat under it moves to the top, a cluster promoted to it points at none, and one merged into it restores alone', async () => {
    const workspace = await createWorkspace(context);
    const { cluster, highlights: own } = await sourceWithEverything(workspace);
    const problem = await createInsight(context, workspace, trashed);
    const child = await createInsight(context, workspace, { type: 'opportunity', parentId: problem.id });
    await context.db.insert(insightHighlights).values({ workspaceId: workspace.id, insightId: problem.id, highlightId: own[1]!.id });
    await context.db.update(clusters).set({ promotedInsightId: problem.id }).where(eq(clusters.id, cluster.id));
    const merged = await createInsight(context, workspace, { deletedAt: new Date(), mergedIntoId: problem.id, mergeMoves: { highlights: [], backlogItems: [], childIds: [child.id], clusterIds: [] } });

    expect((await workspace.owner.as.delete(url(workspace, `/trash/insights/${problem.id}`))).statusCode).toBe(204);
    expect(await context.db.select().from(insights).where(eq(insights.id, problem.id))).toEqual([]);
    expect((await context.db.select().from(insights).where(eq(insights.id, child.id)))[0]!.parentId).toBeNull();
    expect((await context.db.select().from(clusters).where(eq(clusters.id, cluster.id)))[0]!.promotedInsightId).toBeNull();
    // The highlight it had as evidence stays, with its other links.
    expect((await context.db.select().from(highlights).where(eq(highlights.id, own[1]!.id))).length).toBe(1);
    expect((await context.db.select().from(insights).where(eq(insights.id, merged.id)))[0]).toMatchObject({ mergedIntoId: null, mergeMoves: null });
    const restored = await workspace.owner.as.post(url(workspace, `/insights/${merged.id}/restore`));
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await context.db.select().from(insights).where(eq(insights.id, child.id)))[0]!.parentId).toBeNull();
  });

  it('deletes a trashed backlog item with its evidence links, leaving the highlights', async () => {
    const workspace = await createWorkspace(context);
    const { item, highlights: own } = await sourceWithEverything(workspace);
    await context.db.update(backlogItems).set(trashed).where(eq(backlogItems.id, item.id));
    expect((await workspace.owner.as.delete(url(workspace, `/trash/backlog-items/${item.id}`))).statusCode).toBe(204);
    expect(await context.db.select().from(backlogHighlights).where(eq(backlogHighlights.backlogItemId, item.id))).toEqual([]);
    expect((await context.db.select().from(highlights).where(inArray(highlights.id, idsOf(own)))).length).toBe(2);
    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'backlog_item.delete_forever')));
    expect(event!.summary).toBe(`Deleted the backlog item “${item.title}” from the trash for good`);
  });
});

describe('emptying a trash', () => {
  it('counts what each trash holds, says how long it keeps things, and that nothing is being deleted', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    await createSource(context, workspace, trashed);
    const ownTrashed = await createHighlight(context, workspace, source);
    await context.db.update(highlights).set(trashed).where(eq(highlights.id, ownTrashed.id));
    // A trashed source's highlights go with it: they are not counted on their own.
    await createHighlight(context, workspace, await createSource(context, workspace, trashed));
    await createInsight(context, workspace, trashed);
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await viewer.as.get(url(workspace, '/trash'));
    expect(response.statusCode, response.body).toBe(200);
    const summary = TrashSummarySchema.parse(response.json());
    expect(summary.counts).toEqual({ sources: 2, highlights: 1, insights: 1, backlogItems: 0 });
    expect(summary.retention?.days).toBe(30);
    expect(summary.purge).toBeNull();
  });

  it('empties the Inbox’s trash: trashed sources with all their highlights, and highlights trashed on their own, nothing live', async () => {
    const workspace = await createWorkspace(context);
    const doomed = [await sourceWithEverything(workspace, trashed), await sourceWithEverything(workspace, trashed)];
    const kept = await sourceWithEverything(workspace);
    await context.db.update(highlights).set(trashed).where(eq(highlights.id, kept.highlights[0]!.id));
    const trashedInsight = await createInsight(context, workspace, trashed);

    const purge = await emptyTrash(workspace, 'sources');
    expect(purge).toMatchObject({ status: 'done', reason: 'empty_trash', list: 'sources', progress: 1, total: 3 });
    expect(purge.deleted).toEqual({ sources: 2, highlights: 5, insights: 0, backlogItems: 0, evidenceLinks: 5 });
    const doomedHighlights = doomed.flatMap((entry) => idsOf(entry.highlights));
    expect(await leftOf([...doomedHighlights, kept.highlights[0]!.id])).toEqual(NOTHING_LEFT);
    expect(await context.db.select().from(sources).where(inArray(sources.id, doomed.map((entry) => entry.source.id)))).toEqual([]);
    expect(await leftOf([kept.highlights[1]!.id])).toEqual({ highlights: 1, tags: 0, insightLinks: 0, backlogLinks: 1, clusterMembers: 1 });
    // Another trash is not this one's.
    expect((await context.db.select().from(insights).where(eq(insights.id, trashedInsight.id))).length).toBe(1);
    expect((await trashSummary(workspace)).counts).toEqual({ sources: 0, highlights: 0, insights: 1, backlogItems: 0 });
    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'trash.empty')));
    expect(event).toMatchObject({ actorUserId: workspace.owner.id, summary: 'Emptied the Inbox’s trash: deleted 2 sources, 5 highlights, and 5 evidence links for good' });
  });

  it('empties the Highlights trash: only highlights trashed on their own, with their tags and links; not live ones, not a trashed source’s, not another workspace’s', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const alone = await sourceWithEverything(workspace);
    await context.db.update(highlights).set(trashed).where(eq(highlights.id, alone.highlights[0]!.id));
    const binned = await sourceWithEverything(workspace, trashed);
    // Trashed on its own, then its source too: it is not listed in the Highlights trash, and goes (or comes back) with the source.
    const both = await sourceWithEverything(workspace);
    await context.db.update(highlights).set(trashed).where(eq(highlights.id, both.highlights[0]!.id));
    await context.db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, both.source.id));
    const theirs = await sourceWithEverything(other);
    await context.db.update(highlights).set(trashed).where(eq(highlights.id, theirs.highlights[0]!.id));
    expect((await trashSummary(workspace)).counts).toEqual({ sources: 2, highlights: 1, insights: 0, backlogItems: 0 });

    const purge = await emptyTrash(workspace, 'highlights');
    expect(purge).toMatchObject({ status: 'done', reason: 'empty_trash', list: 'highlights', progress: 1, total: 1 });
    expect(purge.deleted).toEqual({ sources: 0, highlights: 1, insights: 0, backlogItems: 0, evidenceLinks: 1 });
    expect(await leftOf([alone.highlights[0]!.id])).toEqual(NOTHING_LEFT);
    const whole = { highlights: 2, tags: 1, insightLinks: 1, backlogLinks: 1, clusterMembers: 2 };
    expect(await leftOf([alone.highlights[1]!.id])).toEqual({ highlights: 1, tags: 0, insightLinks: 0, backlogLinks: 1, clusterMembers: 1 });
    expect(await leftOf(idsOf(binned.highlights))).toEqual(whole);
    expect(await leftOf(idsOf(both.highlights))).toEqual(whole);
    expect(await leftOf(idsOf(theirs.highlights))).toEqual(whole);
    expect((await context.db.select().from(sources).where(inArray(sources.id, [alone, binned, both].map((entry) => entry.source.id)))).length).toBe(3);
    expect((await trashSummary(workspace)).counts).toEqual({ sources: 2, highlights: 0, insights: 0, backlogItems: 0 });
    expect((await trashSummary(other)).counts.highlights).toBe(1);
    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'trash.empty')));
    expect(event).toMatchObject({ actorUserId: workspace.owner.id, summary: 'Emptied the trash of Highlights: deleted 1 highlight and 1 evidence link for good' });
  });

  it('empties the Highlights trash for admins only: a researcher gets 403 and a member of another workspace 404, deleting nothing', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    const admin = await createMember(context, workspace, 'admin');
    const highlight = await createHighlight(context, workspace, await createSource(context, workspace));
    await context.db.update(highlights).set(trashed).where(eq(highlights.id, highlight.id));
    expect((await researcher.as.post(url(workspace, '/trash/empty'), { list: 'highlights' })).statusCode).toBe(403);
    const notTheirs = await other.owner.as.post(url(workspace, '/trash/empty'), { list: 'highlights' });
    expect(notTheirs.statusCode).toBe(404);
    expect(notTheirs.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await context.db.select().from(purges).where(eq(purges.workspaceId, workspace.id))).toEqual([]);
    expect((await context.db.select().from(highlights).where(eq(highlights.id, highlight.id))).length).toBe(1);
    const started = await admin.as.post(url(workspace, '/trash/empty'), { list: 'highlights' });
    expect(started.statusCode, started.body).toBe(202);
    expect((await finishedPurge(workspace, PurgeSchema.parse(started.json()).id)).deleted.highlights).toBe(1);
    expect(await context.db.select().from(highlights).where(eq(highlights.id, highlight.id))).toEqual([]);
  });

  it('empties the trash of Problems and of the Backlog, each on its own', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace, trashed);
    const item = await createBacklogItem(context, workspace, trashed);
    const liveItem = await createBacklogItem(context, workspace);
    expect((await emptyTrash(workspace, 'insights')).deleted).toMatchObject({ insights: 1, backlogItems: 0 });
    expect(await context.db.select().from(insights).where(eq(insights.id, problem.id))).toEqual([]);
    expect((await context.db.select().from(backlogItems).where(eq(backlogItems.id, item.id))).length).toBe(1);
    expect((await emptyTrash(workspace, 'backlogItems')).deleted).toMatchObject({ insights: 0, backlogItems: 1 });
    expect(idsOf(await context.db.select().from(backlogItems).where(eq(backlogItems.workspaceId, workspace.id)))).toEqual([liveItem.id]);
  });

  it('leaves what is trashed after it was asked for the next time', async () => {
    const workspace = await createWorkspace(context);
    const later = await createSource(context, workspace, { deletedAt: new Date(Date.now() + 60_000) });
    const purge = await emptyTrash(workspace, 'sources');
    expect(purge.deleted.sources).toBe(0);
    expect((await context.db.select().from(sources).where(eq(sources.id, later.id))).length).toBe(1);
  });

  it('runs one purge at a time in a workspace: another is a 409 until it is done', async () => {
    const workspace = await createWorkspace(context);
    const [live] = await context.db.insert(purges).values({ workspaceId: workspace.id, reason: 'empty_trash', list: 'insights', trashedBefore: new Date(), status: 'running' }).returning();
    const refused = await workspace.owner.as.post(url(workspace, '/trash/empty'), { list: 'sources' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('a trash is being emptied');
    expect((await trashSummary(workspace)).purge).toMatchObject({ id: live!.id, status: 'running' });
    await context.db.update(purges).set({ status: 'done' }).where(eq(purges.id, live!.id));
    expect((await workspace.owner.as.post(url(workspace, '/trash/empty'), { list: 'sources' })).statusCode).toBe(202);
  });

  it('answers 400 naming the list for a trash that does not exist, and 404 for another workspace’s purge', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const bad = await workspace.owner.as.post(url(workspace, '/trash/empty'), { list: 'tags' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((issue: { path: string }) => issue.path)).toEqual(['body.list']);
    const theirs = await emptyTrash(other, 'sources');
    expect((await workspace.owner.as.get(url(workspace, `/purges/${theirs.id}`))).statusCode).toBe(404);
  });

  it('deletes in batches that each commit: stopped half-way, what went is gone, the rest is intact, and emptying again finishes', async () => {
    const workspace = await createWorkspace(context);
    const doomed = [];
    for (let i = 0; i < 5; i++) doomed.push(await sourceWithEverything(workspace, trashed));
    const [purge] = await context.db.insert(purges).values({ workspaceId: workspace.id, reason: 'empty_trash', list: 'sources', trashedBefore: new Date(), createdBy: workspace.owner.id }).returning();
    const job: PurgeJob = { purgeId: purge!.id, actor: { workspaceId: workspace.id, userId: workspace.owner.id, tokenId: null } };
    const controller = new AbortController();
    await runPurge(context.db, job, silent, controller.signal, { batchSize: 2, afterBatch: () => controller.abort() });

    const stopped = PurgeSchema.parse((await workspace.owner.as.get(url(workspace, `/purges/${purge!.id}`))).json());
    expect(stopped).toMatchObject({ status: 'failed', failure: INTERRUPTED_FAILURE, total: 5 });
    expect(stopped.deleted).toMatchObject({ sources: 2, highlights: 4 });
    expect(stopped.progress).toBeCloseTo(0.4);
    const left = await context.db.select().from(sources).where(inArray(sources.id, doomed.map((entry) => entry.source.id)));
    expect(left).toHaveLength(3);
    // Each source left has all it had.
    for (const entry of doomed.filter((candidate) => idsOf(left).includes(candidate.source.id))) {
      expect(await leftOf(idsOf(entry.highlights))).toEqual({ highlights: 2, tags: 1, insightLinks: 1, backlogLinks: 1, clusterMembers: 2 });
    }
    expect((await emptyTrash(workspace, 'sources')).deleted).toMatchObject({ sources: 3, highlights: 6 });
    expect(await context.db.select().from(sources).where(eq(sources.workspaceId, workspace.id))).toEqual([]);
  });

  it('empties the Highlights trash in batches that each commit: stopped half-way, emptying again finishes', async () => {
    const workspace = await createWorkspace(context);
    const { highlights: own } = await sourceWithEverything(workspace);
    const third = await createHighlight(context, workspace, await createSource(context, workspace));
    const doomed = [...idsOf(own), third.id];
    await context.db.update(highlights).set(trashed).where(inArray(highlights.id, doomed));
    const [purge] = await context.db.insert(purges).values({ workspaceId: workspace.id, reason: 'empty_trash', list: 'highlights', trashedBefore: new Date(), createdBy: workspace.owner.id }).returning();
    const job: PurgeJob = { purgeId: purge!.id, actor: { workspaceId: workspace.id, userId: workspace.owner.id, tokenId: null } };
    const controller = new AbortController();
    await runPurge(context.db, job, silent, controller.signal, { batchSize: 2, afterBatch: () => controller.abort() });

    const stopped = PurgeSchema.parse((await workspace.owner.as.get(url(workspace, `/purges/${purge!.id}`))).json());
    expect(stopped).toMatchObject({ status: 'failed', failure: INTERRUPTED_FAILURE, total: 3 });
    expect(stopped.deleted.highlights).toBe(2);
    expect(stopped.progress).toBeCloseTo(2 / 3);
    expect((await leftOf(doomed)).highlights).toBe(1);
    expect((await emptyTrash(workspace, 'highlights')).deleted.highlights).toBe(1);
    expect(await leftOf(doomed)).toEqual(NOTHING_LEFT);
  });

  it('fails a purge that a dead process left running, so the workspace can purge again', async () => {
    const workspace = await createWorkspace(context);
    const stale = new Date(Date.now() - 60 * 60 * 1000);
    const [abandoned] = await context.db.insert(purges).values({ workspaceId: workspace.id, reason: 'empty_trash', list: 'sources', trashedBefore: stale, status: 'running', updatedAt: stale }).returning();
    const scheduler = createPurgeScheduler(context.db, silent);
    await scheduler.sweep();
    await scheduler.close();
    expect((await context.db.select().from(purges).where(eq(purges.id, abandoned!.id)))[0]).toMatchObject({ status: 'failed', failure: INTERRUPTED_FAILURE });
    expect((await emptyTrash(workspace, 'sources')).status).toBe('done');
  });
});

describe('the search vocabulary when sources are deleted', () => {
  /** The count of the word's stem in the workspace's vocabulary; null when it has no row at all. */
  const docCount = async (workspace: TestWorkspace, word: string) => {
    const [row] = await rowsOf<{ doc_count: number }>(
      context.db,
      sql`select doc_count from search_terms where workspace_id = ${workspace.id} and term = (tsvector_to_array(to_tsvector('english', ${word})))[1]`,
    );
    return row?.doc_count ?? null;
  };

  it('drops the counts of a live source deleted, and the word once no source has it', async () => {
    const workspace = await createWorkspace(context);
    const first = await createSource(context, workspace, { body: 'The flibbertigibbet export and the quockerwodger' });
    const second = await createSource(context, workspace, { body: 'Another flibbertigibbet' });
    expect([await docCount(workspace, 'flibbertigibbet'), await docCount(workspace, 'quockerwodger')]).toEqual([2, 1]);
    await context.db.delete(sources).where(eq(sources.id, first.id));
    expect([await docCount(workspace, 'flibbertigibbet'), await docCount(workspace, 'quockerwodger')]).toEqual([1, null]);
    await context.db.delete(sources).where(eq(sources.id, second.id));
    expect(await docCount(workspace, 'flibbertigibbet')).toBeNull();
  });

  it('counts a source in the trash nowhere, so deleting it from there changes nothing', async () => {
    const workspace = await createWorkspace(context);
    const keeper = await createSource(context, workspace, { body: 'A snollygoster wrote in' });
    const binned = await createSource(context, workspace, { body: 'A snollygoster and a bumfuzzle' });
    await workspace.owner.as.delete(url(workspace, `/sources/${binned.id}`));
    expect([await docCount(workspace, 'snollygoster'), await docCount(workspace, 'bumfuzzle')]).toEqual([1, null]);
    expect((await workspace.owner.as.delete(url(workspace, `/trash/sources/${binned.id}`))).statusCode).toBe(204);
    expect(await docCount(workspace, 'snollygoster')).toBe(1);
    expect((await context.db.select().from(sources).where(eq(sources.id, keeper.id))).length).toBe(1);
  });
});
