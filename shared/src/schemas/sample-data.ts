import { z } from 'zod';
import { countOf, listOf } from '../words.js';

/*
 * The sample data (server/src/sample/sample.json): what loading it adds, what removing it
 * deletes, and what stays because the workspace's own work uses it. Loading it answers with
 * `SampleDataResultSchema` (imports.ts).
 */

const CountSchema = z.number().int().min(0);

/** The sample's rows, counted: what loading it adds to an empty workspace, or what removing it deletes. */
export const SampleDataCountsSchema = z.object({
  interviews: CountSchema,
  tickets: CountSchema,
  surveyAnswers: CountSchema,
  /** On the sample's sources, whoever made them. */
  highlights: CountSchema,
  customers: CountSchema,
  companies: CountSchema,
  tags: CountSchema,
  /** Problems and the opportunity under one. */
  insights: CountSchema,
  backlogItems: CountSchema,
  /** Entries of the import history, one per sample file loaded. */
  imports: CountSchema,
});
export type SampleDataCounts = z.infer<typeof SampleDataCountsSchema>;

/** The sample's tags, problems, backlog items, customers and companies that removing it leaves, because the workspace's own evidence uses them. */
export const SampleDataKeptSchema = z.object({ tags: CountSchema, insights: CountSchema, backlogItems: CountSchema, customers: CountSchema, companies: CountSchema });
export type SampleDataKept = z.infer<typeof SampleDataKeptSchema>;

export const SampleDataStatusSchema = z.object({
  /** Some of the sample is in the workspace: removing it would delete something. */
  loaded: z.boolean(),
  /** What loading the sample adds to an empty workspace. */
  contents: SampleDataCountsSchema,
  /** What removing it would delete now, in the trash or not. */
  removable: SampleDataCountsSchema,
  kept: SampleDataKeptSchema,
});
export type SampleDataStatus = z.infer<typeof SampleDataStatusSchema>;

export const SampleDataRemovalSchema = z.object({ removed: SampleDataCountsSchema, kept: SampleDataKeptSchema });
export type SampleDataRemoval = z.infer<typeof SampleDataRemovalSchema>;

/** `4 interviews, 308 support tickets, …, and 2 backlog items`, leaving out what is none (and the import history). */
export function describeSampleCounts(counts: Partial<SampleDataCounts>): string {
  const parts = [
    counts.interviews && countOf(counts.interviews, 'interview'),
    counts.tickets && countOf(counts.tickets, 'support ticket'),
    counts.surveyAnswers && countOf(counts.surveyAnswers, 'survey answer'),
    counts.highlights && countOf(counts.highlights, 'highlight'),
    counts.customers && countOf(counts.customers, 'customer'),
    counts.companies && countOf(counts.companies, 'company', 'companies'),
    counts.tags && countOf(counts.tags, 'tag'),
    counts.insights && countOf(counts.insights, 'problem or opportunity', 'problems and opportunities'),
    counts.backlogItems && countOf(counts.backlogItems, 'backlog item'),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? listOf(parts) : 'nothing';
}
