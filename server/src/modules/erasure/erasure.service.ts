import { countOf, type CustomerErasure, type EmptyTrashBody, type Purge, type PurgeCounts, type PurgeReason, type TrashSummary } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import * as erasureRepository from './erasure.repository.js';
import type { PurgeRow } from './erasure.repository.js';
import type { PurgeScheduler } from './erasure.runner.js';

/** What can be deleted forever one at a time, as the routes name it. */
export type TrashItemKind = 'source' | 'highlight' | 'insight' | 'backlogItem';

function presentPurge(row: PurgeRow): Purge {
  return {
    id: row.id,
    reason: row.reason,
    list: row.list,
    customerId: row.customerId,
    status: row.status,
    progress: row.progress,
    total: row.total,
    deleted: row.deleted,
    failure: row.failure,
    createdAt: iso(row.createdAt),
    finishedAt: iso(row.finishedAt),
  };
}

const PURGE_WORDS: Record<PurgeReason, string> = {
  empty_trash: 'a trash is being emptied',
  retention: 'what was in the trash too long is being deleted',
  erase_customer: 'a customer is being erased',
};

/** One purge at a time per workspace: a second is refused while the first runs, saying which it is. */
function busy(live: PurgeRow | undefined): AppError {
  const what = live ? PURGE_WORDS[live.reason] : 'something is being deleted for good';
  return new AppError('conflict', `Wait until the deletion under way is done (${what}), then try again`);
}

/** What is in the trash, how long it stays there, and the purge under way. */
export async function getTrashSummary(db: Db, actor: WorkspaceActor, retentionDays: number | null): Promise<TrashSummary> {
  const [counts, live, startsAt] = await Promise.all([
    erasureRepository.countTrash(db, actor.workspaceId),
    erasureRepository.findLivePurge(db, actor.workspaceId),
    erasureRepository.findRetentionStart(db, actor.workspaceId),
  ]);
  return { retention: retentionDays ? { days: retentionDays, startsAt: iso(startsAt) } : null, counts, purge: live ? presentPurge(live) : null };
}

export async function getPurge(db: Db, actor: WorkspaceActor, id: string): Promise<Purge> {
  const row = await erasureRepository.findPurge(db, actor.workspaceId, id);
  if (!row) throw notFound('Purge');
  return presentPurge(row);
}

/** Deletes for good what was in the trash when asked (what is trashed meanwhile stays), in the background: the caller polls the purge. */
export async function emptyTrash(db: Db, scheduler: PurgeScheduler, actor: WorkspaceActor, body: EmptyTrashBody): Promise<Purge> {
  const row = await erasureRepository.insertPurge(db, {
    workspaceId: actor.workspaceId,
    reason: 'empty_trash',
    list: body.list,
    trashedBefore: new Date(),
    createdBy: actor.userId,
  });
  if (!row) throw busy(await erasureRepository.findLivePurge(db, actor.workspaceId));
  scheduler.start({ purgeId: row.id, actor });
  return presentPurge(row);
}

const NOT_IN_TRASH = 'Only what is in the trash can be deleted forever: move it to the trash first';

/**
 * Deletes one trashed source, highlight, insight or backlog item for good, in one transaction with
 * its audit event; what hangs on it goes too (a source's highlights, links, tags, cluster
 * memberships). One outside the trash is a 409: deleting forever is the trash's second step.
 */
export async function deleteForever(db: Db, actor: WorkspaceActor, kind: TrashItemKind, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { workspaceId } = actor;
    switch (kind) {
      case 'source': {
        const row = await erasureRepository.findSourceForUpdate(tx, workspaceId, id);
        if (!row) throw notFound('Source');
        if (!row.deletedAt) throw new AppError('conflict', NOT_IN_TRASH);
        const deleted = await erasureRepository.deleteSource(tx, workspaceId, id);
        const with_ = deleted.highlights ? ` with its ${countOf(deleted.highlights, 'highlight')}` : '';
        await recordAudit(tx, actor, { action: 'source.delete_forever', objectType: 'source', objectId: id, summary: `Deleted “${row.title}” from the trash for good${with_}` });
        return;
      }
      case 'highlight': {
        const row = await erasureRepository.findHighlightForUpdate(tx, workspaceId, id);
        if (!row) throw notFound('Highlight');
        if (!row.deletedAt) throw new AppError('conflict', NOT_IN_TRASH);
        await erasureRepository.deleteHighlight(tx, workspaceId, id);
        await recordAudit(tx, actor, { action: 'highlight.delete_forever', objectType: 'highlight', objectId: id, summary: `Deleted a highlight of “${row.title}” from the trash for good` });
        return;
      }
      case 'insight': {
        const row = await erasureRepository.findInsightForUpdate(tx, workspaceId, id);
        if (!row) throw notFound('Insight');
        if (!row.deletedAt) throw new AppError('conflict', NOT_IN_TRASH);
        await erasureRepository.deleteInsight(tx, workspaceId, id);
        await recordAudit(tx, actor, { action: 'insight.delete_forever', objectType: 'insight', objectId: id, summary: `Deleted the ${row.type} “${row.title}” from the trash for good` });
        return;
      }
      case 'backlogItem': {
        const row = await erasureRepository.findBacklogItemForUpdate(tx, workspaceId, id);
        if (!row) throw notFound('Backlog item');
        if (!row.deletedAt) throw new AppError('conflict', NOT_IN_TRASH);
        await erasureRepository.deleteBacklogItem(tx, workspaceId, id);
        await recordAudit(tx, actor, { action: 'backlog_item.delete_forever', objectType: 'backlog_item', objectId: id, summary: `Deleted the backlog item “${row.title}” from the trash for good` });
        return;
      }
    }
  });
}

export type BulkDeletion = { sourceIds: string[]; insightIds: string[]; backlogItemIds: string[]; customerIds: string[] };

/**
 * Deletes for good, in the caller's transaction and logging nothing (the caller records one event
 * for the whole): sources, in the trash or not, with their highlights and the clusters they leave
 * empty; insights; backlog items; then the customers among `customerIds` whom no source is of any
 * more. What goes with each is what deleting it from the trash takes (ADR 019). For removing the
 * sample data, whose rows the caller picks.
 */
export async function deleteInBulk(tx: Executor, workspaceId: string, ids: BulkDeletion): Promise<PurgeCounts & { customers: number }> {
  const deleted = await erasureRepository.deleteSourcesById(tx, workspaceId, ids.sourceIds);
  await erasureRepository.deleteEmptyClusters(tx, workspaceId, deleted.clusterIds);
  const insights = await erasureRepository.deleteInsights(tx, workspaceId, ids.insightIds);
  const backlogItems = await erasureRepository.deleteBacklogItems(tx, workspaceId, ids.backlogItemIds);
  const customers = await erasureRepository.deleteCustomersWithoutSources(tx, workspaceId, ids.customerIds);
  return { sources: deleted.sources, highlights: deleted.highlights, evidenceLinks: deleted.evidenceLinks, insights, backlogItems, customers };
}

/** What erasing the customer would delete, for the confirmation. */
export async function previewErasure(db: Db, actor: WorkspaceActor, customerId: string): Promise<CustomerErasure> {
  if (!(await erasureRepository.findCustomer(db, actor.workspaceId, customerId))) throw notFound('Customer');
  return { customerId, ...(await erasureRepository.planErasure(db, actor.workspaceId, customerId)) };
}

/** Erases the customer and everything they said, in the background (erasure.runner.ts): the caller polls the purge. */
export async function startErasure(db: Db, scheduler: PurgeScheduler, actor: WorkspaceActor, customerId: string): Promise<Purge> {
  if (!(await erasureRepository.findCustomer(db, actor.workspaceId, customerId))) throw notFound('Customer');
  const row = await erasureRepository.insertPurge(db, { workspaceId: actor.workspaceId, reason: 'erase_customer', customerId, createdBy: actor.userId });
  if (!row) throw busy(await erasureRepository.findLivePurge(db, actor.workspaceId));
  scheduler.start({ purgeId: row.id, actor });
  return presentPurge(row);
}
