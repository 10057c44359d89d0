import { and, eq, inArray, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { CLUSTER_TEXT_PREVIEW_LENGTH, titleRepeatsText, WHOLE_SOURCE_KINDS, type ClusterScope, type SourceKind } from '@cairn/shared';
import { TEXT_MAX_CHARS } from '../../clustering/index.js';
import type { Executor } from '../../db/client.js';
import { clusterMembers, clusterRuns, clusters, insights, users } from '../../db/schema/index.js';
import { anyOf, jsonRows, rowsOf } from '../../lib/bulk-sql.js';
import { cursorText, newestFirst, olderThan } from '../../lib/cursor.js';
import type { DateRange } from '../../lib/date-range.js';
import { untriagedSource } from '../highlights/highlights.repository.js';

export type ClusterRunRecord = typeof clusterRuns.$inferSelect;
type NewClusterRun = typeof clusterRuns.$inferInsert;

/** Runs not yet finished: what a dead process leaves behind. */
const LIVE_STATUSES = ['queued', 'running'] as const;

export async function insertRun(executor: Executor, values: NewClusterRun) {
  const [row] = await executor.insert(clusterRuns).values(values).returning();
  return row!;
}

export async function findRun(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select({ run: clusterRuns, creatorName: users.name })
    .from(clusterRuns)
    .leftJoin(users, eq(users.id, clusterRuns.createdBy))
    .where(and(eq(clusterRuns.workspaceId, workspaceId), eq(clusterRuns.id, id)));
  return row;
}

/** Clusters whose labels the list shows for each run, to tell apart runs of the same scope. */
const TOP_LABELS = 3;

/** Runs newest first, each with the labels of its first clusters (the engine's order: largest first), in the same statement. */
export async function listRuns(executor: Executor, workspaceId: string, limit: number, after?: Array<string | number | null>) {
  const topLabels = sql<string[]>`(select coalesce(json_agg(top.label order by top.position), '[]'::json)
    from (select c.label, c.position from ${clusters} c where c.run_id = ${clusterRuns.id} order by c.position limit ${TOP_LABELS}) top)`;
  return executor
    .select({ run: clusterRuns, creatorName: users.name, cursorAt: cursorText(clusterRuns.createdAt), topLabels })
    .from(clusterRuns)
    .leftJoin(users, eq(users.id, clusterRuns.createdBy))
    .where(and(eq(clusterRuns.workspaceId, workspaceId), olderThan(clusterRuns.createdAt, clusterRuns.id, after)))
    .orderBy(...newestFirst(clusterRuns.createdAt, clusterRuns.id))
    .limit(limit + 1);
}

export async function updateRun(executor: Executor, workspaceId: string, id: string, values: Partial<NewClusterRun>) {
  await executor
    .update(clusterRuns)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(clusterRuns.workspaceId, workspaceId), eq(clusterRuns.id, id)));
}

export async function deleteRun(executor: Executor, workspaceId: string, id: string): Promise<boolean> {
  const rows = await executor
    .delete(clusterRuns)
    .where(and(eq(clusterRuns.workspaceId, workspaceId), eq(clusterRuns.id, id)))
    .returning({ id: clusterRuns.id });
  return rows.length > 0;
}

export async function touchRuns(executor: Executor, ids: string[]) {
  if (ids.length) await executor.update(clusterRuns).set({ updatedAt: new Date() }).where(inArray(clusterRuns.id, ids));
}

/** Fails runs nobody is working on any more. Maintenance across every workspace, like the imports' sweep. */
export async function failAbandonedRuns(executor: Executor, staleBefore: Date, aliveHere: string[], failure: string) {
  return executor
    .update(clusterRuns)
    .set({ status: 'failed', failure, finishedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        inArray(clusterRuns.status, [...LIVE_STATUSES]),
        lt(clusterRuns.updatedAt, staleBefore),
        aliveHere.length ? notInArray(clusterRuns.id, aliveHere) : undefined,
      ),
    )
    .returning({ id: clusterRuns.id });
}

// --- the scope ---

export type ResolvedScope = Omit<ClusterScope, 'from' | 'to'> & DateRange;

/** Kinds a `sources` run reads when none are named: whole short sources, never interviews. */
export const WHOLE_KINDS = [...WHOLE_SOURCE_KINDS] as SourceKind[];

/**
 * The conditions of a scope over highlights `h` (with the source copies they carry) or
 * sources `s`. Every filter narrows; trashed texts, or texts of trashed sources, never count.
 */
function scopeConditions(workspaceId: string, scope: ResolvedScope): SQL {
  const onHighlights = scope.target === 'highlights';
  const kind = onHighlights ? sql`h.source_kind` : sql`s.kind`;
  const occurredAt = onHighlights ? sql`h.source_occurred_at` : sql`s.occurred_at`;
  const customerId = onHighlights ? sql`h.source_customer_id` : sql`s.customer_id`;
  const kinds = scope.kinds ?? (onHighlights ? null : WHOLE_KINDS);
  const conditions: SQL[] = onHighlights
    ? [sql`h.workspace_id = ${workspaceId}`, sql`h.deleted_at is null`, sql`h.source_deleted_at is null`]
    : [sql`s.workspace_id = ${workspaceId}`, sql`s.deleted_at is null`];
  if (kinds) conditions.push(sql`${kind} = any(${anyOf(kinds)})`);
  if (scope.from) conditions.push(sql`${occurredAt} >= ${scope.from}`);
  if (scope.before) conditions.push(sql`${occurredAt} < ${scope.before}`);
  if (scope.segment) {
    conditions.push(sql`exists (select 1 from customers c join companies co on co.id = c.company_id
      where c.id = ${customerId} and lower(co.segment) = lower(${scope.segment}))`);
  }
  if (scope.importIds?.length) {
    conditions.push(
      onHighlights
        ? sql`exists (select 1 from sources s where s.id = h.source_id and s.import_id = any(${anyOf(scope.importIds)}::uuid[]))`
        : sql`s.import_id = any(${anyOf(scope.importIds)}::uuid[])`,
    );
  }
  if (scope.tagIds?.length) {
    const tagged = sql`exists (select 1 from highlight_tags ht where ht.highlight_id = h.id and ht.tag_id = any(${anyOf(scope.tagIds)}::uuid[]))`;
    conditions.push(onHighlights ? tagged : sql`exists (select 1 from highlights h where h.source_id = s.id and h.deleted_at is null and ${tagged})`);
  }
  if (!onHighlights && scope.untagged) {
    conditions.push(sql`not exists (select 1 from highlights h join highlight_tags ht on ht.highlight_id = h.id where h.source_id = s.id and h.deleted_at is null)`);
  }
  if (!onHighlights && scope.untriaged) conditions.push(untriagedSource({ workspaceId: sql`s.workspace_id`, id: sql`s.id` }));
  return sql.join(conditions, sql` and `);
}

/** How many of the scope's named tags and imports are not this workspace's. */
export async function findMissingScopeIds(executor: Executor, workspaceId: string, ids: { tagIds: string[]; importIds: string[] }) {
  if (!ids.tagIds.length && !ids.importIds.length) return { tagIds: 0, importIds: 0 };
  const [row] = await rowsOf<{ tagIds: number; importIds: number }>(
    executor,
    sql`select
      ${ids.tagIds.length}::int - (select count(*)::int from tags where workspace_id = ${workspaceId} and id = any(${anyOf(ids.tagIds)}::uuid[])) as "tagIds",
      ${ids.importIds.length}::int - (select count(*)::int from imports where workspace_id = ${workspaceId} and id = any(${anyOf(ids.importIds)}::uuid[])) as "importIds"`,
  );
  return row!;
}

/** How many texts the scope holds, counting no further than `cap`. */
export async function countScope(executor: Executor, workspaceId: string, scope: ResolvedScope, cap: number): Promise<number> {
  const from = scope.target === 'highlights' ? sql`highlights h` : sql`sources s`;
  const [row] = await rowsOf<{ count: number }>(
    executor,
    sql`select count(*)::int as count from (select 1 from ${from} where ${scopeConditions(workspaceId, scope)} limit ${cap}) capped`,
  );
  return row!.count;
}

/**
 * The texts of a scope in a fixed order (by id), so that the same scope and seed give the same
 * clusters: a highlight's quote, or the start of a source's body (after its title when the title
 * says more), cut where the engine stops reading.
 */
export async function loadScopeTexts(executor: Executor, workspaceId: string, scope: ResolvedScope, limit: number): Promise<Array<{ id: string; text: string }>> {
  if (scope.target === 'highlights') {
    return rowsOf<{ id: string; text: string }>(
      executor,
      sql`select h.id, left(h.quote, ${TEXT_MAX_CHARS}) as text from highlights h
        where ${scopeConditions(workspaceId, scope)} order by h.id limit ${limit}`,
    );
  }
  const rows = await rowsOf<{ id: string; kind: SourceKind; title: string; body: string }>(
    executor,
    sql`select s.id, s.kind, s.title, left(s.body, ${TEXT_MAX_CHARS}) as body from sources s
      where ${scopeConditions(workspaceId, scope)} order by s.id limit ${limit}`,
  );
  return rows.map(({ id, kind, title, body }) => ({ id, text: titleSaysMore(kind, title, body) ? `${title}\n${body}` : body }));
}

/**
 * Whether a source's title adds words of its own to cluster on. A survey answer's title is its
 * question, shared by every answer to it: clustered, answers would group by question whatever
 * they say. A title that repeats the start of the body (a ticket without a subject) would only
 * count those words twice.
 */
function titleSaysMore(kind: SourceKind, title: string, body: string): boolean {
  return kind !== 'survey_response' && !titleRepeatsText(title, body);
}

// --- clusters and members ---

export type NewCluster = { position: number; label: string; terms: string[]; members: Array<{ id: string; score: number }> };

/**
 * Stores a finished run's clusters and their members, and the texts it left out (in no
 * cluster, so that they can be put in one by hand): one statement each, as one JSON parameter.
 */
export async function insertClusters(
  executor: Executor,
  workspaceId: string,
  runId: string,
  target: ClusterScope['target'],
  found: NewCluster[],
  leftOutIds: string[],
) {
  const inserted = found.length
    ? await executor
        .insert(clusters)
        .values(found.map(({ position, label, terms }) => ({ workspaceId, runId, position, label, terms })))
        .returning({ id: clusters.id, position: clusters.position })
    : [];
  const idAt = new Map(inserted.map((row) => [row.position, row.id]));
  const members = [
    ...found.flatMap((cluster) => cluster.members.map((member) => ({ c: idAt.get(cluster.position), m: member.id, s: member.score }))),
    ...leftOutIds.map((id) => ({ c: null, m: id, s: null })),
  ];
  if (!members.length) return;
  const memberColumn = target === 'highlights' ? sql`highlight_id` : sql`source_id`;
  await executor.execute(sql`insert into cluster_members (workspace_id, run_id, cluster_id, ${memberColumn}, score, placed_cluster_id, placed_score)
    select ${workspaceId}, ${runId}, v.c, v.m, v.s, v.c, v.s from json_to_recordset(${jsonRows(members)}) as v(c uuid, m uuid, s real)`);
}

/** The live members of a cluster: trashed highlights and sources (or highlights of trashed sources) drop out until restored. */
const liveMember = sql`(cm.highlight_id is null or exists (select 1 from highlights h where h.id = cm.highlight_id and h.deleted_at is null and h.source_deleted_at is null))
  and (cm.source_id is null or exists (select 1 from sources s where s.id = cm.source_id and s.deleted_at is null))`;

export type ClusterRow = {
  id: string;
  runId: string;
  label: string;
  terms: string[];
  size: number;
  customerCount: number;
  segmentCount: number;
  promotedId: string | null;
  promotedType: 'problem' | 'opportunity' | 'solution' | null;
  promotedTitle: string | null;
  promotedStatus: 'draft' | 'validated' | 'archived' | null;
};

/**
 * Clusters of a run (or one cluster), in the engine's order, with their live sizes, how many
 * distinct customers and company segments (ignoring case) those members come from, and the live
 * insight they were promoted to. The breadth is counted in the same pass as the size, with the
 * member lists' joins: a lookup by id per member.
 */
export async function listClusters(executor: Executor, workspaceId: string, where: { runId: string } | { id: string }): Promise<ClusterRow[]> {
  const match = 'runId' in where ? sql`c.run_id = ${where.runId}` : sql`c.id = ${where.id}`;
  return rowsOf<ClusterRow>(
    executor,
    sql`select c.id, c.run_id as "runId", c.label, c.terms, live.size, live."customerCount", live."segmentCount",
        i.id as "promotedId", i.type as "promotedType", i.title as "promotedTitle", i.status as "promotedStatus"
      from clusters c
      cross join lateral (
        select count(*)::int as size, count(distinct cu.id)::int as "customerCount", count(distinct lower(co.segment))::int as "segmentCount"
        from cluster_members cm ${memberJoins}
        where cm.cluster_id = c.id and ${liveMember}
      ) live
      left join ${insights} i on i.id = c.promoted_insight_id and i.deleted_at is null
      where c.workspace_id = ${workspaceId} and ${match}
      order by c.position`,
  );
}

export type MemberRow = {
  clusterId: string;
  highlightId: string | null;
  sourceId: string;
  score: number | null;
  text: string;
  sourceTitle: string;
  sourceKind: SourceKind;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerExternalId: string | null;
  companyId: string | null;
  companyName: string | null;
  companySegment: string | null;
};

/** What a member shows: its text, its source and who said it. `cm` is a cluster_members row. */
const memberColumns = sql`cm.cluster_id as "clusterId", cm.highlight_id as "highlightId", coalesce(cm.source_id, h.source_id) as "sourceId", cm.score,
  left(coalesce(h.quote, s.body), ${CLUSTER_TEXT_PREVIEW_LENGTH}) as text, s.title as "sourceTitle", s.kind as "sourceKind",
  cu.id as "customerId", cu.name as "customerName", cu.email as "customerEmail", cu.external_id as "customerExternalId", co.id as "companyId", co.name as "companyName", co.segment as "companySegment"`;
const memberJoins = sql`left join highlights h on h.id = cm.highlight_id
  join sources s on s.id = coalesce(cm.source_id, h.source_id)
  left join customers cu on cu.id = s.customer_id
  left join companies co on co.id = cu.company_id`;
/** Best first; members moved in by hand (no score) last; then by id, for a stable keyset. */
const memberOrder = sql`cm.score desc nulls last, coalesce(cm.highlight_id, cm.source_id)`;

/** The best `perCluster` live members of each cluster of a run. */
export async function topMembers(executor: Executor, workspaceId: string, clusterIds: string[], perCluster: number): Promise<MemberRow[]> {
  if (!clusterIds.length) return [];
  return rowsOf<MemberRow>(
    executor,
    sql`select m.* from unnest(${anyOf(clusterIds)}::uuid[]) as wanted(id)
      cross join lateral (
        select ${memberColumns} from cluster_members cm ${memberJoins}
        where cm.workspace_id = ${workspaceId} and cm.cluster_id = wanted.id and ${liveMember}
        order by ${memberOrder} limit ${perCluster}
      ) m`,
  );
}

/** One page of a cluster's live members, best first; `after` is the last row's [score, member id]. */
export async function pageMembers(executor: Executor, workspaceId: string, clusterId: string, limit: number, after?: Array<string | number | null>) {
  // Scores sort descending with nulls last: a row comes after [score, id] when its score is lower (or null), or equal with a larger id.
  const afterCondition = !after
    ? sql`true`
    : after[0] === null
      ? sql`cm.score is null and coalesce(cm.highlight_id, cm.source_id) > ${String(after[1])}::uuid`
      : sql`(cm.score < ${after[0]} or cm.score is null or (cm.score = ${after[0]} and coalesce(cm.highlight_id, cm.source_id) > ${String(after[1])}::uuid))`;
  return rowsOf<MemberRow>(
    executor,
    sql`select ${memberColumns} from cluster_members cm ${memberJoins}
      where cm.workspace_id = ${workspaceId} and cm.cluster_id = ${clusterId} and ${liveMember} and ${afterCondition}
      order by ${memberOrder} limit ${limit + 1}`,
  );
}

/** The ids of a cluster's best live members, for promoting it. */
export async function bestMemberIds(executor: Executor, workspaceId: string, clusterId: string, limit: number): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    executor,
    sql`select coalesce(cm.highlight_id, cm.source_id) as id from cluster_members cm
      where cm.workspace_id = ${workspaceId} and cm.cluster_id = ${clusterId} and ${liveMember}
      order by ${memberOrder} limit ${limit}`,
  );
  return rows.map((row) => row.id);
}

/** A cluster with its run, and the insight it was promoted to while that is outside the trash. */
export async function findCluster(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select({
      cluster: clusters,
      run: { id: clusterRuns.id, params: clusterRuns.params, status: clusterRuns.status },
      promotedTo: { type: insights.type, title: insights.title },
    })
    .from(clusters)
    .innerJoin(clusterRuns, eq(clusterRuns.id, clusters.runId))
    .leftJoin(insights, and(eq(insights.id, clusters.promotedInsightId), isNull(insights.deletedAt)))
    .where(and(eq(clusters.workspaceId, workspaceId), eq(clusters.id, id)));
  return row;
}

/** Locks the cluster's row until the transaction ends: a second promotion waits, then sees the first. */
export async function lockCluster(executor: Executor, workspaceId: string, id: string) {
  await executor.execute(sql`select 1 from clusters where workspace_id = ${workspaceId} and id = ${id} for update`);
}

export async function updateCluster(executor: Executor, workspaceId: string, id: string, values: { label?: string; promotedInsightId?: string }) {
  await executor
    .update(clusters)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(clusters.workspaceId, workspaceId), eq(clusters.id, id)));
}

/**
 * Puts texts in a cluster: new to the run, or moved from another of its clusters or from none (a
 * text sits in one cluster of a run). Placed by hand they have no score, unless this is the
 * cluster the engine chose, whose score they get back: moving a text and back is no change.
 * Returns how many changed.
 */
export async function addMembers(executor: Executor, workspaceId: string, runId: string, clusterId: string, target: ClusterScope['target'], ids: string[]) {
  const column = target === 'highlights' ? sql`highlight_id` : sql`source_id`;
  const rows = await rowsOf<{ moved: boolean }>(
    executor,
    sql`insert into cluster_members (workspace_id, run_id, cluster_id, ${column}, score)
      select ${workspaceId}, ${runId}, ${clusterId}, id, null from unnest(${anyOf(ids)}::uuid[]) as wanted(id)
      on conflict (run_id, ${column}) where ${column} is not null
      do update set cluster_id = excluded.cluster_id,
        score = case when cluster_members.placed_cluster_id = excluded.cluster_id then cluster_members.placed_score end
      where cluster_members.cluster_id is distinct from excluded.cluster_id
      returning true as moved`,
  );
  return rows.length;
}

/** Takes texts out of a cluster; they stay in the run, in no cluster, and keep where the engine put them. */
export async function removeMembers(executor: Executor, workspaceId: string, clusterId: string, ids: string[]) {
  const rows = await executor
    .update(clusterMembers)
    .set({ clusterId: null, score: null })
    .where(
      and(
        eq(clusterMembers.workspaceId, workspaceId),
        eq(clusterMembers.clusterId, clusterId),
        sql`coalesce(${clusterMembers.highlightId}, ${clusterMembers.sourceId}) = any(${anyOf(ids)}::uuid[])`,
      ),
    )
    .returning({ runId: clusterMembers.runId });
  return rows.length;
}

/** Live texts of a run in no cluster: left out by the engine or taken out by hand. */
export async function countLeftOut(executor: Executor, workspaceId: string, runId: string): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(
    executor,
    sql`select count(*)::int as count from cluster_members cm where cm.workspace_id = ${workspaceId} and cm.run_id = ${runId} and cm.cluster_id is null and ${liveMember}`,
  );
  return row!.count;
}

/** Which of these ids are live highlights (or sources) of the workspace. */
export async function findLiveTexts(executor: Executor, workspaceId: string, target: ClusterScope['target'], ids: string[]): Promise<Set<string>> {
  const query =
    target === 'highlights'
      ? sql`select id from highlights where workspace_id = ${workspaceId} and id = any(${anyOf(ids)}::uuid[]) and deleted_at is null and source_deleted_at is null`
      : sql`select id from sources where workspace_id = ${workspaceId} and id = any(${anyOf(ids)}::uuid[]) and deleted_at is null`;
  return new Set((await rowsOf<{ id: string }>(executor, query)).map((row) => row.id));
}

/** Highlights covering the whole of these sources (outside the trash), one per source: what promoting a `sources` cluster reuses. */
export async function findWholeSourceHighlights(executor: Executor, workspaceId: string, sourceIds: string[]) {
  return rowsOf<{ sourceId: string; id: string }>(
    executor,
    sql`select distinct on (h.source_id) h.source_id as "sourceId", h.id from highlights h join sources s on s.id = h.source_id
      where h.workspace_id = ${workspaceId} and h.source_id = any(${anyOf(sourceIds)}::uuid[]) and h.deleted_at is null
        and h.start = 0 and h.quote = s.body
      order by h.source_id, h.created_at`,
  );
}
