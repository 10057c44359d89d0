import path from 'node:path';
import {
  countOf,
  describeSampleCounts,
  type SampleDataCounts,
  type SampleDataKept,
  type SampleDataRemoval,
  type SampleDataResult,
  type SampleDataStatus,
  type SourceKind,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { analyzeChangedTables } from '../../db/statistics.js';
import type { JobLogger } from '../../lib/background-jobs.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { inBulk, recordAudit } from '../audit/audit.service.js';
import * as backlogService from '../backlog/backlog.service.js';
import * as customersService from '../customers/customers.service.js';
import * as erasureService from '../erasure/erasure.service.js';
import * as highlightsService from '../highlights/highlights.service.js';
import type { ImportLogger } from '../imports/imports.runner.js';
import * as importsService from '../imports/imports.service.js';
import * as insightsService from '../insights/insights.service.js';
import * as tagsService from '../tags/tags.service.js';
import { intentOf, readManifest, readSampleContents, SAMPLE_DIR, ticketTagOf, type EvidenceRefs, type Manifest } from './sample-data.manifest.js';
import * as sampleDataRepository from './sample-data.repository.js';

/**
 * Loads the sample workspace content through the same importers and batch writes as an upload,
 * so a newcomer sees Cairn working in one click. Idempotent: loading it again creates nothing
 * (every sample row has a stable identity), it only adds an entry per file to the import history.
 */
export async function loadSampleData(db: Db, actor: WorkspaceActor, log: ImportLogger): Promise<SampleDataResult> {
  const manifest = readManifest();
  // Companies carry segment, plan and revenue, which ticket rows cannot: they are written first.
  await db.transaction((tx) => customersService.resolveCustomers(tx, actor.workspaceId, manifest.customers));
  const imports = [];
  for (const entry of manifest.files) {
    imports.push(await importsService.importStoredFile(db, actor, { format: entry.format, fileName: entry.file, filePath: path.join(SAMPLE_DIR, entry.file), options: entry.options, sample: true }, log));
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
  rows
    .filter((row) => row.kind === 'ticket')
    .forEach((ticket, index) => {
      const intent = intentOf(ticket.metadata.tags);
      const tag = ticketTagOf(manifest.ticketTagging, intent, index);
      if (tag) planned.push({ sourceId: ticket.id, start: 0, end: ticket.body.length, tagNames: [tag], intent });
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

type RemovalPlan = {
  sources: Array<{ id: string; kind: SourceKind }>;
  highlights: number;
  insightIds: string[];
  backlogItemIds: string[];
  tagIds: string[];
  customerIds: string[];
  companyIds: string[];
  imports: number;
  kept: SampleDataKept;
};

/**
 * What removing the sample deletes, and what of it stays. The sample's sources are known by the
 * identity their import gave them, and everything on them goes (highlights included, anyone's).
 * Its tags, problems, backlog items, customers and companies are known as loading knows them (by
 * name, title or tracker key, email, name), and stay when the workspace's own work uses them: a
 * tag on a highlight of another source, a problem or backlog item with such a highlight as
 * evidence (or, for a problem, the workspace's own backlog item or an insight that stays under
 * it; for a backlog item, the workspace's own problem), a customer with another source, a company
 * with a customer that stays.
 */
async function planRemoval(executor: Executor, workspaceId: string): Promise<RemovalPlan> {
  const sample = await readSampleContents();
  const { manifest } = sample;
  const sources = await sampleDataRepository.listSourcesByIdentity(executor, workspaceId, sample.sources);
  const sourceIds = sources.map((source) => source.id);
  const highlights = await sampleDataRepository.countHighlightsOfSources(executor, workspaceId, sourceIds);

  const insights = await sampleDataRepository.listInsightsTitled(executor, workspaceId, manifest.insights.map((insight) => insight.title), sourceIds);
  const keys = manifest.backlogItems.flatMap((item) => (item.externalKey ? [item.externalKey.toLowerCase()] : []));
  const backlogItems = await sampleDataRepository.listBacklogItemsNamed(executor, workspaceId, manifest.backlogItems.map((item) => item.title), keys, sourceIds);
  const sampleInsightIds = new Set(insights.map((row) => row.id));
  const sampleBacklogItemIds = new Set(backlogItems.map((row) => row.id));
  const links = await sampleDataRepository.listBacklogInsightLinks(executor, workspaceId, [...sampleInsightIds], [...sampleBacklogItemIds]);
  const keptBacklogItems = new Set(
    backlogItems.filter((row) => row.ownEvidence || links.some((link) => link.backlogItemId === row.id && !sampleInsightIds.has(link.insightId))).map((row) => row.id),
  );
  const keptInsights = new Set(
    insights.filter((row) => row.ownEvidence || links.some((link) => link.insightId === row.id && !sampleBacklogItemIds.has(link.backlogItemId))).map((row) => row.id),
  );
  // An insight that stays keeps the sample insight it sits under, and so on up the tree.
  const children = await sampleDataRepository.listChildInsights(executor, workspaceId, [...sampleInsightIds]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const child of children) {
      const stays = !sampleInsightIds.has(child.id) || keptInsights.has(child.id);
      if (stays && child.parentId && !keptInsights.has(child.parentId)) {
        keptInsights.add(child.parentId);
        grew = true;
      }
    }
  }

  const tags = await sampleDataRepository.listTagsNamed(executor, workspaceId, manifest.tags.map((tag) => tag.name.toLowerCase()), sourceIds);
  const customers = await sampleDataRepository.listCustomersByEmail(executor, workspaceId, sample.customerEmails, sourceIds);
  const customerIds = customers.filter((row) => !row.ownSources).map((row) => row.id);
  const companies = await sampleDataRepository.listCompaniesNamed(executor, workspaceId, sample.companyNames, customerIds);
  return {
    sources,
    highlights,
    insightIds: insights.filter((row) => !keptInsights.has(row.id)).map((row) => row.id),
    backlogItemIds: backlogItems.filter((row) => !keptBacklogItems.has(row.id)).map((row) => row.id),
    tagIds: tags.filter((row) => !row.ownUse).map((row) => row.id),
    customerIds,
    companyIds: companies.filter((row) => !row.ownCustomers).map((row) => row.id),
    imports: await importsService.countSampleImports(executor, workspaceId),
    kept: {
      tags: tags.filter((row) => row.ownUse).length,
      insights: keptInsights.size,
      backlogItems: keptBacklogItems.size,
      customers: customers.length - customerIds.length,
      companies: companies.filter((row) => row.ownCustomers).length,
    },
  };
}

function countsOf(plan: RemovalPlan): SampleDataCounts {
  const ofKind = (kind: SourceKind) => plan.sources.filter((source) => source.kind === kind).length;
  return {
    interviews: ofKind('interview'),
    tickets: ofKind('ticket'),
    surveyAnswers: ofKind('survey_response'),
    highlights: plan.highlights,
    customers: plan.customerIds.length,
    companies: plan.companyIds.length,
    tags: plan.tagIds.length,
    insights: plan.insightIds.length,
    backlogItems: plan.backlogItemIds.length,
    imports: plan.imports,
  };
}

const isEmpty = (counts: SampleDataCounts) => Object.values(counts).every((count) => count === 0);

/** Whether the sample is here: what loading it adds, what removing it would delete now, and what of it would stay. */
export async function getSampleDataStatus(db: Db, actor: WorkspaceActor): Promise<SampleDataStatus> {
  const [sample, plan] = await Promise.all([readSampleContents(), planRemoval(db, actor.workspaceId)]);
  const removable = countsOf(plan);
  return { loaded: !isEmpty(removable), contents: sample.counts, removable, kept: plan.kept };
}

/**
 * Removes the sample for good, in one transaction with one `sample.remove` event: what
 * `planRemoval` picks, deleted through the erasure, tags, customers and imports services, whose
 * cascades, search vocabulary and counts are those of deleting each by hand. Removing it again
 * (or from a workspace without it) deletes nothing and logs nothing.
 */
export async function removeSampleData(db: Db, actor: WorkspaceActor, log: JobLogger): Promise<SampleDataRemoval> {
  const outcome = await db.transaction(async (tx) => {
    const plan = await planRemoval(tx, actor.workspaceId);
    const planned = countsOf(plan);
    if (isEmpty(planned)) return { removed: planned, kept: plan.kept };
    const step = inBulk(actor);
    const deleted = await erasureService.deleteInBulk(tx, actor.workspaceId, {
      sourceIds: plan.sources.map((source) => source.id),
      insightIds: plan.insightIds,
      backlogItemIds: plan.backlogItemIds,
      customerIds: plan.customerIds,
    });
    // Their highlights are gone: no highlight carries these tags, and no customer is at these companies, any more.
    for (const id of plan.tagIds) await tagsService.deleteTag(tx, step, id, false);
    for (const id of plan.companyIds) await customersService.deleteCompany(tx, step, id);
    const imports = await importsService.deleteSampleImports(tx, actor.workspaceId);
    const removed: SampleDataCounts = { ...planned, highlights: deleted.highlights, customers: deleted.customers, insights: deleted.insights, backlogItems: deleted.backlogItems, imports };
    const kept = Object.values(plan.kept).some(Boolean) ? `; kept ${describeSampleCounts(plan.kept)} that the workspace's own work uses` : '';
    await recordAudit(tx, actor, {
      action: 'sample.remove',
      objectType: 'workspace',
      objectId: actor.workspaceId,
      summary: `Removed the sample data: deleted ${describeSampleCounts(removed)} for good, and its ${countOf(imports, 'entry', 'entries')} in the import history${kept}`,
    });
    return { removed, kept: plan.kept };
  });
  const { interviews, tickets, surveyAnswers, highlights } = outcome.removed;
  await analyzeChangedTables(db, { sources: interviews + tickets + surveyAnswers, highlights }).catch((error: unknown) =>
    log.error({ err: error, workspaceId: actor.workspaceId }, 'could not analyze the search tables after removing the sample data'),
  );
  return outcome;
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
