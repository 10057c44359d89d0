import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  CompanyInputSchema,
  CreateBacklogItemBodySchema,
  CreateInsightBodySchema,
  CreateTagBodySchema,
  ImportFormatSchema,
  ImportOptionsSchema,
  type SampleDataResult,
} from '@cairn/shared';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { inBulk, recordAudit } from '../audit/audit.service.js';
import * as backlogService from '../backlog/backlog.service.js';
import { resolveCustomers } from '../customers/customers.service.js';
import * as highlightsService from '../highlights/highlights.service.js';
import type { ImportLogger } from '../imports/imports.runner.js';
import { importStoredFile } from '../imports/imports.service.js';
import * as insightsService from '../insights/insights.service.js';
import * as tagsService from '../tags/tags.service.js';
import * as sampleDataRepository from './sample-data.repository.js';

/** server/src/sample in the source tree, server/dist/sample in a build (the build script copies it). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));

/** Sample highlights by their quote (interview passages) or by the intent of the tickets highlighted whole. */
const EvidenceRefsSchema = z.object({ quotes: z.array(z.string()).default([]), ticketIntents: z.array(z.string()).default([]) });
type EvidenceRefs = z.infer<typeof EvidenceRefsSchema>;

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
type Manifest = z.infer<typeof ManifestSchema>;

function readManifest() {
  return ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'sample.json'), 'utf8')));
}

/**
 * Loads the sample workspace content through the same importers and batch writes as an upload,
 * so a newcomer sees Cairn working in one click. Idempotent: loading it again creates nothing
 * (every sample row has a stable identity), it only adds an entry per file to the import history.
 */
export async function loadSampleData(db: Db, actor: WorkspaceActor, log: ImportLogger): Promise<SampleDataResult> {
  const manifest = readManifest();
  // Companies carry segment, plan and revenue, which ticket rows cannot: they are written first.
  await db.transaction((tx) => resolveCustomers(tx, actor.workspaceId, manifest.customers));
  const imports = [];
  for (const entry of manifest.files) {
    imports.push(await importStoredFile(db, actor, { format: entry.format, fileName: entry.file, filePath: path.join(SAMPLE_DIR, entry.file), options: entry.options }, log));
  }
  const sources = imports.reduce(
    (sum, item) => ({ created: sum.created + item.counts.created, updated: sum.updated + item.counts.updated, unchanged: sum.unchanged + item.counts.unchanged }),
    { created: 0, updated: 0, unchanged: 0 },
  );
  // The sample.load event below sums up its tags, highlights, insights and backlog items: they are not logged one by one.
  const step = inBulk(actor);
  const { tagsCreated, highlightsCreated, highlightIdsOf } = await seedCodebookAndHighlights(db, step, manifest);
  const { insightsCreated, backlogItemsCreated } = await seedInsightsAndBacklog(db, step, manifest, highlightIdsOf);
  await recordAudit(db, actor, {
    action: 'sample.load',
    objectType: 'workspace',
    objectId: actor.workspaceId,
    summary:
      `Loaded the sample data: ${sources.created} sources created, ${sources.updated} updated, ${sources.unchanged} unchanged; ` +
      `${tagsCreated} tags, ${highlightsCreated} highlights, ${insightsCreated} insights and ${backlogItemsCreated} backlog items added`,
  });
  return { imports, sources, tagsCreated, highlightsCreated };
}

type PlannedHighlight = { sourceId: string; start: number; end: number; tagNames: string[]; note?: string | undefined; quote?: string; intent?: string };

const rangeKey = (range: { sourceId: string; start: number; end: number }) => `${range.sourceId}:${range.start}:${range.end}`;

/**
 * The codebook and the highlights of the sample, created through the tags and highlights
 * services like a person's would be. Missing tags are created by name; a range that already
 * carries a highlight (even a trashed one) is left alone, so loading twice adds nothing.
 */
async function seedCodebookAndHighlights(db: Db, actor: WorkspaceActor, manifest: Manifest) {
  const tagIds = new Map((await tagsService.listTags(db, actor)).map((tag) => [tag.name.toLowerCase(), tag.id]));
  let tagsCreated = 0;
  for (const tag of manifest.tags) {
    if (tagIds.has(tag.name.toLowerCase())) continue;
    tagIds.set(tag.name.toLowerCase(), (await tagsService.createTag(db, actor, tag)).id);
    tagsCreated++;
  }

  const titles = [...new Set(manifest.highlights.map((highlight) => highlight.source))];
  const rows = await sampleDataRepository.listSampleSources(db, actor.workspaceId, titles);
  const planned: PlannedHighlight[] = [];
  for (const highlight of manifest.highlights) {
    const source = rows.find((row) => row.kind === 'interview' && row.title === highlight.source);
    const start = source ? source.body.indexOf(highlight.quote) : -1;
    // A sample source the user trashed is skipped; a quote missing from its text is a bug in the sample.
    if (!source) continue;
    if (start < 0) throw new Error(`Sample highlight not found in “${highlight.source}”: ${highlight.quote}`);
    planned.push({ sourceId: source.id, start, end: start + highlight.quote.length, tagNames: highlight.tags, note: highlight.note, quote: highlight.quote });
  }
  const { every, rules } = manifest.ticketTagging;
  rows
    .filter((row) => row.kind === 'ticket')
    .forEach((ticket, index) => {
      const intent = String((ticket.metadata.tags as unknown[] | undefined)?.[0] ?? '');
      const rule = rules.find((candidate) => intent.includes(candidate.intentContains));
      if (index % every === 0 && rule) planned.push({ sourceId: ticket.id, start: 0, end: ticket.body.length, tagNames: [rule.tag], intent });
    });

  const sourceIds = [...new Set(planned.map((p) => p.sourceId))];
  const taken = new Set((await sampleDataRepository.listHighlightRanges(db, actor.workspaceId, sourceIds)).map(rangeKey));
  let highlightsCreated = 0;
  for (const plan of planned) {
    if (taken.has(rangeKey(plan))) continue;
    const ids = plan.tagNames.map((name) => tagIds.get(name.toLowerCase())).filter((id): id is string => Boolean(id));
    await highlightsService.createHighlight(db, actor, plan.sourceId, { start: plan.start, end: plan.end, tagIds: ids, note: plan.note ?? null });
    highlightsCreated++;
  }

  // What the sample's insights and backlog items link to: its highlights outside the trash.
  const live = (await sampleDataRepository.listHighlightRanges(db, actor.workspaceId, sourceIds)).filter((range) => !range.deletedAt);
  const liveIds = new Map(live.map((range) => [rangeKey(range), range.id]));
  const highlightIdsOf = (refs: EvidenceRefs) =>
    planned
      .filter((plan) => (plan.quote !== undefined && refs.quotes.includes(plan.quote)) || (plan.intent !== undefined && refs.ticketIntents.includes(plan.intent)))
      .map((plan) => liveIds.get(rangeKey(plan)))
      .filter((id): id is string => Boolean(id));
  return { tagsCreated, highlightsCreated, highlightIdsOf };
}

/**
 * The sample's problems, opportunity and backlog items, linked to its highlights and to each
 * other through the insights and backlog services. They are known by their titles (a backlog
 * item also by its tracker key): one that exists, even in the trash, is left as it is, links
 * and all, so loading again adds nothing and brings back nothing the user removed.
 */
async function seedInsightsAndBacklog(db: Db, actor: WorkspaceActor, manifest: Manifest, highlightIdsOf: (refs: EvidenceRefs) => string[]) {
  for (const refs of [...manifest.insights, ...manifest.backlogItems].map((entry) => entry.evidence)) {
    const unknown = refs.quotes.find((quote) => !manifest.highlights.some((highlight) => highlight.quote === quote));
    if (unknown !== undefined) throw new Error(`Sample evidence is not a sample highlight: ${unknown}`);
  }
  const insights = new Map((await sampleDataRepository.listInsightTitles(db, actor.workspaceId)).map((row) => [row.title, row]));
  let insightsCreated = 0;
  for (const { parent, evidence, ...body } of manifest.insights) {
    if (insights.has(body.title)) continue;
    const parentRow = parent === undefined ? undefined : insights.get(parent);
    const insight = await insightsService.createInsight(db, actor, { ...body, parentId: parentRow && !parentRow.deletedAt ? parentRow.id : null });
    insights.set(insight.title, { id: insight.id, title: insight.title, deletedAt: null });
    const highlightIds = highlightIdsOf(evidence);
    if (highlightIds.length) await insightsService.linkEvidence(db, actor, insight.id, { highlightIds });
    insightsCreated++;
  }

  const existing = await sampleDataRepository.listBacklogItemTitles(db, actor.workspaceId);
  let backlogItemsCreated = 0;
  for (const { insights: insightTitles, evidence, ...body } of manifest.backlogItems) {
    const key = body.externalKey?.toLowerCase();
    if (existing.some((row) => row.title === body.title || (key && row.externalKey?.toLowerCase() === key))) continue;
    const item = await backlogService.createBacklogItem(db, actor, body);
    const insightIds = insightTitles.map((title) => insights.get(title)).flatMap((row) => (row && !row.deletedAt ? [row.id] : []));
    const highlightIds = highlightIdsOf(evidence);
    if (highlightIds.length + insightIds.length) await backlogService.linkEvidence(db, actor, item.id, { highlightIds, insightIds });
    backlogItemsCreated++;
  }
  return { insightsCreated, backlogItemsCreated };
}

export const SAMPLE_WORKSPACE_NAME = 'Sample workspace';

/**
 * For `npm run seed:sample`: the first workspace someone owns, or a new "Sample workspace" on a
 * database nobody has set up yet. Seeding acts as the system (no user), like a migration would.
 */
export async function findOrCreateSeedWorkspace(db: Db): Promise<{ actor: WorkspaceActor; name: string; created: boolean; hasOwner: boolean }> {
  const existing = await sampleDataRepository.findFirstWorkspace(db);
  const workspace = existing?.workspace ?? (await sampleDataRepository.insertWorkspace(db, SAMPLE_WORKSPACE_NAME));
  return { actor: { workspaceId: workspace.id, role: 'owner', userId: null, tokenId: null }, name: workspace.name, created: !existing, hasOwner: existing?.hasOwner ?? false };
}
