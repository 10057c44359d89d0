import {
  EARLIEST_TIMESTAMP_MS,
  LATEST_TIMESTAMP_MS,
  TRENDS_BUCKETS_DEFAULT,
  TRENDS_BUCKETS_MAX,
  TRENDS_TOP_TAGS,
  type TagRef,
  type TagTrend,
  type TagTrends,
  type TagTrendsQuery,
  type TrendInterval,
} from '@cairn/shared';
import type { Executor } from '../../db/client.js';
import { invalidField } from '../../errors.js';
import { resolveDateRange } from '../../lib/date-range.js';
import { bucketCount, bucketStart, bucketStarts, earlierBucketStart, nextBucketStart } from '../../lib/time-buckets.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { requireTags } from '../tags/tags.service.js';
import * as trendsRepository from './trends.repository.js';
import type { TrendRow } from './trends.repository.js';
import { risingTags } from './trends.rising.js';

/** The buckets a trends answer counts in: their starts, and where the last one ends (exclusive). */
export type TrendRange = { interval: TrendInterval; starts: number[]; end: number };

/**
 * `from`/`to` as every date filter reads them (`resolveDateRange`), widened to whole buckets: the
 * first bucket is the one holding `from`, the last the one holding `to` (or now). Without `from`,
 * the range is TRENDS_BUCKETS_DEFAULT buckets. More than TRENDS_BUCKETS_MAX is a 400 naming
 * `query.from`: an answer stays small enough to draw, and its statement short.
 */
export function resolveTrendRange(query: Pick<TagTrendsQuery, 'from' | 'to' | 'interval'>, now = Date.now()): TrendRange {
  const { interval } = query;
  const range = resolveDateRange(query);
  if (query.to === undefined && range.from && range.from.getTime() > now) {
    throw invalidField('query.from', 'The start is after today: send an end date (to) as well');
  }
  // A `to` past the years the database holds leaves the end open: the end of time.
  const lastInstant = range.before ? range.before.getTime() - 1 : query.to === undefined ? now : LATEST_TIMESTAMP_MS;
  const last = bucketStart(lastInstant, interval);
  const first = Math.max(
    EARLIEST_TIMESTAMP_MS,
    range.from ? bucketStart(range.from.getTime(), interval) : query.from === undefined ? earlierBucketStart(last, interval, TRENDS_BUCKETS_DEFAULT - 1) : EARLIEST_TIMESTAMP_MS,
  );
  const count = bucketCount(first, last, interval);
  if (count > TRENDS_BUCKETS_MAX) {
    throw invalidField('query.from', `This range holds ${count.toLocaleString('en')} ${interval}s; at most ${TRENDS_BUCKETS_MAX} at a time: start later${interval === 'week' ? ', or count by month' : ''}`);
  }
  return { interval, starts: bucketStarts(first, last, interval), end: nextBucketStart(last, interval) };
}

/** The year 9999's last bucket ends in the year 10000, which no date of the API reaches: it shows as the last millisecond of 9999. */
const shownEnd = (ms: number) => new Date(Math.min(ms, LATEST_TIMESTAMP_MS)).toISOString();

type TagSeries = { tag: TagRef; highlights: number[]; customers: number[]; rank: number | null };

/** The rows of `countByTagAndBucket` laid out per bucket: the buckets' totals, and each tag's series. */
function layOut(range: TrendRange, rows: TrendRow[]) {
  const index = new Map(range.starts.map((start, i) => [start, i]));
  const totals = range.starts.map(() => 0);
  const tags = new Map<string, TagSeries>();
  for (const row of rows) {
    const i = index.get(row.bucketMs);
    // Both sides draw UTC calendar buckets; a bucket the range does not hold is a bug, not data to drop.
    if (i === undefined) throw new Error(`The database counted a bucket starting at ${new Date(row.bucketMs).toISOString()}, outside the range's buckets`);
    if (row.tagId === null) {
      totals[i] = row.highlights;
      continue;
    }
    let series = tags.get(row.tagId);
    if (!series) {
      series = { tag: { id: row.tagId, name: row.name!, color: row.color, group: row.group }, highlights: totals.map(() => 0), customers: totals.map(() => 0), rank: row.rank };
      tags.set(row.tagId, series);
    }
    series.highlights[i] = row.highlights;
    series.customers[i] = row.customers ?? 0;
  }
  return { totals, tags };
}

const trendOf = ({ tag, highlights, customers }: TagSeries): TagTrend => ({ tag, total: highlights.reduce((sum, n) => sum + n, 0), highlights, customers });

/**
 * How often tags come up over time, dated by when the customer said it (the source's
 * `occurredAt`, which each highlight carries a copy of): the tags asked for, or else the range's
 * most used, and the tags rising in the latest bucket. A tag of another workspace is a 404 naming
 * `query.tagId`.
 */
export async function getTagTrends(executor: Executor, actor: Pick<WorkspaceActor, 'workspaceId'>, query: TagTrendsQuery): Promise<TagTrends> {
  const range = resolveTrendRange(query);
  const chosenIds = [...new Set(query.tagId ?? [])];
  const chosen = chosenIds.length ? await requireTags(executor, actor.workspaceId, chosenIds, 'query.tagId') : [];
  const atEndOfTime = range.end > LATEST_TIMESTAMP_MS;
  const rows = await trendsRepository.countByTagAndBucket(
    executor,
    actor.workspaceId,
    {
      interval: range.interval,
      from: new Date(range.starts[0]!),
      before: atEndOfTime ? undefined : new Date(range.end),
      kinds: query.kind,
      segment: query.segment,
    },
    chosenIds.length ? { tagIds: chosenIds } : { top: TRENDS_TOP_TAGS },
  );
  const { totals, tags } = layOut(range, rows);
  const series = chosenIds.length
    ? chosenIds.map((id) => {
        const found = tags.get(id);
        if (found) return trendOf(found);
        const tag = chosen.find((row) => row.id === id)!;
        return trendOf({ tag: { id, name: tag.name, color: tag.color, group: tag.groupName }, highlights: totals.map(() => 0), customers: totals.map(() => 0), rank: null });
      })
    : [...tags.values()].filter((series) => series.rank !== null).sort((a, b) => a.rank! - b.rank!).map(trendOf);
  return {
    interval: range.interval,
    from: new Date(range.starts[0]!).toISOString(),
    to: shownEnd(range.end),
    buckets: range.starts.map((start, i) => ({
      start: new Date(start).toISOString(),
      end: shownEnd(i + 1 < range.starts.length ? range.starts[i + 1]! : range.end),
      highlights: totals[i]!,
    })),
    selection: chosenIds.length ? 'chosen' : 'top',
    series,
    rising: risingTags(totals, [...tags.values()]),
  };
}
