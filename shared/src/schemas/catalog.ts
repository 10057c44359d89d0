import { z } from 'zod';
import { IdSchema } from './common.js';
import { CompanySchema } from './customers.js';
import { TagSchema } from './highlights.js';
import { BacklogItemRefSchema, InsightRefSchema } from './insights.js';

/**
 * The names of everything in a workspace, as the browser indexes them for instant search
 * (command palette, pickers). Names of things only — what customers said is searched on the
 * server (`/search`).
 */
export const CatalogCustomerSchema = z.object({
  id: IdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Names a customer known by nothing else (`customerName` in the SPA). */
  externalId: z.string().nullable(),
  /** The company's name. */
  company: z.string().nullable(),
});
export type CatalogCustomer = z.infer<typeof CatalogCustomerSchema>;

/** A company by its name, with what tells two apart at a glance: its segment and size. */
export const CatalogCompanySchema = CompanySchema.pick({ id: true, name: true, segment: true }).extend({
  /** How many of the workspace's customers it has. */
  customers: z.number().int(),
  /** Its other names, A to Z (names before a rename, companies merged into it): it is found by them too. */
  aliases: z.array(z.string()),
});
export type CatalogCompany = z.infer<typeof CatalogCompanySchema>;

export const CatalogInsightSchema = InsightRefSchema;
export type CatalogInsight = z.infer<typeof CatalogInsightSchema>;

export const CatalogBacklogItemSchema = BacklogItemRefSchema;
export type CatalogBacklogItem = z.infer<typeof CatalogBacklogItemSchema>;

export const CatalogSchema = z.object({
  tags: z.array(TagSchema),
  customers: z.array(CatalogCustomerSchema),
  companies: z.array(CatalogCompanySchema),
  insights: z.array(CatalogInsightSchema),
  backlogItems: z.array(CatalogBacklogItemSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;
