import { describe, expect, it } from 'vitest';
import { bucketCount, bucketStart, bucketStarts, earlierBucketStart, nextBucketStart } from './time-buckets.js';

const ms = (iso: string) => Date.parse(iso);
const iso = (value: number) => new Date(value).toISOString();

describe('time buckets', () => {
  it.each([
    ['a Monday at midnight starts its own week', '2024-05-06T00:00:00.000Z', '2024-05-06T00:00:00.000Z'],
    ['the last moment of a Sunday belongs to the week before', '2024-05-12T23:59:59.999Z', '2024-05-06T00:00:00.000Z'],
    ['a week can start in the month before', '2024-03-01T12:00:00.000Z', '2024-02-26T00:00:00.000Z'],
    ['and in the year before', '2025-01-01T00:00:00.000Z', '2024-12-30T00:00:00.000Z'],
    ['the first day of the year 1 is a Monday', '0001-01-03T00:00:00.000Z', '0001-01-01T00:00:00.000Z'],
  ])('weeks: %s', (_, at, start) => {
    expect(iso(bucketStart(ms(at), 'week'))).toBe(start);
  });

  it.each([
    ['the 1st at midnight starts its own month', '2024-02-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
    ['the last moment of a leap February', '2024-02-29T23:59:59.999Z', '2024-02-01T00:00:00.000Z'],
    ['a year below 100 stays itself', '0050-07-09T00:00:00.000Z', '0050-07-01T00:00:00.000Z'],
  ])('months: %s', (_, at, start) => {
    expect(iso(bucketStart(ms(at), 'month'))).toBe(start);
  });

  it('steps, counts and lists buckets across months of different lengths and a new year', () => {
    expect(iso(nextBucketStart(ms('2024-01-01T00:00:00Z'), 'month'))).toBe('2024-02-01T00:00:00.000Z');
    expect(iso(nextBucketStart(ms('2024-12-01T00:00:00Z'), 'month'))).toBe('2025-01-01T00:00:00.000Z');
    expect(iso(nextBucketStart(ms('2024-12-30T00:00:00Z'), 'week'))).toBe('2025-01-06T00:00:00.000Z');
    expect(iso(earlierBucketStart(ms('2024-03-01T00:00:00Z'), 'month', 11))).toBe('2023-04-01T00:00:00.000Z');
    expect(iso(earlierBucketStart(ms('2024-01-08T00:00:00Z'), 'week', 2))).toBe('2023-12-25T00:00:00.000Z');
    expect(bucketCount(ms('2023-11-01T00:00:00Z'), ms('2024-02-01T00:00:00Z'), 'month')).toBe(4);
    expect(bucketCount(ms('2023-12-25T00:00:00Z'), ms('2024-01-08T00:00:00Z'), 'week')).toBe(3);
    expect(bucketStarts(ms('2023-11-01T00:00:00Z'), ms('2024-02-01T00:00:00Z'), 'month').map(iso)).toEqual([
      '2023-11-01T00:00:00.000Z',
      '2023-12-01T00:00:00.000Z',
      '2024-01-01T00:00:00.000Z',
      '2024-02-01T00:00:00.000Z',
    ]);
  });
});
