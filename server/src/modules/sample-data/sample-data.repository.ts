import { asc, desc, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { memberships, workspaces } from '../../db/schema/index.js';

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
