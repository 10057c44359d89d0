import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { apiTokens, auditEvents, users } from '../../db/schema/index.js';
import { cursorText, olderThan } from '../../lib/cursor.js';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insert(executor: Executor, events: NewAuditEvent[]) {
  if (events.length) await executor.insert(auditEvents).values(events);
}

export async function list(executor: Executor, workspaceId: string, limit: number, after?: Array<string | number | null>) {
  const actorToken = alias(apiTokens, 'actor_token');
  return executor
    .select({ event: auditEvents, cursorAt: cursorText(auditEvents.createdAt), userName: users.name, tokenName: actorToken.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(actorToken, eq(actorToken.id, auditEvents.actorTokenId))
    .where(and(eq(auditEvents.workspaceId, workspaceId), olderThan(auditEvents.createdAt, auditEvents.id, after)))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit + 1);
}
