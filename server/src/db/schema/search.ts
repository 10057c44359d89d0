import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, workspaceId } from './columns.js';
import { workspaces } from './accounts.js';

/**
 * The workspace's vocabulary: every English stem of its sources (the lexemes of `sources.search`)
 * with the number of live sources that contain it. "Did you mean" looks typos up here by trigram
 * similarity. Maintained by statement-level triggers on `sources` (migration 0003), so every
 * writer — the API, imports, webhooks — keeps it current without knowing about it.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    docCount: integer('doc_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.term] }), index('search_terms_term_trgm_idx').using('gin', t.term.op('gin_trgm_ops'))],
);
