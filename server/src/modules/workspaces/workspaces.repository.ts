import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import type { Role } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { memberships, users, workspaces } from '../../db/schema/index.js';

export async function insertWorkspace(executor: Executor, name: string) {
  const [row] = await executor.insert(workspaces).values({ name }).returning();
  return row!;
}

export async function updateWorkspace(executor: Executor, id: string, name: string) {
  const [row] = await executor.update(workspaces).set({ name, updatedAt: new Date() }).where(eq(workspaces.id, id)).returning();
  return row;
}

/** Every workspace request of a signed-in person checks their role: a prepared statement. */
const findRoleStatement = preparedStatement((executor) =>
  executor
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, sql.placeholder('workspaceId')), eq(memberships.userId, sql.placeholder('userId'))))
    .prepare('memberships_find_role'),
);

export async function findRole(executor: Executor, workspaceId: string, userId: string): Promise<Role | null> {
  const [row] = await findRoleStatement(executor).execute({ workspaceId, userId });
  return row?.role ?? null;
}

export async function listForUser(executor: Executor, userId: string) {
  return executor
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}

export async function insertMembership(executor: Executor, workspaceId: string, userId: string, role: Role) {
  await executor.insert(memberships).values({ workspaceId, userId, role });
}

export async function listMembers(executor: Executor, workspaceId: string) {
  return executor
    .select({ user: users, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name), asc(users.id));
}

export async function findMember(executor: Executor, workspaceId: string, userId: string) {
  const [row] = await executor
    .select({ user: users, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

export async function updateRole(executor: Executor, workspaceId: string, userId: string, role: Role) {
  await executor
    .update(memberships)
    .set({ role, updatedAt: new Date() })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

export async function removeMembership(executor: Executor, workspaceId: string, userId: string) {
  await executor.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

/** Locks the workspace's owner rows so two concurrent demotions cannot remove the last owner. */
export async function countOwnersForUpdate(executor: Executor, workspaceId: string): Promise<number> {
  const rows = await executor
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
    .for('update');
  return rows.length;
}

export async function findOldestWithoutMembers(executor: Executor) {
  const [row] = await executor
    .select()
    .from(workspaces)
    .where(notExists(executor.select({ one: sql`1` }).from(memberships).where(eq(memberships.workspaceId, workspaces.id))))
    .orderBy(asc(workspaces.createdAt))
    .limit(1);
  return row;
}

export async function findWorkspace(executor: Executor, id: string) {
  const [row] = await executor.select().from(workspaces).where(eq(workspaces.id, id));
  return row;
}

