import { and, asc, desc, eq, gt, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import type { SourceKind } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { importRejections, importUnchangedFrom, imports, sources, users } from '../../db/schema/index.js';
import { LEGACY_TRANSCRIPT_ID_PREFIX } from '../../importers/source-identity.js';
import { anyOf, jsonRows, rowsOf } from '../../lib/bulk-sql.js';
import { cursorText, newestFirst, olderThan } from '../../lib/cursor.js';

export type ImportRecord = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;
export type NewRejection = Omit<typeof importRejections.$inferInsert, 'id' | 'createdAt'>;

/**
 * What one committed batch adds to an import's counts. `unchangedFrom`: its unchanged sources
 * by the earlier import that last wrote them (import id → sources).
 */
export type CountsDelta = { total: number; created: number; updated: number; rejected: number; redacted: number; progress: number; unchangedFrom: Record<string, number> };

const LIVE_STATUSES = ['queued', 'running'] as const;

/**
 * The import's listed errors: one per rejected row, plus one per part skipped while its row
 * imported (a malformed cue), so the skipped parts are this minus `rejected`. Counted, not kept
 * as a column, so it can never disagree with the list (the index makes it cheap).
 */
const rejectionCount = sql<number>`(select count(*)::int from ${importRejections} where ${importRejections.workspaceId} = ${imports.workspaceId} and ${importRejections.importId} = ${imports.id})`;

export async function insert(executor: Executor, values: NewImport) {
  const [row] = await executor.insert(imports).values(values).returning();
  return row!;
}

export async function findById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select({ import: imports, creatorName: users.name, rejectionCount })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
  return row;
}

export async function list(executor: Executor, workspaceId: string, limit: number, after?: Array<string | number | null>) {
  return executor
    .select({ import: imports, creatorName: users.name, rejectionCount, cursorAt: cursorText(imports.createdAt) })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(and(eq(imports.workspaceId, workspaceId), olderThan(imports.createdAt, imports.id, after)))
    .orderBy(...newestFirst(imports.createdAt, imports.id))
    .limit(limit + 1);
}

/** The earlier imports that last wrote the import's unchanged sources, with how many: most first, at most `limit`. */
export async function listUnchangedFrom(executor: Executor, workspaceId: string, importId: string, limit: number) {
  return executor
    .select({ id: imports.id, fileName: imports.fileName, createdAt: imports.createdAt, finishedAt: imports.finishedAt, count: importUnchangedFrom.count })
    .from(importUnchangedFrom)
    .innerJoin(imports, and(eq(imports.workspaceId, importUnchangedFrom.workspaceId), eq(imports.id, importUnchangedFrom.earlierImportId)))
    .where(and(eq(importUnchangedFrom.workspaceId, workspaceId), eq(importUnchangedFrom.importId, importId)))
    .orderBy(desc(importUnchangedFrom.count), desc(imports.createdAt), asc(imports.id))
    .limit(limit);
}

export async function update(executor: Executor, workspaceId: string, id: string, values: Partial<NewImport>) {
  const [row] = await executor
    .update(imports)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)))
    .returning();
  return row!;
}

/** Finished imports whose options carry `mark` (true). */
const finishedAndMarked = (workspaceId: string, mark: string) =>
  and(eq(imports.workspaceId, workspaceId), sql`(${imports.options} ->> ${mark}) = 'true'`, notInArray(imports.status, [...LIVE_STATUSES]));

export async function countMarked(executor: Executor, workspaceId: string, mark: string): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)::int` }).from(imports).where(finishedAndMarked(workspaceId, mark));
  return row!.count;
}

/** Deletes the finished imports marked so; their rejected rows cascade, and sources still pointing at them keep no import. */
export async function removeMarked(executor: Executor, workspaceId: string, mark: string): Promise<number> {
  const gone = await executor.delete(imports).where(finishedAndMarked(workspaceId, mark)).returning({ id: imports.id });
  return gone.length;
}

/**
 * The file names the workspace's transcripts that still carry an id of the old scheme (file name
 * and text, importers/source-identity.ts) were imported under: the names a renamed file's old id
 * may have been made with. Re-keyed ones drop out, so the list only shrinks.
 */
export async function listLegacyTranscriptFileNames(executor: Executor, workspaceId: string): Promise<string[]> {
  const rows = await rowsOf<{ fileName: string }>(
    executor,
    sql`select distinct ${sources.metadata}->>'fileName' as "fileName" from ${sources}
      where ${sources.workspaceId} = ${workspaceId} and ${sources.kind} = 'interview'
        and starts_with(${sources.externalId}, ${LEGACY_TRANSCRIPT_ID_PREFIX}) and ${sources.metadata}->>'fileName' is not null`,
  );
  return rows.map((row) => row.fileName);
}

/**
 * Gives the source that carries one of `formerIds` (the first one's before the others', then one
 * outside the trash, then the oldest) the id `externalId`, unless a source has it already: the
 * upsert that follows then finds it. Re-keyed once, a source is found by its id from then on.
 */
export async function rekeyFormerSource(executor: Executor, workspaceId: string, kind: SourceKind, externalId: string, formerIds: string[]) {
  if (!formerIds.length) return;
  await executor.execute(sql`
    update ${sources} set external_id = ${externalId}
    where ${sources.id} = (
      select former.id from ${sources} former
      where former.workspace_id = ${workspaceId} and former.kind = ${kind} and former.external_id = any(${anyOf(formerIds)})
      order by former.external_id = ${formerIds[0]} desc, former.deleted_at is not null, former.created_at, former.id
      limit 1)
    and not exists (select 1 from ${sources} existing where existing.workspace_id = ${workspaceId} and existing.kind = ${kind} and existing.external_id = ${externalId})`);
}

/**
 * For a batch written beside another: its statements wait at most `lockWait` for a row lock
 * (then fail with 55P03), and the search vocabulary changes its writes make are held back
 * until `foldSearchTerms` (migration 0005).
 */
export async function holdBackSearchTerms(executor: Executor, lockWait: string) {
  await executor.execute(sql`select set_config('lock_timeout', ${lockWait}, true), set_config('cairn.defer_search_terms', 'on', true)`);
}

/** Applies the vocabulary changes held back so far in this transaction. */
export async function foldSearchTerms(executor: Executor) {
  await executor.execute(sql`select fold_search_term_changes()`);
}

/**
 * Adds a batch's unchanged sources to the import's counts per earlier import. An earlier import
 * deleted since the batch read its sources is left out, as it would be once deleted.
 */
async function addUnchangedFrom(executor: Executor, workspaceId: string, importId: string, delta: Record<string, number>) {
  const rows = Object.entries(delta).map(([earlierImportId, count]) => ({ earlier_import_id: earlierImportId, count }));
  if (!rows.length) return;
  await executor.execute(sql`
    insert into ${importUnchangedFrom} (workspace_id, import_id, earlier_import_id, count)
    select ${workspaceId}::uuid, ${importId}::uuid, v.earlier_import_id, v.count
    from json_to_recordset(${jsonRows(rows)}) as v(earlier_import_id uuid, count int)
    join ${imports} earlier on earlier.workspace_id = ${workspaceId} and earlier.id = v.earlier_import_id
    on conflict (import_id, earlier_import_id) do update set count = ${importUnchangedFrom}.count + excluded.count`);
}

/** Adds a batch's counts in SQL, so the row never goes back in time whatever the order of writes. */
export async function addCounts(executor: Executor, workspaceId: string, id: string, delta: CountsDelta) {
  await addUnchangedFrom(executor, workspaceId, id, delta.unchangedFrom);
  await executor
    .update(imports)
    .set({
      total: sql`${imports.total} + ${delta.total}`,
      created: sql`${imports.created} + ${delta.created}`,
      updated: sql`${imports.updated} + ${delta.updated}`,
      rejected: sql`${imports.rejected} + ${delta.rejected}`,
      redacted: sql`${imports.redacted} + ${delta.redacted}`,
      progress: sql`greatest(${imports.progress}, ${delta.progress})`,
      updatedAt: new Date(),
    })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
}

export async function insertRejections(executor: Executor, rows: NewRejection[]) {
  if (rows.length) await executor.insert(importRejections).values(rows);
}

export async function listRejections(executor: Executor, workspaceId: string, importId: string, limit: number, after?: { line: number; id: string }) {
  return executor
    .select({ id: importRejections.id, line: importRejections.line, message: importRejections.message, raw: importRejections.raw })
    .from(importRejections)
    .where(
      and(
        eq(importRejections.workspaceId, workspaceId),
        eq(importRejections.importId, importId),
        after ? or(gt(importRejections.line, after.line), and(eq(importRejections.line, after.line), gt(importRejections.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(importRejections.line), asc(importRejections.id))
    .limit(limit);
}

/** Keeps imports this process is running from looking abandoned. */
export async function touch(executor: Executor, ids: string[]) {
  if (ids.length) await executor.update(imports).set({ updatedAt: new Date() }).where(inArray(imports.id, ids));
}

/**
 * Fails imports that nobody is running any more: queued or running, and not written for
 * `staleBefore`. Maintenance across every workspace, the one query here without a workspace.
 */
export async function failAbandoned(executor: Executor, staleBefore: Date, runningHere: string[], failure: string) {
  return executor
    .update(imports)
    .set({ status: 'failed', failure, finishedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        inArray(imports.status, [...LIVE_STATUSES]),
        lt(imports.updatedAt, staleBefore),
        runningHere.length ? notInArray(imports.id, runningHere) : undefined,
      ),
    )
    .returning({ id: imports.id });
}
