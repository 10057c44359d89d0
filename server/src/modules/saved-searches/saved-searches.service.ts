import { hasRole, SAVED_SEARCH_NEW_MATCHES_MAX, SAVED_SEARCHES_COUNTED_MAX, SearchFiltersQuerySchema, type CreateSavedSearchBody, type Page, type PageQuery, type SavedSearch } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { resolveDateRange } from '../../lib/date-range.js';
import { parseSearchQuery } from '../../search/query.js';
import { recordAudit } from '../audit/audit.service.js';
import { countNewMatches } from '../search/search.service.js';
import * as savedSearchesRepository from './saved-searches.repository.js';
import { presentPerson } from '../../lib/people.js';

// Stored as JSON; parsing keeps only the filters this version understands, and reads a filter
// saved with one value (before filters took several) as a list of it.
const filtersOf = (row: savedSearchesRepository.SavedSearchRow) => SearchFiltersQuerySchema.catch({}).parse(row.filters);

function presentSavedSearch(row: savedSearchesRepository.SavedSearchRow, creatorName: string | null, newMatches: number | null): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    filters: filtersOf(row),
    createdBy: presentPerson(row.createdBy, creatorName),
    createdAt: iso(row.createdAt),
    newMatches,
  };
}

/**
 * Matches of a saved search created since `since`, counted up to the cap. Null when its query
 * no longer parses (a search saved under older rules): one stale search must not break the list.
 */
async function newMatchesOf(db: Db, workspaceId: string, row: savedSearchesRepository.SavedSearchRow, since: string): Promise<number | null> {
  try {
    return await countNewMatches(db, workspaceId, row.query, filtersOf(row), since, SAVED_SEARCH_NEW_MATCHES_MAX);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return null;
    throw error;
  }
}

/**
 * Saved searches are shared by the whole workspace (they fill everyone's sidebar), newest first,
 * each with how many matches are new to the caller. Each count is bounded, and only the first
 * `SAVED_SEARCHES_COUNTED_MAX` of a page are counted; an API token has no user to count for.
 */
export async function listSavedSearches(db: Db, actor: WorkspaceActor, query: PageQuery): Promise<Page<SavedSearch>> {
  const after = decodeCursor(query.cursor, 2);
  const rows = await savedSearchesRepository.list(db, actor.workspaceId, actor.userId, query.limit, after);
  const page = pageFrom(rows, query.limit, (row) => row, ({ search, cursorAt }) => [cursorAt, search.id]);
  const counts = await Promise.all(
    page.items.map(({ search, seenSince }, i) => (actor.userId && i < SAVED_SEARCHES_COUNTED_MAX ? newMatchesOf(db, actor.workspaceId, search, seenSince) : null)),
  );
  return { items: page.items.map(({ search, creatorName }, i) => presentSavedSearch(search, creatorName, counts[i]!)), nextCursor: page.nextCursor };
}

/** The caller opened the saved search: its matches so far are no longer new to them. Any member. */
export async function markSavedSearchSeen(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  if (!actor.userId) throw new AppError('unprocessable', 'API tokens have no user to remember what was seen for: sign in to mark a saved search seen');
  const userId = actor.userId;
  await db.transaction(async (tx) => {
    if (!(await savedSearchesRepository.findById(tx, actor.workspaceId, id))) throw notFound('Saved search');
    await savedSearchesRepository.upsertView(tx, actor.workspaceId, userId, id);
  });
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
    // Nothing has arrived since it was saved a moment ago.
    return presentSavedSearch(search, creatorName, actor.userId ? 0 : null);
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
