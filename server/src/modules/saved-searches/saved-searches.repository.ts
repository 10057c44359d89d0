import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { savedSearches, savedSearchViews, users } from '../../db/schema/index.js';
import { cursorText, newestFirst, olderThan } from '../../lib/cursor.js';

export type SavedSearchRow = typeof savedSearches.$inferSelect;

export async function insert(executor: Executor, values: typeof savedSearches.$inferInsert) {
  const [row] = await executor.insert(savedSearches).values(values).returning();
  return row!;
}

/**
 * A page of the workspace's saved searches, each with when `userId` last opened it (when it
 * was saved, if never) as PostgreSQL writes it: new matches are counted from there, to the microsecond.
 */
export async function list(executor: Executor, workspaceId: string, userId: string | null, limit: number, after?: Array<string | number | null>) {
  const seenBy = userId
    ? and(eq(savedSearchViews.workspaceId, savedSearches.workspaceId), eq(savedSearchViews.userId, userId), eq(savedSearchViews.savedSearchId, savedSearches.id))
    : sql`false`;
  return executor
    .select({
      search: savedSearches,
      cursorAt: cursorText(savedSearches.createdAt),
      creatorName: users.name,
      seenSince: sql<string>`coalesce(${savedSearchViews.seenAt}, ${savedSearches.createdAt})::text`,
    })
    .from(savedSearches)
    .leftJoin(users, eq(users.id, savedSearches.createdBy))
    .leftJoin(savedSearchViews, seenBy)
    .where(and(eq(savedSearches.workspaceId, workspaceId), olderThan(savedSearches.createdAt, savedSearches.id, after)))
    .orderBy(...newestFirst(savedSearches.createdAt, savedSearches.id))
    .limit(limit + 1);
}

/** One saved search as lists show it, with its creator's name. */
export async function findWithCreator(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select({ search: savedSearches, creatorName: users.name })
    .from(savedSearches)
    .leftJoin(users, eq(users.id, savedSearches.createdBy))
    .where(and(eq(savedSearches.workspaceId, workspaceId), eq(savedSearches.id, id)));
  return row!;
}

export async function findById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor.select().from(savedSearches).where(and(eq(savedSearches.workspaceId, workspaceId), eq(savedSearches.id, id)));
  return row;
}

export async function remove(executor: Executor, workspaceId: string, id: string) {
  await executor.delete(savedSearches).where(and(eq(savedSearches.workspaceId, workspaceId), eq(savedSearches.id, id)));
}

/** Notes that the user opened the saved search now. */
export async function upsertView(executor: Executor, workspaceId: string, userId: string, savedSearchId: string) {
  await executor
    .insert(savedSearchViews)
    .values({ workspaceId, userId, savedSearchId })
    .onConflictDoUpdate({ target: [savedSearchViews.workspaceId, savedSearchViews.userId, savedSearchViews.savedSearchId], set: { seenAt: sql`now()`, updatedAt: sql`now()` } });
}
