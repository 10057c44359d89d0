import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { highlightTags, highlights, tags } from '../../db/schema/index.js';
import { rowsOf } from '../../lib/bulk-sql.js';

export type TagRow = typeof tags.$inferSelect;
type NewTag = typeof tags.$inferInsert;

/**
 * Highlights outside the trash per tag, counted in one pass over the workspace's links (an
 * index scan) minus the few trashed highlights (a partial index). Looking each linked highlight
 * up instead took 2.1 s for 257k links; this takes ~130 ms (measured on the search bench corpus).
 */
function usageOf(executor: Executor, workspaceId: string, tagId?: string) {
  return executor
    .select({ tagId: highlightTags.tagId, count: sql<number>`count(*)::int`.as('count') })
    .from(highlightTags)
    .where(
      and(
        eq(highlightTags.workspaceId, workspaceId),
        tagId ? eq(highlightTags.tagId, tagId) : undefined,
        sql`not exists (select 1 from ${highlights} h where h.workspace_id = ${workspaceId} and h.deleted_at is not null and h.id = ${highlightTags.highlightId})`,
      ),
    )
    .groupBy(highlightTags.tagId)
    .as('usage');
}

export async function listWithUsage(executor: Executor, workspaceId: string) {
  const usage = usageOf(executor, workspaceId);
  return executor
    .select({ tag: tags, usageCount: sql<number>`coalesce(${usage.count}, 0)` })
    .from(tags)
    .leftJoin(usage, eq(usage.tagId, tags.id))
    .where(eq(tags.workspaceId, workspaceId))
    .orderBy(sql`${tags.groupName} asc nulls last`, sql`lower(${tags.name})`, asc(tags.id));
}

export async function findById(executor: Executor, workspaceId: string, id: string) {
  const usage = usageOf(executor, workspaceId, id);
  const [row] = await executor
    .select({ tag: tags, usageCount: sql<number>`coalesce(${usage.count}, 0)` })
    .from(tags)
    .leftJoin(usage, eq(usage.tagId, tags.id))
    .where(and(eq(tags.workspaceId, workspaceId), eq(tags.id, id)));
  return row;
}

/** Locks the tags for the rest of the transaction: a merge and a concurrent rename or delete cannot interleave. */
export async function findByIdsForUpdate(executor: Executor, workspaceId: string, ids: string[]) {
  return executor
    .select()
    .from(tags)
    .where(and(eq(tags.workspaceId, workspaceId), inArray(tags.id, ids)))
    .for('update');
}

export async function findByIds(executor: Executor, workspaceId: string, ids: string[]) {
  if (!ids.length) return [];
  return executor.select().from(tags).where(and(eq(tags.workspaceId, workspaceId), inArray(tags.id, ids)));
}

/** Another tag of the workspace with this name, compared case-insensitively as the unique index does. */
export async function findByName(executor: Executor, workspaceId: string, name: string, exceptId?: string) {
  const [row] = await executor
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.workspaceId, workspaceId), sql`lower(${tags.name}) = lower(${name})`, exceptId ? ne(tags.id, exceptId) : undefined));
  return row;
}

export async function insert(executor: Executor, values: NewTag) {
  const [row] = await executor.insert(tags).values(values).returning();
  return row!;
}

export async function update(executor: Executor, workspaceId: string, id: string, values: Partial<NewTag>) {
  const [row] = await executor
    .update(tags)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(tags.workspaceId, workspaceId), eq(tags.id, id)))
    .returning();
  return row;
}

/** Deleting a tag removes its links (ON DELETE CASCADE). */
export async function remove(executor: Executor, workspaceId: string, id: string) {
  await executor.delete(tags).where(and(eq(tags.workspaceId, workspaceId), eq(tags.id, id)));
}

/** Links of each tag, and how many highlights carry both: what a merge will move. */
export async function countLinks(executor: Executor, workspaceId: string, fromId: string, intoId: string) {
  const [row] = await executor
    .select({
      from: sql<number>`count(*) filter (where ${highlightTags.tagId} = ${fromId})::int`,
      into: sql<number>`count(*) filter (where ${highlightTags.tagId} = ${intoId})::int`,
      distinct: sql<number>`count(distinct ${highlightTags.highlightId})::int`,
    })
    .from(highlightTags)
    .where(and(eq(highlightTags.workspaceId, workspaceId), inArray(highlightTags.tagId, [fromId, intoId])));
  return { from: row?.from ?? 0, into: row?.into ?? 0, both: (row?.from ?? 0) + (row?.into ?? 0) - (row?.distinct ?? 0) };
}

/** Copies every link of `fromId` to `intoId` in one statement; highlights that already carry `intoId` keep their one link. */
export async function copyLinks(executor: Executor, workspaceId: string, fromId: string, intoId: string) {
  await executor.execute(sql`
    insert into highlight_tags (workspace_id, highlight_id, tag_id, created_at)
    select workspace_id, highlight_id, ${intoId}::uuid, created_at from highlight_tags
    where workspace_id = ${workspaceId} and tag_id = ${fromId}
    on conflict do nothing`);
}

/** The highlights carrying a tag, as a subquery for set-based updates. */
export function highlightsWithTag(workspaceId: string, tagId: string): SQL {
  return sql`select ht.highlight_id from highlight_tags ht where ht.workspace_id = ${workspaceId} and ht.tag_id = ${tagId}`;
}

/**
 * Recomputes the copies of their tags that highlights carry — `tag_names` (it feeds the
 * generated search column) and `tag_refs` (what the API shows) — for the highlights the
 * subquery selects, in one statement. `exceptTagId` leaves out a tag about to be deleted, so
 * the refresh can run before its links disappear.
 */
export async function refreshHighlightTags(executor: Executor, workspaceId: string, highlightIds: SQL, exceptTagId?: string) {
  await executor.execute(sql`
    update highlights h set (tag_names, tag_refs) = (
      select coalesce(string_agg(t.name, ' ' order by lower(t.name)), ''),
        coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'group', t.group_name) order by lower(t.name)), '[]'::json)
      from highlight_tags ht join tags t on t.id = ht.tag_id
      where ht.highlight_id = h.id ${exceptTagId ? sql`and t.id <> ${exceptTagId}` : sql``}
    )
    where h.workspace_id = ${workspaceId} and h.id in (${highlightIds})`);
}

/** The given highlight ids, as a subquery for set-based updates. */
export function highlightIdList(ids: string[]): SQL {
  return sql`select unnest(${sql.param(ids)}::uuid[])`;
}

export async function insertLinks(executor: Executor, links: Array<typeof highlightTags.$inferInsert>) {
  if (links.length) await executor.insert(highlightTags).values(links).onConflictDoNothing();
}

/**
 * Links every highlight to every tag in one statement (arrays travel as two parameters, not one per
 * row), and returns the links it made: not those there already, which an undo must leave alone.
 */
export async function insertLinksCrossing(executor: Executor, workspaceId: string, highlightIds: string[], tagIds: string[]) {
  return rowsOf<{ highlightId: string; tagId: string }>(
    executor,
    sql`
    insert into highlight_tags (workspace_id, highlight_id, tag_id)
    select ${workspaceId}::uuid, h, t from unnest(${sql.param(highlightIds)}::uuid[]) h cross join unnest(${sql.param(tagIds)}::uuid[]) t
    on conflict do nothing
    returning highlight_id as "highlightId", tag_id as "tagId"`,
  );
}

export async function removeLinks(executor: Executor, workspaceId: string, highlightIds: SQL, tagIds: string[]) {
  await executor
    .delete(highlightTags)
    .where(and(eq(highlightTags.workspaceId, workspaceId), sql`${highlightTags.highlightId} in (${highlightIds})`, inArray(highlightTags.tagId, tagIds)));
}

/**
 * Drops the links of these highlights to these tags that a transaction which began `at` made (their
 * `created_at`, to the microsecond), and returns them: a link made again since is another's.
 */
export async function removeLinksMadeAt(executor: Executor, workspaceId: string, highlightIds: string[], tagIds: string[], at: string) {
  return rowsOf<{ highlightId: string; tagId: string }>(
    executor,
    sql`
    delete from highlight_tags
    where workspace_id = ${workspaceId} and highlight_id = any(${sql.param(highlightIds)}::uuid[]) and tag_id = any(${sql.param(tagIds)}::uuid[])
      and created_at = ${at}::timestamptz
    returning highlight_id as "highlightId", tag_id as "tagId"`,
  );
}

/** Drops the highlight's links to tags outside `keepTagIds`. */
export async function removeLinksExcept(executor: Executor, workspaceId: string, highlightId: string, keepTagIds: string[]) {
  await executor
    .delete(highlightTags)
    .where(
      and(
        eq(highlightTags.workspaceId, workspaceId),
        eq(highlightTags.highlightId, highlightId),
        keepTagIds.length ? sql`${highlightTags.tagId} <> all(${sql.param(keepTagIds)}::uuid[])` : undefined,
      ),
    );
}
