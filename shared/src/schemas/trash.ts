import { z } from 'zod';
import { PURGE_REASONS, PURGE_STATUSES, TRASH_LISTS } from '../enums.js';
import { countOf, listOf } from '../words.js';
import { IdSchema, TimestampSchema } from './common.js';

/*
 * Deleting for good (docs/decisions/019-deleting-for-good.md): a trashed source, highlight,
 * problem or backlog item deleted forever, a whole trash emptied, the trash's time limit, and a
 * customer erased with everything they said. Emptying and erasing run in the background as a
 * purge, one per workspace at a time, deleting in batches and reporting progress.
 */

export const TrashListSchema = z.enum(TRASH_LISTS);

/**
 * How long the trash keeps what is in it (`TRASH_RETENTION_DAYS`): `days` after it was trashed,
 * and never before `days` after `startsAt` — when the time limit began for this workspace, so
 * that what waited in the trash before there was one is not deleted at once.
 */
export const TrashRetentionSchema = z.object({ days: z.number().int().positive(), startsAt: TimestampSchema });
export type TrashRetention = z.infer<typeof TrashRetentionSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When something trashed at `deletedAt` is deleted for good, or null while the trash keeps everything. */
export function purgeDateOf(deletedAt: string, retention: TrashRetention | null): string | null {
  if (!retention) return null;
  const from = Math.max(Date.parse(deletedAt), Date.parse(retention.startsAt));
  return new Date(from + retention.days * DAY_MS).toISOString();
}

const CountSchema = z.number().int().min(0);

/** What a purge has deleted so far (or, for a preview, what it would delete). */
export const PurgeCountsSchema = z.object({
  sources: CountSchema,
  /** With their sources, or trashed on their own. */
  highlights: CountSchema,
  insights: CountSchema,
  backlogItems: CountSchema,
  /** Links of the deleted highlights as evidence of problems (or other insights) and backlog items. */
  evidenceLinks: CountSchema,
});
export type PurgeCounts = z.infer<typeof PurgeCountsSchema>;

/** `12 sources, 40 highlights, and 7 evidence links`, leaving out what is none; `sourcesNote` follows the sources. */
export function describePurgeCounts(counts: PurgeCounts, sourcesNote = ''): string {
  const parts = [
    counts.sources && `${countOf(counts.sources, 'source')}${sourcesNote}`,
    counts.highlights && countOf(counts.highlights, 'highlight'),
    counts.evidenceLinks && countOf(counts.evidenceLinks, 'evidence link'),
    counts.insights && countOf(counts.insights, 'insight'),
    counts.backlogItems && countOf(counts.backlogItems, 'backlog item'),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? listOf(parts) : 'nothing';
}

export const PurgeSchema = z.object({
  id: IdSchema,
  reason: z.enum(PURGE_REASONS),
  /** The trash emptied (`empty_trash`); null when every trash is (`retention`) or for an erasure. */
  list: TrashListSchema.nullable(),
  /** The customer erased (`erase_customer`): an id only, which names no one once they are gone. */
  customerId: IdSchema.nullable(),
  status: z.enum(PURGE_STATUSES),
  progress: z.number().min(0).max(1),
  /** Sources, highlights, insights and backlog items it set out to delete. */
  total: CountSchema,
  deleted: PurgeCountsSchema,
  failure: z.string().nullable(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type Purge = z.infer<typeof PurgeSchema>;

export const TrashSummarySchema = z.object({
  /** Null: the trash keeps everything until someone deletes it forever. */
  retention: TrashRetentionSchema.nullable(),
  /**
   * In the trash now, one count per trash list. `highlights`: those trashed on their own, their
   * source outside the trash — what the Highlights trash lists and empties, and the Inbox's empties
   * too (a trashed source's highlights go with it).
   */
  counts: z.object({ sources: CountSchema, highlights: CountSchema, insights: CountSchema, backlogItems: CountSchema }),
  /** The purge under way in the workspace, if any: one runs at a time. */
  purge: PurgeSchema.nullable(),
});
export type TrashSummary = z.infer<typeof TrashSummarySchema>;

export const EmptyTrashBodySchema = z.object({ list: TrashListSchema }).strict();
export type EmptyTrashBody = z.infer<typeof EmptyTrashBodySchema>;

/** What erasing a customer deletes: their sources (trashed or not), those sources' highlights and their links as evidence. */
export const CustomerErasureSchema = z.object({
  customerId: IdSchema,
  sources: CountSchema,
  /** Of `sources`, those already in the trash. */
  trashedSources: CountSchema,
  highlights: CountSchema,
  evidenceLinks: CountSchema,
  /** Problems (and other insights) and backlog items that lose evidence. */
  insights: CountSchema,
  backlogItems: CountSchema,
});
export type CustomerErasure = z.infer<typeof CustomerErasureSchema>;
