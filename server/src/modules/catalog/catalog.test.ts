import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CatalogSchema, type Catalog } from '@cairn/shared';
import { companies, companyAliases, tags } from '../../db/schema/index.js';
import { anonymous, useTestApp } from '../../../test/app.js';
import {
  createBacklogItem,
  createCustomer,
  createHighlight,
  createInsight,
  createMember,
  createSource,
  createTag,
  createWorkspace,
  type TestWorkspace,
} from '../../../test/factories.js';

const context = useTestApp();
const catalogUrl = (ws: string) => `/api/workspaces/${ws}/catalog`;

function getCatalog(workspace: TestWorkspace, etag?: string) {
  return workspace.owner.as.request('GET', catalogUrl(workspace.id), undefined, etag ? { 'if-none-match': etag } : {});
}

async function currentEtag(workspace: TestWorkspace): Promise<string> {
  return (await getCatalog(workspace)).headers.etag as string;
}

/** Asserts the ETag is still current: 304 Not Modified, the same ETag sent again. */
async function expectUnchanged(workspace: TestWorkspace, etag: string) {
  const response = await getCatalog(workspace, etag);
  expect(response.statusCode).toBe(304);
  expect(response.headers.etag).toBe(etag);
}

/** Asserts the ETag went stale: a 200 with the new catalog under a new ETag, itself current. */
async function expectChanged(workspace: TestWorkspace, etag: string): Promise<{ etag: string; catalog: Catalog }> {
  const response = await getCatalog(workspace, etag);
  expect(response.statusCode).toBe(200);
  const fresh = response.headers.etag as string;
  expect(fresh).not.toBe(etag);
  await expectUnchanged(workspace, fresh);
  return { etag: fresh, catalog: CatalogSchema.parse(response.json()) };
}

const sortedById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const usageOf = (catalog: Catalog, tagId: string) => catalog.tags.find((tag) => tag.id === tagId)?.usageCount;

describe('GET /catalog', () => {
  it('lists the names of tags, customers (with their company) and companies (with their segment and customers counted) for instant search', async () => {
    const workspace = await createWorkspace(context);
    const [company, empty] = await context.db
      .insert(companies)
      .values([
        { workspaceId: workspace.id, name: 'Globex', segment: 'Enterprise' },
        { workspaceId: workspace.id, name: 'Initech' },
      ])
      .returning();
    const customer = await createCustomer(context, workspace, { name: 'Hank Scorpio', email: 'hank@globex.test', companyId: company!.id });
    await createCustomer(context, workspace, { companyId: company!.id });
    await createCustomer(context, workspace);
    const tag = await createTag(context, workspace, { name: 'pricing', groupName: 'Feature area' });
    const elsewhere = await createWorkspace(context);
    await createTag(context, elsewhere, { name: 'elsewhere' });
    await context.db.insert(companies).values({ workspaceId: elsewhere.id, name: 'Elsewhere Inc' });
    const response = await workspace.owner.as.get(catalogUrl(workspace.id));
    expect(response.statusCode).toBe(200);
    const catalog = CatalogSchema.parse(response.json());
    expect(catalog.tags).toMatchObject([{ id: tag.id, name: 'pricing', group: 'Feature area', usageCount: 0 }]);
    expect(catalog.customers).toContainEqual({ id: customer.id, name: 'Hank Scorpio', email: 'hank@globex.test', externalId: null, company: 'Globex' });
    expect(catalog.customers).toHaveLength(3);
    expect(sortedById(catalog.companies)).toEqual(
      sortedById([
        { id: company!.id, name: 'Globex', segment: 'Enterprise', customers: 2, aliases: [] },
        { id: empty!.id, name: 'Initech', segment: null, customers: 0, aliases: [] },
      ]),
    );
    expect(catalog).toMatchObject({ insights: [], backlogItems: [] });
  });

  it('answers 304 to a matching If-None-Match, and 200 with a new ETag once something changed', async () => {
    const workspace = await createWorkspace(context);
    const first = await workspace.owner.as.get(catalogUrl(workspace.id));
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const unchanged = await workspace.owner.as.request('GET', catalogUrl(workspace.id), undefined, { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await workspace.owner.as.request('GET', catalogUrl(workspace.id), undefined, { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
    await createTag(context, workspace, { name: 'new' });
    const changed = await workspace.owner.as.request('GET', catalogUrl(workspace.id), undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('keeps its ETag through writes the catalog does not show: a source, an untagged highlight, an edited note', async () => {
    const workspace = await createWorkspace(context);
    await createTag(context, workspace);
    await createCustomer(context, workspace);
    const etag = await currentEtag(workspace);
    const source = await createSource(context, workspace);
    const highlight = await createHighlight(context, workspace, source);
    expect((await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/highlights/${highlight.id}`, { note: 'a note' })).statusCode).toBe(200);
    await expectUnchanged(workspace, etag);
  });

  it('gives a new ETag when a tag is created, renamed, recoloured, described or deleted', async () => {
    const workspace = await createWorkspace(context);
    const tagsUrl = `/api/workspaces/${workspace.id}/tags`;
    let { etag } = await expectChanged(workspace, 'none yet');
    const tag = (await workspace.owner.as.post(tagsUrl, { name: 'pricing' })).json();
    ({ etag } = await expectChanged(workspace, etag));

    await workspace.owner.as.patch(`${tagsUrl}/${tag.id}`, { name: 'price' });
    let catalog: Catalog;
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.tags).toMatchObject([{ id: tag.id, name: 'price' }]);

    await workspace.owner.as.patch(`${tagsUrl}/${tag.id}`, { color: '#3d5a80' });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.tags).toMatchObject([{ id: tag.id, color: '#3d5a80' }]);

    await workspace.owner.as.patch(`${tagsUrl}/${tag.id}`, { description: 'What customers pay' });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.tags).toMatchObject([{ id: tag.id, description: 'What customers pay' }]);

    expect((await workspace.owner.as.delete(`${tagsUrl}/${tag.id}`)).statusCode).toBe(204);
    ({ catalog } = await expectChanged(workspace, etag));
    expect(catalog.tags).toEqual([]);
  });

  it('gives a new ETag when a usage count changes: tagging, untagging, trashing, restoring, merging', async () => {
    const workspace = await createWorkspace(context);
    const [pricing, billing] = [await createTag(context, workspace, { name: 'pricing' }), await createTag(context, workspace, { name: 'billing' })];
    const highlight = await createHighlight(context, workspace, await createSource(context, workspace));
    const highlightUrl = `/api/workspaces/${workspace.id}/highlights/${highlight.id}`;
    let etag = await currentEtag(workspace);
    let catalog: Catalog;

    await workspace.owner.as.patch(highlightUrl, { tagIds: [pricing.id] });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(usageOf(catalog, pricing.id)).toBe(1);

    // Swapping one tag for another keeps the number of links.
    await workspace.owner.as.patch(highlightUrl, { tagIds: [billing.id] });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect([usageOf(catalog, pricing.id), usageOf(catalog, billing.id)]).toEqual([0, 1]);

    // The trash changes usage counts without touching any link.
    expect((await workspace.owner.as.delete(highlightUrl)).statusCode).toBe(204);
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(usageOf(catalog, billing.id)).toBe(0);

    expect((await workspace.owner.as.post(`${highlightUrl}/restore`)).statusCode).toBe(200);
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(usageOf(catalog, billing.id)).toBe(1);

    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/tags/${billing.id}/merge`, { intoTagId: pricing.id })).statusCode).toBe(200);
    ({ catalog } = await expectChanged(workspace, etag));
    expect(catalog.tags).toMatchObject([{ id: pricing.id, usageCount: 1 }]);
  });

  it('gives a new ETag when a customer is added, renamed or moved, or their company is created, given a segment, renamed, merged or deleted', async () => {
    const workspace = await createWorkspace(context);
    const customersUrl = `/api/workspaces/${workspace.id}/customers`;
    let etag = await currentEtag(workspace);
    let catalog: Catalog;

    const customer = (await workspace.owner.as.post(customersUrl, { name: 'Hank Scorpio', company: { name: 'Globex' } })).json();
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.customers).toEqual([{ id: customer.id, name: 'Hank Scorpio', email: null, externalId: null, company: 'Globex' }]);
    const globex = customer.company.id;
    expect(catalog.companies).toEqual([{ id: globex, name: 'Globex', segment: null, customers: 1, aliases: [] }]);

    await workspace.owner.as.patch(`${customersUrl}/${customer.id}`, { name: 'Hank' });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.customers).toMatchObject([{ name: 'Hank', company: 'Globex' }]);

    const initech = (await workspace.owner.as.patch(`${customersUrl}/${customer.id}`, { company: { name: 'Initech' } })).json().company;
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.customers).toMatchObject([{ company: 'Initech' }]);
    expect(sortedById(catalog.companies)).toEqual(
      sortedById([
        { id: globex, name: 'Globex', segment: null, customers: 0, aliases: [] },
        { id: initech.id, name: 'Initech', segment: null, customers: 1, aliases: [] },
      ]),
    );

    await workspace.owner.as.patch(`${customersUrl}/${customer.id}`, { company: { name: 'Initech', segment: 'Enterprise' } });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.companies).toContainEqual({ id: initech.id, name: 'Initech', segment: 'Enterprise', customers: 1, aliases: [] });

    expect((await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/companies/${initech.id}`, { name: 'Initech Inc' })).statusCode).toBe(200);
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.customers).toMatchObject([{ company: 'Initech Inc' }]);
    expect(catalog.companies).toContainEqual({ id: initech.id, name: 'Initech Inc', segment: 'Enterprise', customers: 1, aliases: ['Initech'] });

    // Merged into the empty Globex, which takes its customer and its segment.
    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/companies/${initech.id}/merge`, { intoCompanyId: globex })).statusCode).toBe(200);
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.customers).toMatchObject([{ company: 'Globex' }]);
    expect(catalog.companies).toEqual([{ id: globex, name: 'Globex', segment: 'Enterprise', customers: 1, aliases: ['Initech', 'Initech Inc'] }]);

    // A company deleted without stamping its customers (ON DELETE SET NULL, not the API's delete, which stamps them) still changes the catalog.
    await context.db.delete(companies).where(eq(companies.id, globex));
    ({ catalog } = await expectChanged(workspace, etag));
    expect(catalog.customers).toMatchObject([{ company: null }]);
    expect(catalog.companies).toEqual([]);
  });

  it("lists each company's aliases, and gives a new ETag when only they change: one let go, or one moved to another company", async () => {
    const workspace = await createWorkspace(context);
    const customersUrl = `/api/workspaces/${workspace.id}/customers`;
    const companyUrl = (id: string) => `/api/workspaces/${workspace.id}/companies/${id}`;
    const acme = (await workspace.owner.as.post(customersUrl, { name: 'Ann', company: { name: 'Acme' } })).json().company.id;
    const globex = (await workspace.owner.as.post(customersUrl, { name: 'Ben', company: { name: 'Globex' } })).json().company.id;
    expect((await workspace.owner.as.patch(companyUrl(acme), { name: 'Acme Ltd' })).statusCode).toBe(200);
    expect((await workspace.owner.as.patch(companyUrl(acme), { name: 'Acme Holdings' })).statusCode).toBe(200);
    let { etag, catalog } = await expectChanged(workspace, 'none yet');
    expect(catalog.companies).toContainEqual({ id: acme, name: 'Acme Holdings', segment: null, customers: 1, aliases: ['Acme', 'Acme Ltd'] });

    // Letting an alias go writes no company and no customer.
    expect((await workspace.owner.as.patch(companyUrl(acme), { aliases: ['Acme'] })).statusCode).toBe(200);
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.companies).toContainEqual(expect.objectContaining({ id: acme, aliases: ['Acme'] }));

    // An alias moved as a merge moves it, without stamping either company: the count of aliases stays.
    await context.db.update(companyAliases).set({ companyId: globex, updatedAt: new Date(Date.now() + 1_000) }).where(eq(companyAliases.companyId, acme));
    ({ catalog } = await expectChanged(workspace, etag));
    expect(sortedById(catalog.companies).map((company) => company.aliases)).toEqual(sortedById([{ id: acme, aliases: [] }, { id: globex, aliases: ['Acme'] }]).map((company) => company.aliases));
  });

  it('lists insights and backlog items outside the trash by their short form', async () => {
    const workspace = await createWorkspace(context);
    const insight = await createInsight(context, workspace, { type: 'opportunity', title: 'Explain declines', status: 'validated' });
    await createInsight(context, workspace, { deletedAt: new Date() });
    const item = await createBacklogItem(context, workspace, { title: 'Decline reasons', status: 'planned', externalKey: 'CARD-7' });
    await createBacklogItem(context, workspace, { deletedAt: new Date() });
    const catalog = CatalogSchema.parse((await workspace.owner.as.get(catalogUrl(workspace.id))).json());
    expect(catalog.insights).toEqual([{ id: insight.id, type: 'opportunity', title: 'Explain declines', status: 'validated' }]);
    expect(catalog.backlogItems).toEqual([{ id: item.id, title: 'Decline reasons', status: 'planned', externalKey: 'CARD-7' }]);
  });

  it('gives a new ETag when an insight or backlog item is created, edited, trashed or restored, and keeps it through evidence links', async () => {
    const workspace = await createWorkspace(context);
    const insightsUrl = `/api/workspaces/${workspace.id}/insights`;
    const itemsUrl = `/api/workspaces/${workspace.id}/backlog-items`;
    let etag = await currentEtag(workspace);
    let catalog: Catalog;

    const insight = (await workspace.owner.as.post(insightsUrl, { type: 'problem', title: 'Declines' })).json();
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.insights).toMatchObject([{ id: insight.id, title: 'Declines' }]);

    await workspace.owner.as.patch(`${insightsUrl}/${insight.id}`, { status: 'validated' });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.insights).toMatchObject([{ status: 'validated' }]);

    const item = (await workspace.owner.as.post(itemsUrl, { title: 'Decline reasons' })).json();
    ({ etag } = await expectChanged(workspace, etag));
    await workspace.owner.as.patch(`${itemsUrl}/${item.id}`, { externalKey: 'CARD-7' });
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.backlogItems).toEqual([{ id: item.id, title: 'Decline reasons', status: 'idea', externalKey: 'CARD-7' }]);

    const highlight = await createHighlight(context, workspace, await createSource(context, workspace));
    await workspace.owner.as.post(`${insightsUrl}/${insight.id}/evidence`, { highlightIds: [highlight.id] });
    await workspace.owner.as.post(`${itemsUrl}/${item.id}/evidence`, { highlightIds: [highlight.id], insightIds: [insight.id] });
    await expectUnchanged(workspace, etag);

    await workspace.owner.as.delete(`${insightsUrl}/${insight.id}`);
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.insights).toEqual([]);
    await workspace.owner.as.delete(`${itemsUrl}/${item.id}`);
    ({ etag, catalog } = await expectChanged(workspace, etag));
    expect(catalog.backlogItems).toEqual([]);

    await workspace.owner.as.post(`${insightsUrl}/${insight.id}/restore`);
    ({ etag } = await expectChanged(workspace, etag));
    await workspace.owner.as.post(`${itemsUrl}/${item.id}/restore`);
    ({ catalog } = await expectChanged(workspace, etag));
    expect([catalog.insights.length, catalog.backlogItems.length]).toEqual([1, 1]);
  });

  it('notices a write stamped earlier than the latest one, as a transaction that began first and committed last leaves', async () => {
    const workspace = await createWorkspace(context);
    const [first, second] = [await createTag(context, workspace), await createTag(context, workspace)];
    await context.db.update(tags).set({ updatedAt: new Date(Date.now() + 60_000) }).where(eq(tags.id, second.id));
    const etag = await currentEtag(workspace);
    await context.db.update(tags).set({ name: 'renamed', updatedAt: new Date() }).where(eq(tags.id, first.id));
    const { catalog } = await expectChanged(workspace, etag);
    expect(catalog.tags.map((tag) => tag.name)).toContain('renamed');
  });

  it("keeps this workspace's ETag when another workspace changes", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await createCustomer(context, workspace);
    const etag = await currentEtag(workspace);
    const otherEtag = await currentEtag(other);

    const otherTag = (await other.owner.as.post(`/api/workspaces/${other.id}/tags`, { name: tag.name })).json();
    const otherCustomer = (await other.owner.as.post(`/api/workspaces/${other.id}/customers`, { name: 'Elsewhere', company: { name: 'Other Co' } })).json();
    await other.owner.as.patch(`/api/workspaces/${other.id}/customers/${otherCustomer.id}`, { name: 'Renamed elsewhere' });
    const otherHighlight = await createHighlight(context, other, await createSource(context, other), { tagIds: [otherTag.id] });
    await other.owner.as.delete(`/api/workspaces/${other.id}/highlights/${otherHighlight.id}`);

    await expectUnchanged(workspace, etag);
    await expectChanged(other, otherEtag);
  });

  it('is open to viewers, closed to anonymous callers (401) and to members of other workspaces (404)', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.get(catalogUrl(workspace.id))).statusCode).toBe(200);
    expect((await anonymous(context).get(catalogUrl(workspace.id))).statusCode).toBe(401);
    expect((await other.owner.as.get(catalogUrl(workspace.id))).statusCode).toBe(404);
  });
});
