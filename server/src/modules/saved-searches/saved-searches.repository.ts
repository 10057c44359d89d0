import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { savedSearches, users } from '../../db/schema/index.js';
import { cursorText, olderThan } from '../../lib/cursor.js';

export type SavedSearchRow = typeof savedSearches.$inferSelect;

export async function insert(executor: Executor, values: typeof savedSearches.$inferInsert) {
  const [row] = await executor.insert(savedSearches).values(values).returning();
  return row!;
}

export async function list(executor: Executor, workspaceId: string, limit: number, after?: Array<string | number | null>) {
  return executor
    .select({ search: savedSearches, cursorAt: cursorText(savedSearches.createdAt), creatorName: users.name })
    .from(savedSearches)
    .leftJoin(users, eq(users.id, savedSearches.createdBy))
    .where(and(eq(savedSearches.workspaceId, workspaceId), olderThan(savedSearches.createdAt, savedSearches.id, after)))
    .orderBy(desc(savedSearches.createdAt), desc(savedSearches.id))
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
