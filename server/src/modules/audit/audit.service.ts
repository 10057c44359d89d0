import { auditActionsOf, type AuditAction, type AuditActorList, type AuditEvent, type AuditEventActor, type ListAuditEventsQuery, type Page } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { resolveDateRange } from '../../lib/date-range.js';
import { iso } from '../../lib/dates.js';
import * as auditRepository from './audit.repository.js';

/** `action` is one the log knows (`AUDIT_ACTION_GROUPS`): a new one gets its words and its filter there. */
export type AuditEntry = { action: AuditAction; objectType: string; objectId?: string | null; summary: string };
export type AuditActor = Pick<WorkspaceActor, 'workspaceId' | 'userId' | 'tokenId'> & {
  /** Acting for a bulk operation, which records one event summing up its steps instead of one per step. */
  inBulk?: boolean;
};

/** The actor for the steps of a bulk operation (a cluster promoted: its highlights, problem and links): they are not logged one by one. */
export function inBulk<T extends AuditActor>(actor: T): T {
  return { ...actor, inBulk: true };
}

/** The summary to log for a single action, or null inside a bulk operation (for statements that write their event themselves). */
export function auditSummaryOf(actor: AuditActor, summary: string): string | null {
  return actor.inBulk ? null : summary;
}

/** Records what an actor did; called inside the service's transaction so both land or neither. */
export async function recordAudit(executor: Executor, actor: AuditActor, ...entries: AuditEntry[]) {
  if (actor.inBulk) return;
  await auditRepository.insert(
    executor,
    entries.map((entry) => ({
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

/**
 * An account-level event (a sign-in, a failed one, a password change) goes to the log of each
 * workspace the user belongs to, where their admins look; for an unknown email (`userId`
 * null) it goes nowhere: no workspace's admins should read what strangers typed.
 */
export async function recordAccountAudit(executor: Executor, userId: string | null, actorUserId: string | null, entry: AuditEntry) {
  await auditRepository.insertForWorkspacesOf(executor, userId, { actorUserId, actorTokenId: null, ...entry });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listAuditEvents(executor: Executor, actor: WorkspaceActor, query: ListAuditEventsQuery): Promise<Page<AuditEvent>> {
  const after = decodeCursor(query.cursor, 2);
  const filters = { actorId: query.actorId, actions: query.action ? auditActionsOf(query.action) : undefined, range: resolveDateRange(query) };
  const rows = await auditRepository.list(executor, actor.workspaceId, filters, query.limit, after);
  const refs = rows.flatMap(({ event }) => (event.objectId && UUID.test(event.objectId) ? [{ type: event.objectType, id: event.objectId }] : []));
  const live = new Map((await auditRepository.findLiveObjects(executor, actor.workspaceId, refs)).map((row) => [`${row.type}/${row.id}`, row.parent_id]));
  return pageFrom(
    rows,
    query.limit,
    ({ event, userName, tokenName }) => {
      const key = `${event.objectType}/${event.objectId}`;
      return {
        id: event.id,
        action: event.action,
        objectType: event.objectType,
        objectId: event.objectId,
        objectExists: live.has(key),
        objectParentId: live.get(key) ?? null,
        summary: event.summary,
        actor: presentActor(event.actorUserId, userName, event.actorTokenId, tokenName),
        createdAt: iso(event.createdAt),
      };
    },
    ({ event, cursorAt }) => [cursorAt, event.id],
  );
}

/** A token acts for the workspace, not for the member who made it: it is named as itself. */
function presentActor(userId: string | null, userName: string | null, tokenId: string | null, tokenName: string | null): AuditEventActor | null {
  if (tokenId) return { type: 'token', id: tokenId, name: tokenName ?? 'deleted token' };
  if (userId) return { type: 'user', id: userId, name: userName ?? 'deleted user' };
  return null;
}

/** The choices of the log's person filter, by name. */
export async function listAuditActors(executor: Executor, actor: WorkspaceActor): Promise<AuditActorList> {
  const rows = await auditRepository.listActors(executor, actor.workspaceId);
  const items = rows.flatMap((row) => presentActor(row.userId, row.userName, row.tokenId, row.tokenName) ?? []);
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.type.localeCompare(b.type)) };
}
