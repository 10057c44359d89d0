import { sql } from 'drizzle-orm';
import { SOURCE_KINDS, type TagRef } from '@cairn/shared';
import { index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tsvector, updatedAt, workspaceId } from './columns.js';
import { users, workspaces } from './accounts.js';
import { sources } from './evidence.js';

export const tags = pgTable(
  'tags',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    groupName: text('group_name'),
    color: text('color'),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('tags_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

export const highlights = pgTable(
  'highlights',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    /** [start, end) in UTF-16 code units of the source body, as JavaScript indexes strings. */
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    /** Always body.slice(start, end) at the time of writing. */
    quote: text('quote').notNull(),
    note: text('note'),
    /** Tag names joined by spaces, kept in step with highlight_tags so search can match them. */
    tagNames: text('tag_names').notNull().default(''),
    /**
     * The tags as the API shows them (TagRef JSON in name order), kept in step with
     * highlight_tags like tag_names: reading highlights is a flat scan, with no join per
     * highlight (measured: 2.2× the source reads per second). `json`, not `jsonb`: it is only
     * ever sent out, and json leaves PostgreSQL as the text it stores.
     */
    tagRefs: json('tag_refs').$type<TagRef[]>().notNull().default(sql`'[]'::json`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * Copies of the source's kind, date, customer and trash time: a search filters highlights
     * as it scans them, where a join to each one's source cost a random page read a row
     * (docs/decisions/005-search.md). The API's insert copies them from the source row it locks;
     * triggers (migration 0009) fill them for any other insert and keep them in step with the
     * source. Nullable only so that other inserts need not name them.
     */
    sourceKind: text('source_kind', { enum: SOURCE_KINDS }),
    sourceOccurredAt: timestamp('source_occurred_at', { withTimezone: true, mode: 'date' }),
    sourceCustomerId: uuid('source_customer_id'),
    sourceDeletedAt: timestamp('source_deleted_at', { withTimezone: true, mode: 'date' }),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, quote), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(note, '') || ' ' || tag_names), 'B')`,
      ),
  },
  (t) => [
    index('highlights_source_idx').on(t.workspaceId, t.sourceId, t.start),
    index('highlights_workspace_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index('highlights_search_idx').using('gin', t.search),
    // Search in date order walks this for common words (ADR 005); desc is nulls last, as on sources.
    index('highlights_workspace_source_occurred_idx').on(t.workspaceId, t.sourceOccurredAt.desc(), t.id.desc()),
    // The trash is small: tag usage counts and the catalog's version subtract it through this.
    index('highlights_trashed_idx').on(t.workspaceId, t.id).where(sql`${t.deletedAt} is not null`),
    // The trash list, most recently trashed first, walks this: the index above finds the trash but
    // left every page to fetch and sort all of it (10,000 trashed: ~160 ms a page against ~10 ms).
    index('highlights_trash_order_idx').on(t.workspaceId, t.deletedAt.desc(), t.id.desc()).where(sql`${t.deletedAt} is not null`),
    // A foreign key's ON DELETE looks rows up by its column alone, once per deleted row: without
    // this, deleting a source for good read every highlight of every workspace (ADR 019).
    index('highlights_source_fk_idx').on(t.sourceId),
    // Customers by evidence count each one's live highlights from this alone, the whole workspace in
    // one pass (an index-only scan, ~1/20 of the table's pages) and a company's customers one lookup
    // each. Partial on a customer too: a statement about live highlights that names no customer (a
    // search) cannot take it instead of reading in its own order (ADR 005); one that does (the
    // customer's highlights) may.
    index('highlights_customer_live_idx')
      .on(t.workspaceId, t.sourceCustomerId)
      .where(sql`${t.deletedAt} is null and ${t.sourceDeletedAt} is null and ${t.sourceCustomerId} is not null`),
  ],
);

export const highlightTags = pgTable(
  'highlight_tags',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    highlightId: uuid('highlight_id')
      .notNull()
      .references(() => highlights.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.highlightId, t.tagId] }), index('highlight_tags_tag_idx').on(t.workspaceId, t.tagId)],
);

export const savedSearches = pgTable(
  'saved_searches',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: text('query').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('saved_searches_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/**
 * When each member last opened each saved search: its new matches are those created since
 * (since it was saved, before the first time). Personal, so one row per user and search.
 */
export const savedSearchViews = pgTable(
  'saved_search_views',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    savedSearchId: uuid('saved_search_id')
      .notNull()
      .references(() => savedSearches.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.savedSearchId] })],
);
