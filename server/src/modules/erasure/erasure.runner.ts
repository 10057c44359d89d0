import { describePurgeCounts, type PurgeCounts, type TrashList } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { analyzeChangedTables } from '../../db/statistics.js';
import { createBackgroundJobs, type BackgroundJobs, type JobLogger } from '../../lib/background-jobs.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import * as erasureRepository from './erasure.repository.js';
import type { PurgeRow } from './erasure.repository.js';

export type PurgeJob = { purgeId: string; actor: AuditActor & { workspaceId: string } };
export type PurgeScheduler = BackgroundJobs<PurgeJob>;
export type PurgeOptions = {
  /** Rows of the kind being deleted per transaction (sources, highlights, insights or backlog items). */
  batchSize?: number;
  /** Called after each batch is committed (tests stop a purge half-way with it). */
  afterBatch?: () => void;
};

/**
 * Sources (or highlights, insights, backlog items) deleted per transaction. Each batch commits on
 * its own, so a large trash holds no long transaction and locks no more than this many rows at a
 * time; 500 sources with their highlights took 0.2 s on PostgreSQL with the indexes of migration 0019.
 */
export const PURGE_BATCH_SIZE = 500;
export const INTERRUPTED_FAILURE = 'Interrupted by a restart: what it deleted is gone for good and the rest is where it was; start it again to finish';
/** Purges working at once in each process: they are database work, and another API request should not wait behind them. */
const PURGE_CONCURRENCY = 1;
/** How often each process looks for trash past the time limit. */
export const RETENTION_CHECK_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Audit events written since the erasure began are scrubbed batch by batch (the whole log once at
 * the start). Transactions are short: one that began this long before the erasure and wrote an
 * event about the customer's words is not.
 */
const SCRUB_OVERLAP_MS = 60 * 60 * 1000;

/** What an erased customer's audit events say instead of the titles, quotes, names and emails they held (ADR 019). */
export function erasedSummary(customerId: string): string {
  return `Erased with customer ${customerId}: what this event quoted is gone`;
}

const TRASH_NAMES: Record<TrashList, string> = {
  sources: 'the Inbox’s trash',
  highlights: 'the trash of Highlights',
  insights: 'the trash of Problems',
  backlogItems: 'the trash of the Backlog',
};

type Step = 'sources' | 'highlights' | 'insights' | 'backlogItems';

/** A trash's steps in order: sources first, whose highlights go with them, then highlights trashed on their own. */
function stepsOf(list: TrashList | null): Step[] {
  if (list === 'sources') return ['sources', 'highlights'];
  if (list) return [list];
  return ['sources', 'highlights', 'insights', 'backlogItems'];
}

/**
 * What a purge's batches delete: rows trashed at `before` or earlier, `batchSize` at a time.
 * `aloneOnly`: of the highlights trashed on their own, only those whose source is outside the
 * trash — the Highlights trash's, which leaves a trashed source's highlights to go with it.
 */
type BatchScope = { workspaceId: string; before: Date; batchSize: number; aloneOnly: boolean };

/** Deletes one batch of a step; returns how many of the step's own rows went (what progress counts). */
async function deleteBatch(tx: Executor, step: Step, scope: BatchScope, counts: PurgeCounts): Promise<number> {
  const { workspaceId, before, batchSize } = scope;
  switch (step) {
    case 'sources': {
      const deleted = await erasureRepository.deleteTrashedSources(tx, workspaceId, before, batchSize);
      counts.sources += deleted.sources;
      counts.highlights += deleted.highlights;
      counts.evidenceLinks += deleted.evidenceLinks;
      return deleted.sources;
    }
    case 'highlights': {
      const deleted = await erasureRepository.deleteTrashedHighlights(tx, workspaceId, before, batchSize, { aloneOnly: scope.aloneOnly });
      counts.highlights += deleted.highlights;
      counts.evidenceLinks += deleted.evidenceLinks;
      return deleted.highlights;
    }
    case 'insights': {
      const deleted = await erasureRepository.deleteTrashedInsights(tx, workspaceId, before, batchSize);
      counts.insights += deleted;
      return deleted;
    }
    case 'backlogItems': {
      const deleted = await erasureRepository.deleteTrashedBacklogItems(tx, workspaceId, before, batchSize);
      counts.backlogItems += deleted;
      return deleted;
    }
  }
}

/** Sources and highlights deleted, for the planner statistics search estimates its totals from. */
async function analyzeDeleted(db: Db, counts: PurgeCounts, log: JobLogger, purgeId: string) {
  if (!counts.sources && !counts.highlights) return;
  await analyzeChangedTables(db, { sources: counts.sources, highlights: counts.highlights }).catch((error: unknown) =>
    log.error({ err: error, purgeId }, 'could not analyze the search tables after a purge'),
  );
}

/**
 * Empties a trash (or, for the time limit, every trash) of what was trashed by `trashedBefore`,
 * a batch per transaction; each batch records the counts so far with the rows it deleted, so the
 * purge's counts are always what is gone.
 */
async function emptyTrash(db: Db, job: PurgeJob, purge: PurgeRow, counts: PurgeCounts, signal: AbortSignal, options: PurgeOptions) {
  const { workspaceId } = job.actor;
  const before = purge.trashedBefore!;
  const scope: BatchScope = { workspaceId, before, batchSize: options.batchSize ?? PURGE_BATCH_SIZE, aloneOnly: purge.list === 'highlights' };
  const planned = await erasureRepository.countTrash(db, workspaceId, before);
  const steps = stepsOf(purge.list);
  const total = steps.reduce((sum, step) => sum + planned[step], 0);
  await erasureRepository.updatePurge(db, workspaceId, purge.id, { total });
  let done = 0;
  for (const step of steps) {
    for (;;) {
      signal.throwIfAborted();
      const deleted = await db.transaction(async (tx) => {
        const count = await deleteBatch(tx, step, scope, counts);
        if (count) await erasureRepository.updatePurge(tx, workspaceId, purge.id, { deleted: counts, progress: Math.min(0.99, (done + count) / Math.max(total, 1)) });
        return count;
      });
      done += deleted;
      if (deleted) options.afterBatch?.();
      if (deleted < scope.batchSize) break;
    }
  }
  await db.transaction(async (tx) => {
    await erasureRepository.updatePurge(tx, workspaceId, purge.id, { status: 'done', progress: 1, deleted: counts, finishedAt: new Date() });
    const what = describePurgeCounts(counts);
    await recordAudit(
      tx,
      job.actor,
      purge.reason === 'retention'
        ? { action: 'trash.retention', objectType: 'trash', summary: `Deleted for good what had been in the trash since ${before.toISOString().slice(0, 10)} or before: ${what}` }
        : { action: 'trash.empty', objectType: 'trash', summary: `Emptied ${TRASH_NAMES[purge.list!]}: deleted ${what} for good` },
    );
  });
}

/**
 * Erases a customer: scrubs the audit log of what it quoted of them, deletes their sources a batch
 * at a time (highlights, tags, evidence links and cluster memberships cascade), then, in one
 * transaction holding the customer's row so that no new source can be given them, deletes what
 * came in meanwhile, the clusters left empty, what imports kept of them, and the customer, and
 * logs the erasure by id with its counts. Stopped half-way, the customer is still there with
 * what is left of them: erasing again finishes.
 */
async function eraseCustomer(db: Db, job: PurgeJob, purge: PurgeRow, counts: PurgeCounts, signal: AbortSignal, options: PurgeOptions) {
  const { workspaceId } = job.actor;
  const customerId = purge.customerId!;
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE;
  const summary = erasedSummary(customerId);
  const since = new Date(purge.createdAt.getTime() - SCRUB_OVERLAP_MS);
  const plan = await erasureRepository.planErasure(db, workspaceId, customerId);
  await erasureRepository.updatePurge(db, workspaceId, purge.id, { total: plan.sources });
  await erasureRepository.scrubAuditOfCustomer(db, workspaceId, customerId, summary);
  const clusterIds = new Set<string>();
  const deleteSome = async (tx: Executor, limit: number) => {
    const deleted = await erasureRepository.deleteSourcesOfCustomer(tx, workspaceId, customerId, limit);
    await erasureRepository.scrubRecentAudit(tx, workspaceId, since, deleted.sourceIds, deleted.highlightIds, summary);
    counts.sources += deleted.sources;
    counts.highlights += deleted.highlights;
    counts.evidenceLinks += deleted.evidenceLinks;
    for (const id of deleted.clusterIds) clusterIds.add(id);
    return deleted.sources;
  };
  for (;;) {
    signal.throwIfAborted();
    const deleted = await db.transaction(async (tx) => {
      const count = await deleteSome(tx, batchSize);
      if (count) await erasureRepository.updatePurge(tx, workspaceId, purge.id, { deleted: counts, progress: Math.min(0.99, counts.sources / Math.max(plan.sources, 1)) });
      return count;
    });
    if (deleted) options.afterBatch?.();
    if (deleted < batchSize) break;
  }
  signal.throwIfAborted();
  await db.transaction(async (tx) => {
    const customer = await erasureRepository.findCustomerForUpdate(tx, workspaceId, customerId);
    if (customer) {
      // Sources given to them since the last batch: few, and none can come now.
      await deleteSome(tx, Number.MAX_SAFE_INTEGER);
      await erasureRepository.deleteEmptyClusters(tx, workspaceId, [...clusterIds]);
      await erasureRepository.forgetCustomerInImports(tx, workspaceId, customer);
      // Their own events written since the first pass (an edit of their name, say).
      await erasureRepository.scrubAuditOfCustomer(tx, workspaceId, customerId, summary);
      await erasureRepository.deleteCustomer(tx, workspaceId, customerId);
      const trashed = plan.trashedSources ? ` (${plan.trashedSources} of them in the trash)` : '';
      await recordAudit(tx, job.actor, {
        action: 'customer.erase',
        objectType: 'customer',
        objectId: customerId,
        summary: `Erased customer ${customerId} and everything they said: deleted ${describePurgeCounts(counts, trashed)} for good`,
      });
    }
    await erasureRepository.updatePurge(tx, workspaceId, purge.id, { status: 'done', progress: 1, deleted: counts, finishedAt: new Date() });
  });
}

/**
 * Carries out a purge and records how it ended; never throws. Stopped (the process closing) or
 * failing half-way, what its committed batches deleted is gone and the rest is untouched.
 */
export async function runPurge(db: Db, job: PurgeJob, log: JobLogger, signal: AbortSignal, options: PurgeOptions = {}): Promise<void> {
  const { workspaceId } = job.actor;
  const counts: PurgeCounts = { ...erasureRepository.NO_COUNTS };
  try {
    const purge = await erasureRepository.findPurge(db, workspaceId, job.purgeId);
    if (!purge) return;
    Object.assign(counts, purge.deleted);
    signal.throwIfAborted();
    await erasureRepository.updatePurge(db, workspaceId, purge.id, { status: 'running' });
    if (purge.reason === 'erase_customer') await eraseCustomer(db, job, purge, counts, signal, options);
    else await emptyTrash(db, job, purge, counts, signal, options);
  } catch (error) {
    let failure = INTERRUPTED_FAILURE;
    if (!signal.aborted) {
      log.error({ err: error, purgeId: job.purgeId }, 'purge failed');
      failure = `An unexpected error stopped it (reference ${job.purgeId}): what it deleted is gone for good and the rest is where it was`;
    }
    await erasureRepository
      .updatePurge(db, workspaceId, job.purgeId, { status: 'failed', failure, deleted: counts, finishedAt: new Date() })
      .catch((updateError: unknown) => log.error({ err: updateError, purgeId: job.purgeId }, 'could not record how a purge ended'));
  } finally {
    await analyzeDeleted(db, counts, log, job.purgeId);
  }
}

/** Runs purges in the background of this process (lib/background-jobs), one at a time. */
export function createPurgeScheduler(db: Db, log: JobLogger, options: PurgeOptions = {}): PurgeScheduler {
  return createBackgroundJobs({
    name: 'purge',
    concurrency: PURGE_CONCURRENCY,
    idOf: (job) => job.purgeId,
    run: (job, signal) => runPurge(db, job, log, signal, options),
    touch: (ids) => erasureRepository.touchPurges(db, ids),
    failAbandoned: (staleBefore, aliveHere) => erasureRepository.failAbandonedPurges(db, staleBefore, aliveHere, INTERRUPTED_FAILURE),
    log,
  });
}

/**
 * The trash's time limit: a purge for each workspace with something trashed `days` or more before
 * `now` (and whose limit had begun by then, `workspaces.trash_retention_starts_at`). A workspace
 * with a purge under way already is left for the next check. Returns the purges started.
 */
export async function purgeOldTrash(db: Db, scheduler: PurgeScheduler, days: number, now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const started: string[] = [];
  for (const workspaceId of await erasureRepository.listWorkspacesWithTrashBefore(db, cutoff)) {
    const purge = await erasureRepository.insertPurge(db, { workspaceId, reason: 'retention', trashedBefore: cutoff });
    if (!purge) continue;
    scheduler.start({ purgeId: purge.id, actor: { workspaceId, userId: null, tokenId: null } });
    started.push(purge.id);
  }
  return started;
}

/**
 * Checks for trash past the time limit now and every RETENTION_CHECK_MS, in the background; every
 * process does, and the one-purge-per-workspace rule keeps two from purging the same workspace.
 * Returns the function that stops it, once the check under way (if any) has ended.
 */
export function keepPurgingOldTrash(db: Db, scheduler: PurgeScheduler, days: number, log: JobLogger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const check = () => {
    running = purgeOldTrash(db, scheduler, days).catch((error: unknown) => log.error({ err: error }, 'could not look for trash past its time limit'));
  };
  check();
  const timer = setInterval(check, RETENTION_CHECK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
