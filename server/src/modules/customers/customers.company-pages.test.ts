import { describe, expect, it } from 'vitest';
import { CompanyDetailSchema, CompanyListItemSchema, pageOf, type CompanyListItem } from '@cairn/shared';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createBacklogItem, createHighlight, createInsight, createMember, createSource, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { resolveCustomers } from './customers.service.js';

// Company pages: the list of companies, one company with what its customers' evidence backs, and its highlights.
const context = useTestApp();

const companiesUrl = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/companies${rest}`;
const CompanyPageSchema = pageOf(CompanyListItemSchema);

/** Customers (and their companies) as imports would create them; their ids in order. */
async function customersAt(workspace: TestWorkspace, inputs: Array<{ email: string; company?: { name: string; segment?: string } }>) {
  return (await context.db.transaction((tx) => resolveCustomers(tx, workspace.id, inputs))) as string[];
}

/** `count` highlights said by the customer, in one ticket. */
async function highlightsBy(workspace: TestWorkspace, customerId: string, count: number) {
  const source = await createSource(context, workspace, { customerId });
  return Promise.all(Array.from({ length: count }, (_, index) => createHighlight(context, workspace, source, { start: index, end: index + 5 })));
}

async function listCompanies(workspace: TestWorkspace, query = '') {
  const response = await workspace.owner.as.get(companiesUrl(workspace, query));
  expect(response.statusCode, response.body).toBe(200);
  return CompanyPageSchema.parse(response.json());
}

const names = (items: CompanyListItem[]) => items.map((item) => item.name);

/** Every company, page after page, following the cursors. */
async function allPages(workspace: TestWorkspace, query: string) {
  const seen: CompanyListItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await listCompanies(workspace, `${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('GET /companies', () => {
  it('lists companies by name with their customers counted and their evidence summed, the total on the first page', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const [ann, ben] = await customersAt(workspace, [
      { email: 'ann@globex.test', company: { name: 'Globex', segment: 'Enterprise' } },
      { email: 'ben@globex.test', company: { name: 'Globex' } },
      { email: 'cy@acme.test', company: { name: 'acme' } },
      // A mail provider's customer is at no company.
      { email: 'solo@gmail.com' },
    ]);
    await highlightsBy(workspace, ann!, 2);
    await highlightsBy(workspace, ben!, 1);
    await createSource(context, workspace, { customerId: ann, kind: 'interview' });
    // The trash counts for nothing.
    const trashed = await createSource(context, workspace, { customerId: ben, deletedAt: new Date() });
    await createHighlight(context, workspace, trashed);

    const response = await viewer.as.get(companiesUrl(workspace));
    expect(response.statusCode, response.body).toBe(200);
    const page = CompanyPageSchema.parse(response.json());
    expect(names(page.items)).toEqual(['acme', 'Globex']);
    expect(page.total).toBe(2);
    expect(page.items[1]).toMatchObject({
      segment: 'Enterprise',
      customers: 2,
      evidence: { sources: 3, highlights: 3, sourcesByKind: { ticket: 2, interview: 1 } },
    });
    expect(page.items[0]).toMatchObject({ customers: 1, evidence: { sources: 0, highlights: 0 } });
  });

  it('sorts by evidence, most highlights first and then by name, and pages either order without skipping or repeating', async () => {
    const workspace = await createWorkspace(context);
    const people = await customersAt(
      workspace,
      ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'].map((name) => ({ email: `someone@${name.toLowerCase()}.test`, company: { name } })),
    );
    const highlightsOf = { Delta: 3, alpha: 1, Charlie: 1, bravo: 0, Echo: 5 };
    await Promise.all(Object.values(highlightsOf).map((count, index) => highlightsBy(workspace, people[index]!, count)));

    expect(names(await allPages(workspace, '?sort=evidence'))).toEqual(['Echo', 'Delta', 'alpha', 'Charlie', 'bravo']);
    expect(names(await allPages(workspace, '?sort=name'))).toEqual(['alpha', 'bravo', 'Charlie', 'Delta', 'Echo']);

    // A cursor continues only the order it came from.
    const byName = await listCompanies(workspace, '?limit=2');
    const crossed = await workspace.owner.as.get(companiesUrl(workspace, `?sort=evidence&cursor=${byName.nextCursor}`));
    expect(crossed.statusCode).toBe(400);
    expect(errorPaths(crossed)).toEqual(['query.cursor']);
  });

  it("searches the name and the email domains of the company's customers", async () => {
    const workspace = await createWorkspace(context);
    await customersAt(workspace, [
      { email: 'ana@initech.com', company: { name: 'Initech Inc' } },
      { email: 'bo@hooli.io' },
      { email: 'cy@100percent.test', company: { name: '100% Co' } },
    ]);
    expect(names((await listCompanies(workspace, '?q=INITECH')).items)).toEqual(['Initech Inc']);
    expect(names((await listCompanies(workspace, '?q=initech.com')).items)).toEqual(['Initech Inc']);
    expect(names((await listCompanies(workspace, '?q=hooli')).items)).toEqual(['hooli.io']);
    expect(names((await listCompanies(workspace, '?q=100%25')).items)).toEqual(['100% Co']);
    expect((await listCompanies(workspace, '?q=nowhere')).total).toBe(0);
  });

  it('answers 400 naming each malformed parameter, and 404 for a workspace the caller is not in', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const bad = await workspace.owner.as.get(companiesUrl(workspace, '?sort=revenue&limit=0'));
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['query.sort', 'query.limit']));
    const forged = await workspace.owner.as.get(companiesUrl(workspace, `?cursor=${Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url')}`));
    expect(forged.statusCode).toBe(400);
    expect((await workspace.owner.as.get(companiesUrl(other))).statusCode).toBe(404);
  });
});

describe('GET /companies/:id', () => {
  it("lists the insights and backlog items its customers' highlights back, each highlight once, most first", async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const [ann, ben, outsider] = await customersAt(workspace, [
      { email: 'ann@globex.test', company: { name: 'Globex', segment: 'Enterprise' } },
      { email: 'ben@globex.test', company: { name: 'Globex' } },
      { email: 'zed@other.test', company: { name: 'Other' } },
    ]);
    const [a1, a2, a3] = await highlightsBy(workspace, ann!, 3);
    const [b1] = await highlightsBy(workspace, ben!, 1);
    const [theirs] = await highlightsBy(workspace, outsider!, 1);
    const owner = workspace.owner.as;
    const link = async (path: string, body: object) => expect((await owner.post(`/api/workspaces/${workspace.id}/${path}/evidence`, body)).statusCode).toBe(200);

    const exports = await createInsight(context, workspace, { title: 'Exports fail' });
    const sso = await createInsight(context, workspace, { title: 'Needs SSO', type: 'opportunity' });
    const binned = await createInsight(context, workspace, { title: 'Binned' });
    const elsewhere = await createInsight(context, workspace, { title: 'Only others say so' });
    await link(`insights/${exports.id}`, { highlightIds: [a1!.id, a2!.id, b1!.id, theirs!.id] });
    await link(`insights/${sso.id}`, { highlightIds: [a3!.id] });
    await link(`insights/${binned.id}`, { highlightIds: [a1!.id] });
    await link(`insights/${elsewhere.id}`, { highlightIds: [theirs!.id] });
    expect((await owner.delete(`/api/workspaces/${workspace.id}/insights/${binned.id}`)).statusCode).toBe(204);

    // Linked to the item itself and through its problem: a1 is reached both ways and counts once.
    const csv = await createBacklogItem(context, workspace, { title: 'Streaming CSV export', externalKey: 'EXP-1' });
    const saml = await createBacklogItem(context, workspace, { title: 'SAML sign-in' });
    await link(`backlog-items/${csv.id}`, { highlightIds: [a1!.id], insightIds: [exports.id] });
    await link(`backlog-items/${saml.id}`, { highlightIds: [a3!.id] });
    // A trashed highlight backs nothing.
    expect((await owner.delete(`/api/workspaces/${workspace.id}/highlights/${b1!.id}`)).statusCode).toBe(204);

    const [globex] = (await listCompanies(workspace, '?q=globex')).items;
    const response = await viewer.as.get(companiesUrl(workspace, `/${globex!.id}`));
    expect(response.statusCode, response.body).toBe(200);
    const company = CompanyDetailSchema.parse(response.json());
    expect(company).toMatchObject({ name: 'Globex', segment: 'Enterprise', customers: 2, evidence: { sources: 2, highlights: 3 } });
    expect(company.insights).toEqual([
      { id: exports.id, type: 'problem', title: 'Exports fail', status: 'draft', highlights: 2 },
      { id: sso.id, type: 'opportunity', title: 'Needs SSO', status: 'draft', highlights: 1 },
    ]);
    expect(company.insightTotal).toBe(2);
    expect(company.backlogItems).toEqual([
      { id: csv.id, title: 'Streaming CSV export', status: 'idea', externalKey: 'EXP-1', highlights: 2 },
      { id: saml.id, title: 'SAML sign-in', status: 'idea', externalKey: null, highlights: 1 },
    ]);
    expect(company.backlogItemTotal).toBe(2);
  });

  it("answers 404 for another workspace's company and 400 for a malformed id", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    await customersAt(other, [{ email: 'x@theirs.io' }]);
    const [theirs] = (await listCompanies(other)).items;
    expect((await workspace.owner.as.get(companiesUrl(workspace, `/${theirs!.id}`))).statusCode).toBe(404);
    const malformed = await workspace.owner.as.get(companiesUrl(workspace, '/42'));
    expect(malformed.statusCode).toBe(400);
    expect(errorPaths(malformed)).toEqual(['params.id']);
  });
});

describe("a company's evidence through the existing lists", () => {
  it('filters highlights and customers by company, and links the audit log to the company', async () => {
    const workspace = await createWorkspace(context);
    const [ann, , other] = await customersAt(workspace, [
      { email: 'ann@globex.test', company: { name: 'Globex' } },
      { email: 'ben@globex.test', company: { name: 'Globex' } },
      // A test domain gives no company.
      { email: 'zed@other.test' },
    ]);
    const [said] = await highlightsBy(workspace, ann!, 1);
    await highlightsBy(workspace, other!, 2);
    const [globex] = (await listCompanies(workspace, '?q=globex')).items;
    const owner = workspace.owner.as;

    const highlights = await owner.get(`/api/workspaces/${workspace.id}/highlights?companyId=${globex!.id}`);
    expect(highlights.statusCode, highlights.body).toBe(200);
    expect(highlights.json()).toMatchObject({ total: 1, items: [{ id: said!.id, customer: { id: ann, company: { id: globex!.id } } }] });
    const customers = await owner.get(`/api/workspaces/${workspace.id}/customers?companyId=${globex!.id}`);
    expect(customers.json().items.map((customer: { email: string }) => customer.email)).toEqual(['ann@globex.test', 'ben@globex.test']);

    expect((await owner.patch(companiesUrl(workspace, `/${globex!.id}`), { fieldsSetByHand: [] })).statusCode).toBe(200);
    const audit = await owner.get(`/api/workspaces/${workspace.id}/audit?action=company.update`);
    expect(audit.json().items).toMatchObject([{ objectType: 'company', objectId: globex!.id, objectExists: true }]);
  });
});
