import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import {
  apiTokens,
  auditEvents,
  backlogItems,
  clusterRuns,
  clusters,
  companies,
  customers,
  highlights,
  imports,
  insights,
  memberships,
  savedSearches,
  sources,
  tags,
  users,
  workspaces,
} from '../../db/schema/index.js';
import { anyOf, rowsOf } from '../../lib/bulk-sql.js';
import { cursorText, newestFirst, olderThan } from '../../lib/cursor.js';
import type { DateRange } from '../../lib/date-range.js';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insert(executor: Executor, events: NewAuditEvent[]) {
  if (events.length) await executor.insert(auditEvents).values(events);
}

/**
 * One event in each workspace `userId` belongs to, in one statement: an account-level event
 * (a sign-in, a password change) that each workspace's admins should see. An unknown user
 * (`null`) costs the same round trip and writes nothing.
 */
export async function insertForWorkspacesOf(executor: Executor, userId: string | null, event: Omit<NewAuditEvent, 'workspaceId'>) {
  await executor.execute(sql`
    insert into audit_events (workspace_id, actor_user_id, actor_token_id, action, object_type, object_id, summary)
    select m.workspace_id, ${event.actorUserId ?? null}::uuid, null, ${event.action}, ${event.objectType}, ${event.objectId ?? null}, ${event.summary}
    from memberships m where m.user_id = ${userId}::uuid`);
}

export type AuditFilters = { actorId?: string | undefined; actions?: string[] | undefined; range: DateRange };

export async function list(executor: Executor, workspaceId: string, filters: AuditFilters, limit: number, after?: Array<string | number | null>) {
  const actorToken = alias(apiTokens, 'actor_token');
  const { actorId, actions, range } = filters;
  return executor
    .select({ event: auditEvents, cursorAt: cursorText(auditEvents.createdAt), userName: users.name, tokenName: actorToken.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(actorToken, eq(actorToken.id, auditEvents.actorTokenId))
    .where(
      and(
        eq(auditEvents.workspaceId, workspaceId),
        actorId ? or(eq(auditEvents.actorUserId, actorId), eq(auditEvents.actorTokenId, actorId)) : undefined,
        actions ? inArray(auditEvents.action, actions) : undefined,
        range.from ? gte(auditEvents.createdAt, range.from) : undefined,
        range.before ? lt(auditEvents.createdAt, range.before) : undefined,
        olderThan(auditEvents.createdAt, auditEvents.id, after),
      ),
    )
    .orderBy(...newestFirst(auditEvents.createdAt, auditEvents.id))
    .limit(limit + 1);
}

/** Every person and API token with an event in the workspace's log, whether or not they are still members. */
export async function listActors(executor: Executor, workspaceId: string) {
  const actorToken = alias(apiTokens, 'actor_token');
  const actors = executor
    .selectDistinct({ userId: auditEvents.actorUserId, tokenId: auditEvents.actorTokenId })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, workspaceId))
    .as('actors');
  return executor
    .select({ userId: actors.userId, tokenId: actors.tokenId, userName: users.name, tokenName: actorToken.name })
    .from(actors)
    .leftJoin(users, eq(users.id, actors.userId))
    .leftJoin(actorToken, eq(actorToken.id, actors.tokenId));
}

export type ObjectRef = { type: string; id: string };

/** `select <type>, id, <parent id> from <table> where <live>` for each kind of object the log names. */
function liveObjectsOf(workspaceId: string, type: string, ids: string[]): SQL | undefined {
  const byId = (table: PgTable & { workspaceId: AnyPgColumn; id: AnyPgColumn }, live?: SQL, parent: SQL = sql`null`) =>
    sql`select ${type}::text as type, ${table.id}::text as id, ${parent}::text as parent_id from ${table}
        where ${table.workspaceId} = ${workspaceId} and ${table.id} = any(${anyOf(ids)}::uuid[])${live ? sql` and ${live}` : sql``}`;
  switch (type) {
    case 'source':
      return byId(sources, sql`${sources.deletedAt} is null`);
    case 'highlight':
      return byId(highlights, sql`${highlights.deletedAt} is null and ${highlights.sourceDeletedAt} is null`, sql`${highlights.sourceId}`);
    case 'tag':
      return byId(tags);
    case 'insight':
      return byId(insights, sql`${insights.deletedAt} is null`);
    case 'backlog_item':
      return byId(backlogItems, sql`${backlogItems.deletedAt} is null`);
    case 'customer':
      return byId(customers);
    case 'company':
      return byId(companies);
    case 'cluster':
      return byId(clusters, undefined, sql`${clusters.runId}`);
    case 'cluster_run':
      return byId(clusterRuns);
    case 'import':
      return byId(imports);
    case 'saved_search':
      return byId(savedSearches);
    case 'api_token':
      return byId(apiTokens, sql`${apiTokens.revokedAt} is null`);
    case 'user':
      return sql`select ${type}::text as type, ${memberships.userId}::text as id, null::text as parent_id from ${memberships}
        where ${memberships.workspaceId} = ${workspaceId} and ${memberships.userId} = any(${anyOf(ids)}::uuid[])`;
    case 'workspace':
      return sql`select ${type}::text as type, ${workspaces.id}::text as id, null::text as parent_id from ${workspaces} where ${workspaces.id} = ${workspaceId}`;
    default:
      return undefined;
  }
}

/** Which of `refs` still exist in the workspace outside the trash, with what a link to each needs; one statement. */
export async function findLiveObjects(executor: Executor, workspaceId: string, refs: ObjectRef[]) {
  const idsByType = new Map<string, string[]>();
  for (const ref of refs) idsByType.set(ref.type, [...(idsByType.get(ref.type) ?? []), ref.id]);
  const selects = [...idsByType].map(([type, ids]) => liveObjectsOf(workspaceId, type, ids)).filter((select) => select !== undefined);
  if (!selects.length) return [];
  return rowsOf<{ type: string; id: string; parent_id: string | null }>(executor, sql.join(selects, sql` union all `));
}
