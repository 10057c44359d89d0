import type { ImportFormat, ImportSummary } from '@cairn/shared';
import { formatDateTime } from './dates';

type Noun = { one: string; many: string };

/**
 * What an import's counts count, by format: sources (a survey row gives one answer per answered
 * question, so a 300-row file can count 321 answers), and rejected rows or items.
 */
const UNITS: Record<ImportFormat, { sources: Noun; rejected: Noun }> = {
  transcript: { sources: { one: 'interview', many: 'interviews' }, rejected: { one: 'file', many: 'files' } },
  'tickets-csv': { sources: { one: 'ticket', many: 'tickets' }, rejected: { one: 'row', many: 'rows' } },
  'survey-csv': { sources: { one: 'answer', many: 'answers' }, rejected: { one: 'row', many: 'rows' } },
  'zendesk-json': { sources: { one: 'ticket', many: 'tickets' }, rejected: { one: 'ticket', many: 'tickets' } },
  'intercom-json': { sources: { one: 'conversation', many: 'conversations' }, rejected: { one: 'conversation', many: 'conversations' } },
};

export const countOf = (count: number, noun: Noun) => `${count.toLocaleString()} ${count === 1 ? noun.one : noun.many}`;

export const importUnits = (format: ImportFormat) => UNITS[format];

/** Who an import is credited to when it is one of the sample data's files: the sample, loaded by someone. */
export const sampleCredit = (item: Pick<ImportSummary, 'createdBy'>) => (item.createdBy ? `Sample data, loaded by ${item.createdBy.name}` : 'Sample data');

/** `3 tickets created · 3,000 tickets unchanged · 115 rows rejected`, leaving out what is zero. */
export function describeCounts(format: ImportFormat, counts: ImportSummary['counts']): string {
  const { sources, rejected } = UNITS[format];
  const parts = [
    counts.created ? `${countOf(counts.created, sources)} created` : null,
    counts.updated ? `${countOf(counts.updated, sources)} updated` : null,
    counts.unchanged ? `${countOf(counts.unchanged, sources)} unchanged` : null,
    counts.rejected ? `${countOf(counts.rejected, rejected)} rejected` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : `No ${sources.many}`;
}

const STATUS_LABELS: Record<ImportSummary['status'], string> = { queued: 'Queued', running: 'Importing', done: 'Done', failed: 'Failed' };

/** A part of a file skipped while the rest imported: a transcript's malformed cue. */
const SKIPPED_PART: Noun = { one: 'part', many: 'parts' };

/**
 * `Done`, or `Done, 115 rows rejected` / `Done, 30 parts skipped` (`warning`), so that an import
 * that left something out never looks clean.
 */
export function describeStatus(item: Pick<ImportSummary, 'status' | 'format' | 'counts' | 'skipped'>): { label: string; warning: boolean } {
  const losses = [
    item.counts.rejected ? `${countOf(item.counts.rejected, UNITS[item.format].rejected)} rejected` : null,
    item.skipped ? `${countOf(item.skipped, SKIPPED_PART)} skipped` : null,
  ].filter(Boolean);
  const warning = item.status === 'done' && losses.length > 0;
  return { label: warning ? ['Done', ...losses].join(', ') : STATUS_LABELS[item.status], warning };
}

/** An import as a choice in a list: the file, when it was imported and what it brought, so two imports of one file differ. */
export function describeImportChoice(item: Pick<ImportSummary, 'fileName' | 'createdAt' | 'format' | 'counts'>, locale?: string): string {
  const { created, updated, unchanged } = item.counts;
  return `${item.fileName} (${formatDateTime(item.createdAt, locale)} · ${countOf(created + updated + unchanged, UNITS[item.format].sources)})`;
}
