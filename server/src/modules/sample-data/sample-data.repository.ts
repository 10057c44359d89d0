import { and, asc, desc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { SourceKind } from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import {
  backlogHighlights,
  backlogInsights,
  backlogItems,
  companies,
  customers,
  highlights,
  highlightTags,
  insightHighlights,
  insights,
  memberships,
  sources,
  tags,
  workspaces,
} from '../../db/schema/index.js';
import { anyOf, jsonRows, rowsOf } from '../../lib/bulk-sql.js';

const hasOwner = sql<boolean>`exists (select 1 from ${memberships} where ${memberships.workspaceId} = ${workspaces.id} and ${memberships.role} = 'owner')`;

/** The oldest workspace someone owns (the one a fresh install was set up with), else the oldest one. */
export async function findFirstWorkspace(executor: Executor) {
  const [row] = await executor.select({ workspace: workspaces, hasOwner }).from(workspaces).orderBy(desc(hasOwner), asc(workspaces.createdAt), asc(workspaces.id)).limit(1);
  return row;
}

export async function insertWorkspace(executor: Executor, name: string) {
  const [row] = await executor.insert(workspaces).values({ name }).returning();
  return row!;
}

/** The sample's interviews (by title) and its tickets (`LL-…` ids), with what seeding highlights needs. */
export async function listSampleSources(executor: Executor, workspaceId: string, interviewTitles: string[]) {
  return executor
    .select({ id: sources.id, kind: sources.kind, title: sources.title, externalId: sources.externalId, body: sources.body, metadata: sources.metadata })
    .from(sources)
    .where(
      and(
        eq(sources.workspaceId, workspaceId),
        isNull(sources.deletedAt),
        or(and(eq(sources.kind, 'interview'), inArray(sources.title, interviewTitles)), and(eq(sources.kind, 'ticket'), like(sources.externalId, 'LL-%'))),
      ),
    )
    .orderBy(asc(sources.externalId));
}

/** Ranges already highlighted on these sources, trashed ones included: seeding never recreates them. */
export async function listHighlightRanges(executor: Executor, workspaceId: string, sourceIds: string[]) {
  if (!sourceIds.length) return [];
  return executor
    .select({ id: highlights.id, sourceId: highlights.sourceId, start: highlights.start, end: highlights.end, deletedAt: highlights.deletedAt })
    .from(highlights)
    .where(and(eq(highlights.workspaceId, workspaceId), inArray(highlights.sourceId, sourceIds)));
}

/** Every insight's title, trashed ones included: the sample's insights are known by their titles. */
export async function listInsightTitles(executor: Executor, workspaceId: string) {
  return executor.select({ id: insights.id, title: insights.title, deletedAt: insights.deletedAt }).from(insights).where(eq(insights.workspaceId, workspaceId));
}

/** Every backlog item's title and tracker key, trashed ones included. */
export async function listBacklogItemTitles(executor: Executor, workspaceId: string) {
  return executor.select({ title: backlogItems.title, externalKey: backlogItems.externalKey }).from(backlogItems).where(eq(backlogItems.workspaceId, workspaceId));
}

// --- removing the sample: its rows, and whether the workspace's own work uses them ---

/** `column` (a source id) is none of `sampleSourceIds`: what stands on it is the workspace's own. */
const outside = (column: SQL, sampleSourceIds: string[]) => sql`not (${column} = any(${anyOf(sampleSourceIds)}::uuid[]))`;

/** The sources with these identities (kind, external id), trashed ones included. */
export function listSourcesByIdentity(executor: Executor, workspaceId: string, identities: Array<{ kind: SourceKind; externalId: string }>) {
  return rowsOf<{ id: string; kind: SourceKind }>(
    executor,
    sql`select s.id, s.kind from ${sources} s
      join json_to_recordset(${jsonRows(identities)}) as v(kind text, "externalId" text) on s.kind = v.kind and s.external_id = v."externalId"
      where s.workspace_id = ${workspaceId} and s.external_id is not null`,
  );
}

/** Highlights of these sources, anyone's, trashed ones included. */
export async function countHighlightsOfSources(executor: Executor, workspaceId: string, sourceIds: string[]): Promise<number> {
  if (!sourceIds.length) return 0;
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(highlights)
    .where(and(eq(highlights.workspaceId, workspaceId), sql`${highlights.sourceId} = any(${anyOf(sourceIds)}::uuid[])`));
  return row!.count;
}

/** Insights with these titles (trashed ones too), each with whether a highlight of a source outside the sample is evidence of it. */
export function listInsightsTitled(executor: Executor, workspaceId: string, titles: string[], sampleSourceIds: string[]) {
  return rowsOf<{ id: string; ownEvidence: boolean }>(
    executor,
    sql`select i.id, exists (
        select 1 from ${insightHighlights} ih join ${highlights} h on h.id = ih.highlight_id
        where ih.workspace_id = ${workspaceId} and ih.insight_id = i.id and ${outside(sql`h.source_id`, sampleSourceIds)}) as "ownEvidence"
      from ${insights} i where i.workspace_id = ${workspaceId} and i.title = any(${anyOf(titles)})`,
  );
}

/** The insights directly under these, trashed ones included. */
export async function listChildInsights(executor: Executor, workspaceId: string, parentIds: string[]) {
  if (!parentIds.length) return [];
  return executor
    .select({ id: insights.id, parentId: insights.parentId })
    .from(insights)
    .where(and(eq(insights.workspaceId, workspaceId), inArray(insights.parentId, parentIds)));
}

/** Backlog items with one of these titles or tracker keys (trashed ones too), each with whether a highlight of a source outside the sample is evidence of it. */
export function listBacklogItemsNamed(executor: Executor, workspaceId: string, titles: string[], externalKeys: string[], sampleSourceIds: string[]) {
  return rowsOf<{ id: string; ownEvidence: boolean }>(
    executor,
    sql`select b.id, exists (
        select 1 from ${backlogHighlights} bh join ${highlights} h on h.id = bh.highlight_id
        where bh.workspace_id = ${workspaceId} and bh.backlog_item_id = b.id and ${outside(sql`h.source_id`, sampleSourceIds)}) as "ownEvidence"
      from ${backlogItems} b
      where b.workspace_id = ${workspaceId} and (b.title = any(${anyOf(titles)}) or lower(b.external_key) = any(${anyOf(externalKeys)}))`,
  );
}

/** Links between backlog items and insights that touch these insights or these items. */
export async function listBacklogInsightLinks(executor: Executor, workspaceId: string, insightIds: string[], backlogItemIds: string[]) {
  if (!insightIds.length && !backlogItemIds.length) return [];
  return executor
    .select({ backlogItemId: backlogInsights.backlogItemId, insightId: backlogInsights.insightId })
    .from(backlogInsights)
    .where(
      and(
        eq(backlogInsights.workspaceId, workspaceId),
        or(
          insightIds.length ? inArray(backlogInsights.insightId, insightIds) : undefined,
          backlogItemIds.length ? inArray(backlogInsights.backlogItemId, backlogItemIds) : undefined,
        ),
      ),
    );
}

/** Tags with these lower-case names, each with whether a highlight of a source outside the sample (trashed or not) carries it. */
export function listTagsNamed(executor: Executor, workspaceId: string, lowerNames: string[], sampleSourceIds: string[]) {
  return rowsOf<{ id: string; ownUse: boolean }>(
    executor,
    sql`select t.id, exists (
        select 1 from ${highlightTags} ht join ${highlights} h on h.id = ht.highlight_id
        where ht.workspace_id = ${workspaceId} and ht.tag_id = t.id and ${outside(sql`h.source_id`, sampleSourceIds)}) as "ownUse"
      from ${tags} t where t.workspace_id = ${workspaceId} and lower(t.name) = any(${anyOf(lowerNames)})`,
  );
}

/** Customers with these lower-case emails, each with whether a source outside the sample (trashed or not) is theirs. */
export function listCustomersByEmail(executor: Executor, workspaceId: string, lowerEmails: string[], sampleSourceIds: string[]) {
  return rowsOf<{ id: string; ownSources: boolean }>(
    executor,
    sql`select c.id, exists (
        select 1 from ${sources} s where s.workspace_id = ${workspaceId} and s.customer_id = c.id and ${outside(sql`s.id`, sampleSourceIds)}) as "ownSources"
      from ${customers} c where c.workspace_id = ${workspaceId} and lower(c.email) = any(${anyOf(lowerEmails)})`,
  );
}

/** Companies with these lower-case names, each with whether a customer other than `leavingCustomerIds` is at it. */
export function listCompaniesNamed(executor: Executor, workspaceId: string, lowerNames: string[], leavingCustomerIds: string[]) {
  return rowsOf<{ id: string; ownCustomers: boolean }>(
    executor,
    sql`select co.id, exists (
        select 1 from ${customers} c where c.workspace_id = ${workspaceId} and c.company_id = co.id and not (c.id = any(${anyOf(leavingCustomerIds)}::uuid[]))) as "ownCustomers"
      from ${companies} co where co.workspace_id = ${workspaceId} and lower(co.name) = any(${anyOf(lowerNames)})`,
  );
}
