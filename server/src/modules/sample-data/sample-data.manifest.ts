import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompanyInputSchema, CreateBacklogItemBodySchema, CreateInsightBodySchema, CreateTagBodySchema, ImportFormatSchema, ImportOptionsSchema, type SampleDataCounts, type SourceKind } from '@cairn/shared';
import { importFile } from '../../importers/index.js';
import { toImporterOptions } from '../imports/imports.runner.js';

/** server/src/sample in the source tree, server/dist/sample in a build (the build script copies it). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));

/** Sample highlights by their quote (interview passages) or by the intent of the tickets highlighted whole. */
const EvidenceRefsSchema = z.object({ quotes: z.array(z.string()).default([]), ticketIntents: z.array(z.string()).default([]) });
export type EvidenceRefs = z.infer<typeof EvidenceRefsSchema>;

/** sample.json: the customers and companies first, then each file with the options it is imported with. */
const ManifestSchema = z.object({
  customers: z.array(z.object({ email: z.email(), name: z.string(), company: CompanyInputSchema })),
  files: z.array(z.object({ file: z.string(), format: ImportFormatSchema, options: ImportOptionsSchema })),
  /** A small codebook, so the Tags page, triage and tag facets have something to show. */
  tags: z.array(CreateTagBodySchema),
  /** Passages of the interviews worth quoting, found by their exact text. */
  highlights: z.array(z.object({ source: z.string(), quote: z.string().min(1), tags: z.array(z.string()), note: z.string().optional() })),
  /** Problems (an opportunity under one, by its title) and backlog items backed by the sample's highlights, so the Problems and Backlog pages are not empty. */
  insights: z.array(CreateInsightBodySchema.omit({ parentId: true }).extend({ parent: z.string().optional(), evidence: EvidenceRefsSchema })),
  backlogItems: z.array(CreateBacklogItemBodySchema.extend({ insights: z.array(z.string()).default([]), evidence: EvidenceRefsSchema })),
  /** Some tickets arrive tagged by their BANKING77 intent; the others wait in the triage queue. */
  ticketTagging: z.object({ every: z.number().int().positive(), rules: z.array(z.object({ intentContains: z.string(), tag: z.string() })) }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function readManifest(): Manifest {
  return ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')));
}

/** A ticket's BANKING77 intent: the first of its helpdesk tags. */
export function intentOf(tags: unknown): string {
  return String((Array.isArray(tags) ? tags[0] : undefined) ?? '');
}

/** The tag the `index`-th sample ticket (by id) arrives with, if any: every `every`-th one whose intent a rule knows. */
export function ticketTagOf(tagging: Manifest['ticketTagging'], intent: string, index: number): string | null {
  if (index % tagging.every !== 0) return null;
  return tagging.rules.find((rule) => intent.includes(rule.intentContains))?.tag ?? null;
}

/** What sets the sample's rows apart from anyone else's, and what loading it adds. */
export type SampleContents = {
  manifest: Manifest;
  /**
   * Every sample source by the identity its import gives it (importers/source-identity.ts): kind
   * and external id, and a sample interview also by the id it had before transcripts were known by
   * their text alone, as a workspace that loaded the sample then still holds it.
   */
  sources: Array<{ kind: SourceKind; externalId: string }>;
  /** Lower-case: customers are matched by email (every sample customer has one), companies by name. */
  customerEmails: string[];
  companyNames: string[];
  counts: SampleDataCounts;
};

let contents: Promise<SampleContents> | undefined;

/**
 * The sample files read through the importers, as loading reads them, once per process (they
 * ship with the build and never change): the sources' identities are what tells the sample's
 * rows from the workspace's own.
 */
export function readSampleContents(): Promise<SampleContents> {
  contents ??= parseSample().catch((error: unknown) => {
    contents = undefined;
    throw error;
  });
  return contents;
}

async function parseSample(): Promise<SampleContents> {
  const manifest = readManifest();
  const sources: Array<{ kind: SourceKind; externalId: string; formerExternalIds: string[]; intent: string }> = [];
  const emails = new Set(manifest.customers.map((customer) => customer.email.toLowerCase()));
  const companies = new Set(manifest.customers.map((customer) => customer.company.name.toLowerCase()));
  for (const entry of manifest.files) {
    const bytes = fs.createReadStream(path.join(SAMPLE_DIR, entry.file));
    for await (const row of importFile(entry.format, entry.file, bytes, toImporterOptions(entry.options))) {
      if (!('sources' in row)) throw new Error(`Sample file ${entry.file} has a row that does not import (line ${row.line}): ${row.error}`);
      for (const source of row.sources) {
        if (!source.externalId) throw new Error(`Sample file ${entry.file} has a source without an identity (line ${row.line})`);
        sources.push({ kind: source.kind, externalId: source.externalId, formerExternalIds: source.formerExternalIds ?? [], intent: intentOf(source.tags) });
        if (source.customer?.email) emails.add(source.customer.email.toLowerCase());
        if (source.customer?.company) companies.add(source.customer.company.name.toLowerCase());
      }
    }
  }
  const ofKind = (kind: SourceKind) => sources.filter((source) => source.kind === kind);
  // Ordered as loading finds them (by external id): which tickets arrive tagged depends on it.
  const tickets = ofKind('ticket').sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  const taggedTickets = tickets.filter((ticket, index) => ticketTagOf(manifest.ticketTagging, ticket.intent, index) !== null).length;
  return {
    manifest,
    sources: sources.flatMap(({ kind, externalId, formerExternalIds }) => [externalId, ...formerExternalIds].map((id) => ({ kind, externalId: id }))),
    customerEmails: [...emails],
    companyNames: [...companies],
    counts: {
      interviews: ofKind('interview').length,
      tickets: tickets.length,
      surveyAnswers: ofKind('survey_response').length,
      highlights: manifest.highlights.length + taggedTickets,
      customers: emails.size,
      companies: companies.size,
      tags: manifest.tags.length,
      insights: manifest.insights.length,
      backlogItems: manifest.backlogItems.length,
      imports: manifest.files.length,
    },
  };
}
