import { hasRole, SearchFiltersSchema, type CreateSavedSearchBody, type Page, type PageQuery, type SavedSearch } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { resolveDateRange } from '../../lib/date-range.js';
import { parseSearchQuery } from '../../search/query.js';
import { recordAudit } from '../audit/audit.service.js';
import * as savedSearchesRepository from './saved-searches.repository.js';
import { presentPerson } from '../../lib/people.js';

function presentSavedSearch(row: savedSearchesRepository.SavedSearchRow, creatorName: string | null): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    // Stored as JSON; parsing keeps only the filters this version understands.
    filters: SearchFiltersSchema.catch({}).parse(row.filters),
    createdBy: presentPerson(row.createdBy, creatorName),
    createdAt: iso(row.createdAt),
  };
}

/** Saved searches are shared by the whole workspace (they fill everyone's sidebar), newest first. */
export async function listSavedSearches(db: Db, actor: WorkspaceActor, query: PageQuery): Promise<Page<SavedSearch>> {
  const after = decodeCursor(query.cursor, 2);
  const rows = await savedSearchesRepository.list(db, actor.workspaceId, query.limit, after);
  return pageFrom(
    rows,
    query.limit,
    ({ search, creatorName }) => presentSavedSearch(search, creatorName),
    ({ search, cursorAt }) => [cursorAt, search.id],
  );
}

export async function createSavedSearch(db: Db, actor: WorkspaceActor, body: CreateSavedSearchBody): Promise<SavedSearch> {
  // A query that could never run is refused now, with the same message the search would give.
  parseSearchQuery(body.query, 'body.query');
  resolveDateRange(body.filters ?? {}, 'body.filters');
  return db.transaction(async (tx) => {
    const row = await savedSearchesRepository.insert(tx, {
      workspaceId: actor.workspaceId,
      name: body.name,
      query: body.query,
      filters: body.filters ?? {},
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'saved_search.create', objectType: 'saved_search', objectId: row.id, summary: `Saved the search “${body.name}”` });
    const { search, creatorName } = await savedSearchesRepository.findWithCreator(tx, actor.workspaceId, row.id);
    return presentSavedSearch(search, creatorName);
  });
}

/** Contributors delete their own saved searches; researchers and up delete any. */
export async function deleteSavedSearch(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await savedSearchesRepository.findById(tx, actor.workspaceId, id);
    if (!row) throw notFound('Saved search');
    const own = actor.userId !== null && row.createdBy === actor.userId;
    if (!own && !hasRole(actor.role, 'researcher')) throw new AppError('forbidden', 'Only researchers and up can delete saved searches made by others');
    await savedSearchesRepository.remove(tx, actor.workspaceId, id);
    await recordAudit(tx, actor, { action: 'saved_search.delete', objectType: 'saved_search', objectId: id, summary: `Deleted the saved search “${row.name}”` });
  });
}
