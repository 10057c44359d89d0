import { randomInt } from 'node:crypto';
import {
  CLUSTER_K_MIN,
  CLUSTER_MEMBERS_SHOWN,
  CLUSTER_SCOPE_MAX,
  EVIDENCE_LINKS_MAX,
  type Cluster,
  type ClusterMember,
  type ClusterRun,
  type ClusterRunListItem,
  type ClusterRunParams,
  type ClusterRunStarted,
  type ClusterRunSummary,
  type ClusterScope,
  type ClusterScopeCount,
  type CountClusterScopeBody,
  type CreateClusterRunBody,
  type Insight,
  type Page,
  type PageQuery,
  type PromoteClusterBody,
  type UpdateClusterBody,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import { presentPerson } from '../../lib/people.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { inBulk, recordAudit } from '../audit/audit.service.js';
import { presentCustomerRef } from '../customers/customers.service.js';
import { createHighlight } from '../highlights/highlights.service.js';
import * as insightsService from '../insights/insights.service.js';
import * as clustersRepository from './clusters.repository.js';
import type { ClusterRow, MemberRow } from './clusters.repository.js';
import { resolveScope, type ClusterRunScheduler } from './clusters.runner.js';

type RunWithCreator = NonNullable<Awaited<ReturnType<typeof clustersRepository.findRun>>>;

function presentRunSummary({ run, creatorName }: RunWithCreator): ClusterRunSummary {
  return {
    id: run.id,
    status: run.status,
    progress: Math.min(1, Math.max(0, run.progress)),
    params: run.params,
    k: run.k,
    silhouette: run.silhouette === null ? null : Math.round(run.silhouette * 1000) / 1000,
    textCount: run.textCount,
    unclusteredCount: run.unclusteredCount,
    failure: run.failure,
    createdBy: presentPerson(run.createdBy, creatorName),
    createdAt: iso(run.createdAt),
    finishedAt: iso(run.finishedAt),
  };
}

function presentMember(row: MemberRow): ClusterMember {
  return {
    id: row.highlightId ?? row.sourceId,
    type: row.highlightId ? 'highlight' : 'source',
    score: row.score ?? 0,
    text: row.text,
    source: { id: row.sourceId, title: row.sourceTitle, kind: row.sourceKind },
    customer: presentCustomerRef(
      row.customerId ? { id: row.customerId, name: row.customerName, email: row.customerEmail, externalId: row.customerExternalId } : null,
      row.companyId ? { id: row.companyId, name: row.companyName!, segment: row.companySegment } : null,
    ),
  };
}

function presentCluster(row: ClusterRow, members: MemberRow[]): Cluster {
  return {
    id: row.id,
    runId: row.runId,
    label: row.label,
    terms: row.terms,
    size: row.size,
    customerCount: row.customerCount,
    segmentCount: row.segmentCount,
    members: members.map(presentMember),
    promotedTo: row.promotedId ? { id: row.promotedId, type: row.promotedType!, title: row.promotedTitle!, status: row.promotedStatus! } : null,
  };
}

async function loadClusters(executor: Executor, workspaceId: string, where: { runId: string } | { id: string }): Promise<Cluster[]> {
  const rows = await clustersRepository.listClusters(executor, workspaceId, where);
  const members = await clustersRepository.topMembers(
    executor,
    workspaceId,
    rows.map((row) => row.id),
    CLUSTER_MEMBERS_SHOWN,
  );
  return rows.map((row) =>
    presentCluster(
      row,
      members.filter((member) => member.clusterId === row.id),
    ),
  );
}

async function loadRun(executor: Executor, workspaceId: string, id: string): Promise<RunWithCreator> {
  const row = await clustersRepository.findRun(executor, workspaceId, id);
  if (!row) throw notFound('Cluster run');
  return row;
}

/**
 * The scope's own rules, each a 4xx naming its field: interviews are clustered through their
 * highlights, `untagged` and `untriaged` are about sources, and named tags and imports must be this workspace's.
 * Returns how many texts it holds, counted no further than one past CLUSTER_SCOPE_MAX.
 */
async function countCheckedScope(executor: Executor, workspaceId: string, scope: ClusterScope): Promise<number> {
  if (scope.target === 'sources' && scope.kinds?.includes('interview')) {
    throw new AppError('unprocessable', 'Interviews are clustered through their highlights: choose the highlights target, or leave interviews out', [
      { path: 'body.scope.kinds', message: 'A sources run takes whole short sources (tickets, survey answers, reviews, notes), not interviews' },
    ]);
  }
  if (scope.target === 'highlights' && scope.untagged !== undefined) {
    const message = '`untagged` applies to sources: highlights are the tagged part already';
    throw new AppError('unprocessable', message, [{ path: 'body.scope.untagged', message }]);
  }
  if (scope.target === 'highlights' && scope.untriaged !== undefined) {
    const message = '`untriaged` applies to sources: highlights are the triaged part already';
    throw new AppError('unprocessable', message, [{ path: 'body.scope.untriaged', message }]);
  }
  const resolved = resolveScope(scope);
  const missing = await clustersRepository.findMissingScopeIds(executor, workspaceId, { tagIds: scope.tagIds ?? [], importIds: scope.importIds ?? [] });
  for (const field of ['tagIds', 'importIds'] as const) {
    if (missing[field]) {
      const message = `${missing[field]} of these ${field === 'tagIds' ? 'tags' : 'imports'} do not exist in this workspace`;
      throw new AppError('not_found', message, [{ path: `body.scope.${field}`, message }]);
    }
  }
  return clustersRepository.countScope(executor, workspaceId, resolved, CLUSTER_SCOPE_MAX + 1);
}

/** The scope's rules (countCheckedScope), then its size: something to cluster, and not too much. */
async function assertScopeFits(executor: Executor, workspaceId: string, params: ClusterRunParams) {
  const count = await countCheckedScope(executor, workspaceId, params.scope);
  const wanted = params.k === 'auto' ? CLUSTER_K_MIN : params.k;
  if (count > CLUSTER_SCOPE_MAX) {
    throw new AppError('unprocessable', `The scope holds more than ${CLUSTER_SCOPE_MAX.toLocaleString('en')} texts; narrow it by kind, tag, date, segment or import`, [
      { path: 'body.scope', message: `At most ${CLUSTER_SCOPE_MAX.toLocaleString('en')} texts per run` },
    ]);
  }
  if (count === 0) {
    const message = 'Nothing in the workspace matches the scope: widen it (fewer filters, another kind or dates)';
    throw new AppError('unprocessable', message, [{ path: 'body.scope', message }]);
  }
  if (count < wanted * 2) {
    const holds = `The scope holds ${count} ${count === 1 ? 'text' : 'texts'}`;
    const message = params.k === 'auto' ? `${holds}; clustering needs at least ${wanted * 2}` : `${holds}; ${wanted} clusters need at least ${wanted * 2}`;
    throw new AppError('unprocessable', message, [{ path: params.k === 'auto' ? 'body.scope' : 'body.k', message }]);
  }
}

/** How many texts a run of this scope would cluster now: the same rules and the same count as starting one, without starting it. */
export async function countClusterScope(db: Db, actor: WorkspaceActor, body: CountClusterScopeBody): Promise<ClusterScopeCount> {
  const count = await countCheckedScope(db, actor.workspaceId, body.scope);
  return { count: Math.min(count, CLUSTER_SCOPE_MAX), overLimit: count > CLUSTER_SCOPE_MAX };
}

/** Records the run and hands it to the background scheduler: the caller gets 202 at once and polls. */
export async function startClusterRun(db: Db, scheduler: ClusterRunScheduler, actor: WorkspaceActor, body: CreateClusterRunBody): Promise<ClusterRunStarted> {
  const params: ClusterRunParams = { scope: body.scope, k: body.k ?? 'auto', seed: body.seed ?? randomInt(2 ** 31 - 1) };
  await assertScopeFits(db, actor.workspaceId, params);
  const run = await db.transaction(async (tx) => {
    const row = await clustersRepository.insertRun(tx, { workspaceId: actor.workspaceId, params, createdBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'cluster_run.start',
      objectType: 'cluster_run',
      objectId: row.id,
      summary: `Started clustering ${params.scope.target} (k ${params.k}, seed ${params.seed})`,
    });
    return row;
  });
  scheduler.start({ runId: run.id, actor, params });
  return { id: run.id, status: run.status };
}

export async function listClusterRuns(db: Db, actor: WorkspaceActor, query: PageQuery): Promise<Page<ClusterRunListItem>> {
  const after = decodeCursor(query.cursor, 2);
  const rows = await clustersRepository.listRuns(db, actor.workspaceId, query.limit, after);
  return pageFrom(rows, query.limit, (row) => ({ ...presentRunSummary(row), topLabels: row.topLabels }), (row) => [row.cursorAt, row.run.id]);
}

export async function getClusterRun(db: Db, actor: WorkspaceActor, id: string): Promise<ClusterRun> {
  const row = await loadRun(db, actor.workspaceId, id);
  if (row.run.status !== 'done') return { ...presentRunSummary(row), clusters: [] };
  const [clusters, leftOut] = await Promise.all([loadClusters(db, actor.workspaceId, { runId: id }), clustersRepository.countLeftOut(db, actor.workspaceId, id)]);
  // Texts taken out by hand are left out as much as those the engine left out, so the sizes add up.
  return { ...presentRunSummary(row), unclusteredCount: leftOut, clusters };
}

/** Deletes a run and its clusters (a run is reproducible from its params); a run still working is stopped first. */
export async function deleteClusterRun(db: Db, scheduler: ClusterRunScheduler, actor: WorkspaceActor, id: string): Promise<void> {
  await loadRun(db, actor.workspaceId, id);
  await scheduler.stop(id);
  await db.transaction(async (tx) => {
    if (!(await clustersRepository.deleteRun(tx, actor.workspaceId, id))) throw notFound('Cluster run');
    await recordAudit(tx, actor, { action: 'cluster_run.delete', objectType: 'cluster_run', objectId: id, summary: 'Deleted a cluster run and its clusters' });
  });
}

async function requireCluster(executor: Executor, workspaceId: string, id: string) {
  const row = await clustersRepository.findCluster(executor, workspaceId, id);
  if (!row) throw notFound('Cluster');
  return row;
}

async function loadCluster(executor: Executor, workspaceId: string, id: string): Promise<Cluster> {
  const [cluster] = await loadClusters(executor, workspaceId, { id });
  if (!cluster) throw notFound('Cluster');
  return cluster;
}

export async function getCluster(db: Db, actor: WorkspaceActor, id: string): Promise<Cluster> {
  return loadCluster(db, actor.workspaceId, id);
}

export async function listClusterMembers(db: Db, actor: WorkspaceActor, id: string, query: PageQuery): Promise<Page<ClusterMember>> {
  await requireCluster(db, actor.workspaceId, id);
  const after = decodeCursor(query.cursor, 2);
  const rows = await clustersRepository.pageMembers(db, actor.workspaceId, id, query.limit, after);
  return pageFrom(rows, query.limit, presentMember, (row) => [row.score, row.highlightId ?? row.sourceId]);
}

/** Renames a cluster, moves texts into it (from wherever they sit in the run) and takes texts out. */
export async function updateCluster(db: Db, actor: WorkspaceActor, id: string, body: UpdateClusterBody): Promise<Cluster> {
  return db.transaction(async (tx) => {
    const { cluster, run } = await requireCluster(tx, actor.workspaceId, id);
    const target = run.params.scope.target;
    const addIds = [...new Set(body.addMemberIds ?? [])];
    const removeIds = [...new Set(body.removeMemberIds ?? [])];
    if (addIds.length) {
      const live = await clustersRepository.findLiveTexts(tx, actor.workspaceId, target, addIds);
      const missing = addIds.filter((memberId) => !live.has(memberId)).length;
      if (missing) {
        const what = target === 'highlights' ? 'highlights' : 'sources';
        const message = `${missing} of these ${what} do not exist in this workspace, or are in the trash`;
        throw new AppError('unprocessable', message, [{ path: 'body.addMemberIds', message }]);
      }
    }
    if (body.label !== undefined) await clustersRepository.updateCluster(tx, actor.workspaceId, id, { label: body.label });
    const added = addIds.length ? await clustersRepository.addMembers(tx, actor.workspaceId, run.id, id, target, addIds) : 0;
    const removed = removeIds.length ? await clustersRepository.removeMembers(tx, actor.workspaceId, id, removeIds) : 0;
    const changes = [
      body.label !== undefined && body.label !== cluster.label ? `renamed it “${body.label}”` : null,
      added ? `moved ${added} in` : null,
      removed ? `took ${removed} out` : null,
    ].filter(Boolean);
    if (changes.length) {
      await recordAudit(tx, actor, { action: 'cluster.update', objectType: 'cluster', objectId: id, summary: `Cluster “${cluster.label}”: ${changes.join(', ')}` });
    }
    return loadCluster(tx, actor.workspaceId, id);
  });
}

/**
 * Highlights standing for whole sources: an existing highlight of the whole body is reused,
 * otherwise one is made (as linking a ticket from Search does). Made before the promotion's
 * transaction, so a retry after a failure reuses them.
 */
async function wholeSourceHighlights(db: Db, actor: WorkspaceActor, sourceIds: string[]): Promise<{ ids: string[]; created: number }> {
  const existing = new Map((await clustersRepository.findWholeSourceHighlights(db, actor.workspaceId, sourceIds)).map((row) => [row.sourceId, row.id]));
  const ids: string[] = [];
  for (const sourceId of sourceIds) {
    ids.push(existing.get(sourceId) ?? (await createHighlight(db, actor, sourceId, { whole: true })).id);
  }
  return { ids, created: sourceIds.length - existing.size };
}

/**
 * Makes a problem (or another insight) of a cluster, or adds it to an existing one
 * (`insightId`): its best members are linked as evidence, up to EVIDENCE_LINKS_MAX, skipping
 * those linked already. A cluster is promoted once while that insight is outside the trash.
 */
export async function promoteCluster(db: Db, actor: WorkspaceActor, id: string, body: PromoteClusterBody): Promise<Insight> {
  const { cluster, run, promotedTo } = await requireCluster(db, actor.workspaceId, id);
  const alreadyPromoted = (to: { type: string; title: string }) =>
    new AppError('conflict', `The cluster is already promoted to “${to.title}”; trash that ${to.type} first to promote it again`);
  if (promotedTo) throw alreadyPromoted(promotedTo);
  // Checked before any highlight is made for it, and again in the transaction.
  if (body.insightId) await insightsService.requireTargetInsight(db, actor.workspaceId, body.insightId, 'body.insightId');
  const memberIds = await clustersRepository.bestMemberIds(db, actor.workspaceId, id, EVIDENCE_LINKS_MAX);
  if (!memberIds.length) throw new AppError('unprocessable', 'The cluster has no members left (all are in the trash); nothing would back the problem');
  // One event for the promotion, which says what it made: not one per highlight, problem and link.
  const step = inBulk(actor);
  const { ids: highlightIds, created } = run.params.scope.target === 'highlights' ? { ids: memberIds, created: 0 } : await wholeSourceHighlights(db, step, memberIds);
  return db.transaction(async (tx) => {
    // Checked again under the cluster's lock: of two promotions at once, the second finds the first.
    await clustersRepository.lockCluster(tx, actor.workspaceId, id);
    const { promotedTo: meanwhile } = await requireCluster(tx, actor.workspaceId, id);
    if (meanwhile) throw alreadyPromoted(meanwhile);
    const insight = body.insightId
      ? await insightsService.requireTargetInsight(tx, actor.workspaceId, body.insightId, 'body.insightId')
      : await insightsService.createInsight(tx, step, {
          type: body.type ?? 'problem',
          title: body.title ?? cluster.label,
          parentId: body.parentId,
          statement: `From the cluster “${cluster.label}” (${cluster.terms.join(', ')}).`,
        });
    const { changed } = await insightsService.linkEvidence(tx, step, insight.id, { highlightIds });
    await clustersRepository.updateCluster(tx, actor.workspaceId, id, { promotedInsightId: insight.id });
    const evidence = `${highlightIds.length} highlight${highlightIds.length === 1 ? '' : 's'}${created ? ` (${created} new, of whole sources)` : ''}`;
    const already = highlightIds.length - changed;
    await recordAudit(tx, actor, {
      action: 'cluster.promote',
      objectType: 'cluster',
      objectId: id,
      summary: body.insightId
        ? `Added the cluster “${cluster.label}” to the ${insight.type} “${insight.title}” with ${evidence} as evidence${already ? `, ${already} of them linked already` : ''}`
        : `Promoted the cluster “${cluster.label}” to the ${insight.type} “${insight.title}” with ${evidence} as evidence`,
    });
    return insightsService.loadInsight(tx, actor.workspaceId, insight.id);
  });
}
