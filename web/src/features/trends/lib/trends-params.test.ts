import { describe, expect, it } from 'vitest';
import { TRENDS_TAGS_MAX, type TagTrends } from '@cairn/shared';
import { bucketLabel, describeCount, formatChange, highlightsLink, movePoint, readTrendsSettings, trendsRequest, writeTrendsSettings, type TrendsSettings } from './trends-params';

const TAG = '0b5a4d2e-8f0c-4c1e-9a57-3c2b1d0e9f8a';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('trends settings in the URL', () => {
  it('reads the defaults from an empty URL and writes none of them back', () => {
    const settings = readTrendsSettings(new URLSearchParams());
    expect(settings).toEqual({ tagIds: [], range: '6m', interval: 'week' });
    expect(writeTrendsSettings(settings).toString()).toBe('');
  });

  it('keeps tags in order, once each, and drops what is not a tag id or past the limit', () => {
    const ids = Array.from({ length: TRENDS_TAGS_MAX + 2 }, (_, i) => `0b5a4d2e-8f0c-4c1e-9a57-3c2b1d0e9f${String(i).padStart(2, '0')}`);
    const params = new URLSearchParams([['tagId', OTHER], ['tagId', 'nonsense'], ['tagId', OTHER], ...ids.map((id) => ['tagId', id] as [string, string])]);
    const { tagIds } = readTrendsSettings(params);
    expect(tagIds).toHaveLength(TRENDS_TAGS_MAX);
    expect(tagIds.slice(0, 2)).toEqual([OTHER, ids[0]]);
  });

  it('round-trips every setting, and ignores an unknown range, interval or kind', () => {
    const settings: TrendsSettings = { tagIds: [TAG, OTHER], range: '12m', interval: 'month', segment: 'Enterprise', kind: 'ticket' };
    expect(readTrendsSettings(writeTrendsSettings(settings))).toEqual(settings);
    expect(readTrendsSettings(new URLSearchParams('range=5y&interval=day&kind=podcast&segment=%20'))).toEqual({ tagIds: [], range: '6m', interval: 'week' });
  });
});

describe('what the page asks and links to', () => {
  it('asks for the preset’s months up to today, as UTC days', () => {
    const now = new Date('2024-05-31T23:30:00Z');
    expect(trendsRequest({ tagIds: [TAG], range: '3m', interval: 'week', kind: 'ticket' }, now)).toEqual({
      from: '2024-03-02',
      to: '2024-05-31',
      interval: 'week',
      tagIds: [TAG],
      kind: 'ticket',
    });
    expect(trendsRequest({ tagIds: [], range: '12m', interval: 'month' }, now)).toMatchObject({ from: '2023-05-31', to: '2024-05-31' });
  });

  it('links a bucket to the Highlights page: the tag, its first and last day, the kind and segment', () => {
    const week = { start: '2024-05-06T00:00:00.000Z', end: '2024-05-13T00:00:00.000Z' };
    expect(highlightsLink('ws1', TAG, week, {})).toBe(`/w/ws1/highlights?tagId=${TAG}&from=2024-05-06&to=2024-05-12`);
    const month = { start: '2024-02-01T00:00:00.000Z', end: '2024-03-01T00:00:00.000Z' };
    expect(highlightsLink('ws1', TAG, month, { kind: 'survey_response', segment: 'Mid market' })).toBe(
      `/w/ws1/highlights?tagId=${TAG}&from=2024-02-01&to=2024-02-29&sourceKind=survey_response&segment=Mid+market`,
    );
  });

  it('words a change of share', () => {
    expect(formatChange(null)).toBe('New');
    expect(formatChange(0.4286)).toBe('+43%');
    expect(formatChange(1.5)).toBe('+150%');
  });
});

describe('the chart’s points from the keyboard', () => {
  const size = { series: 3, buckets: 26 };

  it('moves along a line with ←/→ and to its ends with Home/End, staying put at an edge', () => {
    expect(movePoint({ series: 1, bucket: 4 }, 'ArrowRight', size)).toEqual({ series: 1, bucket: 5 });
    expect(movePoint({ series: 1, bucket: 4 }, 'ArrowLeft', size)).toEqual({ series: 1, bucket: 3 });
    expect(movePoint({ series: 1, bucket: 4 }, 'Home', size)).toEqual({ series: 1, bucket: 0 });
    expect(movePoint({ series: 1, bucket: 4 }, 'End', size)).toEqual({ series: 1, bucket: 25 });
    expect(movePoint({ series: 1, bucket: 25 }, 'ArrowRight', size)).toEqual({ series: 1, bucket: 25 });
    expect(movePoint({ series: 1, bucket: 0 }, 'ArrowLeft', size)).toEqual({ series: 1, bucket: 0 });
  });

  it('moves to the line before or after with ↑/↓ in the same bucket, and ignores other keys', () => {
    expect(movePoint({ series: 1, bucket: 4 }, 'ArrowDown', size)).toEqual({ series: 2, bucket: 4 });
    expect(movePoint({ series: 1, bucket: 4 }, 'ArrowUp', size)).toEqual({ series: 0, bucket: 4 });
    expect(movePoint({ series: 2, bucket: 4 }, 'ArrowDown', size)).toEqual({ series: 2, bucket: 4 });
    expect(movePoint({ series: 1, bucket: 4 }, 'a', size)).toBeNull();
  });

  it('names a point by its count, tag and bucket, as the table names its link', () => {
    const week = { start: '2024-05-06T00:00:00.000Z', end: '2024-05-13T00:00:00.000Z', highlights: 4 };
    const trends: TagTrends = {
      interval: 'week',
      from: week.start,
      to: week.end,
      buckets: [week],
      selection: 'chosen',
      series: [{ tag: { id: TAG, name: 'Exports', color: null, group: null }, total: 3, highlights: [3], customers: [2] }],
      rising: [],
    };
    expect(describeCount(trends, 0, 0)).toBe(`3 highlights tagged Exports, ${bucketLabel(week.start, 'week', 'long')}`);
  });
});
