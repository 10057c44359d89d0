import { z } from 'zod';
import { TAG_NAME_MAX_LENGTH } from '../limits.js';
import { DateRangeQuerySchema, TimestampSchema, idListQuery } from './common.js';
import { SourceKindListSchema, TagRefSchema } from './highlights.js';

/**
 * How often themes come up over time (docs/decisions/015-trends.md). A highlight counts on the
 * date its customer said it — its source's `occurredAt` — not when someone highlighted it, in
 * buckets of whole UTC weeks (Monday to Sunday) or months.
 */
export const TREND_INTERVALS = ['week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** Buckets one answer may hold: 120 weeks (about 2⅓ years) or 120 months (10 years). */
export const TRENDS_BUCKETS_MAX = 120;
/** Without `from`, the range is this many buckets, ending with the one that holds `to` (or today). */
export const TRENDS_BUCKETS_DEFAULT = 12;
/** Tags one answer may draw (`tagId`, repeated). */
export const TRENDS_TAGS_MAX = 10;
/** Without `tagId`, the answer draws the range's most used tags, this many. */
export const TRENDS_TOP_TAGS = 5;
/**
 * A tag is "rising" only with at least this many highlights in the latest bucket: one highlight
 * after none, or two after one, is chance, not a trend.
 */
export const RISING_MIN_HIGHLIGHTS = 5;
/** Rising tags one answer lists. */
export const RISING_TAGS_MAX = 10;

export const TagTrendsQuerySchema = z.object({
  /** When the customers said it (the sources' occurredAt), widened to whole buckets. */
  ...DateRangeQuerySchema.shape,
  interval: z.enum(TREND_INTERVALS).default('week'),
  /** The tags to draw, up to 10; without any, the range's most used. */
  tagId: idListQuery(TRENDS_TAGS_MAX, `Choose at most ${TRENDS_TAGS_MAX} tags`).optional(),
  /** The customer's company segment, compared case-insensitively. */
  segment: z.string().trim().min(1).max(TAG_NAME_MAX_LENGTH).optional(),
  /** One source kind or several, comma-separated: `ticket,survey_response`. */
  kind: SourceKindListSchema.optional(),
});
export type TagTrendsQuery = z.infer<typeof TagTrendsQuerySchema>;

export const TrendBucketSchema = z.object({
  /** 00:00 UTC on a Monday (weeks) or on the 1st (months). */
  start: TimestampSchema,
  /** The next bucket's start: the bucket holds what was said in [start, end). */
  end: TimestampSchema,
  /**
   * Highlights in the bucket that carry at least one tag (outside the trash, of sources outside
   * the trash, of the segment and kinds asked for): the whole that a tag's share is taken of.
   */
  highlights: z.number().int(),
});
export type TrendBucket = z.infer<typeof TrendBucketSchema>;

export const TagTrendSchema = z.object({
  tag: TagRefSchema,
  /** Highlights carrying the tag over the whole range. */
  total: z.number().int(),
  /** Highlights carrying the tag in each bucket, in the order of `buckets`. */
  highlights: z.array(z.number().int()),
  /** Distinct customers behind them in each bucket (highlights of sources without a customer count for none). */
  customers: z.array(z.number().int()),
});
export type TagTrend = z.infer<typeof TagTrendSchema>;

export const RisingTagSchema = z.object({
  tag: TagRefSchema,
  /** Highlights carrying the tag in the bucket before the latest, and in the latest. */
  previous: z.number().int(),
  current: z.number().int(),
  /** Those counts as fractions of the bucket's tagged highlights (`buckets[].highlights`). */
  previousShare: z.number(),
  currentShare: z.number(),
  /** currentShare / previousShare − 1 (0.5 is +50%); null when the tag was not used in the previous bucket (new). */
  change: z.number().nullable(),
  /** Highlights carrying the tag in each bucket of the range, for a sparkline. */
  highlights: z.array(z.number().int()),
});
export type RisingTag = z.infer<typeof RisingTagSchema>;

export const TagTrendsSchema = z.object({
  interval: z.enum(TREND_INTERVALS),
  /** The range as counted, widened to whole buckets: the first bucket's start and the last one's end (exclusive), in UTC. */
  from: TimestampSchema,
  to: TimestampSchema,
  buckets: z.array(TrendBucketSchema),
  /** Whose series these are: the tags asked for (`chosen`, in that order) or the range's most used (`top`, most first). */
  selection: z.enum(['chosen', 'top']),
  series: z.array(TagTrendSchema),
  /**
   * Tags whose share of tagged highlights grew from the bucket before the latest to the latest,
   * with at least RISING_MIN_HIGHLIGHTS in the latest: new ones (none before) first, most used
   * first, then by growth. Empty when the range has one bucket. Chosen or not: every tag counts.
   */
  rising: z.array(RisingTagSchema),
});
export type TagTrends = z.infer<typeof TagTrendsSchema>;
