import { sql } from 'drizzle-orm';
import { PURGE_REASONS, PURGE_STATUSES, TRASH_LISTS, type PurgeCounts } from '@cairn/shared';
import { index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, workspaceId } from './columns.js';
import { users, workspaces } from './accounts.js';

/**
 * Deleting for good, in the background (docs/decisions/019-deleting-for-good.md): a trash emptied,
 * the trash past its time limit, or a customer erased with everything they said. It deletes in
 * batches of one short transaction each, so that a stop half-way leaves every row either
 * there or gone with all it cascades to; running it again finishes the job.
 */
export const purges = pgTable(
  'purges',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: PURGE_REASONS }).notNull(),
    /** The trash emptied; null for every trash (retention) and for an erasure. */
    list: text('list', { enum: TRASH_LISTS }),
    /** What was trashed by then goes; what is trashed while it runs waits for the next one. */
    trashedBefore: timestamp('trashed_before', { withTimezone: true, mode: 'date' }),
    /** The customer erased. No foreign key: the customer is gone when the purge is done, and the id names no one. */
    customerId: uuid('customer_id'),
    status: text('status', { enum: PURGE_STATUSES }).notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    /** Sources, highlights, insights and backlog items it set out to delete. */
    total: integer('total').notNull().default(0),
    deleted: jsonb('deleted').$type<PurgeCounts>().notNull().default({ sources: 0, highlights: 0, insights: 0, backlogItems: 0, evidenceLinks: 0 }),
    failure: text('failure'),
    /** Null for the time limit, which nobody started. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Touched while it works, so another process can tell an abandoned purge (see lib/background-jobs). */
    updatedAt: updatedAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('purges_workspace_created_idx').on(t.workspaceId, t.createdAt.desc()),
    // One purge at a time per workspace: two would fight over the same rows.
    uniqueIndex('purges_one_live_key').on(t.workspaceId).where(sql`${t.status} in ('queued', 'running')`),
  ],
);
