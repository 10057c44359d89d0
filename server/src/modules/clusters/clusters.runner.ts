import { CLUSTER_SCOPE_MAX, type ClusterRunParams, type ClusterScope } from '@cairn/shared';
import { ClusterInputError, clusterTexts } from '../../clustering/index.js';
import type { Db } from '../../db/client.js';
import { createBackgroundJobs, type BackgroundJobs, type JobLogger } from '../../lib/background-jobs.js';
import { resolveDateRange } from '../../lib/date-range.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import * as clustersRepository from './clusters.repository.js';
import type { ResolvedScope } from './clusters.repository.js';

export type ClusterRunJob = { runId: string; actor: WorkspaceActor; params: ClusterRunParams };
export type ClusterRunScheduler = BackgroundJobs<ClusterRunJob>;

export const INTERRUPTED_FAILURE = 'Interrupted by a restart; run it again — the same seed gives the same clusters';
/** Share of the progress bar for reading the scope; the engine's own progress fills the rest, then saving. */
const READ_SHARE = 0.05;
const ENGINE_SHARE = 0.9;
/** How often progress is written while the engine works. */
const PROGRESS_WRITE_MS = 500;

export function resolveScope(scope: ClusterScope, at = 'body.scope'): ResolvedScope {
  const { from, to, ...rest } = scope;
  return { ...rest, ...resolveDateRange({ from, to }, at) };
}

/** Writes progress at most every PROGRESS_WRITE_MS, one write at a time, never going back. */
function progressWriter(db: Db, job: ClusterRunJob) {
  let written = 0;
  let lastWrite = 0;
  let pending: Promise<void> = Promise.resolve();
  return {
    report(progress: number) {
      const now = Date.now();
      if (progress <= written || now - lastWrite < PROGRESS_WRITE_MS) return;
      written = progress;
      lastWrite = now;
      pending = pending.then(() => clustersRepository.updateRun(db, job.actor.workspaceId, job.runId, { progress })).catch(() => undefined);
    },
    settled: () => pending,
  };
}

/**
 * Reads the scope, runs the engine and stores the clusters, recording how the run ended.
 * Never throws for a scope the engine cannot cluster: that ends as a `failed` run saying why.
 */
export async function runClusterRun(db: Db, job: ClusterRunJob, log: JobLogger, signal: AbortSignal): Promise<void> {
  const { actor, runId, params } = job;
  const { workspaceId } = actor;
  const progress = progressWriter(db, job);
  try {
    // Stopped while it waited for its turn (deleted, or the process closing): nothing to read.
    signal.throwIfAborted();
    await clustersRepository.updateRun(db, workspaceId, runId, { status: 'running' });
    const scope = resolveScope(params.scope);
    const texts = await clustersRepository.loadScopeTexts(db, workspaceId, scope, CLUSTER_SCOPE_MAX + 1);
    if (texts.length > CLUSTER_SCOPE_MAX) throw new ClusterInputError(`The scope grew past ${CLUSTER_SCOPE_MAX.toLocaleString('en')} texts since the run was asked for; narrow it`);
    await clustersRepository.updateRun(db, workspaceId, runId, { textCount: texts.length, progress: READ_SHARE });
    const outcome = await clusterTexts(
      texts.map((row) => row.text),
      { k: params.k, seed: params.seed },
      { signal, onProgress: (fraction) => progress.report(READ_SHARE + ENGINE_SHARE * fraction) },
    );
    await progress.settled();
    await db.transaction(async (tx) => {
      await clustersRepository.insertClusters(
        tx,
        workspaceId,
        runId,
        params.scope.target,
        outcome.clusters.map((cluster, position) => ({
          position,
          label: cluster.label,
          terms: cluster.terms,
          members: cluster.members.map((member) => ({ id: texts[member.index]!.id, score: member.score })),
        })),
        outcome.unclustered.map((index) => texts[index]!.id),
      );
      await clustersRepository.updateRun(tx, workspaceId, runId, {
        status: 'done',
        progress: 1,
        k: outcome.k,
        silhouette: outcome.silhouette,
        unclusteredCount: outcome.unclustered.length,
        finishedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'cluster_run.complete',
        objectType: 'cluster_run',
        objectId: runId,
        summary: `Clustered ${texts.length.toLocaleString('en')} ${params.scope.target} into ${outcome.clusters.length} clusters`,
      });
    });
  } catch (error) {
    await progress.settled();
    let failure: string;
    if (signal.aborted) failure = INTERRUPTED_FAILURE;
    else if (error instanceof ClusterInputError) failure = error.message;
    else {
      log.error({ err: error, runId }, 'cluster run failed');
      failure = `An unexpected error stopped the run (reference ${runId})`;
    }
    // A deleted run is gone: the update then changes nothing.
    await clustersRepository.updateRun(db, workspaceId, runId, { status: 'failed', failure, finishedAt: new Date() });
  }
}

/**
 * Runs clustering in the background of this process (lib/background-jobs), `concurrency` runs at
 * a time: the engine shares the API's CPU, so further runs wait `queued` for their turn.
 */
export function createClusterRunScheduler(db: Db, log: JobLogger, concurrency: number): ClusterRunScheduler {
  return createBackgroundJobs({
    name: 'cluster run',
    concurrency,
    idOf: (job) => job.runId,
    run: (job, signal) => runClusterRun(db, job, log, signal),
    touch: (ids) => clustersRepository.touchRuns(db, ids),
    failAbandoned: (staleBefore, aliveHere) => clustersRepository.failAbandonedRuns(db, staleBefore, aliveHere, INTERRUPTED_FAILURE),
    log,
  });
}
