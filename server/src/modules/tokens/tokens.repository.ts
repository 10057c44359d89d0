import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { apiTokens, users } from '../../db/schema/index.js';

export async function insert(executor: Executor, values: typeof apiTokens.$inferInsert) {
  const [row] = await executor.insert(apiTokens).values(values).returning();
  return row!;
}

/** Every bearer request looks its token up: a prepared statement. */
const findLiveByHashStatement = preparedStatement((executor) =>
  executor
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
    .prepare('api_tokens_find_live'),
);

export async function findLiveByHash(executor: Executor, tokenHash: string) {
  const [row] = await findLiveByHashStatement(executor).execute({ tokenHash });
  return row;
}

function selectWithCreator(executor: Executor) {
  return executor.select({ token: apiTokens, creatorName: users.name }).from(apiTokens).leftJoin(users, eq(users.id, apiTokens.createdBy));
}

export async function listLive(executor: Executor, workspaceId: string) {
  return selectWithCreator(executor)
    .where(and(eq(apiTokens.workspaceId, workspaceId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findWithCreator(executor: Executor, workspaceId: string, id: string) {
  const [row] = await selectWithCreator(executor).where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
  return row;
}

export async function markUsed(executor: Executor, id: string) {
  await executor.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
}

export async function revoke(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .update(apiTokens)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** The live tokens a member created in a workspace. */
export async function listLiveByCreator(executor: Executor, workspaceId: string, userId: string) {
  return executor
    .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role })
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.createdBy, userId), isNull(apiTokens.revokedAt)));
}

export async function revokeMany(executor: Executor, workspaceId: string, ids: string[]) {
  if (!ids.length) return;
  await executor
    .update(apiTokens)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(apiTokens.workspaceId, workspaceId), inArray(apiTokens.id, ids), isNull(apiTokens.revokedAt)));
}

export async function setRole(executor: Executor, workspaceId: string, ids: string[], role: Role) {
  if (!ids.length) return;
  await executor
    .update(apiTokens)
    .set({ role, updatedAt: new Date() })
    .where(and(eq(apiTokens.workspaceId, workspaceId), inArray(apiTokens.id, ids), isNull(apiTokens.revokedAt)));
}
