import type { TrendInterval } from '@cairn/shared';

/**
 * Calendar buckets in UTC, as PostgreSQL's `date_trunc(unit, t at time zone 'UTC')` draws them:
 * weeks start on Monday 00:00 (ISO weeks), months on the 1st. Written with Date's UTC setters,
 * never `Date.UTC`, which reads the years 0–99 as 1900–1999.
 */

const DAY_MS = 86_400_000;

/** The start of the bucket holding `ms`. */
export function bucketStart(ms: number, interval: TrendInterval): number {
  const date = new Date(ms);
  date.setUTCHours(0, 0, 0, 0);
  if (interval === 'month') {
    date.setUTCDate(1);
    return date.getTime();
  }
  // getUTCDay: Sunday 0 … Saturday 6; a week starts on Monday.
  return date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS;
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, interval: TrendInterval): number {
  if (interval === 'week') return start + 7 * DAY_MS;
  const date = new Date(start);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.getTime();
}

/** The start of the bucket `count` buckets before the one starting at `start`. */
export function earlierBucketStart(start: number, interval: TrendInterval, count: number): number {
  if (interval === 'week') return start - count * 7 * DAY_MS;
  const date = new Date(start);
  date.setUTCMonth(date.getUTCMonth() - count);
  return date.getTime();
}

/** How many buckets run from the one starting at `first` to the one starting at `last`, both included. */
export function bucketCount(first: number, last: number, interval: TrendInterval): number {
  if (interval === 'week') return Math.round((last - first) / (7 * DAY_MS)) + 1;
  const [a, b] = [new Date(first), new Date(last)];
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + 1;
}

/** The starts of the buckets from `first` to `last`, both included (count them first: this lists every one). */
export function bucketStarts(first: number, last: number, interval: TrendInterval): number[] {
  const starts: number[] = [];
  for (let start = first; start <= last; start = nextBucketStart(start, interval)) starts.push(start);
  return starts;
}
