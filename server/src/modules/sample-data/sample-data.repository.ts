import { and, asc, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { backlogItems, highlights, insights, memberships, sources, workspaces } from '../../db/schema/index.js';

const hasOwner = sql<boolean>`exists (select 1 from ${memberships} where ${memberships.workspaceId} = ${workspaces.id} and ${memberships.role} = 'owner')`;

/** The oldest workspace someone owns (the one a fresh install was set up with), else the oldest one. */
export async function findFirstWorkspace(executor: Executor) {
  const [row] = await executor.select({ workspace: workspaces, hasOwner }).from(workspaces).orderBy(desc(hasOwner), asc(workspaces.createdAt), asc(workspaces.id)).limit(1);
  return row;
}

export async function insertWorkspace(executor: Executor, name: string) {
  const [row] = await executor.insert(workspaces).values({ name }).returning();
  return row!;
}

/** The sample's interviews (by title) and its tickets (`LL-…` ids), with what seeding highlights needs. */
export async function listSampleSources(executor: Executor, workspaceId: string, interviewTitles: string[]) {
  return executor
    .select({ id: sources.id, kind: sources.kind, title: sources.title, externalId: sources.externalId, body: sources.body, metadata: sources.metadata })
    .from(sources)
    .where(
      and(
        eq(sources.workspaceId, workspaceId),
        isNull(sources.deletedAt),
        or(and(eq(sources.kind, 'interview'), inArray(sources.title, interviewTitles)), and(eq(sources.kind, 'ticket'), like(sources.externalId, 'LL-%'))),
      ),
    )
    .orderBy(asc(sources.externalId));
}

/** Ranges already highlighted on these sources, trashed ones included: seeding never recreates them. */
export async function listHighlightRanges(executor: Executor, workspaceId: string, sourceIds: string[]) {
  if (!sourceIds.length) return [];
  return executor
    .select({ id: highlights.id, sourceId: highlights.sourceId, start: highlights.start, end: highlights.end, deletedAt: highlights.deletedAt })
    .from(highlights)
    .where(and(eq(highlights.workspaceId, workspaceId), inArray(highlights.sourceId, sourceIds)));
}

/** Every insight's title, trashed ones included: the sample's insights are known by their titles. */
export async function listInsightTitles(executor: Executor, workspaceId: string) {
  return executor.select({ id: insights.id, title: insights.title, deletedAt: insights.deletedAt }).from(insights).where(eq(insights.workspaceId, workspaceId));
}

/** Every backlog item's title and tracker key, trashed ones included. */
export async function listBacklogItemTitles(executor: Executor, workspaceId: string) {
  return executor.select({ title: backlogItems.title, externalKey: backlogItems.externalKey }).from(backlogItems).where(eq(backlogItems.workspaceId, workspaceId));
}
