import type { SQL } from 'drizzle-orm';
import {
  countOf,
  EVIDENCE_PREVIEW_MAX,
  INSIGHT_PARENT_TYPE,
  hasRole,
  listOf,
  type CreateInsightBody,
  type EvidenceChange,
  type EvidenceCustomer,
  type EvidenceImportance,
  type EvidenceImportanceBody,
  type FamilyBacklogItem,
  type Insight,
  type InsightDetail,
  type InsightEvidenceBody,
  type InsightListItem,
  type InsightMerge,
  type InsightType,
  type LinkedInsight,
  type LinkInsightEvidenceBody,
  type ListInsightsQuery,
  type MergeInsightPreview,
  type Page,
  type UpdateInsightBody,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import type { HighlightLinks } from '../../db/evidence-links.js';
import { presentScore } from '../../db/evidence-score.js';
import type { MergedLink } from '../../db/schema/index.js';
import { refuseForeignFilterIds } from '../../db/filter-ids.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import { presentPerson } from '../../lib/people.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { presentCustomerRef } from '../customers/customers.service.js';
import { listHighlights } from '../highlights/highlights.service.js';
import * as insightsRepository from './insights.repository.js';
import type { InsightListRow, InsightRow, NewInsight } from './insights.repository.js';

const TYPE_WORDS: Record<InsightType, string> = { problem: 'a problem', opportunity: 'an opportunity', solution: 'a solution' };
const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

function presentInsight(row: InsightListRow, merge: InsightMerge | null = null): Insight {
  return {
    id: row.insight.id,
    type: row.insight.type,
    title: row.insight.title,
    status: row.insight.status,
    statement: row.insight.statement,
    parentId: row.parentId,
    evidenceCount: row.highlights,
    customerCount: row.customers,
    createdBy: presentPerson(row.insight.createdBy, row.creatorName),
    createdAt: iso(row.insight.createdAt),
    updatedAt: iso(row.insight.updatedAt),
    deletedAt: iso(row.insight.deletedAt),
    merge,
  };
}

/** An insight as the list shows it, with its evidence score and how many backlog items it is on: the Problems tree ranks and marks them. */
function presentListItem(row: InsightListRow, merge: InsightMerge | null = null): InsightListItem {
  return { ...presentInsight(row, merge), score: presentScore(row), backlogItemCount: row.backlogItemCount };
}

/** One insight outside the trash as lists show it, with its counts, or a 404. */
export async function loadInsight(executor: Executor, workspaceId: string, id: string): Promise<Insight> {
  const [row] = await insightsRepository.list(executor, workspaceId, { id });
  if (!row) throw notFound('Insight');
  return presentInsight(row);
}

export async function listInsights(db: Db, actor: WorkspaceActor, query: ListInsightsQuery): Promise<Page<InsightListItem>> {
  const after = decodeCursor(query.cursor, 2);
  const filters = { type: query.type, status: query.status, parentId: query.parentId, q: query.q, trash: query.trash };
  const rows = await insightsRepository.list(db, actor.workspaceId, filters, query.limit, after);
  if (!rows.length) await refuseForeignFilterIds(db, actor.workspaceId, [{ path: 'query.parentId', names: 'insight', id: query.parentId }]);
  const merges = query.trash ? await findMergeUndos(db, actor.workspaceId, rows) : new Map<string, InsightMerge>();
  const page = pageFrom(rows, query.limit, (row) => presentListItem(row, merges.get(row.insight.id)), (row) => [row.cursorAt, row.insight.id]);
  return after ? page : { ...page, total: await insightsRepository.count(db, actor.workspaceId, filters) };
}

/** For the merged insights among trashed rows: what restoring each would take back, by id. */
async function findMergeUndos(executor: Executor, workspaceId: string, rows: InsightListRow[]): Promise<Map<string, InsightMerge>> {
  const mergedIds = rows.filter((row) => row.insight.mergedIntoId).map((row) => row.insight.id);
  const undos = await insightsRepository.listMergeUndos(executor, workspaceId, mergedIds);
  return new Map(undos.map(({ id, intoId, intoTitle, ...counts }) => [id, { into: { id: intoId, title: intoTitle }, ...counts }]));
}

/** An insight with its place in the tree, its newest evidence, the backlog items it backs and the customers behind it. */
export async function getInsight(db: Db, actor: WorkspaceActor, id: string): Promise<InsightDetail> {
  const insight = await loadInsight(db, actor.workspaceId, id);
  const [parents, children, evidence, backlogItems, familyLinks, customers] = await Promise.all([
    insightsRepository.findByIds(db, actor.workspaceId, insight.parentId ? [insight.parentId] : []),
    insightsRepository.list(db, actor.workspaceId, { parentId: id }),
    listHighlights(db, actor, { insightId: id, limit: EVIDENCE_PREVIEW_MAX }),
    insightsRepository.listBacklogItemRefs(db, actor.workspaceId, id),
    insightsRepository.listFamilyBacklogItems(db, actor.workspaceId, id),
    listEvidenceCustomers(db, actor.workspaceId, insightsRepository.evidenceOf(actor.workspaceId, id)),
  ]);
  const parent = parents[0];
  return {
    ...insight,
    parent: parent ? { id: parent.id, type: parent.type, title: parent.title, status: parent.status } : null,
    children: children.map((child) => presentInsight(child)),
    evidence: evidence.items,
    backlogItems,
    familyBacklogItems: groupFamilyLinks(familyLinks),
    customers,
  };
}

/** One entry per backlog item, with every relative that brings it, in the order the rows come. */
function groupFamilyLinks(rows: Awaited<ReturnType<typeof insightsRepository.listFamilyBacklogItems>>): FamilyBacklogItem[] {
  const items = new Map<string, FamilyBacklogItem>();
  for (const { relative, ...item } of rows) {
    const known = items.get(item.id);
    if (known) known.through.push(relative);
    else items.set(item.id, { ...item, through: [relative] });
  }
  return [...items.values()];
}

/**
 * The parent rules (INSIGHT_PARENT_TYPE): a problem is a root; an opportunity's parent is a
 * problem and a solution's an opportunity, in this workspace and outside the trash. A parent's
 * type always sits one step above its child's, so no insight can become its own ancestor: the
 * type ladder is the cycle check.
 */
async function assertParentFits(executor: Executor, workspaceId: string, type: InsightType, parentId: string, selfId?: string) {
  const refuse = (message: string) => new AppError('unprocessable', message, [{ path: 'body.parentId', message }]);
  if (parentId === selfId) throw refuse('An insight cannot be its own parent');
  const wanted = INSIGHT_PARENT_TYPE[type];
  if (!wanted) throw refuse('A problem has no parent: it is the root of its tree');
  const [parent] = await insightsRepository.findByIds(executor, workspaceId, [parentId], { forShare: true });
  if (!parent) {
    const message = 'The parent insight does not exist in this workspace';
    throw new AppError('not_found', message, [{ path: 'body.parentId', message }]);
  }
  if (parent.deletedAt) throw refuse(`“${parent.title}” is in the trash; restore it first`);
  if (parent.type !== wanted) throw refuse(`${capitalized(TYPE_WORDS[type])} sits under ${TYPE_WORDS[wanted]}; “${parent.title}” is ${TYPE_WORDS[parent.type]}`);
}

/**
 * A new type must suit the insight's parent and children. Only what the caller can see may
 * refuse it: a link to an insight in the trash that the new type no longer suits is dropped
 * instead (restoring that insight then brings it back without the link), so every stored link
 * keeps obeying the rules. Returns the trashed relatives to detach and whether the insight
 * leaves its own (trashed) parent.
 */
async function checkNewType(executor: Executor, current: InsightRow, type: InsightType, keepsParent: boolean) {
  const refuse = (message: string) => new AppError('unprocessable', message, [{ path: 'body.type', message }]);
  let leavesParent = false;
  if (keepsParent && current.parentId) {
    const [parent] = await insightsRepository.findByIds(executor, current.workspaceId, [current.parentId]);
    const wanted = INSIGHT_PARENT_TYPE[type];
    if (parent && parent.type !== wanted) {
      if (parent.deletedAt) leavesParent = true;
      else if (!wanted) throw refuse(`A problem has no parent: take it out from under “${parent.title}” first (parentId: null)`);
      else throw refuse(`${capitalized(TYPE_WORDS[type])} sits under ${TYPE_WORDS[wanted]}; its parent “${parent.title}” is ${TYPE_WORDS[parent.type]}`);
    }
  }
  const misfits = (await insightsRepository.listChildren(executor, current.workspaceId, current.id)).filter((child) => INSIGHT_PARENT_TYPE[child.type] !== type);
  const visible = misfits.find((child) => !child.deletedAt);
  if (visible) throw refuse(`“${visible.title}” sits under it and needs ${TYPE_WORDS[INSIGHT_PARENT_TYPE[visible.type]!]} above it`);
  return { leavesParent, detachChildIds: misfits.map((child) => child.id) };
}

export async function createInsight(db: Db, actor: WorkspaceActor, body: CreateInsightBody): Promise<Insight> {
  return db.transaction(async (tx) => {
    if (body.parentId) await assertParentFits(tx, actor.workspaceId, body.type, body.parentId);
    const row = await insightsRepository.insert(tx, {
      workspaceId: actor.workspaceId,
      type: body.type,
      title: body.title,
      statement: body.statement || null,
      status: body.status,
      parentId: body.parentId ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'insight.create', objectType: 'insight', objectId: row.id, summary: `Created the ${row.type} “${row.title}”` });
    return loadInsight(tx, actor.workspaceId, row.id);
  });
}

export async function updateInsight(db: Db, actor: WorkspaceActor, id: string, body: UpdateInsightBody): Promise<Insight> {
  return db.transaction(async (tx) => {
    const current = await insightsRepository.findForUpdate(tx, actor.workspaceId, id);
    if (!current) throw notFound('Insight');
    const type = body.type ?? current.type;
    const values: Partial<NewInsight> = {};
    if (body.parentId) await assertParentFits(tx, actor.workspaceId, type, body.parentId, id);
    if (body.parentId !== undefined) values.parentId = body.parentId;
    if (type !== current.type) {
      const { leavesParent, detachChildIds } = await checkNewType(tx, current, type, body.parentId === undefined);
      if (leavesParent) values.parentId = null;
      await insightsRepository.detach(tx, actor.workspaceId, detachChildIds);
      values.type = type;
    }
    if (body.title !== undefined) values.title = body.title;
    if (body.statement !== undefined) values.statement = body.statement || null;
    if (body.status !== undefined) values.status = body.status;
    await insightsRepository.update(tx, actor.workspaceId, id, values);
    const changes = Object.keys(values).map((key) => (key === 'parentId' ? 'parent' : key));
    await recordAudit(tx, actor, {
      action: 'insight.update',
      objectType: 'insight',
      objectId: id,
      summary: `Edited the ${changes.join(', ') || 'nothing'} of the ${type} “${body.title ?? current.title}”`,
    });
    return loadInsight(tx, actor.workspaceId, id);
  });
}

/** Moves an insight to the trash; its links (evidence, children, backlog items) stay, so restoring brings them all back. */
export async function deleteInsight(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await insightsRepository.findForUpdate(tx, actor.workspaceId, id);
    if (!current) throw notFound('Insight');
    await insightsRepository.update(tx, actor.workspaceId, id, { deletedAt: new Date() });
    await recordAudit(tx, actor, { action: 'insight.delete', objectType: 'insight', objectId: id, summary: `Moved the ${current.type} “${current.title}” to the trash` });
  });
}

/**
 * Brings an insight back from the trash. One that went there by a merge takes back what the merge
 * gave the survivor (`takeBackMerge`); the two are locked in id order, as a merge locks them.
 */
export async function restoreInsight(db: Db, actor: WorkspaceActor, id: string): Promise<Insight> {
  return db.transaction(async (tx) => {
    const [seen] = await insightsRepository.findByIds(tx, actor.workspaceId, [id]);
    const locked = await insightsRepository.findByIdsForUpdate(tx, actor.workspaceId, seen?.mergedIntoId ? [id, seen.mergedIntoId] : [id]);
    const current = locked.find((row) => row.id === id);
    if (!current) throw notFound('Insight');
    if (current.deletedAt) {
      const survivor = locked.find((row) => row.id === current.mergedIntoId);
      // Restored and merged again between the look and the lock: its new survivor is not locked.
      if (current.mergedIntoId && !survivor) throw new AppError('conflict', `“${current.title}” was merged again meanwhile; try again`);
      const takenBack = survivor ? await takeBackMerge(tx, actor.workspaceId, current, survivor) : '';
      await insightsRepository.update(tx, actor.workspaceId, id, { deletedAt: null, mergedIntoId: null, mergeMoves: null });
      await recordAudit(tx, actor, {
        action: 'insight.restore',
        objectType: 'insight',
        objectId: id,
        summary: `Restored the ${current.type} “${current.title}” from the trash${takenBack}`,
      });
    }
    return loadInsight(tx, actor.workspaceId, id);
  });
}

/**
 * Undoes the merge of `merged` into `survivor` as far as the survivor still holds what it was
 * given (the rules are in insights.repository.ts, `linksToReturn` and `childrenToReturn`): links
 * and children go back, and clusters promoted to the merged one point at it again. While the
 * survivor is in the trash because it was merged in turn, that later merge holds what this one
 * gave: it must be restored first (409). Returns what came back, for the audit event.
 */
async function takeBackMerge(tx: Executor, workspaceId: string, merged: InsightRow, survivor: InsightRow): Promise<string> {
  if (survivor.mergedIntoId) {
    throw new AppError('conflict', `“${survivor.title}”, which “${merged.title}” was merged into, has since been merged into another ${survivor.type}: restore “${survivor.title}” from the trash first`);
  }
  const evidence = await insightsRepository.returnMergedLinks(tx, workspaceId, 'evidence', merged.id, survivor.id);
  const backlog = await insightsRepository.returnMergedLinks(tx, workspaceId, 'backlog', merged.id, survivor.id);
  const children = await insightsRepository.returnMergedChildren(tx, merged.id);
  await insightsRepository.returnMergedClusters(tx, workspaceId, merged.id, survivor.id);
  const kept = (links: { kept: number }) => (links.kept ? ` (${links.kept} still on “${survivor.title}” too)` : '');
  return (
    `, taking back from “${survivor.title}” what the merge gave it: ` +
    `${countOf(evidence.total, 'highlight')}${kept(evidence)}, ${countOf(backlog.total, 'backlog link')}${kept(backlog)} and ${countOf(children, 'child insight')}`
  );
}

/**
 * An insight a body names to add to (a merge's survivor, where a cluster's members go): in this
 * workspace (else 404) and outside the trash (else 422), both naming the field. Locked for the
 * rest of the transaction, as the insight it is added to.
 */
export async function requireTargetInsight(executor: Executor, workspaceId: string, id: string, path: string): Promise<InsightRow> {
  const [row] = await insightsRepository.findByIdsForUpdate(executor, workspaceId, [id]);
  assertTargetFits(row, path);
  return row;
}

/** What the tree and merge rules read of an insight. */
type InsightFacts = Pick<InsightRow, 'id' | 'type' | 'title' | 'deletedAt'>;

function assertTargetFits<T extends InsightFacts>(row: T | undefined, path: string): asserts row is T {
  if (!row) {
    const message = 'The insight does not exist in this workspace';
    throw new AppError('not_found', message, [{ path, message }]);
  }
  if (row.deletedAt) {
    const message = `“${row.title}” is in the trash; restore it first`;
    throw new AppError('unprocessable', message, [{ path, message }]);
  }
}

/**
 * Merges an insight into another of its type (one problem found twice): its evidence and
 * backlog links move to the survivor, which keeps a link it has already; its children move
 * under the survivor; a cluster promoted to it points at the survivor; and it goes to the trash,
 * empty, with a record of what moved where, so that restoring it undoes the merge. The survivor
 * keeps its title, statement, status and place in the tree.
 */
export async function mergeInsight(db: Db, actor: WorkspaceActor, id: string, intoInsightId: string): Promise<Insight> {
  return db.transaction(async (tx) => {
    const locked = await insightsRepository.findByIdsForUpdate(tx, actor.workspaceId, [id, intoInsightId]);
    const { merged, survivor } = await requireMergeable(tx, actor.workspaceId, locked, id, intoInsightId, 'body.intoInsightId');
    const highlights = await insightsRepository.moveLinks(tx, actor.workspaceId, 'evidence', id, intoInsightId);
    const backlogItems = await insightsRepository.moveLinks(tx, actor.workspaceId, 'backlog', id, intoInsightId);
    const childIds = await insightsRepository.moveChildren(tx, actor.workspaceId, id, intoInsightId);
    const clusterIds = await insightsRepository.movePromotedClusters(tx, actor.workspaceId, id, intoInsightId);
    await insightsRepository.update(tx, actor.workspaceId, id, { deletedAt: new Date(), mergedIntoId: intoInsightId, mergeMoves: { highlights, backlogItems, childIds, clusterIds } });
    await recordAudit(tx, actor, {
      action: 'insight.merge',
      objectType: 'insight',
      objectId: intoInsightId,
      summary: `Merged the ${merged.type} “${merged.title}” into “${survivor.title}”: ${describeMergeMoves(highlights, backlogItems, childIds)}; “${merged.title}” is in the trash`,
    });
    return loadInsight(tx, actor.workspaceId, intoInsightId);
  });
}

/** "3 highlights (1 already there) and 2 child insights moved": only what there was to move, or that nothing was. */
function describeMergeMoves(highlights: MergedLink[], backlogItems: MergedLink[], childIds: string[]): string {
  const already = (links: MergedLink[]) => {
    const had = links.filter((link) => link.survivorHad).length;
    return had ? ` (${had} already there)` : '';
  };
  const moves = [
    highlights.length ? `${countOf(highlights.length, 'highlight')}${already(highlights)}` : '',
    backlogItems.length ? `${countOf(backlogItems.length, 'backlog link')}${already(backlogItems)}` : '',
    childIds.length ? countOf(childIds.length, 'child insight') : '',
  ].filter(Boolean);
  return moves.length ? `${listOf(moves)} moved` : 'nothing to move';
}

/**
 * What merging an insight into another would move, as the merge dialog says it before asking:
 * the same refusals as the merge, and nothing written.
 */
export async function previewMerge(db: Db, actor: WorkspaceActor, id: string, intoInsightId: string): Promise<MergeInsightPreview> {
  const rows = await insightsRepository.findByIds(db, actor.workspaceId, [id, intoInsightId]);
  await requireMergeable(db, actor.workspaceId, rows, id, intoInsightId, 'query.intoInsightId');
  return insightsRepository.countMergeMoves(db, actor.workspaceId, id, intoInsightId);
}

/** The insight to merge (404 unless live) and the one to keep: live, of its type, not below it (422 naming `path`). */
async function requireMergeable<T extends InsightFacts>(executor: Executor, workspaceId: string, rows: T[], id: string, intoInsightId: string, path: string) {
  if (id === intoInsightId) throw invalidField(path, 'An insight cannot be merged into itself');
  const refuse = (message: string) => new AppError('unprocessable', message, [{ path, message }]);
  const merged = rows.find((row) => row.id === id && !row.deletedAt);
  if (!merged) throw notFound('Insight');
  const survivor = rows.find((row) => row.id === intoInsightId);
  assertTargetFits(survivor, path);
  // The type rule below refuses a descendant too (it is always of another type); this says why.
  if (await insightsRepository.isAncestorOf(executor, workspaceId, id, intoInsightId)) {
    throw refuse(`“${survivor.title}” sits under “${merged.title}”: an insight cannot be merged into its own descendant`);
  }
  if (survivor.type !== merged.type) throw refuse(`${capitalized(TYPE_WORDS[merged.type])} merges only into another ${merged.type}; “${survivor.title}” is ${TYPE_WORDS[survivor.type]}`);
  return { merged, survivor };
}

async function requireLiveInsight(executor: Executor, workspaceId: string, id: string) {
  const row = await insightsRepository.findForUpdate(executor, workspaceId, id);
  if (!row) throw notFound('Insight');
  return row;
}

export async function linkEvidence(db: Db, actor: WorkspaceActor, id: string, body: LinkInsightEvidenceBody): Promise<EvidenceChange> {
  const highlightIds = [...new Set(body.highlightIds)];
  return db.transaction(async (tx) => {
    const insight = await requireLiveInsight(tx, actor.workspaceId, id);
    await requireHighlights(tx, actor.workspaceId, highlightIds, { live: true });
    const changed = await insightsRepository.evidenceLinks.insert(tx, actor.workspaceId, id, highlightIds, actor.userId, body.importance);
    if (changed) {
      await recordAudit(tx, actor, {
        action: 'insight.evidence.link',
        objectType: 'insight',
        objectId: id,
        summary: `Linked ${countOf(changed, 'highlight')} to the ${insight.type} “${insight.title}”`,
      });
    }
    return { changed };
  });
}

export async function unlinkEvidence(db: Db, actor: WorkspaceActor, id: string, body: InsightEvidenceBody): Promise<EvidenceChange> {
  const highlightIds = [...new Set(body.highlightIds)];
  return db.transaction(async (tx) => {
    const insight = await requireLiveInsight(tx, actor.workspaceId, id);
    await requireHighlights(tx, actor.workspaceId, highlightIds, { live: false });
    assertCanUnlink(actor, await insightsRepository.evidenceLinks.find(tx, actor.workspaceId, id, highlightIds));
    const changed = await insightsRepository.evidenceLinks.remove(tx, actor.workspaceId, id, highlightIds);
    if (changed) {
      await recordAudit(tx, actor, {
        action: 'insight.evidence.unlink',
        objectType: 'insight',
        objectId: id,
        summary: `Unlinked ${countOf(changed, 'highlight')} from the ${insight.type} “${insight.title}”`,
      });
    }
    return { changed };
  });
}

/** Changes how much linked highlights matter to the insight; each must be linked to it (404), and contributors change only their own links. */
export async function changeEvidenceImportance(db: Db, actor: WorkspaceActor, id: string, body: EvidenceImportanceBody): Promise<EvidenceChange> {
  return changeLinkImportance(db, actor, id, body, {
    lock: (tx) => requireLiveInsight(tx, actor.workspaceId, id),
    links: insightsRepository.evidenceLinks,
    kind: 'the insight',
    name: (insight) => `the ${insight.type} “${insight.title}”`,
    audit: { action: 'insight.evidence.importance', objectType: 'insight' },
  });
}

// --- evidence importance: one rule for insights and backlog items ---

/** `nice to have`, `critical`: an importance in an audit summary. */
const importanceWords = (importance: EvidenceImportance) => importance.replaceAll('_', ' ');

/** What highlights' importance is changed on (an insight, a backlog item), as its service describes it to `changeLinkImportance`. */
export type ImportanceOwner<T> = {
  /** The owner, locked for the rest of the transaction, or its 404. */
  lock: (tx: Executor) => Promise<T>;
  /** Its highlight links, from its repository. */
  links: HighlightLinks;
  /** `the insight`: what the 404 says the highlights are not linked to. */
  kind: string;
  /** `the problem “Slow search”`: the owner as the audit summary names it. */
  name: (owner: T) => string;
  /** The action and object type its audit event is recorded under. */
  audit: Pick<AuditEntry, 'action' | 'objectType'>;
};

/**
 * Changes how much highlights linked to an insight or a backlog item matter there, one rule for
 * both: each must be linked to it (404), contributors change only their own links, and links that
 * had the importance already are neither counted nor logged.
 */
export async function changeLinkImportance<T>(db: Db, actor: WorkspaceActor, id: string, body: EvidenceImportanceBody, owner: ImportanceOwner<T>): Promise<EvidenceChange> {
  const highlightIds = [...new Set(body.highlightIds)];
  return db.transaction(async (tx) => {
    const locked = await owner.lock(tx);
    assertMayChangeImportance(actor, highlightIds, await owner.links.find(tx, actor.workspaceId, id, highlightIds), owner.kind);
    const changed = await owner.links.updateImportance(tx, actor.workspaceId, id, highlightIds, body.importance);
    if (changed) {
      await recordAudit(tx, actor, {
        ...owner.audit,
        objectId: id,
        summary: `Marked ${countOf(changed, 'highlight')} ${importanceWords(body.importance)} on ${owner.name(locked)}`,
      });
    }
    return { changed };
  });
}

/**
 * Before changing the importance of links to `highlightIds`: each must be linked to `where` (else a
 * 404 naming the field: a highlight of another workspace is as unlinked as one never linked), and
 * contributors change only the links they made, as they unlink only those.
 */
function assertMayChangeImportance(actor: WorkspaceActor, highlightIds: string[], links: Array<{ createdBy: string | null }>, where: string) {
  if (links.length !== highlightIds.length) {
    const message = `One or more highlights are not linked to ${where}`;
    throw new AppError('not_found', message, [{ path: 'body.highlightIds', message }]);
  }
  assertCanUnlink(actor, links, 'change the importance of');
}

// --- used by the backlog module, inside its transactions ---

/**
 * The highlights must all be in this workspace (else 404), and, to be linked, outside the trash
 * with their source (else 422): evidence nobody can open would count for nothing. Both name
 * the field, and nothing is written.
 */
export async function requireHighlights(executor: Executor, workspaceId: string, ids: string[], options: { live: boolean }, path = 'body.highlightIds') {
  const rows = await insightsRepository.findHighlightStates(executor, workspaceId, ids);
  if (rows.length !== ids.length) {
    const message = 'One or more highlights do not exist in this workspace';
    throw new AppError('not_found', message, [{ path, message }]);
  }
  if (options.live && rows.some((row) => row.trashed)) {
    const message = 'One or more highlights are in the trash, or their source is; restore them first';
    throw new AppError('unprocessable', message, [{ path, message }]);
  }
}

/** Like requireHighlights, for insights linked to a backlog item. */
export async function requireInsights(executor: Executor, workspaceId: string, ids: string[], options: { live: boolean }, path = 'body.insightIds') {
  const rows = await insightsRepository.findByIds(executor, workspaceId, ids);
  if (rows.length !== ids.length) {
    const message = 'One or more insights do not exist in this workspace';
    throw new AppError('not_found', message, [{ path, message }]);
  }
  if (options.live && rows.some((row) => row.deletedAt)) {
    const message = 'One or more insights are in the trash; restore them first';
    throw new AppError('unprocessable', message, [{ path, message }]);
  }
}

/**
 * Contributors link evidence (a support agent ties a ticket to a known problem) but unlink, or
 * change the importance of, only the links they made; researchers and up any.
 */
export function assertCanUnlink(actor: WorkspaceActor, links: Array<{ createdBy: string | null }>, action = 'unlink') {
  if (hasRole(actor.role, 'researcher')) return;
  if (links.some((link) => link.createdBy === null || link.createdBy !== actor.userId)) {
    throw new AppError('forbidden', `Contributors can ${action} only the evidence they linked themselves; ask a researcher`);
  }
}

/** The insights outside the trash linked to a backlog item, with their evidence counts and who linked each, newest first. */
export async function listInsightsOfBacklogItem(executor: Executor, workspaceId: string, backlogItemId: string): Promise<LinkedInsight[]> {
  return (await insightsRepository.list(executor, workspaceId, { backlogItemId })).map((row) => ({ ...presentInsight(row), linkedBy: row.linkedBy }));
}

/** The distinct customers behind a set of highlights (a subquery of highlight ids, trashed ones left out), most highlights first. */
export async function listEvidenceCustomers(executor: Executor, workspaceId: string, highlightIds: SQL): Promise<EvidenceCustomer[]> {
  const rows = await insightsRepository.listEvidenceCustomers(executor, workspaceId, highlightIds);
  return rows.map((row) => ({ ...presentCustomerRef(row.customer, row.company)!, highlightCount: row.highlightCount }));
}
