import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { sessions, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;

export async function countUsers(executor: Executor): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function findUserByEmail(executor: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await executor.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(executor: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await executor.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(executor: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await executor.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(executor: Executor, id: string, values: Partial<typeof users.$inferInsert>) {
  await executor.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, id));
}

export async function insertSession(executor: Executor, values: typeof sessions.$inferInsert) {
  await executor.insert(sessions).values(values);
}

/** Every cookie request resolves its session: a prepared statement. */
const findLiveSessionStatement = preparedStatement((executor) =>
  executor
    .select({ session: sessions, mustChangePassword: users.mustChangePassword })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sql.placeholder('idHash')), gt(sessions.expiresAt, sql`now()`)))
    .prepare('sessions_find_live'),
);

export async function findLiveSession(executor: Executor, idHash: string) {
  const [row] = await findLiveSessionStatement(executor).execute({ idHash });
  return row;
}

export async function extendSession(executor: Executor, idHash: string, expiresAt: Date) {
  await executor.update(sessions).set({ expiresAt, lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
}

export async function removeSession(executor: Executor, idHash: string) {
  await executor.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function removeExpiredSessions(executor: Executor) {
  await executor.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export async function removeSessionsOfUser(executor: Executor, userId: string, exceptIdHash?: string) {
  await executor
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptIdHash ? sql`${sessions.idHash} <> ${exceptIdHash}` : undefined));
}
