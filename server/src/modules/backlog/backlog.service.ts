import {
  countOf,
  EVIDENCE_PREVIEW_MAX,
  type BacklogEvidenceBody,
  type BacklogItem,
  type BacklogItemDetail,
  type CreateBacklogItemBody,
  type EvidenceChange,
  type EvidenceImportanceBody,
  type LinkBacklogEvidenceBody,
  type ListBacklogItemsQuery,
  type Page,
  type UpdateBacklogItemBody,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { presentScore } from '../../db/evidence-score.js';
import { AppError, notFound } from '../../errors.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import { presentPerson } from '../../lib/people.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { listHighlights } from '../highlights/highlights.service.js';
import * as insightsService from '../insights/insights.service.js';
import * as backlogRepository from './backlog.repository.js';
import type { BacklogListRow, NewBacklogItem } from './backlog.repository.js';
import { renderEvidencePack, type PackQuote } from './backlog.evidence-pack.js';

/** Quotes an evidence pack carries, newest first: enough to make the case, and to fit a tracker's description field (Jira's holds 32,767 characters). */
const EVIDENCE_PACK_QUOTES_MAX = 100;

const FIELD_WORDS: Record<string, string> = { externalUrl: 'tracker link', externalKey: 'tracker key' };

function presentBacklogItem(row: BacklogListRow): BacklogItem {
  return {
    id: row.item.id,
    title: row.item.title,
    status: row.item.status,
    externalKey: row.item.externalKey,
    description: row.item.description,
    externalUrl: row.item.externalUrl,
    score: presentScore(row),
    insightCount: row.insightCount,
    createdBy: presentPerson(row.item.createdBy, row.creatorName),
    createdAt: iso(row.item.createdAt),
    updatedAt: iso(row.item.updatedAt),
    deletedAt: iso(row.item.deletedAt),
  };
}

/** One backlog item outside the trash as lists show it, or a 404. */
async function loadBacklogItem(executor: Executor, workspaceId: string, id: string): Promise<BacklogItem> {
  const [row] = await backlogRepository.list(executor, workspaceId, { id }, 'recent');
  if (!row) throw notFound('Backlog item');
  return presentBacklogItem(row);
}

/** Newest first (the trash: most recently trashed first), or by evidence score (highest first, then by id); a cursor continues the order it came from. */
export async function listBacklogItems(db: Db, actor: WorkspaceActor, query: ListBacklogItemsQuery): Promise<Page<BacklogItem>> {
  const after = decodeCursor(query.cursor, 2);
  // A cursor of the other order would reach the database as a date where a number belongs, or the reverse.
  if (after && typeof after[0] !== (query.sort === 'evidence' ? 'number' : 'string')) {
    throw new AppError('validation_failed', 'The cursor belongs to another sort order', [{ path: 'query.cursor', message: 'Invalid cursor for this sort' }]);
  }
  const filters = { status: query.status, q: query.q, trash: query.trash };
  const rows = await backlogRepository.list(db, actor.workspaceId, filters, query.sort, query.limit, after);
  const page = pageFrom(rows, query.limit, presentBacklogItem, (row) => (query.sort === 'evidence' ? [row.total, row.item.id] : [row.cursorAt, row.item.id]));
  return after ? page : { ...page, total: await backlogRepository.count(db, actor.workspaceId, filters) };
}

/** A backlog item with its score, its own newest evidence, its insights and the customers behind all of it. */
export async function getBacklogItem(db: Db, actor: WorkspaceActor, id: string): Promise<BacklogItemDetail> {
  const item = await loadBacklogItem(db, actor.workspaceId, id);
  const [evidence, insights, customers] = await Promise.all([
    listHighlights(db, actor, { backlogItemId: id, limit: EVIDENCE_PREVIEW_MAX }),
    insightsService.listInsightsOfBacklogItem(db, actor.workspaceId, id),
    insightsService.listEvidenceCustomers(db, actor.workspaceId, backlogRepository.evidenceOf(actor.workspaceId, id)),
  ]);
  return { ...item, evidence: evidence.items, insights, customers };
}

/** The item outside the trash, locked for the rest of the transaction, or a 404. */
async function requireLiveItem(executor: Executor, workspaceId: string, id: string) {
  const row = await backlogRepository.findForUpdate(executor, workspaceId, id);
  if (!row) throw notFound('Backlog item');
  return row;
}

/** A tracker issue is linked to one item: a key already used (ignoring case, the trash included) is a 409 naming the field. */
async function assertExternalKeyFree(executor: Executor, workspaceId: string, externalKey: string, exceptId?: string) {
  const existing = await backlogRepository.findByExternalKey(executor, workspaceId, externalKey, exceptId);
  if (existing) {
    const message = `${externalKey} is already linked to “${existing.title}”${existing.deletedAt ? ' (in the trash)' : ''}`;
    throw new AppError('conflict', message, [{ path: 'body.externalKey', message }]);
  }
}

export async function createBacklogItem(db: Db, actor: WorkspaceActor, body: CreateBacklogItemBody): Promise<BacklogItem> {
  return db.transaction(async (tx) => {
    if (body.externalKey) await assertExternalKeyFree(tx, actor.workspaceId, body.externalKey);
    const row = await backlogRepository.insert(tx, {
      workspaceId: actor.workspaceId,
      title: body.title,
      description: body.description || null,
      status: body.status,
      externalUrl: body.externalUrl ?? null,
      externalKey: body.externalKey ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'backlog_item.create', objectType: 'backlog_item', objectId: row.id, summary: `Created the backlog item “${row.title}”` });
    return loadBacklogItem(tx, actor.workspaceId, row.id);
  });
}

export async function updateBacklogItem(db: Db, actor: WorkspaceActor, id: string, body: UpdateBacklogItemBody): Promise<BacklogItem> {
  return db.transaction(async (tx) => {
    const current = await requireLiveItem(tx, actor.workspaceId, id);
    if (body.externalKey) await assertExternalKeyFree(tx, actor.workspaceId, body.externalKey, id);
    const values: Partial<NewBacklogItem> = {};
    if (body.title !== undefined) values.title = body.title;
    if (body.description !== undefined) values.description = body.description || null;
    if (body.status !== undefined) values.status = body.status;
    if (body.externalUrl !== undefined) values.externalUrl = body.externalUrl;
    if (body.externalKey !== undefined) values.externalKey = body.externalKey;
    await backlogRepository.update(tx, actor.workspaceId, id, values);
    const changes = Object.keys(values).map((key) => FIELD_WORDS[key] ?? key);
    await recordAudit(tx, actor, {
      action: 'backlog_item.update',
      objectType: 'backlog_item',
      objectId: id,
      summary: `Edited the ${changes.join(', ') || 'nothing'} of the backlog item “${values.title ?? current.title}”`,
    });
    return loadBacklogItem(tx, actor.workspaceId, id);
  });
}

/** Moves an item to the trash; its links (highlights, insights) stay, so restoring brings them back. */
export async function deleteBacklogItem(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await requireLiveItem(tx, actor.workspaceId, id);
    await backlogRepository.update(tx, actor.workspaceId, id, { deletedAt: new Date() });
    await recordAudit(tx, actor, { action: 'backlog_item.delete', objectType: 'backlog_item', objectId: id, summary: `Moved the backlog item “${current.title}” to the trash` });
  });
}

export async function restoreBacklogItem(db: Db, actor: WorkspaceActor, id: string): Promise<BacklogItem> {
  return db.transaction(async (tx) => {
    const current = await backlogRepository.findForUpdate(tx, actor.workspaceId, id, { inTrash: true });
    if (!current) throw notFound('Backlog item');
    if (current.deletedAt) {
      await backlogRepository.update(tx, actor.workspaceId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'backlog_item.restore', objectType: 'backlog_item', objectId: id, summary: `Restored the backlog item “${current.title}” from the trash` });
    }
    return loadBacklogItem(tx, actor.workspaceId, id);
  });
}

function describeLinks(made: { highlights: number; insights: number }): string {
  return [made.highlights && countOf(made.highlights, 'highlight'), made.insights && countOf(made.insights, 'insight')].filter(Boolean).join(' and ');
}

/** Links highlights and insights as evidence, all or none: each id must be in the workspace (404) and outside the trash (422). */
export async function linkEvidence(db: Db, actor: WorkspaceActor, id: string, body: LinkBacklogEvidenceBody): Promise<EvidenceChange> {
  const highlightIds = [...new Set(body.highlightIds ?? [])];
  const insightIds = [...new Set(body.insightIds ?? [])];
  return db.transaction(async (tx) => {
    const item = await requireLiveItem(tx, actor.workspaceId, id);
    await insightsService.requireHighlights(tx, actor.workspaceId, highlightIds, { live: true });
    await insightsService.requireInsights(tx, actor.workspaceId, insightIds, { live: true });
    const made = await backlogRepository.insertLinks(tx, actor.workspaceId, id, highlightIds, insightIds, actor.userId, body.importance);
    const changed = made.highlights + made.insights;
    if (changed) {
      await recordAudit(tx, actor, { action: 'backlog_item.evidence.link', objectType: 'backlog_item', objectId: id, summary: `Linked ${describeLinks(made)} to the backlog item “${item.title}”` });
    }
    return { changed };
  });
}

/** Unlinks highlights and insights; ids must be in the workspace (the trash included), and contributors may unlink only their own links. */
export async function unlinkEvidence(db: Db, actor: WorkspaceActor, id: string, body: BacklogEvidenceBody): Promise<EvidenceChange> {
  const highlightIds = [...new Set(body.highlightIds ?? [])];
  const insightIds = [...new Set(body.insightIds ?? [])];
  return db.transaction(async (tx) => {
    const item = await requireLiveItem(tx, actor.workspaceId, id);
    await insightsService.requireHighlights(tx, actor.workspaceId, highlightIds, { live: false });
    await insightsService.requireInsights(tx, actor.workspaceId, insightIds, { live: false });
    insightsService.assertCanUnlink(actor, await backlogRepository.findLinks(tx, actor.workspaceId, id, highlightIds, insightIds));
    const removed = await backlogRepository.removeLinks(tx, actor.workspaceId, id, highlightIds, insightIds);
    const changed = removed.highlights + removed.insights;
    if (changed) {
      await recordAudit(tx, actor, {
        action: 'backlog_item.evidence.unlink',
        objectType: 'backlog_item',
        objectId: id,
        summary: `Unlinked ${describeLinks(removed)} from the backlog item “${item.title}”`,
      });
    }
    return { changed };
  });
}

/** Changes how much highlights linked to the item itself matter to it; each must be linked to it (404), and contributors change only their own links. */
export async function changeEvidenceImportance(db: Db, actor: WorkspaceActor, id: string, body: EvidenceImportanceBody): Promise<EvidenceChange> {
  return insightsService.changeLinkImportance(db, actor, id, body, {
    lock: (tx) => requireLiveItem(tx, actor.workspaceId, id),
    links: backlogRepository.highlightLinks,
    kind: 'the backlog item',
    name: (item) => `the backlog item “${item.title}”`,
    audit: { action: 'backlog_item.evidence.importance', objectType: 'backlog_item' },
  });
}

/** A file name any header and file system takes: the tracker key, else the title, as lowercase words joined by dashes. */
function packFileName(item: BacklogItem): string {
  const slug = (item.externalKey ?? item.title)
    .normalize('NFKD')
    // Accents come apart from their letters (é → e + ◌́); the marks go.
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `evidence-${slug || 'backlog-item'}.md`;
}

/**
 * The Markdown evidence pack of a backlog item (backlog.evidence-pack.ts), with links back to
 * each quote in Cairn's reader at `origin` (where the request came to).
 */
export async function exportEvidencePack(db: Db, actor: WorkspaceActor, id: string, origin: string): Promise<{ fileName: string; markdown: string }> {
  const item = await loadBacklogItem(db, actor.workspaceId, id);
  const [insights, quotes] = await Promise.all([
    insightsService.listInsightsOfBacklogItem(db, actor.workspaceId, id),
    backlogRepository.listEvidenceQuotes(db, actor.workspaceId, id, EVIDENCE_PACK_QUOTES_MAX),
  ]);
  // Addresses as the web app builds them (web/src/lib/paths.ts; a quote is `#h-<id>` in the
  // reader); a Host header no URL can be made of leaves them relative.
  const cairnUrl = (path: string) => (URL.canParse(origin) ? new URL(path, origin).href : path);
  const itemUrl = cairnUrl(`/w/${actor.workspaceId}/backlog/${id}`);
  const quoteUrl = (quote: PackQuote) => cairnUrl(`/w/${actor.workspaceId}/sources/${quote.source.id}#h-${quote.id}`);
  return { fileName: packFileName(item), markdown: renderEvidencePack({ item, insights, quotes, itemUrl, quoteUrl }) };
}
