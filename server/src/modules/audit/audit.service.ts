import type { AuditEvent, Page, PageQuery } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import * as auditRepository from './audit.repository.js';

export type AuditEntry = { action: string; objectType: string; objectId?: string | null; summary: string };
export type AuditActor = Pick<WorkspaceActor, 'workspaceId' | 'userId' | 'tokenId'>;

/** Records what an actor did; called inside the service's transaction so both land or neither. */
export async function recordAudit(executor: Executor, actor: AuditActor, ...entries: AuditEntry[]) {
  await recordAuditBatch(executor, entries.map((entry) => ({ actor, entry })));
}

/** Records events of several actors or workspaces (one sign-in, every membership) in one multi-row insert. */
export async function recordAuditBatch(executor: Executor, events: Array<{ actor: AuditActor; entry: AuditEntry }>) {
  await auditRepository.insert(
    executor,
    events.map(({ actor, entry }) => ({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      summary: entry.summary,
    })),
  );
}

export async function listAuditEvents(executor: Executor, actor: WorkspaceActor, query: PageQuery): Promise<Page<AuditEvent>> {
  const after = decodeCursor(query.cursor, 2);
  const rows = await auditRepository.list(executor, actor.workspaceId, query.limit, after);
  return pageFrom(
    rows,
    query.limit,
    ({ event, userName, tokenName }) => ({
      id: event.id,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      summary: event.summary,
      actor: event.actorTokenId
        ? { type: 'token' as const, id: event.actorTokenId, name: tokenName ?? 'deleted token' }
        : event.actorUserId
          ? { type: 'user' as const, id: event.actorUserId, name: userName ?? 'deleted user' }
          : null,
      createdAt: iso(event.createdAt),
    }),
    ({ event, cursorAt }) => [cursorAt, event.id],
  );
}
