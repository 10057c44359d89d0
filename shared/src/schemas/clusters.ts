import { z } from 'zod';
import { CLUSTER_RUN_STATUSES, CLUSTER_TARGETS, INSIGHT_TYPES, SOURCE_KINDS } from '../enums.js';
import {
  CLUSTER_K_MAX,
  CLUSTER_K_MIN,
  CLUSTER_LABEL_MAX_LENGTH,
  CLUSTER_SCOPE_IDS_MAX,
  EVIDENCE_LINKS_MAX,
  INSIGHT_TITLE_MAX_LENGTH,
  NAME_MAX_LENGTH,
} from '../limits.js';
import { DateOrTimestampSchema, IdSchema, PageQuerySchema, PersonSchema, TimestampSchema, pageOf, tooLongMessage } from './common.js';
import { CustomerRefSchema } from './customers.js';
import { InsightRefSchema } from './insights.js';

/*
 * Cluster runs: one execution of the clustering engine over a chosen scope, with its
 * parameters and seed kept so that it can be run again to the same result. A run yields
 * clusters (a label, the most distinctive terms, members with a score); a cluster can be
 * edited and promoted to a problem (docs/decisions/010-clustering.md).
 */

/** Which texts a run groups. Every filter narrows; none means every highlight (or short source) of the workspace. */
export const ClusterScopeSchema = z
  .object({
    target: z.enum(CLUSTER_TARGETS),
    /** Kinds of source. A `sources` run groups whole short sources, so `interview` is refused there: cluster its highlights. */
    kinds: z.array(z.enum(SOURCE_KINDS)).min(1, 'Choose at least one kind, or leave kinds out').optional(),
    /** Highlights carrying any of these tags; for `sources`, sources with such a highlight. */
    tagIds: z.array(IdSchema).max(CLUSTER_SCOPE_IDS_MAX).optional(),
    /** Sources that came in through these imports (or highlights of them). */
    importIds: z.array(IdSchema).max(CLUSTER_SCOPE_IDS_MAX).optional(),
    /** When the source occurred (a day or an instant, as in every date filter). */
    from: DateOrTimestampSchema.optional(),
    to: DateOrTimestampSchema.optional(),
    /** The segment of the customer's company, compared case-insensitively. */
    segment: z.string().trim().min(1).max(NAME_MAX_LENGTH).optional(),
    /** `sources` only: leave out sources that already have a tagged highlight. */
    untagged: z.boolean().optional(),
    /**
     * `sources` only: leave out sources someone has triaged — a highlight (outside the trash) that
     * carries a tag or is evidence of an insight or backlog item outside the trash. What the triage
     * queue holds; the app asks for this one.
     */
    untriaged: z.boolean().optional(),
  })
  .strict();
export type ClusterScope = z.infer<typeof ClusterScopeSchema>;

export const ClusterKSchema = z.union([
  z.number().int().min(CLUSTER_K_MIN, `Ask for at least ${CLUSTER_K_MIN} clusters`).max(CLUSTER_K_MAX, `Ask for at most ${CLUSTER_K_MAX} clusters`),
  z.literal('auto'),
]);

export const CreateClusterRunBodySchema = z
  .object({
    scope: ClusterScopeSchema,
    /** How many clusters, or `auto` to choose by silhouette. */
    k: ClusterKSchema.default('auto'),
    /** Fixes the random choices; the same scope, k and seed give the same clusters. Chosen by the server when left out. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  })
  .strict();
export type CreateClusterRunBody = z.input<typeof CreateClusterRunBodySchema>;

/** The parameters a run was started with, seed included: enough to run it again. */
export const ClusterRunParamsSchema = z.object({ scope: ClusterScopeSchema, k: ClusterKSchema, seed: z.number().int() });
export type ClusterRunParams = z.infer<typeof ClusterRunParamsSchema>;

/** The body of `POST …/cluster-runs/scope-count`: the scope a run would be asked for, checked by the same rules. */
export const CountClusterScopeBodySchema = z.object({ scope: ClusterScopeSchema }).strict();
export type CountClusterScopeBody = z.infer<typeof CountClusterScopeBodySchema>;

/** How many texts a run of the scope would cluster, were it asked for now. */
export const ClusterScopeCountSchema = z.object({
  /** The texts in the scope, counted no further than CLUSTER_SCOPE_MAX. */
  count: z.number().int(),
  /** True when the scope holds more than CLUSTER_SCOPE_MAX texts, too many for one run (`count` is then CLUSTER_SCOPE_MAX). */
  overLimit: z.boolean(),
});
export type ClusterScopeCount = z.infer<typeof ClusterScopeCountSchema>;

export const ClusterRunStartedSchema = z.object({ id: IdSchema, status: z.enum(CLUSTER_RUN_STATUSES) });
export type ClusterRunStarted = z.infer<typeof ClusterRunStartedSchema>;

/** One highlight or source in a cluster, with how close it sits to the cluster's centre. */
export const ClusterMemberSchema = z.object({
  id: IdSchema,
  type: z.enum(['highlight', 'source']),
  /** Cosine similarity to the cluster's centre, 0..1: the cluster's most typical members score highest. */
  score: z.number(),
  /** The highlight's quote or the start of the source's body, up to CLUSTER_TEXT_PREVIEW_LENGTH characters. */
  text: z.string(),
  source: z.object({ id: IdSchema, title: z.string(), kind: z.enum(SOURCE_KINDS) }),
  customer: CustomerRefSchema.nullable(),
});
export type ClusterMember = z.infer<typeof ClusterMemberSchema>;

export const ClusterSchema = z.object({
  id: IdSchema,
  runId: IdSchema,
  label: z.string(),
  /** The most distinctive words and word pairs of the cluster, most distinctive first. */
  terms: z.array(z.string()),
  /** Members outside the trash. */
  size: z.number().int(),
  /** Distinct customers those members come from (members without a customer add none). */
  customerCount: z.number().int(),
  /** Distinct segments of those customers' companies, ignoring case. */
  segmentCount: z.number().int(),
  /** The best members, up to CLUSTER_MEMBERS_SHOWN; GET /clusters/:id/members pages them all. */
  members: z.array(ClusterMemberSchema),
  /** The problem (or other insight) the cluster was promoted to, while it is outside the trash. */
  promotedTo: InsightRefSchema.nullable(),
});
export type Cluster = z.infer<typeof ClusterSchema>;

export const ClusterRunSummarySchema = z.object({
  id: IdSchema,
  status: z.enum(CLUSTER_RUN_STATUSES),
  /** Share of the work done, 0..1. */
  progress: z.number().min(0).max(1),
  params: ClusterRunParamsSchema,
  /** The number of clusters made: as asked, or as chosen for `auto`; null until done. */
  k: z.number().int().nullable(),
  /** Mean silhouette of the result (−1..1, higher is better separated); null until done. */
  silhouette: z.number().nullable(),
  /** Texts the scope held when the run read it; null until read. */
  textCount: z.number().int().nullable(),
  /**
   * Texts in no cluster: left out by the engine (nothing in them but stop words or words too rare
   * to compare) or taken out by hand; counted outside the trash once the run is done.
   */
  unclusteredCount: z.number().int().nullable(),
  /** Why the run failed; null otherwise. */
  failure: z.string().nullable(),
  createdBy: PersonSchema.nullable(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type ClusterRunSummary = z.infer<typeof ClusterRunSummarySchema>;

export const ClusterRunSchema = ClusterRunSummarySchema.extend({
  /** Largest first; empty until the run is done. */
  clusters: z.array(ClusterSchema),
});
export type ClusterRun = z.infer<typeof ClusterRunSchema>;

/** A run in the list: its summary, and what tells it apart from other runs of the same scope. */
export const ClusterRunListItemSchema = ClusterRunSummarySchema.extend({
  /** The labels of its first three clusters (the largest, as the engine found them), as renamed since; empty until the run is done. */
  topLabels: z.array(z.string()),
});
export type ClusterRunListItem = z.infer<typeof ClusterRunListItemSchema>;

export const ClusterRunPageSchema = pageOf(ClusterRunListItemSchema);
export const ClusterMemberPageSchema = pageOf(ClusterMemberSchema);
export const ListClusterMembersQuerySchema = PageQuerySchema;

const MemberIdsSchema = z.array(IdSchema).min(1, 'Choose at least one member').max(EVIDENCE_LINKS_MAX);

export const UpdateClusterBodySchema = z
  .object({
    label: z.string().trim().min(1, 'Enter a label').max(CLUSTER_LABEL_MAX_LENGTH, tooLongMessage(CLUSTER_LABEL_MAX_LENGTH)).optional(),
    /** Highlights (or sources, for a `sources` run) to put in this cluster; ones in another cluster of the run move here. */
    addMemberIds: MemberIdsSchema.optional(),
    /** Members to take out of this cluster; they stay in the run in no cluster, and moved back they get their score back. */
    removeMemberIds: MemberIdsSchema.optional(),
  })
  .strict();
export type UpdateClusterBody = z.infer<typeof UpdateClusterBodySchema>;

const NEW_INSIGHT_FIELDS = ['title', 'type', 'parentId'] as const;

/**
 * Either a new insight (`title`, `type`, `parentId`, all optional) or an existing one to add the
 * members to (`insightId`, which keeps its own title, type and place): not both.
 */
export const PromoteClusterBodySchema = z
  .object({
    /** The insight's title; the cluster's label when left out. */
    title: z.string().trim().min(1, 'Enter a title').max(INSIGHT_TITLE_MAX_LENGTH, tooLongMessage(INSIGHT_TITLE_MAX_LENGTH)).optional(),
    /** A problem when left out. */
    type: z.enum(INSIGHT_TYPES).optional(),
    /** An opportunity's problem or a solution's opportunity, as when creating an insight. */
    parentId: IdSchema.optional(),
    /** An insight outside the trash to add the members to as evidence, instead of making a new one. */
    insightId: IdSchema.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if (!body.insightId) return;
    for (const field of NEW_INSIGHT_FIELDS) {
      if (body[field] !== undefined) context.addIssue({ code: 'custom', path: [field], message: 'Leave this out when adding to an existing insight: it keeps its own' });
    }
  });
export type PromoteClusterBody = z.input<typeof PromoteClusterBodySchema>;
