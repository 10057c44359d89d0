import { and, eq, inArray, ne } from 'drizzle-orm';
import type { EvidenceImportance } from '@cairn/shared';
import type { Executor } from './client.js';
import { backlogHighlights, insightHighlights } from './schema/index.js';

/*
 * Highlights linked as evidence to an owner — an insight (insight_highlights) or a backlog item
 * (backlog_highlights) — each link with who made it and how much it matters there (ADR 009). The
 * two tables differ only in their owner column, so their links are read and written here once,
 * through the functions each repository gets from `highlightLinksOf`.
 */

/**
 * A table of highlight links: the drizzle table and its owner column's key, which names the
 * column in the rows an insert writes.
 */
export type HighlightLinkTable = { table: typeof insightHighlights; owner: 'insightId' } | { table: typeof backlogHighlights; owner: 'backlogItemId' };

/** The owner column: drizzle types only the columns both tables share, so it is picked by kind. */
const ownerColumn = (links: HighlightLinkTable) => (links.owner === 'insightId' ? links.table.insightId : links.table.backlogItemId);

/** The links of one owner in one workspace to `highlightIds`: every statement below is scoped so. */
function linksTo(links: HighlightLinkTable, workspaceId: string, ownerId: string, highlightIds: string[]) {
  return and(eq(links.table.workspaceId, workspaceId), eq(ownerColumn(links), ownerId), inArray(links.table.highlightId, highlightIds));
}

/** The reads and writes of one table's highlight links, as its repository exports them; no ids, no statement. */
export function highlightLinksOf(links: HighlightLinkTable) {
  const { table } = links;
  return {
    /** Links that exist among `highlightIds`, with who made them: what an unlink, or a change of importance, would touch. */
    async find(executor: Executor, workspaceId: string, ownerId: string, highlightIds: string[]) {
      if (!highlightIds.length) return [];
      return executor
        .select({ highlightId: table.highlightId, createdBy: table.createdBy })
        .from(table)
        .where(linksTo(links, workspaceId, ownerId, highlightIds));
    },

    /** Links the highlights in one statement; links already there stay as they were (their importance too). Returns how many were made. */
    async insert(executor: Executor, workspaceId: string, ownerId: string, highlightIds: string[], createdBy: string | null, importance?: EvidenceImportance): Promise<number> {
      if (!highlightIds.length) return 0;
      const rows = await executor
        .insert(table)
        .values(highlightIds.map((highlightId) => ({ workspaceId, [links.owner]: ownerId, highlightId, createdBy, importance })))
        .onConflictDoNothing()
        .returning({ highlightId: table.highlightId });
      return rows.length;
    },

    /** Gives the links to `highlightIds` this importance. Returns how many changed (links that had it already did not). */
    async updateImportance(executor: Executor, workspaceId: string, ownerId: string, highlightIds: string[], importance: EvidenceImportance): Promise<number> {
      if (!highlightIds.length) return 0;
      const rows = await executor
        .update(table)
        .set({ importance })
        .where(and(linksTo(links, workspaceId, ownerId, highlightIds), ne(table.importance, importance)))
        .returning({ highlightId: table.highlightId });
      return rows.length;
    },

    /** Unlinks the highlights in one statement. Returns how many links there were to remove. */
    async remove(executor: Executor, workspaceId: string, ownerId: string, highlightIds: string[]): Promise<number> {
      if (!highlightIds.length) return 0;
      const rows = await executor.delete(table).where(linksTo(links, workspaceId, ownerId, highlightIds)).returning({ highlightId: table.highlightId });
      return rows.length;
    },
  };
}

export type HighlightLinks = ReturnType<typeof highlightLinksOf>;
