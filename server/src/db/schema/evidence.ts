import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { IMPORT_FORMATS, IMPORT_STATUSES, SOURCE_KINDS } from '@cairn/shared';
import { createdAt, id, tsvector, updatedAt, workspaceId } from './columns.js';
import { users, workspaces } from './accounts.js';

export const companies = pgTable(
  'companies',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    segment: text('segment'),
    plan: text('plan'),
    /** Whole currency units per year; weights evidence. */
    annualRevenue: bigint('annual_revenue', { mode: 'number' }),
    // A person set (or cleared) the field (ADR 011): imports naming the company fill in only the others.
    segmentSetByHand: boolean('segment_set_by_hand').notNull().default(false),
    planSetByHand: boolean('plan_set_by_hand').notNull().default(false),
    annualRevenueSetByHand: boolean('annual_revenue_set_by_hand').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('companies_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

/**
 * Other names a company goes by (ADR 011): its names before a rename, and the names of companies
 * merged into it. Imports, the API and email domains naming one put customers at the company
 * instead of creating a company of that name again. A name leads to one company: an alias is never
 * also a company's own name (a rename onto it takes it over; a company is not created under it).
 */
export const companyAliases = pgTable(
  'company_aliases',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('company_aliases_name_key').on(t.workspaceId, sql`lower(${t.name})`), index('company_aliases_company_idx').on(t.workspaceId, t.companyId)],
);

/**
 * Email domains of deleted companies (ADR 011): the company's name or aliases that were a work
 * email's domain. A customer's email at one gives them no company, so a deleted company stays
 * deleted; a company a person names so by hand lifts it. Lower-case, as `companyDomainOf` gives them.
 */
export const deletedCompanyDomains = pgTable(
  'deleted_company_domains',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    /** The company deleted, to say why people at the domain have no company. */
    companyName: text('company_name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('deleted_company_domains_domain_key').on(t.workspaceId, t.domain)],
);

export const customers = pgTable(
  'customers',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'set null' }),
    email: text('email'),
    name: text('name'),
    externalId: text('external_id'),
    /** A person set, changed or cleared the company (ADR 011): imports and the fill from email domains leave it alone. */
    companySetByHand: boolean('company_set_by_hand').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customers_email_key').on(t.workspaceId, sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    uniqueIndex('customers_external_id_key').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    // A customer known by nothing but a name is matched by that name: one per name, even when two imports (or two batches of one) create them at once.
    uniqueIndex('customers_name_only_key')
      .on(t.workspaceId, sql`lower(${t.name})`)
      .where(sql`${t.email} is null and ${t.externalId} is null and ${t.name} is not null`),
    // Migration 0020 adds INCLUDE (id), which drizzle cannot say: a segment's customers are read from the index alone.
    index('customers_company_idx').on(t.workspaceId, t.companyId),
  ],
);

export type SourceSegment = { speaker: string; startMs: number | null; endMs: number | null; start: number; end: number; interviewer?: boolean };

export const imports = pgTable(
  'imports',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    fileName: text('file_name').notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    total: integer('total').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    redacted: integer('redacted').notNull().default(0),
    /** Why the whole import failed (a broken file); row-level reasons live in import_rejections. */
    failure: text('failure'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('imports_workspace_idx').on(t.workspaceId, t.createdAt.desc())],
);

export const importRejections = pgTable(
  'import_rejections',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    message: text('message').notNull(),
    /** The row as it came (CSV text or JSON), for rejected.csv. */
    raw: text('raw').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('import_rejections_import_idx').on(t.workspaceId, t.importId, t.line)],
);

/**
 * The sources an import left unchanged, counted by the earlier import that last wrote them
 * (`Import.unchangedFrom`): one row per pair, summed over the import's batches, each batch adding
 * its counts in its own transaction. An earlier import deleted takes its rows along (cascade, not
 * set null): its sources keep no import (`sources.import_id` is set null), so there is nowhere
 * left to send a reader, and a null could not be part of the key that sums the batches.
 */
export const importUnchangedFrom = pgTable(
  'import_unchanged_from',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    earlierImportId: uuid('earlier_import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.earlierImportId] }),
    // A foreign key's ON DELETE looks rows up by its column alone: deleting an import finds the rows naming it through this.
    index('import_unchanged_from_earlier_idx').on(t.earlierImportId),
  ],
);

export const sources = pgTable(
  'sources',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    segments: jsonb('segments').$type<SourceSegment[]>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    importId: uuid('import_id').references(() => imports.id, { onDelete: 'set null' }),
    externalId: text('external_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Soft delete: the trash. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, body), 'B')`,
      ),
  },
  (t) => [
    uniqueIndex('sources_external_id_key').on(t.workspaceId, t.kind, t.externalId).where(sql`${t.externalId} is not null`),
    index('sources_workspace_occurred_idx').on(t.workspaceId, t.occurredAt.desc(), t.id.desc()),
    // A customer's sources newest first: the customers list by latest source looks up each one's
    // first live entry, and a profile's sources walk it instead of sorting them. Not partial on
    // `deleted_at is null`: such an index matches every live-rows statement, and the planner then
    // read a search's candidate window through it instead of in table order (ADR 005).
    index('sources_customer_occurred_idx').on(t.workspaceId, t.customerId, t.occurredAt.desc(), t.id.desc()),
    index('sources_import_idx').on(t.workspaceId, t.importId),
    index('sources_search_idx').using('gin', t.search),
    // New matches of a saved search are the rows created since it was last opened (ADR 005).
    index('sources_workspace_created_idx').on(t.workspaceId, t.createdAt),
    // The trash is small: emptying it and its time limit find it through this (ADR 019).
    index('sources_trashed_idx').on(t.workspaceId, t.deletedAt).where(sql`${t.deletedAt} is not null`),
  ],
);
