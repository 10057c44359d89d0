import { countOf, type CreateTagBody, type Tag, type TagRef, type UpdateTagBody } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import * as tagsRepository from './tags.repository.js';
import type { TagRow } from './tags.repository.js';

export type { TagRow };

export function presentTag(row: TagRow, usageCount?: number): Tag {
  return {
    id: row.id,
    name: row.name,
    group: row.groupName,
    color: row.color,
    description: row.description,
    ...(usageCount === undefined ? {} : { usageCount }),
    createdAt: iso(row.createdAt),
  };
}

/**
 * The copies of its tags a highlight carries: the names search matches on (`tag_names`) and
 * the tags as the API shows them (`tag_refs`), both in name order ignoring case.
 * `tagsRepository.refreshHighlightTags` computes the same in SQL when tags change.
 */
export function highlightTagCopies(rows: Array<Pick<TagRow, 'id' | 'name' | 'color' | 'groupName'>>): { tagNames: string; tagRefs: TagRef[] } {
  const sorted = [...rows].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  return {
    tagNames: sorted.map((row) => row.name).join(' '),
    tagRefs: sorted.map((row) => ({ id: row.id, name: row.name, color: row.color, group: row.groupName })),
  };
}


/** The codebook: every tag with how many highlights use it, grouped (ungrouped last), then by name. */
export async function listTags(executor: Executor, actor: Pick<WorkspaceActor, 'workspaceId'>): Promise<Tag[]> {
  const rows = await tagsRepository.listWithUsage(executor, actor.workspaceId);
  return rows.map(({ tag, usageCount }) => presentTag(tag, usageCount));
}

async function assertNameFree(executor: Executor, workspaceId: string, name: string, exceptId?: string) {
  const existing = await tagsRepository.findByName(executor, workspaceId, name, exceptId);
  if (existing) {
    const message = `A tag named “${existing.name}” already exists`;
    throw new AppError('conflict', message, [{ path: 'body.name', message }]);
  }
}

export async function createTag(db: Db, actor: WorkspaceActor, body: CreateTagBody): Promise<Tag> {
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.workspaceId, body.name);
    const row = await tagsRepository.insert(tx, {
      workspaceId: actor.workspaceId,
      name: body.name,
      groupName: body.group ?? null,
      color: body.color ?? null,
      description: body.description || null,
    });
    await recordAudit(tx, actor, { action: 'tag.create', objectType: 'tag', objectId: row.id, summary: `Created tag “${row.name}”` });
    return presentTag(row, 0);
  });
}

export async function updateTag(db: Db, actor: WorkspaceActor, id: string, body: UpdateTagBody): Promise<Tag> {
  return db.transaction(async (tx) => {
    const [current] = await tagsRepository.findByIdsForUpdate(tx, actor.workspaceId, [id]);
    if (!current) throw notFound('Tag');
    const renamed = body.name !== undefined && body.name !== current.name;
    if (renamed) await assertNameFree(tx, actor.workspaceId, body.name!, id);
    const row = (await tagsRepository.update(tx, actor.workspaceId, id, {
      name: body.name,
      groupName: body.group,
      color: body.color,
      // An emptied description is no description.
      description: body.description === undefined ? undefined : body.description || null,
    }))!;
    const shownDifferently = renamed || row.groupName !== current.groupName || row.color !== current.color;
    if (shownDifferently) await tagsRepository.refreshHighlightTags(tx, actor.workspaceId, tagsRepository.highlightsWithTag(actor.workspaceId, id));
    if (renamed) {
      await recordAudit(tx, actor, { action: 'tag.rename', objectType: 'tag', objectId: id, summary: `Renamed tag “${current.name}” to “${row.name}”` });
    } else if (row.groupName !== current.groupName || row.color !== current.color || row.description !== current.description) {
      await recordAudit(tx, actor, { action: 'tag.update', objectType: 'tag', objectId: id, summary: `Edited the group, colour or description of tag “${row.name}”` });
    }
    const { usageCount } = (await tagsRepository.findById(tx, actor.workspaceId, id))!;
    return presentTag(row, usageCount);
  });
}

/** A tag in use goes only when the caller confirms with `force`; its highlights stay, without it. */
export async function deleteTag(db: Db, actor: WorkspaceActor, id: string, force: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [tag] = await tagsRepository.findByIdsForUpdate(tx, actor.workspaceId, [id]);
    if (!tag) throw notFound('Tag');
    const { usageCount } = (await tagsRepository.findById(tx, actor.workspaceId, id))!;
    if (usageCount > 0 && !force) {
      throw new AppError('conflict', `“${tag.name}” is used by ${countOf(usageCount, 'highlight')}; confirm with ?force=true to remove it from them and delete it`);
    }
    await tagsRepository.refreshHighlightTags(tx, actor.workspaceId, tagsRepository.highlightsWithTag(actor.workspaceId, id), id);
    await tagsRepository.remove(tx, actor.workspaceId, id);
    await recordAudit(tx, actor, {
      action: 'tag.delete',
      objectType: 'tag',
      objectId: id,
      summary: `Deleted tag “${tag.name}”${usageCount ? ` (removed from ${countOf(usageCount, 'highlight')})` : ''}`,
    });
  });
}

/**
 * Moves every link of a tag to the survivor and deletes the merged tag, in a fixed number of
 * set-based statements whatever the number of highlights: copy links (skipping highlights that
 * already carry the survivor), refresh tag names, delete the merged tag (its links go with it).
 */
export async function mergeTag(db: Db, actor: WorkspaceActor, id: string, intoTagId: string): Promise<Tag> {
  if (id === intoTagId) throw invalidField('body.intoTagId', 'A tag cannot be merged into itself');
  return db.transaction(async (tx) => {
    const locked = await tagsRepository.findByIdsForUpdate(tx, actor.workspaceId, [id, intoTagId]);
    const merged = locked.find((tag) => tag.id === id);
    const survivor = locked.find((tag) => tag.id === intoTagId);
    if (!merged) throw notFound('Tag');
    if (!survivor) throw notFound('Tag to merge into');
    const counts = await tagsRepository.countLinks(tx, actor.workspaceId, id, intoTagId);
    await tagsRepository.copyLinks(tx, actor.workspaceId, id, intoTagId);
    await tagsRepository.refreshHighlightTags(tx, actor.workspaceId, tagsRepository.highlightsWithTag(actor.workspaceId, id), id);
    await tagsRepository.remove(tx, actor.workspaceId, id);
    await recordAudit(tx, actor, {
      action: 'tag.merge',
      objectType: 'tag',
      objectId: intoTagId,
      summary:
        `Merged tag “${merged.name}” (${countOf(counts.from, 'highlight')}) into “${survivor.name}” (${countOf(counts.into, 'highlight')}); ` +
        `${counts.both} carried both, “${survivor.name}” now has ${countOf(counts.from + counts.into - counts.both, 'highlight')}`,
    });
    const { usageCount } = (await tagsRepository.findById(tx, actor.workspaceId, intoTagId))!;
    return presentTag(survivor, usageCount);
  });
}

// --- used by the highlights module, inside its transactions ---

/** A 404 naming the field when fewer tags were found in the workspace than were asked for. */
export function assertTagsFound(found: unknown[], uniqueIds: string[], path = 'body.tagIds') {
  if (found.length !== uniqueIds.length) {
    const message = 'One or more tags do not exist in this workspace';
    throw new AppError('not_found', message, [{ path, message }]);
  }
}

/** The tags, all of this workspace, or a 404 naming the field that referenced a missing one. */
export async function requireTags(executor: Executor, workspaceId: string, ids: string[] | undefined, path = 'body.tagIds'): Promise<TagRow[]> {
  const unique = [...new Set(ids ?? [])];
  const rows = await tagsRepository.findByIds(executor, workspaceId, unique);
  assertTagsFound(rows, unique, path);
  return rows;
}

/** Makes the highlight carry exactly these tags, and refreshes its copies of them. */
export async function replaceHighlightTags(executor: Executor, workspaceId: string, highlightId: string, tagRows: TagRow[]) {
  await tagsRepository.removeLinksExcept(executor, workspaceId, highlightId, tagRows.map((tag) => tag.id));
  await tagsRepository.insertLinks(
    executor,
    tagRows.map((tag) => ({ workspaceId, highlightId, tagId: tag.id })),
  );
  await tagsRepository.refreshHighlightTags(executor, workspaceId, tagsRepository.highlightIdList([highlightId]));
}

/** Takes off the links to `tagIds` a transaction that began `at` gave these highlights, none other, and refreshes their copies; returns the links taken off. */
export async function removeTagsAddedAt(executor: Executor, workspaceId: string, highlightIds: string[], tagIds: string[], at: string) {
  if (!highlightIds.length || !tagIds.length) return [];
  const removed = await tagsRepository.removeLinksMadeAt(executor, workspaceId, highlightIds, tagIds, at);
  if (removed.length) await tagsRepository.refreshHighlightTags(executor, workspaceId, tagsRepository.highlightIdList([...new Set(removed.map((link) => link.highlightId))]));
  return removed;
}

/** Adds and removes tags on many highlights in a fixed number of statements; returns the links it added (not those there already). */
export async function changeTagsOfHighlights(executor: Executor, workspaceId: string, highlightIds: string[], addTagIds: string[], removeTagIds: string[]) {
  const scope = tagsRepository.highlightIdList(highlightIds);
  if (removeTagIds.length) await tagsRepository.removeLinks(executor, workspaceId, scope, removeTagIds);
  const added = addTagIds.length ? await tagsRepository.insertLinksCrossing(executor, workspaceId, highlightIds, addTagIds) : [];
  await tagsRepository.refreshHighlightTags(executor, workspaceId, scope);
  return { added };
}
