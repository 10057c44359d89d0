import { IdSchema, SOURCE_KINDS, TRENDS_TAGS_MAX, type SourceKind, type TagRef, type TagTrends, type TrendInterval } from '@cairn/shared';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';

/** The ranges the page offers, each ending today; the server widens them to whole weeks or months. */
export const RANGE_PRESETS = [
  { value: '3m', months: 3, label: 'Last 3 months' },
  { value: '6m', months: 6, label: 'Last 6 months' },
  { value: '12m', months: 12, label: 'Last 12 months' },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]['value'];

const DEFAULT_RANGE: RangePreset = '6m';
const DEFAULT_INTERVAL: TrendInterval = 'week';

/** What the page shows, kept in its URL so that a view can be shared or bookmarked. */
export type TrendsSettings = { tagIds: string[]; range: RangePreset; interval: TrendInterval; segment?: string; kind?: SourceKind };

/** The settings in a URL; anything unknown (a hand-edited link) falls back to the default rather than failing the request. */
export function readTrendsSettings(params: URLSearchParams): TrendsSettings {
  const range = RANGE_PRESETS.find((preset) => preset.value === params.get('range'))?.value ?? DEFAULT_RANGE;
  const interval = params.get('interval') === 'month' ? 'month' : DEFAULT_INTERVAL;
  const tagIds = [...new Set(params.getAll('tagId'))].filter((id) => IdSchema.safeParse(id).success).slice(0, TRENDS_TAGS_MAX);
  const kind = SOURCE_KINDS.find((value) => value === params.get('kind'));
  const segment = params.get('segment')?.trim() || undefined;
  return { tagIds, range, interval, ...(segment ? { segment } : {}), ...(kind ? { kind } : {}) };
}

/** The URL of the settings, leaving out the defaults. */
export function writeTrendsSettings(settings: TrendsSettings): URLSearchParams {
  const params = new URLSearchParams();
  for (const tagId of settings.tagIds) params.append('tagId', tagId);
  if (settings.range !== DEFAULT_RANGE) params.set('range', settings.range);
  if (settings.interval !== DEFAULT_INTERVAL) params.set('interval', settings.interval);
  if (settings.segment) params.set('segment', settings.segment);
  if (settings.kind) params.set('kind', settings.kind);
  return params;
}

/** What is asked of the API: days in UTC, as the buckets are. */
export type TrendsRequest = { from: string; to: string; interval: TrendInterval; tagIds: string[]; segment?: string; kind?: SourceKind };

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

export function trendsRequest(settings: TrendsSettings, now: Date): TrendsRequest {
  const months = RANGE_PRESETS.find((preset) => preset.value === settings.range)!.months;
  const from = new Date(now);
  from.setUTCMonth(from.getUTCMonth() - months);
  const { tagIds, interval, segment, kind } = settings;
  return { from: utcDay(from), to: utcDay(now), interval, tagIds, ...(segment ? { segment } : {}), ...(kind ? { kind } : {}) };
}

/**
 * The Highlights page showing what one point of the chart counts: the tag's highlights said in
 * the bucket (its `to` is a whole day, so the day before the next bucket's start), of the same
 * kind and segment.
 */
export function highlightsLink(ws: string, tagId: string, bucket: { start: string; end: string }, settings: Pick<TrendsSettings, 'segment' | 'kind'>): string {
  const params = new URLSearchParams({ tagId, from: bucket.start.slice(0, 10), to: utcDay(new Date(Date.parse(bucket.end) - 1)) });
  if (settings.kind) params.set('sourceKind', settings.kind);
  if (settings.segment) params.set('segment', settings.segment);
  return `${paths.highlights(ws)}?${params}`;
}

const formats = {
  week: {
    short: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    long: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }),
  },
  month: {
    short: new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    long: new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  },
};

/** A bucket as the axis (`short`: "6 May") or a sentence (`long`: "week of 6 May 2024", "May 2024") names it, in UTC like the buckets. */
export function bucketLabel(start: string, interval: TrendInterval, style: 'short' | 'long'): string {
  const text = formats[interval][style].format(new Date(start));
  return interval === 'week' && style === 'long' ? `week of ${text}` : text;
}

/** One count of the chart and its table in words: "3 highlights tagged Exports, week of 6 May 2024". */
export function describeCount(trends: TagTrends, seriesIndex: number, bucketIndex: number): string {
  const series = trends.series[seriesIndex]!;
  return `${countOf(series.highlights[bucketIndex]!, 'highlight')} tagged ${series.tag.name}, ${bucketLabel(trends.buckets[bucketIndex]!.start, trends.interval, 'long')}`;
}

/** A point of the chart: which line, which bucket. */
export type ChartPoint = { series: number; bucket: number };

/**
 * The point a key moves keyboard focus to from `at` on a chart of `size` lines and buckets: ←/→
 * along the line, Home/End to its ends, ↑/↓ to the line before or after in the legend. Null for
 * any other key; at an edge, the point stays.
 */
export function movePoint(at: ChartPoint, key: string, size: { series: number; buckets: number }): ChartPoint | null {
  const clamp = (value: number, count: number) => Math.max(0, Math.min(count - 1, value));
  const along = (bucket: number) => ({ series: at.series, bucket: clamp(bucket, size.buckets) });
  const across = (series: number) => ({ series: clamp(series, size.series), bucket: at.bucket });
  switch (key) {
    case 'ArrowRight':
      return along(at.bucket + 1);
    case 'ArrowLeft':
      return along(at.bucket - 1);
    case 'Home':
      return along(0);
    case 'End':
      return along(size.buckets - 1);
    case 'ArrowDown':
      return across(at.series + 1);
    case 'ArrowUp':
      return across(at.series - 1);
    default:
      return null;
  }
}

/**
 * Lines take their tag's codebook colour; a tag without one takes the next colour of this palette
 * that no other line has, chosen to stay apart from each other and readable on white.
 */
const PALETTE = ['#3d5a80', '#d55e00', '#009e73', '#cc79a7', '#0072b2', '#b8860b', '#6b4c9a', '#8c564b', '#2a7f62', '#c44e52'];

/** The colour of each line, in the order of `tags`. */
export function seriesColors(tags: Array<Pick<TagRef, 'color'>>): string[] {
  const taken = new Set(tags.map((tag) => tag.color?.toLowerCase()));
  const free = PALETTE.filter((color) => !taken.has(color));
  let next = 0;
  return tags.map((tag) => tag.color ?? free[next++ % free.length] ?? PALETTE[0]!);
}

/** A share's change as a person reads it: "+43%", or "New" for a tag the bucket before did not have. */
export function formatChange(change: number | null): string {
  if (change === null) return 'New';
  return `+${Math.round(change * 100).toLocaleString()}%`;
}
