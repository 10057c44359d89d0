import { sql } from 'drizzle-orm';
import { BACKLOG_STATUSES, EVIDENCE_IMPORTANCES, INSIGHT_STATUSES, INSIGHT_TYPES, type EvidenceImportance } from '@cairn/shared';
import { type AnyPgColumn, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, workspaceId } from './columns.js';
import { users, workspaces } from './accounts.js';
import { highlights } from './highlights.js';

/**
 * A link a merge moved from the merged insight (to a highlight, or from a backlog item), as it
 * was: who made it, when, and for a highlight how much it mattered (`importance`; absent in
 * records from before migration 0022). `survivorHad` when the survivor had that link already, so
 * the merged one's copy was dropped. `createdAt` is the timestamptz as text, exact to the
 * microsecond: a moved link keeps it, which tells it apart from one removed and made again since.
 */
export type MergedLink = { id: string; createdBy: string | null; createdAt: string; survivorHad: boolean; importance?: EvidenceImportance };

/** What a merge moved from the merged insight to the survivor: what restoring the merged one takes back (ADR 009). */
export type MergeMoves = { highlights: MergedLink[]; backlogItems: MergedLink[]; childIds: string[]; clusterIds: string[] };

/** Problems, opportunities and solutions, with highlights as their evidence. */
export const insights = pgTable(
  'insights',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    type: text('type', { enum: INSIGHT_TYPES }).notNull(),
    title: text('title').notNull(),
    statement: text('statement'),
    status: text('status', { enum: INSIGHT_STATUSES }).notNull().default('draft'),
    /** An opportunity's problem, a solution's opportunity (the service checks the types). */
    parentId: uuid('parent_id').references((): AnyPgColumn => insights.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Soft delete: the trash. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    /** In the trash because it was merged into this one; cleared by a restore, which undoes the merge. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => insights.id, { onDelete: 'set null' }),
    mergeMoves: jsonb('merge_moves').$type<MergeMoves>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('insights_workspace_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()), index('insights_parent_idx').on(t.workspaceId, t.parentId)],
);

export const insightHighlights = pgTable(
  'insight_highlights',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    insightId: uuid('insight_id')
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    highlightId: uuid('highlight_id')
      .notNull()
      .references(() => highlights.id, { onDelete: 'cascade' }),
    /** How much the highlight matters here (ADR 009): weighs the backlog score. */
    importance: text('importance', { enum: EVIDENCE_IMPORTANCES }).notNull().default('important'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.insightId, t.highlightId] }),
    index('insight_highlights_highlight_idx').on(t.workspaceId, t.highlightId),
    // For ON DELETE CASCADE of a highlight deleted for good, which looks links up by highlight alone (ADR 019).
    index('insight_highlights_highlight_fk_idx').on(t.highlightId),
  ],
);

/** Something the team might build, optionally mirrored by an issue in a real tracker. */
export const backlogItems = pgTable(
  'backlog_items',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: BACKLOG_STATUSES }).notNull().default('idea'),
    externalUrl: text('external_url'),
    /** The tracker's key (PROJ-12, #481); one item per key, so a tracker issue is linked once. */
    externalKey: text('external_key'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('backlog_items_workspace_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    uniqueIndex('backlog_items_external_key_key').on(t.workspaceId, sql`lower(${t.externalKey})`).where(sql`${t.externalKey} is not null`),
  ],
);

export const backlogHighlights = pgTable(
  'backlog_highlights',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    backlogItemId: uuid('backlog_item_id')
      .notNull()
      .references(() => backlogItems.id, { onDelete: 'cascade' }),
    highlightId: uuid('highlight_id')
      .notNull()
      .references(() => highlights.id, { onDelete: 'cascade' }),
    /** How much the highlight matters here (ADR 009): weighs the backlog score. */
    importance: text('importance', { enum: EVIDENCE_IMPORTANCES }).notNull().default('important'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.backlogItemId, t.highlightId] }),
    index('backlog_highlights_highlight_idx').on(t.workspaceId, t.highlightId),
    // For ON DELETE CASCADE of a highlight deleted for good, which looks links up by highlight alone (ADR 019).
    index('backlog_highlights_highlight_fk_idx').on(t.highlightId),
  ],
);

export const backlogInsights = pgTable(
  'backlog_insights',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    backlogItemId: uuid('backlog_item_id')
      .notNull()
      .references(() => backlogItems.id, { onDelete: 'cascade' }),
    insightId: uuid('insight_id')
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.backlogItemId, t.insightId] }), index('backlog_insights_insight_idx').on(t.workspaceId, t.insightId)],
);
