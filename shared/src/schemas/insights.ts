import { z } from 'zod';
import { BACKLOG_STATUSES, EVIDENCE_IMPORTANCES, INSIGHT_STATUSES, INSIGHT_TYPES } from '../enums.js';
import {
  BACKLOG_TITLE_MAX_LENGTH,
  EVIDENCE_LINKS_MAX,
  EXTERNAL_KEY_MAX_LENGTH,
  EXTERNAL_URL_MAX_LENGTH,
  INSIGHT_TITLE_MAX_LENGTH,
  SEARCH_QUERY_MAX_LENGTH,
  STATEMENT_MAX_LENGTH,
} from '../limits.js';
import { IdSchema, PageQuerySchema, PersonSchema, QueryBooleanSchema, TimestampSchema, pageOf, tooLongMessage } from './common.js';
import { CustomerRefSchema } from './customers.js';
import { HighlightListItemSchema } from './highlights.js';

/*
 * Insights (problems, opportunities, solutions) and backlog items: what the evidence adds up
 * to, and what the team might build because of it. Both link to highlights; a backlog item
 * also links to insights, and counts their highlights as its evidence.
 */

const titleSchema = (max: number) => z.string().trim().min(1, 'Enter a title').max(max, tooLongMessage(max));
const StatementSchema = z.string().trim().max(STATEMENT_MAX_LENGTH, tooLongMessage(STATEMENT_MAX_LENGTH));

/** The short form of an insight, where another object points at it. */
export const InsightRefSchema = z.object({ id: IdSchema, type: z.enum(INSIGHT_TYPES), title: z.string(), status: z.enum(INSIGHT_STATUSES) });
export type InsightRef = z.infer<typeof InsightRefSchema>;

/** The short form of a backlog item, where another object points at it. */
export const BacklogItemRefSchema = z.object({ id: IdSchema, title: z.string(), status: z.enum(BACKLOG_STATUSES), externalKey: z.string().nullable() });
export type BacklogItemRef = z.infer<typeof BacklogItemRefSchema>;

/**
 * Who linked an insight to a backlog item: the member a contributor must be to unlink it
 * (docs/decisions/009-insights-and-backlog.md); null for a token or a removed account.
 */
const LinkedBySchema = IdSchema.nullable();

/** A backlog item an insight is linked to, with who linked them. */
export const LinkedBacklogItemSchema = BacklogItemRefSchema.extend({ linkedBy: LinkedBySchema });
export type LinkedBacklogItem = z.infer<typeof LinkedBacklogItemSchema>;

/** A customer behind some evidence, with how many of its highlights they said. */
export const EvidenceCustomerSchema = CustomerRefSchema.extend({ highlightCount: z.number().int() });
export type EvidenceCustomer = z.infer<typeof EvidenceCustomerSchema>;

/**
 * A merged insight in the trash: the insight it was merged into, and what restoring it takes back
 * from that one (docs/decisions/009-insights-and-backlog.md), counted as the restored insight will
 * show them: highlights, backlog items and children outside the trash.
 */
export const InsightMergeSchema = z.object({
  into: z.object({ id: IdSchema, title: z.string() }),
  /** `into` has since been merged into another insight in turn: restoring this one is a 409 until that merge is restored. */
  intoMergedSince: z.boolean(),
  highlights: z.number().int(),
  backlogItems: z.number().int(),
  children: z.number().int(),
});
export type InsightMerge = z.infer<typeof InsightMergeSchema>;

/**
 * Why a backlog item or an insight ranks where it does: the distinct customers and companies
 * behind its evidence (a backlog item's: its own highlights and its insights' highlights), the
 * yearly revenue of those companies, and how recent the evidence is. `total` combines them
 * (docs/decisions/009-insights-and-backlog.md).
 */
export const EvidenceScoreSchema = z.object({
  total: z.number(),
  customers: z.number().int(),
  companies: z.number().int(),
  /** Sum of the companies' annual revenue, whole currency units. */
  revenue: z.number(),
  highlights: z.number().int(),
  /** Highlights whose source is from the last 90 days. */
  recentHighlights: z.number().int(),
  /** When the newest evidence was said (its source's time); null without evidence. */
  lastEvidenceAt: TimestampSchema.nullable(),
  /** What each part adds to `total` (before rounding), as the server weighs it: the one place the weights live. */
  points: z.object({ customers: z.number(), companies: z.number(), revenue: z.number(), recency: z.number() }),
});
export type EvidenceScore = z.infer<typeof EvidenceScoreSchema>;

/**
 * An insight as lists show it. One in the trash shows as restoring it would bring it back: its
 * counts are those of its evidence (the links stay), and its parent is shown only while that
 * parent is outside the trash.
 */
export const InsightSchema = InsightRefSchema.extend({
  statement: z.string().nullable(),
  /** The parent outside the trash; null for a root, and while the parent is in the trash. */
  parentId: IdSchema.nullable(),
  /** Highlights linked as evidence (outside the trash, from sources outside the trash). */
  evidenceCount: z.number().int(),
  /** Distinct customers behind that evidence. */
  customerCount: z.number().int(),
  createdBy: PersonSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** When it was moved to the trash; null outside it. */
  deletedAt: TimestampSchema.nullable(),
  /** In the trash list, for one that went there by a merge; null everywhere else. */
  merge: InsightMergeSchema.nullable(),
});
export type Insight = z.infer<typeof InsightSchema>;

/** An insight linked to a backlog item, with who linked them. */
export const LinkedInsightSchema = InsightSchema.extend({ linkedBy: LinkedBySchema });
export type LinkedInsight = z.infer<typeof LinkedInsightSchema>;

/**
 * A backlog item an insight is on through its family only: linked to an insight above it in the
 * tree (its opportunity, that one's problem) or below it (its opportunities, their solutions),
 * all outside the trash, and not to the insight itself. `through`: those relatives, the nearest
 * above first, then the nearest below.
 */
export const FamilyBacklogItemSchema = BacklogItemRefSchema.extend({ through: z.array(InsightRefSchema).min(1) });
export type FamilyBacklogItem = z.infer<typeof FamilyBacklogItemSchema>;

export const InsightDetailSchema = InsightSchema.extend({
  parent: InsightRefSchema.nullable(),
  children: z.array(InsightSchema),
  /** The newest evidence, up to EVIDENCE_PREVIEW_MAX; page through all of it with GET /highlights?insightId=…. */
  evidence: z.array(HighlightListItemSchema),
  /** The backlog items it is linked to itself. */
  backlogItems: z.array(LinkedBacklogItemSchema),
  /** The backlog items outside the trash it reaches only through its family, newest first. */
  familyBacklogItems: z.array(FamilyBacklogItemSchema),
  /** Distinct customers behind the evidence, most highlights first. */
  customers: z.array(EvidenceCustomerSchema),
});
export type InsightDetail = z.infer<typeof InsightDetailSchema>;

/** An insight in the list (GET /insights): what the Problems tree shows on each row. */
export const InsightListItemSchema = InsightSchema.extend({
  /** The evidence score, as backlog items have it; `score.lastEvidenceAt` is when its newest evidence was said. */
  score: EvidenceScoreSchema,
  /** Backlog items outside the trash it is linked to; 0: not on the backlog. */
  backlogItemCount: z.number().int(),
});
export type InsightListItem = z.infer<typeof InsightListItemSchema>;

export const InsightPageSchema = pageOf(InsightListItemSchema);

export const CreateInsightBodySchema = z.object({
  type: z.enum(INSIGHT_TYPES),
  title: titleSchema(INSIGHT_TITLE_MAX_LENGTH),
  statement: StatementSchema.nullish(),
  status: z.enum(INSIGHT_STATUSES).optional(),
  /** An opportunity's problem or a solution's opportunity. */
  parentId: IdSchema.nullish(),
});
export type CreateInsightBody = z.infer<typeof CreateInsightBodySchema>;

export const UpdateInsightBodySchema = CreateInsightBodySchema.partial().strict();
export type UpdateInsightBody = z.infer<typeof UpdateInsightBodySchema>;

export const ListInsightsQuerySchema = PageQuerySchema.extend({
  type: z.enum(INSIGHT_TYPES).optional(),
  status: z.enum(INSIGHT_STATUSES).optional(),
  parentId: IdSchema.optional(),
  /** Words in the title or statement. */
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX_LENGTH).optional(),
  /** The trash instead of the live insights, the most recently trashed first. */
  trash: QueryBooleanSchema.optional(),
});
export type ListInsightsQuery = z.infer<typeof ListInsightsQuerySchema>;

/** Merges this insight into another of its type: evidence, backlog links and children move to the survivor, and this one goes to the trash. */
export const MergeInsightBodySchema = z.object({ intoInsightId: IdSchema }).strict();
export type MergeInsightBody = z.infer<typeof MergeInsightBodySchema>;

/** Which insight a merge preview is for: the one that would be kept. */
export const MergeInsightPreviewQuerySchema = z.object({ intoInsightId: IdSchema });
export type MergeInsightPreviewQuery = z.infer<typeof MergeInsightPreviewQuerySchema>;

/**
 * What merging this insight into `intoInsightId` would move, counted as the pages show them
 * (highlights, backlog items and children outside the trash), with how many of the moved
 * highlights and backlog items the kept one has already (they count once there).
 */
export const MergeInsightPreviewSchema = z.object({
  highlights: z.number().int(),
  highlightsAlreadyThere: z.number().int(),
  backlogItems: z.number().int(),
  backlogItemsAlreadyThere: z.number().int(),
  children: z.number().int(),
});
export type MergeInsightPreview = z.infer<typeof MergeInsightPreviewSchema>;

const EvidenceIdsSchema = z.array(IdSchema).max(EVIDENCE_LINKS_MAX);

export const InsightEvidenceBodySchema = z.object({ highlightIds: EvidenceIdsSchema.min(1, 'Choose at least one highlight') });
export type InsightEvidenceBody = z.infer<typeof InsightEvidenceBodySchema>;

/** How much the highlights matter where they are linked (docs/decisions/009-insights-and-backlog.md). */
const ImportanceSchema = z.enum(EVIDENCE_IMPORTANCES, { error: `Choose one of ${EVIDENCE_IMPORTANCES.join(', ')}` });

/** Linking: `importance` of the links made, `important` when left out; links already there keep theirs (PATCH changes it). */
const linkImportance = { importance: ImportanceSchema.optional() };

export const LinkInsightEvidenceBodySchema = InsightEvidenceBodySchema.extend(linkImportance);
export type LinkInsightEvidenceBody = z.infer<typeof LinkInsightEvidenceBodySchema>;

/** Changes how much highlights already linked as evidence matter there (PATCH …/evidence). */
export const EvidenceImportanceBodySchema = InsightEvidenceBodySchema.extend({ importance: ImportanceSchema }).strict();
export type EvidenceImportanceBody = z.infer<typeof EvidenceImportanceBodySchema>;

/** What an evidence call changed: links made (POST) or removed (DELETE); links already there, or already gone, are not counted. */
export const EvidenceChangeSchema = z.object({ changed: z.number().int() });
export type EvidenceChange = z.infer<typeof EvidenceChangeSchema>;

/** An http(s) address: one rule, so that a key typed into the URL field gets one message. */
function isWebAddress(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const ExternalUrlSchema = z
  .string()
  .trim()
  .max(EXTERNAL_URL_MAX_LENGTH, tooLongMessage(EXTERNAL_URL_MAX_LENGTH))
  .refine(isWebAddress, 'Enter a web address like https://tracker.example.com/PROJ-12');

/** A backlog item as lists show it; one in the trash with the score and insights restoring it would bring back (its links stay). */
export const BacklogItemSchema = BacklogItemRefSchema.extend({
  description: z.string().nullable(),
  externalUrl: z.string().nullable(),
  score: EvidenceScoreSchema,
  /** Insights outside the trash linked to the item. */
  insightCount: z.number().int(),
  createdBy: PersonSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** When it was moved to the trash; null outside it. */
  deletedAt: TimestampSchema.nullable(),
});
export type BacklogItem = z.infer<typeof BacklogItemSchema>;

export const BacklogItemDetailSchema = BacklogItemSchema.extend({
  /** Highlights linked to the item itself, newest first, up to EVIDENCE_PREVIEW_MAX; GET /highlights?backlogItemId=… pages them all. */
  evidence: z.array(HighlightListItemSchema),
  insights: z.array(LinkedInsightSchema),
  /** Distinct customers behind all its evidence (its own and its insights'), most highlights first. */
  customers: z.array(EvidenceCustomerSchema),
});
export type BacklogItemDetail = z.infer<typeof BacklogItemDetailSchema>;

export const BacklogItemPageSchema = pageOf(BacklogItemSchema);

export const CreateBacklogItemBodySchema = z.object({
  title: titleSchema(BACKLOG_TITLE_MAX_LENGTH),
  description: StatementSchema.nullish(),
  status: z.enum(BACKLOG_STATUSES).optional(),
  externalUrl: ExternalUrlSchema.nullish(),
  externalKey: z.string().trim().min(1, 'Enter the key, or leave it out').max(EXTERNAL_KEY_MAX_LENGTH, tooLongMessage(EXTERNAL_KEY_MAX_LENGTH)).nullish(),
});
export type CreateBacklogItemBody = z.infer<typeof CreateBacklogItemBodySchema>;

export const UpdateBacklogItemBodySchema = CreateBacklogItemBodySchema.partial().strict();
export type UpdateBacklogItemBody = z.infer<typeof UpdateBacklogItemBodySchema>;

export const BACKLOG_SORTS = ['recent', 'evidence'] as const;

export const ListBacklogItemsQuerySchema = PageQuerySchema.extend({
  /**
   * `evidence` ranks by the evidence score, highest first; `recent` (the default) by creation,
   * newest first, and in the trash by when each item was trashed, most recent first.
   */
  sort: z.enum(BACKLOG_SORTS).default('recent'),
  status: z.enum(BACKLOG_STATUSES).optional(),
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX_LENGTH).optional(),
  /** The trash instead of the live items. */
  trash: QueryBooleanSchema.optional(),
});
export type ListBacklogItemsQuery = z.infer<typeof ListBacklogItemsQuerySchema>;

const BacklogEvidenceFieldsSchema = z.object({ highlightIds: EvidenceIdsSchema.optional(), insightIds: EvidenceIdsSchema.optional() });
const namesSomeEvidence = (body: z.infer<typeof BacklogEvidenceFieldsSchema>) => (body.highlightIds?.length ?? 0) + (body.insightIds?.length ?? 0) > 0;
const someEvidenceRequired = { message: 'Choose at least one highlight or insight', path: ['highlightIds'] };

export const BacklogEvidenceBodySchema = BacklogEvidenceFieldsSchema.refine(namesSomeEvidence, someEvidenceRequired);
export type BacklogEvidenceBody = z.infer<typeof BacklogEvidenceBodySchema>;

/** Linking to a backlog item: `importance` is that of the highlight links made; an insight's highlights weigh as linked to the insight. */
export const LinkBacklogEvidenceBodySchema = BacklogEvidenceFieldsSchema.extend(linkImportance).refine(namesSomeEvidence, someEvidenceRequired);
export type LinkBacklogEvidenceBody = z.infer<typeof LinkBacklogEvidenceBodySchema>;

/** What one highlight is evidence for: the problems (and other insights) and backlog items it is linked to, outside the trash. */
export const HighlightEvidenceLinksSchema = z.object({ highlightId: IdSchema, insights: z.array(InsightRefSchema), backlogItems: z.array(BacklogItemRefSchema) });
export type HighlightEvidenceLinks = z.infer<typeof HighlightEvidenceLinksSchema>;

/** The links of a source's highlights, for the reader; highlights linked to nothing are left out. */
export const SourceEvidenceLinksSchema = z.object({ items: z.array(HighlightEvidenceLinksSchema) });
export type SourceEvidenceLinks = z.infer<typeof SourceEvidenceLinksSchema>;
