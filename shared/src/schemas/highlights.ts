import { z } from 'zod';
import { EVIDENCE_IMPORTANCES, INSIGHT_TYPES, SOURCE_KINDS } from '../enums.js';
import { HIGHLIGHT_IDS_MAX, NOTE_MAX_LENGTH, SEARCH_QUERY_MAX_LENGTH, TAG_NAME_MAX_LENGTH } from '../limits.js';
import { DateRangeQuerySchema, IdSchema, PageQuerySchema, QueryBooleanSchema, TimestampSchema, idListQuery, tooLongMessage } from './common.js';
import { CustomerRefSchema } from './customers.js';

/** Tags one highlight may carry, and tags one bulk call may add or remove. */
export const TAGS_PER_HIGHLIGHT_MAX = 50;
/** Highlights one bulk call may change: enough for a page selection, small enough for one statement. */
export const BULK_HIGHLIGHTS_MAX = 1000;

export const TagColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour like #3d5a80');

export const TagSchema = z.object({
  id: IdSchema,
  name: z.string(),
  group: z.string().nullable(),
  color: z.string().nullable(),
  description: z.string().nullable(),
  /** Highlights carrying the tag (not in the trash); present on list responses. */
  usageCount: z.number().int().optional(),
  createdAt: TimestampSchema,
});
export type Tag = z.infer<typeof TagSchema>;

/** The short form of a tag carried by highlights and search results. */
export const TagRefSchema = TagSchema.pick({ id: true, name: true, color: true, group: true });
export type TagRef = z.infer<typeof TagRefSchema>;

export const CreateTagBodySchema = z.object({
  name: z.string().trim().min(1, "Enter the tag's name").max(TAG_NAME_MAX_LENGTH, tooLongMessage(TAG_NAME_MAX_LENGTH)),
  group: z.string().trim().min(1, "Enter the group's name").max(TAG_NAME_MAX_LENGTH, tooLongMessage(TAG_NAME_MAX_LENGTH)).nullish(),
  color: TagColorSchema.nullish(),
  description: z.string().trim().max(NOTE_MAX_LENGTH, tooLongMessage(NOTE_MAX_LENGTH)).nullish(),
});
export type CreateTagBody = z.infer<typeof CreateTagBodySchema>;
export const UpdateTagBodySchema = CreateTagBodySchema.partial();
export type UpdateTagBody = z.infer<typeof UpdateTagBodySchema>;
export const MergeTagBodySchema = z.object({ intoTagId: IdSchema });
export type MergeTagBody = z.infer<typeof MergeTagBodySchema>;

export const TagListSchema = z.object({ items: z.array(TagSchema) });

/** A tag in use is deleted only when the caller confirms (`?force=true`), after showing how many highlights use it. */
export const DeleteTagQuerySchema = z.object({ force: QueryBooleanSchema.optional() });

export const HighlightSchema = z.object({
  id: IdSchema,
  sourceId: IdSchema,
  /** [start, end) in UTF-16 code units of the source body (JavaScript string indices). */
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  note: z.string().nullable(),
  tags: z.array(TagRefSchema),
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Highlight = z.infer<typeof HighlightSchema>;

const TagIdsSchema = z.array(IdSchema).max(TAGS_PER_HIGHLIGHT_MAX);

/**
 * Either a range (`start`, `end`) or `whole: true` for a whole short source (a ticket, a
 * survey answer). The quote is never sent: the server cuts it from the stored body. In a
 * transcript the range must hold some of the customer's words, not only the interviewer's
 * (`interviewerOnlySpeakers`, a 422).
 */
const rangeShape = {
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  whole: z.literal(true).optional(),
};

/** A range or `whole: true`, never both and never neither. */
function checkRangeOrWhole(body: { start?: number; end?: number; whole?: true }, context: z.RefinementCtx) {
  if (body.whole) {
    for (const key of ['start', 'end'] as const) {
      if (body[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: 'Send either whole: true or a range, not both' });
    }
    return;
  }
  for (const key of ['start', 'end'] as const) {
    if (body[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: 'Required (or send whole: true)' });
  }
}

export const CreateHighlightBodySchema = z
  .object({
    ...rangeShape,
    tagIds: TagIdsSchema.optional(),
    note: z.string().trim().max(NOTE_MAX_LENGTH, tooLongMessage(NOTE_MAX_LENGTH)).nullish(),
  })
  .strict()
  .superRefine(checkRangeOrWhole);
export type CreateHighlightBody = z.infer<typeof CreateHighlightBodySchema>;

/** Passages one call may highlight: a selection of search results, not an import. */
export const HIGHLIGHT_PASSAGES_MAX = 200;

/**
 * Highlights many passages (of one source or many) in one write and one audit event: a
 * passage already highlighted with exactly that range is reused, not quoted twice, and gets the
 * tags too. The answer lists one highlight per passage, in the order sent.
 */
export const HighlightPassagesBodySchema = z
  .object({
    passages: z
      .array(z.object({ sourceId: IdSchema, ...rangeShape }).strict().superRefine(checkRangeOrWhole))
      .min(1)
      .max(HIGHLIGHT_PASSAGES_MAX),
    tagIds: TagIdsSchema.optional(),
  })
  .strict();
export type HighlightPassagesBody = z.infer<typeof HighlightPassagesBodySchema>;

export const HighlightPassagesResultSchema = z.object({
  items: z.array(z.object({ id: IdSchema, sourceId: IdSchema, start: z.number().int(), end: z.number().int(), created: z.boolean() })),
});
export type HighlightPassagesResult = z.infer<typeof HighlightPassagesResultSchema>;

export const UpdateHighlightBodySchema = z
  .object({
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    tagIds: TagIdsSchema.optional(),
    note: z.string().trim().max(NOTE_MAX_LENGTH, tooLongMessage(NOTE_MAX_LENGTH)).nullish(),
  })
  .strict();
export type UpdateHighlightBody = z.infer<typeof UpdateHighlightBodySchema>;

export const BulkHighlightBodySchema = z.object({
  highlightIds: z.array(IdSchema).min(1).max(BULK_HIGHLIGHTS_MAX),
  addTagIds: TagIdsSchema.optional(),
  removeTagIds: TagIdsSchema.optional(),
});
export type BulkHighlightBody = z.infer<typeof BulkHighlightBodySchema>;

export const BulkHighlightResultSchema = z.object({ updated: z.number().int() });
export type BulkHighlightResult = z.infer<typeof BulkHighlightResultSchema>;

/** Where a highlight sits and who said it, for lists that show highlights outside their source. */
export const HighlightListItemSchema = HighlightSchema.extend({
  source: z.object({ id: IdSchema, title: z.string(), kind: z.enum(SOURCE_KINDS), occurredAt: TimestampSchema }),
  customer: CustomerRefSchema.nullable(),
  /**
   * Listed as evidence (`insightId`, `backlogItemId` or `evidenceOfBacklogItemId`): the id of the member who linked it there,
   * whom contributors must be to unlink it; null for a token or a removed account.
   */
  linkedBy: IdSchema.nullable().optional(),
  /**
   * Listed as evidence: how much it matters there (docs/decisions/009-insights-and-backlog.md).
   * Listed as all of a backlog item's evidence: its own link's, else the highest of its insights' links, as the score weighs it.
   */
  importance: z.enum(EVIDENCE_IMPORTANCES).optional(),
  /**
   * Listed as all the evidence of a backlog item (`evidenceOfBacklogItemId`): how it reaches the
   * item. `direct` when it is linked to the item itself (`linkedBy` is then that link's maker),
   * and the item's insights outside the trash it is evidence of, by title; it counts once however
   * many ways it arrives.
   */
  via: z
    .object({
      direct: z.boolean(),
      insights: z.array(z.object({ id: IdSchema, type: z.enum(INSIGHT_TYPES), title: z.string() })),
    })
    .optional(),
  /**
   * Listed from the trash (`trash=true`): when it was moved there. It is deleted for good on
   * `purgeDateOf(deletedAt, retention)` (retention from `GET …/trash`), as a trashed source is.
   */
  deletedAt: TimestampSchema.optional(),
});
export type HighlightListItem = z.infer<typeof HighlightListItemSchema>;

/** One value or several of `values`, comma-separated in a query string (`sourceKind=ticket,survey_response`). */
function enumListQuery<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `Choose from ${values.join(', ')}` })).min(1));
}

/** Comma-separated kinds in a query string (`sourceKind=ticket,survey_response`). */
export const SourceKindListSchema = enumListQuery(SOURCE_KINDS);

export const ListHighlightsQuerySchema = PageQuerySchema.extend({
  /**
   * Only these highlights (`?ids=…&ids=…`, a selection). Each must be a highlight here outside the
   * trash: else 404 naming `query.ids`, as bulk changes answer, not a shorter list that says nothing.
   * (The other id filters must name something of the workspace too, trashed or not: else 404 naming them.)
   */
  ids: idListQuery(HIGHLIGHT_IDS_MAX, `Name at most ${HIGHLIGHT_IDS_MAX} highlights`).optional(),
  tagId: IdSchema.optional(),
  /** Evidence of one insight. */
  insightId: IdSchema.optional(),
  /** Evidence linked to one backlog item itself (not through its insights). */
  backlogItemId: IdSchema.optional(),
  /** All the evidence behind one backlog item: its own and that of its insights outside the trash (what its score counts, and its evidence pack quotes). */
  evidenceOfBacklogItemId: IdSchema.optional(),
  /**
   * Evidence of these importances only (`importance=critical,important`), as each row's `importance`
   * says: with `insightId`, `backlogItemId` or `evidenceOfBacklogItemId` (else a 400 naming it), for
   * the last as the item's score weighs it (docs/decisions/009-insights-and-backlog.md).
   */
  importance: enumListQuery(EVIDENCE_IMPORTANCES).optional(),
  sourceId: IdSchema.optional(),
  sourceKind: SourceKindListSchema.optional(),
  customerId: IdSchema.optional(),
  /** Said by any customer at this company. */
  companyId: IdSchema.optional(),
  /** The customer's company segment, compared case-insensitively. */
  segment: z.string().trim().min(1).max(TAG_NAME_MAX_LENGTH).optional(),
  /** When the customer said it (the source's occurredAt). */
  ...DateRangeQuerySchema.shape,
  /** Full-text over the quote, note and tag names (websearch syntax: "phrases", OR, -word). */
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX_LENGTH).optional(),
  /**
   * The trash instead of the live highlights: those trashed on their own, the most recently
   * trashed first, each with its `deletedAt`. One trashed with its source is not listed: it comes
   * back with the source, from the Inbox's trash. The other filters apply; `ids` then names
   * highlights in the trash.
   */
  trash: QueryBooleanSchema.optional(),
});
export type ListHighlightsQuery = z.infer<typeof ListHighlightsQuerySchema>;

/** The filters of the highlights list, without paging: an export streams every match (outside the trash). */
export const ExportHighlightsQuerySchema = ListHighlightsQuerySchema.omit({ limit: true, cursor: true, trash: true });
export type ExportHighlightsQuery = z.infer<typeof ExportHighlightsQuerySchema>;

/** The header of `GET …/highlights.csv`, in column order. */
export const HIGHLIGHTS_CSV_COLUMNS = [
  'Quote',
  'Note',
  'Tags',
  'Source',
  'Source kind',
  'Said at',
  'Customer',
  'Email',
  'Company',
  'Segment',
  'Highlighted by',
  'Highlighted at',
  'Link',
] as const;
