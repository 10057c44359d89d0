import { z } from 'zod';
import { SOURCE_KINDS } from '../enums.js';
import { NAME_MAX_LENGTH, SOURCE_BODY_MAX_LENGTH, SOURCE_TITLE_MAX_LENGTH } from '../limits.js';
import { DateRangeQuerySchema, IdSchema, PageQuerySchema, QueryBooleanSchema, TimestampSchema, pageOf, tooLongMessage } from './common.js';
import { CreateCustomerBodySchema, CustomerRefSchema, ExternalIdSchema } from './customers.js';
import { HighlightSchema, TAGS_PER_HIGHLIGHT_MAX } from './highlights.js';
import { SCORE_SCALE_KINDS, ScoreScaleSchema, SourceScoreSchema } from './score-scales.js';

/** Speaker turns of one transcript; a 2-hour interview has well under a thousand. */
export const SOURCE_SEGMENTS_MAX = 20_000;
/** Characters of the body shown in lists. */
export const SOURCE_PREVIEW_LENGTH = 200;

export const SourceKindSchema = z.enum(SOURCE_KINDS);

/** A speaker turn: it covers `body.slice(start, end)` (UTF-16 code units, as JavaScript indexes strings). */
export const SourceSegmentSchema = z.object({
  speaker: z.string(),
  startMs: z.number().int().nullable(),
  endMs: z.number().int().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  /** A turn by the interviewer: kept for reading, left out of clustering and search weighting. */
  interviewer: z.boolean().optional(),
});
export type SourceSegment = z.infer<typeof SourceSegmentSchema>;

export const SourceSummarySchema = z.object({
  id: IdSchema,
  kind: SourceKindSchema,
  title: z.string(),
  externalId: z.string().nullable(),
  occurredAt: TimestampSchema,
  customer: CustomerRefSchema.nullable(),
  importId: IdSchema.nullable(),
  /** The start of the body, for scanning a list. */
  preview: z.string(),
  /** Highlights outside the trash. */
  highlightCount: z.number().int(),
  /** Whether at least one highlight carries a tag (untagged sources wait in the triage queue unless linked as evidence: `untriaged`). */
  tagged: z.boolean(),
  /** Tagged, or a highlight outside the trash is linked as evidence to a live problem (or other insight) or backlog item: out of the triage queue (ADR 014). */
  triaged: z.boolean(),
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: TimestampSchema,
  /** Set while the source is in the trash. */
  deletedAt: TimestampSchema.nullable(),
  /** `metadata.score` of a survey answer; null when the source has none (or it is neither a number nor text). */
  score: SourceScoreSchema.nullable(),
  /**
   * `metadata.scoreScale`: the scale of a numeric score's question (an import infers it or is
   * told it). Null without one — answers imported before scales were kept, or a label — and a
   * whole number 0–10 is then read as NPS (`readingScaleOf`).
   */
  scoreScale: ScoreScaleSchema.nullable(),
});
export type SourceSummary = z.infer<typeof SourceSummarySchema>;

/** Sources a list's first page counts exactly; past this many its `total` is the planner's estimate (`totalIsEstimate`). */
export const SOURCE_COUNT_MAX = 10_000;

/**
 * A page of `GET …/sources`. The first page carries `total`, how many match: exact up to
 * `SOURCE_COUNT_MAX`, beyond it an estimate, said by `totalIsEstimate: true`.
 */
export const SourcePageSchema = pageOf(SourceSummarySchema).extend({ totalIsEstimate: z.boolean().optional() });
export type SourcePage = z.infer<typeof SourcePageSchema>;

/**
 * The detail carries the whole metadata, the score with it. Not `triaged`: links made elsewhere
 * (a problem's page) would change it without touching anything the cached detail is made from.
 */
export const SourceSchema = SourceSummarySchema.omit({ score: true, scoreScale: true, triaged: true }).extend({
  body: z.string(),
  segments: z.array(SourceSegmentSchema).nullable(),
  metadata: z.record(z.string(), z.unknown()),
  highlights: z.array(HighlightSchema),
  updatedAt: TimestampSchema,
});
export type Source = z.infer<typeof SourceSchema>;

const SourceTitleSchema = z.string().trim().min(1, 'Enter a title').max(SOURCE_TITLE_MAX_LENGTH, tooLongMessage(SOURCE_TITLE_MAX_LENGTH));
const SourceBodySchema = z
  .string()
  .max(SOURCE_BODY_MAX_LENGTH, tooLongMessage(SOURCE_BODY_MAX_LENGTH))
  .refine((body) => body.trim() !== '', 'The body is empty');
const MetadataSchema = z.record(z.string(), z.unknown());

export const SegmentInputSchema = z
  .object({
    speaker: z.string().trim().min(1).max(NAME_MAX_LENGTH),
    startMs: z.number().int().min(0).nullish(),
    endMs: z.number().int().min(0).nullish(),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    interviewer: z.boolean().optional(),
  })
  .refine((segment) => segment.end > segment.start, { message: 'A segment ends after it starts', path: ['end'] })
  .refine((segment) => segment.startMs == null || segment.endMs == null || segment.endMs >= segment.startMs, {
    message: 'endMs is before startMs',
    path: ['endMs'],
  });
export type SegmentInput = z.infer<typeof SegmentInputSchema>;

/** Segments must lie inside the body, in order, without overlapping. */
function checkSegments(body: string | undefined, segments: SegmentInput[] | null | undefined, context: z.RefinementCtx) {
  if (!segments || body === undefined) return;
  segments.forEach((segment, index) => {
    if (segment.end > body.length) {
      context.addIssue({ code: 'custom', path: ['segments', index, 'end'], message: `The body has only ${body.length} characters` });
    }
    const previous = segments[index - 1];
    if (previous && segment.start < previous.end) {
      context.addIssue({ code: 'custom', path: ['segments', index, 'start'], message: 'Segments must be in order and must not overlap' });
    }
  });
}

const SegmentsInputSchema = z.array(SegmentInputSchema).max(SOURCE_SEGMENTS_MAX);

export const CreateSourceBodySchema = z
  .object({
    kind: SourceKindSchema,
    title: SourceTitleSchema,
    body: SourceBodySchema,
    occurredAt: TimestampSchema.optional(),
    /** Unique per workspace and kind: posting the same one again updates the source. */
    externalId: ExternalIdSchema.optional(),
    customer: CreateCustomerBodySchema.optional(),
    metadata: MetadataSchema.optional(),
    segments: SegmentsInputSchema.optional(),
  })
  .strict()
  .superRefine((source, context) => checkSegments(source.body, source.segments, context));
export type CreateSourceBody = z.infer<typeof CreateSourceBodySchema>;

/**
 * `body` can change only while no highlight points into it (409 otherwise); a new body drops
 * the old segments unless new ones come with it. `customer: null` detaches the customer.
 */
export const UpdateSourceBodySchema = z
  .object({
    title: SourceTitleSchema,
    occurredAt: TimestampSchema,
    customer: CreateCustomerBodySchema.nullable(),
    metadata: MetadataSchema,
    body: SourceBodySchema,
    segments: SegmentsInputSchema.nullable(),
  })
  .partial()
  .strict()
  .superRefine((source, context) => {
    if (source.segments && source.body === undefined) {
      context.addIssue({ code: 'custom', path: ['segments'], message: 'Segments can only be sent with the body they describe' });
    }
    checkSegments(source.body, source.segments, context);
  });
export type UpdateSourceBody = z.infer<typeof UpdateSourceBodySchema>;

export const SOURCE_ORDERS = ['newest', 'oldest'] as const;
export type SourceOrder = (typeof SOURCE_ORDERS)[number];

/** A score bound in a query string: a plain decimal number (`7`, `-1`, `4.5`). */
export const ScoreBoundSchema = z
  .string()
  .trim()
  .regex(/^[-+]?\d{1,9}(?:\.\d{1,6})?$/, 'Enter a number, such as 7 or 4.5')
  .transform(Number);

/** One kind or several in a query string, comma-separated: `ticket,survey_response`. */
const SourceKindsQuerySchema = z
  .string()
  .transform((value) => value.split(',').map((kind) => kind.trim()).filter(Boolean))
  .pipe(z.array(SourceKindSchema).min(1));

/** Helpdesk tag names are the helpdesk's own, often longer than a codebook tag's. */
export const HELPDESK_TAG_MAX_LENGTH = 200;

/**
 * A tag the helpdesk put on a ticket (`metadata.tags`: a tickets CSV's `tags` column, Zendesk or
 * Intercom tags), matched whole and ignoring case: `billing` finds "Billing", not "billing-eu".
 */
const HelpdeskTagSchema = z.string().trim().min(1, 'Enter a helpdesk tag').max(HELPDESK_TAG_MAX_LENGTH, tooLongMessage(HELPDESK_TAG_MAX_LENGTH));

export const ListSourcesQuerySchema = PageQuerySchema.extend({
  kind: SourceKindsQuerySchema.optional(),
  customerId: IdSchema.optional(),
  tagId: IdSchema.optional(),
  importId: IdSchema.optional(),
  /** When the source occurred. */
  ...DateRangeQuerySchema.shape,
  /** Only sources without any tagged highlight (outside the trash). */
  untagged: QueryBooleanSchema.optional(),
  /**
   * Only sources nobody has triaged: no highlight outside the trash carries a tag or is evidence
   * of a problem (or other insight) or backlog item outside the trash. The triage queue.
   */
  untriaged: QueryBooleanSchema.optional(),
  /** Only sources with this helpdesk tag (`HelpdeskTagSchema`). */
  helpdeskTag: HelpdeskTagSchema.optional(),
  /** The trash instead of the live sources. */
  trash: QueryBooleanSchema.optional(),
  /**
   * Sources whose score is a number from `scoreMin` to `scoreMax`, both included; text scores
   * never match. `scoreMin` above `scoreMax` is a 400 naming `query.scoreMax` (checked by the server).
   */
  scoreMin: ScoreBoundSchema.optional(),
  scoreMax: ScoreBoundSchema.optional(),
  /**
   * Only numeric scores on this kind of scale: `nps` keeps the Promoters preset to NPS answers
   * (and to whole scores 0–10 without a scale, imported before scales were kept), not a CSAT's 1–5.
   */
  scoreScale: z.enum(SCORE_SCALE_KINDS).optional(),
  order: z.enum(SOURCE_ORDERS).default('newest'),
  /**
   * `false`: the first page leaves `total` out, for a caller that does not show it (the reader's
   * next and previous source): counting reads up to `SOURCE_COUNT_MAX` matches.
   */
  count: QueryBooleanSchema.optional(),
});
export type ListSourcesQuery = z.infer<typeof ListSourcesQuerySchema>;

/** Helpdesk tags `GET …/sources/helpdesk-tags` lists, the most used first. */
export const HELPDESK_TAGS_SHOWN = 50;

export const ListHelpdeskTagsQuerySchema = z.object({
  kind: SourceKindsQuerySchema.optional(),
  /** Count only the sources nobody has triaged (the triage queue's). */
  untriaged: QueryBooleanSchema.optional(),
  /** Count only the sources that occurred then, as the list's `from` and `to`. */
  ...DateRangeQuerySchema.shape,
});
export type ListHelpdeskTagsQuery = z.infer<typeof ListHelpdeskTagsQuerySchema>;

/**
 * The helpdesk tags of the live sources, each with how many sources carry it, most first, then
 * by name; names differing only in case are one tag (shown as the first of them in code-point
 * order). At most HELPDESK_TAGS_SHOWN.
 */
export const HelpdeskTagCountsSchema = z.object({
  items: z.array(z.object({ name: z.string(), count: z.number().int() })),
});
export type HelpdeskTagCounts = z.infer<typeof HelpdeskTagCountsSchema>;

/** Sources one `POST …/sources/tag-whole` may tag: a backlog's worth, in one short transaction. */
export const SOURCES_TAGGED_WHOLE_MAX = 2_000;

/**
 * Tags every live source the filters match as a whole, as tagging each one whole in the triage
 * queue would: a highlight of the whole text (the one already there is reused) carrying `tagIds`.
 * Only short sources in the customer's own words — tickets, survey answers, reviews and notes, all
 * of them when `kinds` is left out: an interview is evidence passage by passage (ADR 017), so
 * `interview` is a 422 naming `body.filters.kinds`. More than SOURCES_TAGGED_WHOLE_MAX matches is a
 * 422 naming `body.filters`, which says how many match.
 */
export const TagSourcesWholeBodySchema = z
  .object({
    filters: z
      .object({
        kinds: z.array(SourceKindSchema).min(1, 'Choose at least one kind, or leave kinds out').optional(),
        helpdeskTag: HelpdeskTagSchema.optional(),
        /** Only sources nobody has triaged: the triage queue. */
        untriaged: z.boolean().optional(),
        /** Only sources without a tagged highlight. */
        untagged: z.boolean().optional(),
        customerId: IdSchema.optional(),
        importId: IdSchema.optional(),
        /** When the source occurred, as the list's `from` and `to`. */
        ...DateRangeQuerySchema.shape,
      })
      .strict(),
    tagIds: z.array(IdSchema).min(1, 'Choose at least one tag').max(TAGS_PER_HIGHLIGHT_MAX),
  })
  .strict();
export type TagSourcesWholeBody = z.infer<typeof TagSourcesWholeBodySchema>;

/**
 * What one `POST …/sources/tag-whole` wrote, as its answer says: send it back to
 * `POST …/sources/tag-whole/undo` to take exactly that back.
 */
export const TagSourcesWholeRunSchema = z
  .object({
    /**
     * When it ran, to the microsecond (UTC): the time its transaction stamped on every highlight
     * and tag link it made. Undo takes back only what carries it, so a tag given again by hand
     * since stays, and a second undo finds nothing of the run left (409).
     */
    at: z.iso.datetime({ offset: true }),
    /** The tags it gave. */
    tagIds: z.array(IdSchema).min(1, 'Name the tags the run gave').max(TAGS_PER_HIGHLIGHT_MAX),
    /** The whole-text highlights it made, each carrying every one of `tagIds`. */
    createdHighlightIds: z.array(IdSchema).max(SOURCES_TAGGED_WHOLE_MAX),
    /** The tags it added to whole-text highlights there before, tag by tag; a tag such a highlight had already is not listed. */
    addedTags: z
      .array(z.object({ tagId: IdSchema, highlightIds: z.array(IdSchema).min(1).max(SOURCES_TAGGED_WHOLE_MAX) }).strict())
      .max(TAGS_PER_HIGHLIGHT_MAX),
  })
  .strict();
export type TagSourcesWholeRun = z.infer<typeof TagSourcesWholeRunSchema>;

export const TagSourcesWholeResultSchema = z.object({
  /** Sources highlighted whole and tagged (a whole-text highlight already there counts, tagged too). */
  highlighted: z.number().int(),
  run: TagSourcesWholeRunSchema,
});
export type TagSourcesWholeResult = z.infer<typeof TagSourcesWholeResultSchema>;

/** `POST …/sources/tag-whole/undo` takes the `run` a tagging answered with. */
export const UndoTagSourcesWholeBodySchema = TagSourcesWholeRunSchema;
export type UndoTagSourcesWholeBody = TagSourcesWholeRun;

export const UndoTagSourcesWholeResultSchema = z.object({
  /** Highlights the run made, now in the trash. */
  trashed: z.number().int(),
  /** Highlights the run made that someone has used since (a note, another tag, a link as evidence): kept, without the run's tags. */
  kept: z.number().int(),
  /** Highlights there before the run that had its tags taken off again. */
  untagged: z.number().int(),
});
export type UndoTagSourcesWholeResult = z.infer<typeof UndoTagSourcesWholeResultSchema>;
