import { sql } from 'drizzle-orm';
import { CLUSTER_RUN_STATUSES, type ClusterRunParams } from '@cairn/shared';
import { check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, workspaceId } from './columns.js';
import { users, workspaces } from './accounts.js';
import { highlights } from './highlights.js';
import { sources } from './evidence.js';
import { insights } from './insights.js';

/** One execution of the clustering engine over a scope; its params (seed included) run it again to the same clusters. */
export const clusterRuns = pgTable(
  'cluster_runs',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<ClusterRunParams>().notNull(),
    status: text('status', { enum: CLUSTER_RUN_STATUSES }).notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    /** The k used: as asked, or as chosen for `auto`. */
    k: integer('k'),
    silhouette: real('silhouette'),
    textCount: integer('text_count'),
    unclusteredCount: integer('unclustered_count'),
    failure: text('failure'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Touched while the run works, so another process can tell an abandoned run (see lib/background-jobs). */
    updatedAt: updatedAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('cluster_runs_workspace_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc())],
);

export const clusters = pgTable(
  'clusters',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => clusterRuns.id, { onDelete: 'cascade' }),
    /** The engine's order (largest first), kept when members move. */
    position: integer('position').notNull(),
    label: text('label').notNull(),
    terms: jsonb('terms').$type<string[]>().notNull(),
    promotedInsightId: uuid('promoted_insight_id').references(() => insights.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('clusters_run_idx').on(t.runId, t.position)],
);

/**
 * A highlight or a source of a run: one of the two ids is set, as the run's target says. A text
 * sits in one cluster of a run at most, or in none (left out by the engine, or taken out by hand).
 */
export const clusterMembers = pgTable(
  'cluster_members',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => clusterRuns.id, { onDelete: 'cascade' }),
    /** Null: in no cluster of the run. */
    clusterId: uuid('cluster_id').references(() => clusters.id, { onDelete: 'cascade' }),
    highlightId: uuid('highlight_id').references(() => highlights.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'cascade' }),
    /** Cosine similarity to the centre of its cluster, while it is in the one the engine chose; null elsewhere. */
    score: real('score'),
    /** Where the engine put it and how close: moved back there (an Undo), it gets its score back. */
    placedClusterId: uuid('placed_cluster_id').references(() => clusters.id, { onDelete: 'set null' }),
    placedScore: real('placed_score'),
  },
  (t) => [
    check('cluster_members_one_target', sql`num_nonnulls(${t.highlightId}, ${t.sourceId}) = 1`),
    uniqueIndex('cluster_members_run_highlight_key').on(t.runId, t.highlightId).where(sql`${t.highlightId} is not null`),
    uniqueIndex('cluster_members_run_source_key').on(t.runId, t.sourceId).where(sql`${t.sourceId} is not null`),
    index('cluster_members_cluster_idx').on(t.clusterId, t.score.desc().nullsLast()),
    // For ON DELETE CASCADE of a highlight or source deleted for good, which looks members up by
    // that column alone, once per deleted row (ADR 019).
    index('cluster_members_highlight_fk_idx').on(t.highlightId).where(sql`${t.highlightId} is not null`),
    index('cluster_members_source_fk_idx').on(t.sourceId).where(sql`${t.sourceId} is not null`),
  ],
);
