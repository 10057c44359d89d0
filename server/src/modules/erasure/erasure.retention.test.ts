import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TrashSummarySchema, purgeDateOf } from '@cairn/shared';
import { loadConfig } from '../../config.js';
import { auditEvents, backlogItems, highlights, insights, purges, sources, workspaces } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { createBacklogItem, createHighlight, createInsight, createSource, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { createPurgeScheduler, purgeOldTrash } from './erasure.runner.js';

// The time limit runs over every workspace of the database: this file's own, one test at a time.
const context = useTestApp();
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const silent = { error: () => {} };

/** Runs the time limit as the hourly check would at `now`, and waits for the purges it starts. */
async function checkRetention(days: number, now: Date) {
  const scheduler = createPurgeScheduler(context.db, silent);
  const started = await purgeOldTrash(context.db, scheduler, days, now);
  try {
    for (let attempt = 0; attempt < 400; attempt++) {
      const rows = await Promise.all(started.map(async (id) => (await context.db.select().from(purges).where(eq(purges.id, id)))[0]!));
      if (rows.every((row) => row.status === 'done' || row.status === 'failed')) return rows;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the purges did not finish');
  } finally {
    await scheduler.close();
  }
}

/** Makes the workspace's time limit start long ago, as for a workspace created before the trash had one. */
async function limitSince(workspace: TestWorkspace, startsAt: Date) {
  await context.db.update(workspaces).set({ trashRetentionStartsAt: startsAt }).where(eq(workspaces.id, workspace.id));
}

const exists = async (table: typeof sources | typeof highlights | typeof insights | typeof backlogItems, id: string) =>
  (await context.db.select({ id: table.id }).from(table).where(eq(table.id, id))).length === 1;

describe('the trash’s time limit', () => {
  it('is 30 days unless TRASH_RETENTION_DAYS says otherwise; 0 keeps the trash until someone empties it', () => {
    expect(loadConfig({}).trashRetentionDays).toBe(30);
    expect(loadConfig({ TRASH_RETENTION_DAYS: '7' }).trashRetentionDays).toBe(7);
    expect(loadConfig({ TRASH_RETENTION_DAYS: '0' }).trashRetentionDays).toBeNull();
    expect(() => loadConfig({ TRASH_RETENTION_DAYS: '-1' })).toThrow(/TRASH_RETENTION_DAYS/);
  });

  it('deletes for good, in every trash, what has been there longer than the limit, and leaves the rest', async () => {
    const workspace = await createWorkspace(context);
    await limitSince(workspace, daysAgo(400));
    const old = { deletedAt: daysAgo(31) };
    const recent = { deletedAt: daysAgo(29) };
    const oldSource = await createSource(context, workspace, old);
    const recentSource = await createSource(context, workspace, recent);
    const live = await createSource(context, workspace);
    const oldHighlight = await createHighlight(context, workspace, live);
    await context.db.update(highlights).set(old).where(eq(highlights.id, oldHighlight.id));
    const oldInsight = await createInsight(context, workspace, old);
    const recentInsight = await createInsight(context, workspace, recent);
    const oldItem = await createBacklogItem(context, workspace, old);

    const [purge] = await checkRetention(30, new Date());
    expect(purge).toMatchObject({ workspaceId: workspace.id, reason: 'retention', status: 'done', createdBy: null });
    expect(purge!.deleted).toEqual({ sources: 1, highlights: 1, insights: 1, backlogItems: 1, evidenceLinks: 0 });
    expect([await exists(sources, oldSource.id), await exists(highlights, oldHighlight.id), await exists(insights, oldInsight.id), await exists(backlogItems, oldItem.id)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect([await exists(sources, recentSource.id), await exists(sources, live.id), await exists(insights, recentInsight.id)]).toEqual([true, true, true]);
    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'trash.retention')));
    expect(event).toMatchObject({ actorUserId: null, actorTokenId: null });
    expect(event!.summary).toMatch(/^Deleted for good what had been in the trash since \d{4}-\d{2}-\d{2} or before: 1 source, 1 highlight, 1 insight, and 1 backlog item$/);
  });

  it('gives what was in the trash before the limit began the whole limit from then, and says when each thing goes', async () => {
    const workspace = await createWorkspace(context);
    const startsAt = daysAgo(10);
    await limitSince(workspace, startsAt);
    const ancient = await createSource(context, workspace, { deletedAt: daysAgo(365) });
    expect(await checkRetention(30, new Date())).toEqual([]);
    expect(await exists(sources, ancient.id)).toBe(true);

    const summary = TrashSummarySchema.parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/trash`)).json());
    expect(summary.retention).toEqual({ days: 30, startsAt: startsAt.toISOString() });
    const goes = purgeDateOf(daysAgo(365).toISOString(), summary.retention);
    expect(Date.parse(goes!)).toBe(startsAt.getTime() + 30 * DAY_MS);
    const yesterday = daysAgo(1);
    expect(purgeDateOf(yesterday.toISOString(), summary.retention)).toBe(new Date(yesterday.getTime() + 30 * DAY_MS).toISOString());
    expect(purgeDateOf(yesterday.toISOString(), null)).toBeNull();

    // Twenty-one days on, the limit has run its course for it.
    const later = await checkRetention(30, new Date(Date.now() + 21 * DAY_MS));
    expect(later.find((purge) => purge.workspaceId === workspace.id)).toMatchObject({ status: 'done', deleted: { sources: 1 } });
    expect(await exists(sources, ancient.id)).toBe(false);
  });

  it('waits for the next check where a purge is under way, and starts none where nothing is old enough', async () => {
    const workspace = await createWorkspace(context);
    await limitSince(workspace, daysAgo(400));
    const old = await createSource(context, workspace, { deletedAt: daysAgo(60) });
    const [running] = await context.db.insert(purges).values({ workspaceId: workspace.id, reason: 'empty_trash', list: 'insights', trashedBefore: new Date(), status: 'running' }).returning();
    expect(await checkRetention(30, new Date())).toEqual([]);
    expect(await exists(sources, old.id)).toBe(true);
    await context.db.update(purges).set({ status: 'done' }).where(eq(purges.id, running!.id));
    expect(await checkRetention(30, new Date())).toHaveLength(1);
    expect(await checkRetention(30, new Date())).toEqual([]);
  });
});
