import { sql } from 'drizzle-orm';
import { BACKLOG_STATUSES, INSIGHT_STATUSES, INSIGHT_TYPES } from '@cairn/shared';
import { type AnyPgColumn, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, workspaceId } from './columns.js';
import { users, workspaces } from './accounts.js';
import { highlights } from './highlights.js';

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
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.insightId, t.highlightId] }), index('insight_highlights_highlight_idx').on(t.workspaceId, t.highlightId)],
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
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.backlogItemId, t.highlightId] }), index('backlog_highlights_highlight_idx').on(t.workspaceId, t.highlightId)],
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
