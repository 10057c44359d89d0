import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema } from './common.js';
import { CompanySchema, CUSTOMER_QUERY_MAX_LENGTH, EvidenceCountsSchema } from './customers.js';
import { BacklogItemRefSchema, InsightRefSchema } from './insights.js';

/*
 * Company pages: a company with what its customers said, counted, and what that evidence backs.
 * The company's own fields and the edit of their marks are in customers.ts, where imports set them.
 */

export const COMPANY_SORTS = ['name', 'evidence'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

export const ListCompaniesQuerySchema = PageQuerySchema.extend({
  /** Part of the name, or of the email domain of one of its customers. */
  q: z.string().trim().max(CUSTOMER_QUERY_MAX_LENGTH).optional(),
  /** `name` (the default) A to Z; `evidence` most highlights first, then by name. */
  sort: z.enum(COMPANY_SORTS).default('name'),
});
export type ListCompaniesQuery = z.infer<typeof ListCompaniesQuerySchema>;

/** A company with its customers counted and their evidence summed: the list's items. */
export const CompanyListItemSchema = CompanySchema.extend({
  customers: z.number().int(),
  evidence: EvidenceCountsSchema,
});
export type CompanyListItem = z.infer<typeof CompanyListItemSchema>;

/** Insights and backlog items a company page lists, each: the ones its customers' evidence backs most. */
export const COMPANY_BACKED_MAX = 50;

/** How many of the company's highlights are evidence of it. */
const backedBy = { highlights: z.number().int() };

export const CompanyBackedInsightSchema = InsightRefSchema.extend(backedBy);
export type CompanyBackedInsight = z.infer<typeof CompanyBackedInsightSchema>;
export const CompanyBackedBacklogItemSchema = BacklogItemRefSchema.extend(backedBy);
export type CompanyBackedBacklogItem = z.infer<typeof CompanyBackedBacklogItemSchema>;

/**
 * One company's page: what this account cares about. `insights` are those outside the trash
 * its highlights are evidence of; `backlogItems` those its highlights back, linked to the item
 * or to one of its insights (the evidence the item's score counts). Most highlights first, at
 * most `COMPANY_BACKED_MAX` of each; the totals say how many there are in all.
 */
export const CompanyDetailSchema = CompanyListItemSchema.extend({
  /** Other names that lead here (its names before a rename, and those of companies merged into it), A to Z: imports naming one put people at this company. */
  aliases: z.array(z.string()),
  /**
   * Its names (own and aliases) that are a work email's domain, lower-case: new people writing
   * from one are put here. Deleting the company remembers them, and they then give no company.
   */
  emailDomains: z.array(z.string()),
  insights: z.array(CompanyBackedInsightSchema),
  insightTotal: z.number().int(),
  backlogItems: z.array(CompanyBackedBacklogItemSchema),
  backlogItemTotal: z.number().int(),
});
export type CompanyDetail = z.infer<typeof CompanyDetailSchema>;

/**
 * Merges this company into another, the one kept: its customers move there with what they said,
 * the kept one fills its empty fields from it, takes its name and aliases as aliases, and this one
 * is deleted.
 */
export const MergeCompanyBodySchema = z.object({ intoCompanyId: IdSchema }).strict();
export type MergeCompanyBody = z.infer<typeof MergeCompanyBodySchema>;

/**
 * An email domain of a deleted company (ADR 011): new customers whose work email is there get no
 * company from it. `heldBy` is a company that goes by the domain again (its name or an alias):
 * people there are put at it, and the domain waits, unused, while it does.
 */
export const DeletedCompanyDomainSchema = z.object({
  id: IdSchema,
  domain: z.string(),
  /** The company deleted (the later one, when a domain was deleted twice). */
  companyName: z.string(),
  deletedAt: TimestampSchema,
  heldBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type DeletedCompanyDomain = z.infer<typeof DeletedCompanyDomainSchema>;

/** Every remembered domain of the workspace, most recently deleted first: one per company name that was a domain, so a short list. */
export const DeletedCompanyDomainListSchema = z.object({ items: z.array(DeletedCompanyDomainSchema) });
export type DeletedCompanyDomainList = z.infer<typeof DeletedCompanyDomainListSchema>;
