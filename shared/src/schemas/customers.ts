import { z } from 'zod';
import { SOURCE_KINDS } from '../enums.js';
import { NAME_MAX_LENGTH } from '../limits.js';
import { listOf } from '../words.js';
import { EmailSchema, PersonNameSchema } from './accounts.js';
import { IdSchema, PageQuerySchema, TimestampSchema, tooLongMessage } from './common.js';

/** Ids from another system (a CRM contact id, a ticket number); long enough for URLs and GUIDs. */
export const EXTERNAL_ID_MAX_LENGTH = 200;
export const COMPANY_FIELD_MAX_LENGTH = 100;
/** The longest `q` the customer and company lists take. */
export const CUSTOMER_QUERY_MAX_LENGTH = 200;

export const ExternalIdSchema = z.string().trim().min(1, 'Enter an external id').max(EXTERNAL_ID_MAX_LENGTH, tooLongMessage(EXTERNAL_ID_MAX_LENGTH));

/** A company's own fields: imports fill them in, a person may set them by hand. */
export const COMPANY_FIELDS = ['segment', 'plan', 'annualRevenue'] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];
const COMPANY_FIELD_WORDS: Record<CompanyField, string> = { segment: 'segment', plan: 'plan', annualRevenue: 'annual revenue' };
/** `segment and annual revenue`: company fields in the words the API's messages and the SPA use. */
export const companyFieldsInWords = (fields: CompanyField[]) => listOf(fields.map((field) => COMPANY_FIELD_WORDS[field]));
const CompanyFieldNameSchema = z.enum(COMPANY_FIELDS);

export const CompanySchema = z.object({
  id: IdSchema,
  name: z.string(),
  segment: z.string().nullable(),
  plan: z.string().nullable(),
  /** Whole currency units per year; weights evidence. */
  annualRevenue: z.number().int().nullable(),
  /** Fields a person set or cleared (`PATCH …/customers/:id` with `company`): imports naming the company leave them as they are. */
  fieldsSetByHand: z.array(CompanyFieldNameSchema),
  createdAt: TimestampSchema,
});
export type Company = z.infer<typeof CompanySchema>;

export const CustomerSchema = z.object({
  id: IdSchema,
  email: z.string().nullable(),
  name: z.string().nullable(),
  externalId: z.string().nullable(),
  company: CompanySchema.nullable(),
  /** A person set, changed or cleared the company (`PATCH` with `company`): imports and guesses from the email's domain leave it as it is. */
  companySetByHand: z.boolean(),
  createdAt: TimestampSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

/** The short form of a customer that sources and search results carry. */
export const CustomerRefSchema = z.object({
  id: IdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The id the helpdesk or CRM knows them by: all there is to name a requester imported without name or email. */
  externalId: z.string().nullable(),
  company: z.object({ id: IdSchema, name: z.string(), segment: z.string().nullable() }).nullable(),
});
export type CustomerRef = z.infer<typeof CustomerRefSchema>;

/** What a customer said, counted: sources and highlights outside the trash. */
export const EvidenceCountsSchema = z.object({
  sources: z.number().int(),
  highlights: z.number().int(),
  sourcesByKind: z.record(z.enum(SOURCE_KINDS), z.number().int()),
});
export type EvidenceCounts = z.infer<typeof EvidenceCountsSchema>;

/**
 * A customer with their evidence counts: the profile, and each item of the customer list.
 * `deletedCompanyDomain`: for a customer without a company, their email's domain when it was a
 * deleted company's (ADR 011), which therefore gives them none, with that company's name.
 */
export const CustomerDetailSchema = CustomerSchema.extend({
  evidence: EvidenceCountsSchema,
  deletedCompanyDomain: z.object({ domain: z.string(), companyName: z.string() }).nullable(),
});
export type CustomerDetail = z.infer<typeof CustomerDetailSchema>;

const CompanyFieldSchema = z.string().trim().min(1, 'Enter a value').max(COMPANY_FIELD_MAX_LENGTH, tooLongMessage(COMPANY_FIELD_MAX_LENGTH));

/** A company's name: unique per workspace, ignoring case. */
export const CompanyNameSchema = z.string().trim().min(1, "Enter the company's name").max(NAME_MAX_LENGTH, tooLongMessage(NAME_MAX_LENGTH));

export const CompanyInputSchema = z.object({
  name: CompanyNameSchema,
  segment: CompanyFieldSchema.nullish(),
  plan: CompanyFieldSchema.nullish(),
  annualRevenue: z.number().int('Use a whole number').min(0, 'Use 0 or more').max(Number.MAX_SAFE_INTEGER, 'Use a smaller number').nullish(),
});
export type CompanyInput = z.infer<typeof CompanyInputSchema>;

/** Matched by email (case-insensitive), then external id; created when neither matches. */
export const CreateCustomerBodySchema = z
  .object({
    email: EmailSchema.optional(),
    name: PersonNameSchema.optional(),
    externalId: ExternalIdSchema.optional(),
    company: CompanyInputSchema.optional(),
  })
  .refine((customer) => customer.email || customer.name || customer.externalId, {
    message: 'Give at least an email, a name or an external id',
    path: ['email'],
  });
export type CreateCustomerBody = z.infer<typeof CreateCustomerBodySchema>;

/**
 * `null` clears a field; a company is matched by name (case-insensitive) or created, and the
 * company fields given are set by hand. Naming `company` marks it set by hand, unless
 * `companySetByHand` says otherwise: `false` lets imports and email domains set it again.
 */
export const UpdateCustomerBodySchema = z
  .object({
    email: EmailSchema.nullable(),
    name: PersonNameSchema.nullable(),
    externalId: ExternalIdSchema.nullable(),
    company: CompanyInputSchema.nullable(),
    companySetByHand: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateCustomerBody = z.infer<typeof UpdateCustomerBodySchema>;

/**
 * Edits a company, each key optional. `name` renames it: its old name becomes one of its
 * `aliases`, so that imports naming it keep putting people here; a name another company has is a
 * 409 (merge into that one instead). `fieldsSetByHand`: exactly the fields imports leave alone from
 * now on; fewer lets imports naming the company fill the others in again. `aliases`: the aliases it
 * keeps, some of those it has; imports naming one it lets go create a company of that name again.
 */
export const UpdateCompanyBodySchema = z
  .object({
    name: CompanyNameSchema,
    fieldsSetByHand: z.array(CompanyFieldNameSchema),
    aliases: z.array(CompanyNameSchema),
  })
  .partial()
  .strict();
export type UpdateCompanyBody = z.infer<typeof UpdateCompanyBodySchema>;

export const CUSTOMER_SORTS = ['name', 'evidence', 'recent'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const ListCustomersQuerySchema = PageQuerySchema.extend({
  /** Part of the name, email, external id or company name. */
  q: z.string().trim().max(CUSTOMER_QUERY_MAX_LENGTH).optional(),
  companyId: IdSchema.optional(),
  /**
   * `name` (the default) A to Z; `evidence` most highlights first; `recent` the one whose latest
   * source occurred most recently first, those without a source last; ties by name.
   */
  sort: z.enum(CUSTOMER_SORTS).default('name'),
});
export type ListCustomersQuery = z.infer<typeof ListCustomersQuerySchema>;

/** Fill in companies from email domains: `dryRun` only counts what a fill would do. */
export const FillCompaniesFromEmailsBodySchema = z.object({ dryRun: z.boolean().default(false) }).strict();
export type FillCompaniesFromEmailsBody = z.infer<typeof FillCompaniesFromEmailsBodySchema>;

export const FillCompaniesFromEmailsResultSchema = z.object({
  dryRun: z.boolean(),
  /** Customers with a work email and no company, given (or, on a dry run, to be given) the company of their email's domain. */
  customers: z.number().int(),
  /** The distinct companies they are put at, and how many of those are new. */
  companies: z.number().int(),
  newCompanies: z.number().int(),
});
export type FillCompaniesFromEmailsResult = z.infer<typeof FillCompaniesFromEmailsResultSchema>;
