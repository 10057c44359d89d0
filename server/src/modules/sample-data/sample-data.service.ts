import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompanyInputSchema, CreateTagBodySchema, ImportFormatSchema, ImportOptionsSchema, type SampleDataResult } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveCustomers } from '../customers/customers.service.js';
import * as highlightsService from '../highlights/highlights.service.js';
import type { ImportLogger } from '../imports/imports.runner.js';
import { importStoredFile } from '../imports/imports.service.js';
import * as tagsService from '../tags/tags.service.js';
import * as sampleDataRepository from './sample-data.repository.js';

/** server/src/sample in the source tree, server/dist/sample in a build (the build script copies it). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));

/** sample.json: the customers and companies first, then each file with the options it is imported with. */
const ManifestSchema = z.object({
  customers: z.array(z.object({ email: z.email(), name: z.string(), company: CompanyInputSchema })),
  files: z.array(z.object({ file: z.string(), format: ImportFormatSchema, options: ImportOptionsSchema })),
  /** A small codebook, so the Tags page, triage and tag facets have something to show. */
  tags: z.array(CreateTagBodySchema),
  /** Passages of the interviews worth quoting, found by their exact text. */
  highlights: z.array(z.object({ source: z.string(), quote: z.string().min(1), tags: z.array(z.string()), note: z.string().optional() })),
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
  const { tagsCreated, highlightsCreated } = await seedCodebookAndHighlights(db, actor, manifest);
  await recordAudit(db, actor, {
    action: 'sample.load',
    objectType: 'workspace',
    objectId: actor.workspaceId,
    summary: `Loaded the sample data: ${sources.created} sources created, ${sources.updated} updated, ${sources.unchanged} unchanged; ${tagsCreated} tags and ${highlightsCreated} highlights added`,
  });
  return { imports, sources, tagsCreated, highlightsCreated };
}

type PlannedHighlight = { sourceId: string; start: number; end: number; tagNames: string[]; note?: string | undefined };

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
    planned.push({ sourceId: source.id, start, end: start + highlight.quote.length, tagNames: highlight.tags, note: highlight.note });
  }
  const { every, rules } = manifest.ticketTagging;
  rows
    .filter((row) => row.kind === 'ticket')
    .forEach((ticket, index) => {
      const intent = String((ticket.metadata.tags as unknown[] | undefined)?.[0] ?? '');
      const rule = rules.find((candidate) => intent.includes(candidate.intentContains));
      if (index % every === 0 && rule) planned.push({ sourceId: ticket.id, start: 0, end: ticket.body.length, tagNames: [rule.tag] });
    });

  const taken = new Set(
    (await sampleDataRepository.listHighlightRanges(db, actor.workspaceId, [...new Set(planned.map((p) => p.sourceId))])).map((r) => `${r.sourceId}:${r.start}:${r.end}`),
  );
  let highlightsCreated = 0;
  for (const plan of planned) {
    if (taken.has(`${plan.sourceId}:${plan.start}:${plan.end}`)) continue;
    const ids = plan.tagNames.map((name) => tagIds.get(name.toLowerCase())).filter((id): id is string => Boolean(id));
    await highlightsService.createHighlight(db, actor, plan.sourceId, { start: plan.start, end: plan.end, tagIds: ids, note: plan.note ?? null });
    highlightsCreated++;
  }
  return { tagsCreated, highlightsCreated };
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
