import { z } from 'zod';
import { DATE_ORDERS, IMPORT_FORMATS, IMPORT_STATUSES, type ImportFormat } from '../enums.js';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, SOURCE_BODY_MAX_LENGTH, SOURCE_TITLE_MAX_LENGTH, TAG_NAME_MAX_LENGTH } from '../limits.js';
import { EmailSchema, PersonNameSchema } from './accounts.js';
import { DateOrTimestampSchema, IdSchema, TimestampSchema, tooLongMessage } from './common.js';
import { ExternalIdSchema } from './customers.js';
import { ScoreScaleSchema } from './score-scales.js';
import { SourceKindSchema } from './sources.js';

export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);

// --- column mappings (the importers, the preview and the wizard all use these) ---

const ColumnSchema = z.string().trim().min(1, 'Choose a column');

/** Cairn's ticket fields → the CSV's column names. Strict, so a misspelt field is an error, not ignored. */
export const TicketsCsvMappingSchema = z.strictObject({
  externalId: ColumnSchema.optional(),
  subject: ColumnSchema.optional(),
  body: ColumnSchema,
  requesterEmail: ColumnSchema.optional(),
  requesterName: ColumnSchema.optional(),
  company: ColumnSchema.optional(),
  createdAt: ColumnSchema.optional(),
  priority: ColumnSchema.optional(),
  status: ColumnSchema.optional(),
  /** Where the ticket came in (email, chat, phone…). */
  channel: ColumnSchema.optional(),
  /** A column of comma- or semicolon-separated helpdesk tag names: kept on the ticket, not added to the codebook. */
  tags: ColumnSchema.optional(),
});
export type TicketsCsvMapping = z.infer<typeof TicketsCsvMappingSchema>;
export type TicketsCsvField = keyof TicketsCsvMapping;

/** Survey fields → column names; each question column's non-empty answers become sources. */
export const SurveyCsvMappingSchema = z.strictObject({
  respondentId: ColumnSchema.optional(),
  respondentEmail: ColumnSchema.optional(),
  submittedAt: ColumnSchema.optional(),
  score: ColumnSchema.optional(),
  questions: z.array(ColumnSchema).min(1, 'Choose at least one question column'),
});
export type SurveyCsvMapping = z.infer<typeof SurveyCsvMappingSchema>;

export const ImportMappingSchema = z.union([TicketsCsvMappingSchema, SurveyCsvMappingSchema]);
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** What the preview suggests: possibly incomplete (no column looked like the body). */
export const SuggestedMappingSchema = z.union([TicketsCsvMappingSchema.partial(), SurveyCsvMappingSchema.partial()]);
export type SuggestedMapping = z.infer<typeof SuggestedMappingSchema>;

// --- upload options ---

/** Who a transcript is with: matched by email like any imported customer, or created. */
export const ImportCustomerOptionSchema = z.strictObject({
  email: EmailSchema.optional(),
  name: PersonNameSchema.optional(),
  company: z.string().trim().min(1, "Enter the company's name").max(NAME_MAX_LENGTH, tooLongMessage(NAME_MAX_LENGTH)).optional(),
});

const ImportOptionsBaseSchema = z.strictObject({
  /** Replace emails, phone, card and IBAN numbers and IP addresses with `[email]`, `[phone]`, `[card]`, `[iban]`, `[ip]` before storing, and latitude/longitude fields with `[location]`. */
  redactPii: z.boolean().optional(),
  /**
   * For sources whose row has no date of its own, and a transcript's date (its files rarely carry
   * one); a day means its start, in UTC. Without it such sources are dated at the import, except
   * a .docx transcript whose document properties give a date (created, else last saved).
   */
  occurredAt: DateOrTimestampSchema.optional(),
  /** Transcript only. */
  title: z.string().trim().min(1, 'Enter a title').max(SOURCE_TITLE_MAX_LENGTH, tooLongMessage(SOURCE_TITLE_MAX_LENGTH)).optional(),
  customer: ImportCustomerOptionSchema.optional(),
  /** Transcript only: this speaker's turns are kept but marked, so clustering and search can leave them out. */
  interviewer: PersonNameSchema.optional(),
  /**
   * CSV only: how the date column's slashed dates that read both ways (`03/04/2026`) are read.
   * Without it, the order the file's first rows prove; with neither, such dates are rejected.
   */
  dateOrder: z.enum(DATE_ORDERS).optional(),
});

/**
 * Survey CSV only: the scale of the mapping's `score` column. Without it, the one the question
 * states ("(1-5)") or the first rows' numbers show (see the preview's `scoreScales`). A numeric
 * score off the scale rejects its row.
 */
const ScoreScaleOptionSchema = ScoreScaleSchema.optional();

/** The `options` field of an upload (JSON), whatever the format. */
export const ImportOptionsSchema = ImportOptionsBaseSchema.extend({ mapping: ImportMappingSchema.optional(), scoreScale: ScoreScaleOptionSchema });
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

/** The options one format accepts: its own mapping shape, so that errors name the mapping's fields. */
export function importOptionsSchemaFor(format: ImportFormat) {
  if (format === 'tickets-csv') return ImportOptionsBaseSchema.extend({ mapping: TicketsCsvMappingSchema.optional() });
  if (format === 'survey-csv') return ImportOptionsBaseSchema.extend({ mapping: SurveyCsvMappingSchema.optional(), scoreScale: ScoreScaleOptionSchema });
  return ImportOptionsBaseSchema;
}

// --- imports ---

/** `unchanged` rows were already there, identical (a re-import); `total` counts every row read, rejected ones included. */
export const ImportCountsSchema = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

/** A rejected row, or a part of a file that was skipped (a malformed transcript cue), by its line. */
export const ImportErrorSchema = z.object({ line: z.number().int(), message: z.string() });
export type ImportError = z.infer<typeof ImportErrorSchema>;

/** How many rejections an import carries inline; all of them are in rejected.csv. */
export const IMPORT_ERRORS_SHOWN = 100;

export const ImportSummarySchema = z.object({
  id: IdSchema,
  format: ImportFormatSchema,
  fileName: z.string(),
  status: ImportStatusSchema,
  /** Share of the file read so far, 0..1. */
  progress: z.number().min(0).max(1),
  counts: ImportCountsSchema,
  /**
   * Parts of a file skipped while the rest imported (a transcript's malformed cues): listed with
   * the rejected rows in `errors` and rejected.csv, but not rows, so not in `counts`.
   */
  skipped: z.number().int(),
  redactPii: z.boolean(),
  /** PII matches replaced, when `redactPii` was asked for. */
  redacted: z.number().int(),
  /** Why the whole import failed (a broken file, an interruption); null otherwise. */
  failure: z.string().nullable(),
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  /** A survey import's score scale, chosen or inferred once the import starts; null for other formats, a survey without numeric scores, or one imported before scales were kept. */
  scoreScale: ScoreScaleSchema.nullable(),
  /** One of the sample data's files, loaded by `createdBy`; removing the sample data removes it from the history. */
  sample: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** How many earlier imports an import names as where its unchanged sources are (`Import.unchangedFrom`). */
export const IMPORT_UNCHANGED_FROM_SHOWN = 10;

/** An earlier import that last wrote some of the sources an import left unchanged: where those sources are listed. */
export const EarlierImportSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  createdAt: TimestampSchema,
  /** Null while that import still runs. */
  finishedAt: TimestampSchema.nullable(),
  /** The unchanged sources it had last written when this import ran. */
  count: z.number().int(),
});
export type EarlierImport = z.infer<typeof EarlierImportSchema>;

export const ImportSchema = ImportSummarySchema.extend({
  /** The first IMPORT_ERRORS_SHOWN rejections, by line. */
  errors: z.array(ImportErrorSchema),
  errorsTotal: z.number().int(),
  /**
   * An unchanged source keeps the import that last wrote it: those earlier imports, most
   * unchanged sources first, at most IMPORT_UNCHANGED_FROM_SHOWN. Sources last written by the
   * API or by an import since deleted, and imports that ran before this was kept, name none.
   */
  unchangedFrom: z.array(EarlierImportSchema),
});
export type Import = z.infer<typeof ImportSchema>;

/**
 * The scores of a survey import's live answers, counted by respondent (answers with the same
 * respondent id are one respondent; without an id, each answer counts). Respondents who left
 * every question blank have no answer in Cairn, so they are not counted.
 */
export const ImportScoresSchema = z.object({
  /** The import's score scale (`ImportSummary.scoreScale`). */
  scale: ScoreScaleSchema.nullable(),
  /** Respondents per numeric score, lowest first; scores nobody gave are left out. */
  distribution: z.array(z.object({ score: z.number(), count: z.number().int() })),
  /** Respondents whose score is a label ("Very satisfied") rather than a number. */
  labelled: z.number().int(),
  /** The mean numeric score of the respondents, to two decimals; null without one. */
  average: z.number().nullable(),
  /**
   * % promoters − % detractors (NPS_GROUPS), to one decimal, of the respondents who gave a
   * number, when the scale is NPS. Without a scale (imported before scales were kept): when
   * every score is a whole number 0–10 and some score is above 5. Null otherwise.
   */
  nps: z.number().min(-100).max(100).nullable(),
  /**
   * On a rating scale, % of the respondents who gave a number whose score is in the scale's
   * high third (`scoreGroupsOf`: 4–5 on 1–5, a satisfaction question's CSAT; 6–7 on 1–7), to one
   * decimal; null otherwise.
   */
  csat: z.number().min(0).max(100).nullable(),
});
export type ImportScores = z.infer<typeof ImportScoresSchema>;

export const ImportStartedSchema = z.object({ id: IdSchema, status: ImportStatusSchema });
export type ImportStarted = z.infer<typeof ImportStartedSchema>;

// --- preview ---

/** Characters of a previewed body and of a previewed turn. */
export const PREVIEW_TEXT_LENGTH = 500;
/** Speaker turns shown in a transcript preview. */
export const PREVIEW_TURNS = 12;

export const ImportPreviewSourceSchema = z.object({
  line: z.number().int(),
  kind: SourceKindSchema,
  title: z.string(),
  /** The start of the body. */
  body: z.string(),
  /** A transcript's: the options' date, else a .docx's own (its document properties' creation date, or last-saved). */
  occurredAt: TimestampSchema.nullable(),
  externalId: z.string().nullable(),
  customer: z.object({ email: z.string().nullable(), name: z.string().nullable(), company: z.string().nullable() }).nullable(),
  /** The first speaker turns of a transcript. */
  turns: z.array(z.object({ speaker: z.string(), startMs: z.number().int().nullable(), text: z.string(), interviewer: z.boolean() })),
  turnCount: z.number().int(),
  /** Everyone who speaks in the whole transcript, not only in the first turns, in the order they first speak: who the interviewer may be. */
  speakers: z.array(z.string()),
});
export type ImportPreviewSource = z.infer<typeof ImportPreviewSourceSchema>;

/** One of the first rows of a CSV as the import would read it: what it would create, or why it would be rejected. */
export const ImportRowCheckSchema = z.object({
  line: z.number().int(),
  /** A ticket, or a respondent's answers; none when rejected, or for a respondent who answered no question column. */
  sources: z.array(ImportPreviewSourceSchema),
  /** The rejection, in the words the import's report would use; null when the row would import. */
  error: z.string().nullable(),
});
export type ImportRowCheck = z.infer<typeof ImportRowCheckSchema>;

/** The first rows (the preview's `rows`, and any unreadable among them) run through a mapping with the import's own row rules. */
export const MappingCheckSchema = z.object({
  /** The mapping checked: the options' one, else the suggestion. */
  mapping: ImportMappingSchema,
  rows: z.array(ImportRowCheckSchema),
});
export type MappingCheck = z.infer<typeof MappingCheckSchema>;

/**
 * CSV formats: the columns (and Qualtrics question texts as `labels`), the first rows and a
 * suggested mapping, and those rows checked under the options' mapping (else the suggested one). Transcripts and vendor JSON: the first sources as they would be imported.
 */
export const ImportPreviewSchema = z.object({
  format: ImportFormatSchema,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  columns: z.array(z.string()),
  labels: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.string())),
  suggestedMapping: SuggestedMappingSchema.nullable(),
  /**
   * CSV formats: the day/month order of each column with slashed dates (`06/22/2026`), as the
   * first rows prove it; `unknown` when they all read both ways. Columns without such dates are left out.
   */
  dateOrders: z.record(z.string(), z.enum([...DATE_ORDERS, 'unknown'])),
  /**
   * Survey CSV: the scale of each column with numbers, as an import without a chosen
   * `scoreScale` infers it for its score column (from the question's words and the same first rows).
   */
  scoreScales: z.record(z.string(), ScoreScaleSchema),
  sources: z.array(ImportPreviewSourceSchema),
  errors: z.array(ImportErrorSchema),
  /** CSV formats: null when no mapping was given and the suggested one is incomplete (no ticket text, no question column). */
  mappingCheck: MappingCheckSchema.nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

// --- the ticket webhook ---

/** Tickets per webhook call; bigger backfills go through a file import. */
export const INTEGRATION_TICKETS_MAX = 1_000;
// A body of only spaces or control characters is empty once normalized.
const VISIBLE_CHARACTER = /[^\s\u0000-\u001F\u007F-\u009F]/;

/** The integration webhook's ticket (POST …/integrations/tickets): any helpdesk can send it. */
export const GenericTicketSchema = z.object({
  externalId: ExternalIdSchema,
  subject: z.string().max(SOURCE_TITLE_MAX_LENGTH),
  body: z
    .string()
    .max(SOURCE_BODY_MAX_LENGTH)
    .refine((body) => VISIBLE_CHARACTER.test(body), 'The body is empty'),
  requester: z.object({
    email: z.email().max(EMAIL_MAX_LENGTH),
    name: z.string().max(NAME_MAX_LENGTH).nullish(),
  }),
  createdAt: z.iso.datetime({ offset: true }),
  priority: z.string().max(NAME_MAX_LENGTH).nullish(),
  status: z.string().max(NAME_MAX_LENGTH).nullish(),
  tags: z.array(z.string().trim().min(1).max(TAG_NAME_MAX_LENGTH)).optional(),
});
export type GenericTicket = z.infer<typeof GenericTicketSchema>;

/**
 * One ticket or `{ tickets: [...] }`. A single ticket is read as a list of one, so every
 * problem is reported the same way: `tickets.3.requester.email`.
 */
export const IntegrationTicketsBodySchema = z.preprocess(
  (body) => (typeof body === 'object' && body !== null && !Array.isArray(body) && !('tickets' in body) ? { tickets: [body] } : body),
  z.strictObject({ tickets: z.array(GenericTicketSchema).min(1).max(INTEGRATION_TICKETS_MAX) }),
);
export type IntegrationTicketsBody = z.infer<typeof IntegrationTicketsBodySchema>;

export const SourceWriteCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type SourceWriteCounts = z.infer<typeof SourceWriteCountsSchema>;

export const IntegrationTicketsResultSchema = SourceWriteCountsSchema.extend({ accepted: z.number().int() });
export type IntegrationTicketsResult = z.infer<typeof IntegrationTicketsResultSchema>;

// --- sample data ---

export const SampleDataResultSchema = z.object({
  /** One import per sample file, so the history shows where the sample came from. */
  imports: z.array(ImportSummarySchema),
  sources: SourceWriteCountsSchema,
  /** What this load added to the codebook and the evidence (0 when loaded before). */
  tagsCreated: z.number().int(),
  highlightsCreated: z.number().int(),
});
export type SampleDataResult = z.infer<typeof SampleDataResultSchema>;
