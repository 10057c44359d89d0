import { CLUSTER_K_MAX, CLUSTER_K_MIN, CLUSTER_SCOPE_MAX, type ClusterRunParams, type ClusterScope, type ClusterScopeCount, type ClusterTarget } from '@cairn/shared';
import { countOf } from '../../../lib/numbers';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';

export const TARGET_LABELS: Record<ClusterTarget, string> = { highlights: 'Highlights', sources: 'Whole sources' };

/** `A, B or C`: tags widen a scope (any of them), so they read as alternatives. */
function alternatives(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A bound of the date range as people say it: `1 Mar`, with the year only when it is not this
 * year's (or the range spans years). A day is a UTC day to the server (ADR 008), so it is
 * written in UTC: midnight UTC read in New York would be the day before.
 */
function formatBound(value: string, withYear: boolean, locale: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), ...(isDay(value) ? { timeZone: 'UTC' } : {}) };
  return new Intl.DateTimeFormat(locale, options).format(new Date(value));
}

function describeDates(from: string | undefined, to: string | undefined, today: Date, locale: string | undefined): string | null {
  const years = [from, to].filter((value): value is string => !!value).map((value) => new Date(value).getUTCFullYear());
  if (!years.length) return null;
  const withYear = years.some((year) => year !== today.getUTCFullYear()) || new Set(years).size > 1;
  if (from && to) return `${formatBound(from, withYear, locale)} – ${formatBound(to, withYear, locale)}`;
  return from ? `since ${formatBound(from, withYear, locale)}` : `until ${formatBound(to!, withYear, locale)}`;
}

export type ScopeWordsOptions = {
  /** A tag's name from the catalog; a tag deleted since the run has none. Left out while the catalog loads: tags are then counted. */
  tagName?: (id: string) => string | undefined;
  locale?: string;
  today?: Date;
};

/**
 * What a run grouped, in one line: `Highlights · tickets, survey answers · tagged Billing ·
 * since 1 Mar`. Only the filters that narrow it appear; no filter at all reads "Highlights".
 */
export function describeScope(scope: ClusterScope, { tagName, locale, today = new Date() }: ScopeWordsOptions): string {
  const parts = [TARGET_LABELS[scope.target]];
  if (scope.kinds?.length) parts.push(scope.kinds.map((kind) => SOURCE_KIND_LABELS[kind].many.toLowerCase()).join(', '));
  if (scope.tagIds?.length && !tagName) parts.push(`tagged with ${countOf(scope.tagIds.length, 'tag')}`);
  else if (scope.tagIds?.length && tagName) {
    const names = scope.tagIds.map(tagName).filter((name): name is string => !!name);
    const deleted = scope.tagIds.length - names.length;
    parts.push(`tagged ${alternatives([...names, ...(deleted ? [countOf(deleted, 'deleted tag')] : [])])}`);
  }
  if (scope.importIds?.length) parts.push(`from ${countOf(scope.importIds.length, 'import')}`);
  const dates = describeDates(scope.from, scope.to, today, locale);
  if (dates) parts.push(dates);
  if (scope.segment) parts.push(`segment ${scope.segment}`);
  // Runs from before `untriaged` existed keep saying what they asked for.
  if (scope.target === 'sources' && scope.untriaged) parts.push('untriaged only');
  else if (scope.target === 'sources' && scope.untagged) parts.push('untagged only');
  return parts.join(' · ');
}

/**
 * Where a mean silhouette turns from one word to the next. Short customer texts share few words,
 * so their silhouettes run far lower than the textbook bands for dense data (0.5 "reasonable",
 * 0.7 "strong"): these bands are set for TF-IDF over tickets and quotes, where themes as clear
 * as banking77's intents land in the upper one.
 */
export const SILHOUETTE_WELL = 0.2;
export const SILHOUETTE_LOOSELY = 0.05;

export type Separation = { words: string; /** What it means for the person reading the clusters. */ advice: string };

/** The silhouette in words: how far apart the clusters stand, and what to make of it. */
export function describeSilhouette(silhouette: number): Separation {
  if (silhouette >= SILHOUETTE_WELL) return { words: 'Well separated', advice: 'Each cluster is a distinct theme.' };
  if (silhouette >= SILHOUETTE_LOOSELY) return { words: 'Loosely separated', advice: 'Themes overlap at the edges: read the members before promoting a cluster.' };
  return { words: 'Barely separated', advice: 'The texts share few words per theme: try fewer clusters, or a narrower scope.' };
}

/** The silhouette as a number beside its words: `0.23`, signed when negative. */
export function formatSilhouette(silhouette: number): string {
  return silhouette.toFixed(2).replace('-', '−');
}

/** How many clusters and how that number came about: `5 clusters, chosen automatically`, `3 clusters, as asked`. */
export function describeK(params: Pick<ClusterRunParams, 'k'>, k: number | null): string {
  if (k === null) return params.k === 'auto' ? 'Number of clusters chosen automatically' : `${countOf(params.k, 'cluster')} asked for`;
  return `${countOf(k, 'cluster')}, ${params.k === 'auto' ? 'chosen automatically' : 'as asked'}`;
}

/**
 * The texts a scope holds, in words (`1,234 texts in scope`), and why a run of them with `k`
 * clusters would be refused, if it would: the server judges, this only says it before it is asked.
 * A number of clusters the form would refuse counts as the fewest possible.
 */
export function describeScopeCount({ count, overLimit }: ClusterScopeCount, k: number | 'auto'): { total: string; problem: string | null } {
  const limit = CLUSTER_SCOPE_MAX.toLocaleString();
  if (overLimit) return { total: `More than ${limit} texts in scope`, problem: `A run takes ${limit} at most: narrow the scope by kind, tag, date or segment.` };
  if (count === 0) return { total: 'No texts in scope', problem: 'Nothing to cluster: widen the scope (fewer filters, more kinds, other dates).' };
  const total = `${countOf(count, 'text')} in scope`;
  const exact = typeof k === 'number' && Number.isInteger(k) && k >= CLUSTER_K_MIN && k <= CLUSTER_K_MAX ? k : null;
  const needed = 2 * (exact ?? CLUSTER_K_MIN);
  if (count >= needed) return { total, problem: null };
  return { total, problem: exact ? `${exact} clusters need at least ${needed} texts: ask for fewer, or widen the scope.` : `Clustering needs at least ${needed} texts: widen the scope.` };
}
