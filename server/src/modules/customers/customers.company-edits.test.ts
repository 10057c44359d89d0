import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  CompanyDetailSchema,
  CompanyListItemSchema,
  CompanySchema,
  CustomerDetailSchema,
  DeletedCompanyDomainListSchema,
  FillCompaniesFromEmailsResultSchema,
  type Role,
} from '@cairn/shared';
import { auditEvents, companies, customers } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createBacklogItem, createHighlight, createMember, createSource, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { importThroughApi } from '../../../test/imports.js';
import { resolveCustomers } from './customers.service.js';

// Renaming, merging and deleting companies, and what imports, the fill from email domains and a company's evidence make of it afterwards.
const context = useTestApp();

const companyUrl = (workspace: TestWorkspace, id: string, rest = '') => `/api/workspaces/${workspace.id}/companies/${id}${rest}`;

type Person = { email: string; company?: { name: string; segment?: string; plan?: string; annualRevenue?: number } };

/** Customers (and their companies) as imports create them: their ids, in order. */
async function importPeople(workspace: TestWorkspace, people: Person[]): Promise<string[]> {
  return (await context.db.transaction((tx) => resolveCustomers(tx, workspace.id, people))) as string[];
}

async function customerRow(id: string) {
  const [row] = await context.db.select().from(customers).where(eq(customers.id, id));
  return row!;
}

async function companyNamed(workspace: TestWorkspace, name: string) {
  const [row] = await context.db.select().from(companies).where(and(eq(companies.workspaceId, workspace.id), eq(companies.name, name)));
  return row;
}

async function companyNames(workspace: TestWorkspace): Promise<string[]> {
  const rows = await context.db.select({ name: companies.name }).from(companies).where(eq(companies.workspaceId, workspace.id));
  return rows.map((row) => row.name).sort();
}

async function getCompany(workspace: TestWorkspace, id: string) {
  const response = await workspace.owner.as.get(companyUrl(workspace, id));
  expect(response.statusCode, response.body).toBe(200);
  return CompanyDetailSchema.parse(response.json());
}

async function rename(workspace: TestWorkspace, id: string, name: string) {
  const response = await workspace.owner.as.patch(companyUrl(workspace, id), { name });
  expect(response.statusCode, response.body).toBe(200);
  return CompanySchema.parse(response.json());
}

async function merge(workspace: TestWorkspace, id: string, intoCompanyId: string) {
  const response = await workspace.owner.as.post(companyUrl(workspace, id, '/merge'), { intoCompanyId });
  expect(response.statusCode, response.body).toBe(200);
  return CompanyListItemSchema.parse(response.json());
}

async function auditOf(workspace: TestWorkspace, action: string) {
  const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit?action=${action}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Array<{ objectType: string; objectId: string; objectExists: boolean; summary: string }>;
}

/** `count` highlights said by the customer, in one ticket. */
async function highlightsBy(workspace: TestWorkspace, customerId: string, count: number) {
  const source = await createSource(context, workspace, { customerId });
  return Promise.all(Array.from({ length: count }, (_, index) => createHighlight(context, workspace, source, { start: index, end: index + 5 })));
}

describe('PATCH /companies/:id with a name', () => {
  it('renames the company, keeps its old name as an alias that the list searches, and logs it', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    const [ann] = await importPeople(workspace, [{ email: 'ann@acme.test', company: { name: 'Acme', segment: 'SMB' } }]);
    const acme = (await customerRow(ann!)).companyId!;

    const response = await researcher.as.patch(companyUrl(workspace, acme), { name: '  Acme Inc ' });
    expect(response.statusCode, response.body).toBe(200);
    expect(CompanySchema.parse(response.json())).toMatchObject({ id: acme, name: 'Acme Inc', segment: 'SMB' });
    expect(await getCompany(workspace, acme)).toMatchObject({ name: 'Acme Inc', aliases: ['Acme'], customers: 1 });
    const found = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/companies?q=acme`);
    expect(found.json().items.map((item: { name: string }) => item.name)).toEqual(['Acme Inc']);
    expect(await auditOf(workspace, 'company.rename')).toMatchObject([
      { objectType: 'company', objectId: acme, objectExists: true, summary: 'Renamed company “Acme” to “Acme Inc”; imports naming “Acme” still lead to it' },
    ]);

    // Changing only the case keeps one name: no alias of it.
    await rename(workspace, acme, 'ACME INC');
    expect(await getCompany(workspace, acme)).toMatchObject({ name: 'ACME INC', aliases: ['Acme'] });
  });

  it('puts people an import, a new customer or the fill names by the old name at the renamed company, creating no company of that name', async () => {
    const workspace = await createWorkspace(context);
    const [ann, ben] = await importPeople(workspace, [
      { email: 'ann@initech.com', company: { name: 'Initech' } },
      { email: 'ben@hooli.io' },
    ]);
    const initech = (await customerRow(ann!)).companyId!;
    const hooli = (await customerRow(ben!)).companyId!;
    await rename(workspace, initech, 'Initech Corporation');
    await rename(workspace, hooli, 'Hooli');

    // An import naming the old name, in any case, fills in the renamed company's empty fields.
    const csv = ['Ticket ID,Description,Requester Email,Company', 'T-1,Exports fail.,cy@initech.com,INITECH', 'T-2,Slow.,dee@hooli.io,'].join('\n');
    const done = await importThroughApi(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'tickets.csv', content: csv });
    expect(done.status, done.failure ?? '').toBe('done');
    const added = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/customers`, { email: 'eve@elsewhere.test', company: { name: 'initech', segment: 'Enterprise' } });
    expect(CustomerDetailSchema.parse(added.json()).company).toMatchObject({ id: initech, name: 'Initech Corporation', segment: 'Enterprise' });
    // A customer imported before email domains gave companies, filled in now: the domain is Hooli's old name.
    const [fay] = await context.db.insert(customers).values({ workspaceId: workspace.id, email: 'fay@hooli.io' }).returning();
    const fill = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/customers/companies-from-emails`, { dryRun: false });
    expect(FillCompaniesFromEmailsResultSchema.parse(fill.json())).toEqual({ dryRun: false, customers: 1, companies: 1, newCompanies: 0 });

    const byEmail = await context.db.select({ email: customers.email, companyId: customers.companyId }).from(customers).where(eq(customers.workspaceId, workspace.id));
    expect(Object.fromEntries(byEmail.map((row) => [row.email, row.companyId]))).toEqual({
      'ann@initech.com': initech,
      'cy@initech.com': initech,
      'eve@elsewhere.test': initech,
      'ben@hooli.io': hooli,
      'dee@hooli.io': hooli,
      [fay!.email!]: hooli,
    });
    expect(await companyNames(workspace)).toEqual(['Hooli', 'Initech Corporation']);
  });

  it('answers 409 naming the name, whatever its case, when another company has it, and says to merge instead', async () => {
    const workspace = await createWorkspace(context);
    const [ann, ben] = await importPeople(workspace, [
      { email: 'ann@acme.test', company: { name: 'Acme' } },
      { email: 'ben@acme.test', company: { name: 'Acme Inc' } },
    ]);
    const acme = (await customerRow(ann!)).companyId!;
    const response = await workspace.owner.as.patch(companyUrl(workspace, acme), { name: 'ACME inc' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'conflict', detail: 'A company named “Acme Inc” already exists: merge “Acme” into it instead' });
    expect(errorPaths(response)).toEqual(['body.name']);
    expect(await getCompany(workspace, acme)).toMatchObject({ name: 'Acme', aliases: [] });
    expect((await customerRow(ben!)).companyId).not.toBe(acme);
  });

  it("takes over a name that was another company's alias: imports naming it lead to the renamed company from then on", async () => {
    const workspace = await createWorkspace(context);
    const [ann, ben] = await importPeople(workspace, [
      { email: 'ann@globex.test', company: { name: 'Globex' } },
      { email: 'ben@other.test', company: { name: 'Other' } },
    ]);
    const globex = (await customerRow(ann!)).companyId!;
    const other = (await customerRow(ben!)).companyId!;
    await rename(workspace, globex, 'Globex Corporation');
    await rename(workspace, other, 'globex');
    expect(await getCompany(workspace, globex)).toMatchObject({ aliases: [] });
    expect(await getCompany(workspace, other)).toMatchObject({ name: 'globex', aliases: ['Other'] });
    const [cy] = await importPeople(workspace, [{ email: 'cy@globex.test', company: { name: 'Globex' } }]);
    expect((await customerRow(cy!)).companyId).toBe(other);
    expect((await auditOf(workspace, 'company.rename'))[0]!.summary).toBe(
      'Renamed company “Other” to “globex”; imports naming “Other” still lead to it, and those naming “globex” no longer lead to Globex Corporation',
    );

    // Renamed back to its old name, a company has no alias of it any more.
    await rename(workspace, other, 'Other');
    expect(await getCompany(workspace, other)).toMatchObject({ name: 'Other', aliases: ['globex'] });
  });

  it('lets aliases go, after which imports naming one create that company again; an alias it does not have is a 422', async () => {
    const workspace = await createWorkspace(context);
    const [ann] = await importPeople(workspace, [{ email: 'ann@acme.test', company: { name: 'Acme' } }]);
    const acme = (await customerRow(ann!)).companyId!;
    await rename(workspace, acme, 'Acme Ltd');
    await rename(workspace, acme, 'Acme Inc');
    expect(await getCompany(workspace, acme)).toMatchObject({ aliases: ['Acme', 'Acme Ltd'] });

    const unknown = await workspace.owner.as.patch(companyUrl(workspace, acme), { aliases: ['Acme', 'Acme GmbH'] });
    expect(unknown.statusCode).toBe(422);
    expect(errorPaths(unknown)).toEqual(['body.aliases']);
    const kept = await workspace.owner.as.patch(companyUrl(workspace, acme), { aliases: ['acme ltd'] });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(await getCompany(workspace, acme)).toMatchObject({ aliases: ['Acme Ltd'] });
    expect(await auditOf(workspace, 'company.update')).toMatchObject([
      { objectId: acme, summary: 'Let go of “Acme” as an alias of company Acme Inc: imports naming it create that company again' },
    ]);

    const [ben, cy] = await importPeople(workspace, [
      { email: 'ben@acme.test', company: { name: 'Acme' } },
      { email: 'cy@acme.test', company: { name: 'Acme Ltd' } },
    ]);
    expect((await customerRow(ben!)).companyId).toBe((await companyNamed(workspace, 'Acme'))!.id);
    expect((await customerRow(cy!)).companyId).toBe(acme);
  });

  it('answers 400 naming the field for an empty or overlong name, and 404 for a company of another workspace', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const [ann] = await importPeople(other, [{ email: 'ann@theirs.test', company: { name: 'Theirs' } }]);
    const theirs = (await customerRow(ann!)).companyId!;
    const [ben] = await importPeople(workspace, [{ email: 'ben@ours.test', company: { name: 'Ours' } }]);
    const ours = (await customerRow(ben!)).companyId!;
    for (const name of ['  ', 'x'.repeat(201)]) {
      const bad = await workspace.owner.as.patch(companyUrl(workspace, ours), { name });
      expect(bad.statusCode).toBe(400);
      expect(errorPaths(bad)).toEqual(['body.name']);
    }
    expect((await workspace.owner.as.patch(companyUrl(workspace, theirs), { name: 'Mine now' })).statusCode).toBe(404);
    expect((await companyNamed(other, 'Theirs'))?.id).toBe(theirs);
  });
});

describe('POST /companies/:id/merge', () => {
  /** Acme as a CRM named it and acme.com as email domains made it: two companies for one account, each with evidence. */
  async function duplicateAccounts() {
    const workspace = await createWorkspace(context);
    const [ann, ben, cy] = await importPeople(workspace, [
      { email: 'ann@acme.com', company: { name: 'Acme', segment: 'Enterprise' } },
      { email: 'ben@acme.com' },
      { email: 'cy@acme.com' },
    ]);
    const acme = (await customerRow(ann!)).companyId!;
    const domain = (await customerRow(ben!)).companyId!;
    expect(domain).not.toBe(acme);
    return { workspace, acme, domain, ann: ann!, ben: ben!, cy: cy! };
  }

  it("moves every customer and their evidence to the company kept, which then backs what they said, and deletes the other", async () => {
    const { workspace, acme, domain, ann, ben, cy } = await duplicateAccounts();
    const researcher = await createMember(context, workspace, 'researcher');
    // Ben's company was set by hand: he moves along, still marked, so imports keep not moving him.
    const edited = await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/customers/${ben}`, { company: { name: 'acme.com' } });
    expect(edited.json()).toMatchObject({ company: { id: domain }, companySetByHand: true });
    const [annSaid] = await highlightsBy(workspace, ann, 1);
    const [benSaid, benAgain] = await highlightsBy(workspace, ben, 2);
    const [cySaid] = await highlightsBy(workspace, cy, 1);
    const owner = workspace.owner.as;
    const problem = (await owner.post(`/api/workspaces/${workspace.id}/insights`, { type: 'problem', title: 'Exports fail' })).json();
    await owner.post(`/api/workspaces/${workspace.id}/insights/${problem.id}/evidence`, { highlightIds: [annSaid!.id, benSaid!.id] });
    const item = await createBacklogItem(context, workspace, { title: 'Streaming export' });
    await owner.post(`/api/workspaces/${workspace.id}/backlog-items/${item.id}/evidence`, { highlightIds: [benAgain!.id, cySaid!.id] });
    expect(await getCompany(workspace, acme)).toMatchObject({ customers: 1, evidence: { highlights: 1 }, insights: [{ id: problem.id, highlights: 1 }], backlogItems: [] });

    const response = await researcher.as.post(companyUrl(workspace, domain, '/merge'), { intoCompanyId: acme });
    expect(response.statusCode, response.body).toBe(200);
    expect(CompanyListItemSchema.parse(response.json())).toMatchObject({ id: acme, name: 'Acme', customers: 3, evidence: { sources: 3, highlights: 4 } });

    const kept = await getCompany(workspace, acme);
    expect(kept).toMatchObject({ aliases: ['acme.com'], insights: [{ id: problem.id, highlights: 2 }], backlogItems: [{ id: item.id, highlights: 2 }] });
    const highlights = await owner.get(`/api/workspaces/${workspace.id}/highlights?companyId=${acme}`);
    expect(highlights.json().total).toBe(4);
    expect(await customerRow(ben)).toMatchObject({ companyId: acme, companySetByHand: true });
    expect(await customerRow(cy)).toMatchObject({ companyId: acme, companySetByHand: false });
    expect((await owner.get(companyUrl(workspace, domain))).statusCode).toBe(404);
    expect(await companyNames(workspace)).toEqual(['Acme']);
    const score = (await owner.get(`/api/workspaces/${workspace.id}/backlog-items/${item.id}`)).json().score;
    expect(score).toMatchObject({ customers: 2, companies: 1 });

    expect(await auditOf(workspace, 'company.merge')).toMatchObject([
      {
        objectId: acme,
        objectExists: true,
        summary: 'Merged company “acme.com” (2 customers) into “Acme” (1 customer): 2 customers moved; imports naming “acme.com” now lead to “Acme”',
      },
    ]);
  });

  it('sends people imports or email domains name by the merged name, or by its aliases, to the company kept', async () => {
    const { workspace, acme, domain } = await duplicateAccounts();
    await rename(workspace, domain, 'Acme (web sign-ups)');
    await merge(workspace, domain, acme);
    expect(await getCompany(workspace, acme)).toMatchObject({ aliases: ['Acme (web sign-ups)', 'acme.com'] });
    const [dee, eve] = await importPeople(workspace, [{ email: 'dee@acme.com' }, { email: 'eve@elsewhere.test', company: { name: 'ACME (web sign-ups)' } }]);
    expect((await customerRow(dee!)).companyId).toBe(acme);
    expect((await customerRow(eve!)).companyId).toBe(acme);
    expect(await companyNames(workspace)).toEqual(['Acme']);
  });

  it("keeps the kept company's fields, takes the merged one's where its own are empty, and leaves a field emptied by hand empty", async () => {
    const workspace = await createWorkspace(context);
    const [ann, ben] = await importPeople(workspace, [
      { email: 'ann@globex.test', company: { name: 'Globex', segment: 'Enterprise', plan: 'Scale' } },
      { email: 'ben@globex.test', company: { name: 'Globex Corp', segment: 'SMB', plan: 'Starter', annualRevenue: 2_000_000 } },
    ]);
    const globex = (await customerRow(ann!)).companyId!;
    const corp = (await customerRow(ben!)).companyId!;
    // On the one kept, a person emptied the plan; on the merged one, they set the revenue.
    await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/customers/${ann}`, { company: { name: 'Globex', plan: null } });
    await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/customers/${ben}`, { company: { name: 'Globex Corp', annualRevenue: 2_500_000 } });

    const kept = await merge(workspace, corp, globex);
    expect(kept).toMatchObject({ segment: 'Enterprise', plan: null, annualRevenue: 2_500_000, fieldsSetByHand: ['plan', 'annualRevenue'] });
    expect((await auditOf(workspace, 'company.merge'))[0]!.summary).toContain('and “Globex” took its annual revenue;');
    // Ben's company was set by hand when his revenue was: he stays marked at Globex.
    expect(await customerRow(ben!)).toMatchObject({ companyId: globex, companySetByHand: true });
  });

  it('answers 400 naming intoCompanyId for the company itself or a malformed id, changing nothing', async () => {
    const { workspace, acme } = await duplicateAccounts();
    for (const intoCompanyId of [acme, 'acme']) {
      const response = await workspace.owner.as.post(companyUrl(workspace, acme, '/merge'), { intoCompanyId });
      expect(response.statusCode).toBe(400);
      expect(errorPaths(response)).toEqual(['body.intoCompanyId']);
    }
    expect(await getCompany(workspace, acme)).toMatchObject({ customers: 1, aliases: [] });
  });

  it('answers 404 when either company belongs to another workspace, naming intoCompanyId for the one to keep, and moves nobody', async () => {
    const { workspace, acme, domain } = await duplicateAccounts();
    const other = await duplicateAccounts();
    const intoTheirs = await workspace.owner.as.post(companyUrl(workspace, domain, '/merge'), { intoCompanyId: other.acme });
    expect(intoTheirs.statusCode).toBe(404);
    expect(errorPaths(intoTheirs)).toEqual(['body.intoCompanyId']);
    const theirsIntoOurs = await workspace.owner.as.post(companyUrl(workspace, other.domain, '/merge'), { intoCompanyId: acme });
    expect(theirsIntoOurs.statusCode).toBe(404);
    expect(theirsIntoOurs.json().detail).toBe('Company not found');
    // A member of the other workspace cannot reach ours either way.
    expect((await other.workspace.owner.as.post(companyUrl(other.workspace, other.domain, '/merge'), { intoCompanyId: acme })).statusCode).toBe(404);
    expect(await getCompany(workspace, domain)).toMatchObject({ customers: 2 });
    expect(await getCompany(other.workspace, other.domain)).toMatchObject({ customers: 2 });
    expect(await getCompany(other.workspace, other.acme)).toMatchObject({ customers: 1, aliases: [] });
  });

  it.each<Role>(['viewer', 'contributor'])('refuses a %s (403), as member or token', async (role) => {
    const { workspace, acme, domain } = await duplicateAccounts();
    const member = await createMember(context, workspace, role);
    expect((await member.as.post(companyUrl(workspace, domain, '/merge'), { intoCompanyId: acme })).statusCode).toBe(403);
    const token = await createTokenCaller(context, workspace, role);
    expect((await token.post(companyUrl(workspace, domain, '/merge'), { intoCompanyId: acme })).statusCode).toBe(403);
    expect(await getCompany(workspace, domain)).toMatchObject({ customers: 2 });
  });
});

describe('DELETE /companies/:id', () => {
  async function companyWithPeople() {
    const workspace = await createWorkspace(context);
    const [ann, ben] = await importPeople(workspace, [{ email: 'ann@ziggo.nl' }, { email: 'ben@ziggo.nl' }]);
    const ziggo = (await customerRow(ann!)).companyId!;
    await highlightsBy(workspace, ann!, 2);
    return { workspace, ziggo, ann: ann!, ben: ben! };
  }

  it('deletes the company and keeps its customers, with what they said, without a company and as cleared by hand', async () => {
    const { workspace, ziggo, ann, ben } = await companyWithPeople();
    const researcher = await createMember(context, workspace, 'researcher');
    const response = await researcher.as.delete(companyUrl(workspace, ziggo));
    expect(response.statusCode, response.body).toBe(204);

    expect((await workspace.owner.as.get(companyUrl(workspace, ziggo))).statusCode).toBe(404);
    const profile = CustomerDetailSchema.parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/customers/${ann}`)).json());
    expect(profile).toMatchObject({ company: null, companySetByHand: true, evidence: { sources: 1, highlights: 2 } });
    expect(await customerRow(ben)).toMatchObject({ companyId: null, companySetByHand: true });
    expect(await auditOf(workspace, 'company.delete')).toMatchObject([
      {
        objectType: 'company',
        objectId: ziggo,
        objectExists: false,
        summary:
          'Deleted company “ziggo.nl”; its 2 customers stay without a company, which imports and email domains leave empty; new people at ziggo.nl get no company from their email',
      },
    ]);
  });

  it('is not undone for its customers by the fill from email domains or an import naming it', async () => {
    const { workspace, ziggo } = await companyWithPeople();
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(204);
    const fill = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/customers/companies-from-emails`, { dryRun: true });
    expect(FillCompaniesFromEmailsResultSchema.parse(fill.json())).toMatchObject({ customers: 0 });
    const [ann, ben] = await importPeople(workspace, [{ email: 'ann@ziggo.nl', company: { name: 'ziggo.nl' } }, { email: 'ben@ziggo.nl' }]);
    expect((await customerRow(ann!)).companyId).toBeNull();
    expect((await customerRow(ben!)).companyId).toBeNull();
    expect(await companyNames(workspace)).toEqual([]);
  });

  it('stays deleted: new people at its domain get no company from an import, POST /customers, a source or the fill, and their profile says why', async () => {
    const { workspace, ziggo } = await companyWithPeople();
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(204);
    const csv = ['Ticket ID,Description,Requester Email', 'T-1,Exports fail.,cy@ziggo.nl', 'T-2,Slow.,dee@eu.ziggo.nl', 'T-3,Login.,eve@hooli.io'].join('\n');
    const done = await importThroughApi(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'tickets.csv', content: csv });
    expect(done.status, done.failure ?? '').toBe('done');
    const added = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/customers`, { email: 'fay@ziggo.nl' });
    expect(added.statusCode, added.body).toBe(201);
    expect(CustomerDetailSchema.parse(added.json())).toMatchObject({ company: null, companySetByHand: false, deletedCompanyDomain: { domain: 'ziggo.nl', companyName: 'ziggo.nl' } });
    const source = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/sources`, { kind: 'ticket', title: 'Slow', body: 'It is slow.', customer: { email: 'gus@ziggo.nl' } });
    expect(source.statusCode, source.body).toBe(201);
    // Customers from before email domains gave companies, and the deleted company's, handed back to imports.
    await context.db.insert(customers).values({ workspaceId: workspace.id, email: 'hal@ziggo.nl' });
    const fill = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/customers/companies-from-emails`, { dryRun: false });
    expect(FillCompaniesFromEmailsResultSchema.parse(fill.json())).toEqual({ dryRun: false, customers: 0, companies: 0, newCompanies: 0 });

    expect(await companyNames(workspace)).toEqual(['hooli.io']);
    const byEmail = await context.db.select({ email: customers.email, companyId: customers.companyId }).from(customers).where(eq(customers.workspaceId, workspace.id));
    expect(byEmail.filter((row) => row.email!.endsWith('ziggo.nl')).map((row) => row.companyId)).toEqual(Array(7).fill(null));
    const list = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/customers?q=hooli`);
    expect(list.json().items).toMatchObject([{ email: 'eve@hooli.io', deletedCompanyDomain: null }]);
  });

  it('remembers each of its names that is an email domain, an old one too, under its name, and a company named so again leads people there', async () => {
    const workspace = await createWorkspace(context);
    const [ann] = await importPeople(workspace, [{ email: 'ann@ziggo.nl' }]);
    const ziggo = (await customerRow(ann!)).companyId!;
    await rename(workspace, ziggo, 'Ziggo');
    const [ben] = await importPeople(workspace, [{ email: 'ben@vodafone.nl', company: { name: 'Vodafone' } }]);
    await merge(workspace, (await customerRow(ben!)).companyId!, ziggo);
    expect(await getCompany(workspace, ziggo)).toMatchObject({ aliases: ['Vodafone', 'ziggo.nl'], emailDomains: ['ziggo.nl'] });
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(204);
    expect((await auditOf(workspace, 'company.delete'))[0]!.summary).toContain('; new people at ziggo.nl get no company from their email');

    const [cy] = await importPeople(workspace, [{ email: 'cy@ziggo.nl' }]);
    const profile = CustomerDetailSchema.parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/customers/${cy}`)).json());
    expect(profile).toMatchObject({ company: null, deletedCompanyDomain: { domain: 'ziggo.nl', companyName: 'Ziggo' } });
    // A name that is not a domain is not remembered: an import naming it creates it, as it would any company.
    const [dee] = await importPeople(workspace, [{ email: 'dee@vodafone.nl', company: { name: 'Vodafone' } }]);
    expect((await customerRow(dee!)).companyId).toBe((await companyNamed(workspace, 'Vodafone'))!.id);
    // An import naming the domain itself creates that company, and people writing from there lead to it again.
    const [eve, fay] = await importPeople(workspace, [{ email: 'eve@ziggo.nl', company: { name: 'ziggo.nl' } }, { email: 'fay@ziggo.nl' }]);
    const recreated = (await companyNamed(workspace, 'ziggo.nl'))!.id;
    expect([(await customerRow(eve!)).companyId, (await customerRow(fay!)).companyId]).toEqual([recreated, recreated]);
    expect(CustomerDetailSchema.parse((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/customers/${cy}`)).json()).deletedCompanyDomain).toBeNull();
  });

  it('is lifted by a person naming a company by that domain, in Edit customer or a rename, which the audit log says', async () => {
    const { workspace, ziggo, ann } = await companyWithPeople();
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(204);
    const edited = await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/customers/${ann}`, { company: { name: 'Ziggo.nl' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(CustomerDetailSchema.parse(edited.json())).toMatchObject({ company: { name: 'Ziggo.nl' }, companySetByHand: true, deletedCompanyDomain: null });
    const edits = await auditOf(workspace, 'customer.update');
    expect(edits[0]!.summary).toMatch(/; new people at ziggo\.nl are put at “Ziggo\.nl” again$/);
    const [cy] = await importPeople(workspace, [{ email: 'cy@ziggo.nl' }]);
    const remade = (await customerRow(ann)).companyId!;
    expect((await customerRow(cy!)).companyId).toBe(remade);

    // Deleted again, then a company renamed to the domain lifts it too.
    expect((await workspace.owner.as.delete(companyUrl(workspace, remade))).statusCode).toBe(204);
    const [dee] = await importPeople(workspace, [{ email: 'dee@kpn.com', company: { name: 'KPN' } }]);
    const kpn = (await customerRow(dee!)).companyId!;
    await rename(workspace, kpn, 'ziggo.nl');
    await rename(workspace, kpn, 'KPN Ziggo');
    expect((await auditOf(workspace, 'company.rename')).map((event) => event.summary)).toEqual([
      'Renamed company “ziggo.nl” to “KPN Ziggo”; imports naming “ziggo.nl” still lead to it',
      'Renamed company “KPN” to “ziggo.nl”; imports naming “KPN” still lead to it; new people at ziggo.nl are put at “ziggo.nl” again',
    ]);
    // Its old name, an alias now, leads people at the domain to it; once let go, the domain names a company of its own, as any would.
    const [eve] = await importPeople(workspace, [{ email: 'eve@ziggo.nl' }]);
    expect((await customerRow(eve!)).companyId).toBe(kpn);
    expect((await workspace.owner.as.patch(companyUrl(workspace, kpn), { aliases: ['KPN'] })).statusCode).toBe(200);
    const [fay] = await importPeople(workspace, [{ email: 'fay@ziggo.nl' }]);
    expect((await customerRow(fay!)).companyId).toBe((await companyNamed(workspace, 'ziggo.nl'))!.id);
  });

  it("keeps to its workspace: people at the same domain elsewhere still get that workspace's company", async () => {
    const { workspace, ziggo } = await companyWithPeople();
    const other = await companyWithPeople();
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(204);
    const added = await other.workspace.owner.as.post(`/api/workspaces/${other.workspace.id}/customers`, { email: 'cy@ziggo.nl' });
    expect(CustomerDetailSchema.parse(added.json())).toMatchObject({ company: { id: other.ziggo }, deletedCompanyDomain: null });
    const [dee] = await importPeople(other.workspace, [{ email: 'dee@ziggo.nl' }]);
    expect((await customerRow(dee!)).companyId).toBe(other.ziggo);
    // The other workspace's own delete is its own.
    expect((await other.workspace.owner.as.delete(companyUrl(other.workspace, other.ziggo))).statusCode).toBe(204);
    expect((await other.workspace.owner.as.patch(`/api/workspaces/${other.workspace.id}/customers/${dee}`, { company: { name: 'ziggo.nl' } })).statusCode).toBe(200);
    const [eve] = await importPeople(workspace, [{ email: 'eve@ziggo.nl' }]);
    expect((await customerRow(eve!)).companyId).toBeNull();
  });

  it('takes its aliases with it, and answers 404 for a company of another workspace or one already deleted', async () => {
    const { workspace, ziggo } = await companyWithPeople();
    const other = await companyWithPeople();
    await rename(workspace, ziggo, 'Ziggo');
    expect((await workspace.owner.as.delete(companyUrl(other.workspace, other.ziggo))).statusCode).toBe(404);
    expect((await workspace.owner.as.delete(companyUrl(workspace, other.ziggo))).statusCode).toBe(404);
    expect(await getCompany(other.workspace, other.ziggo)).toMatchObject({ customers: 2 });
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(204);
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(404);
    // Its alias went with it: an import naming it creates it.
    const [dee] = await importPeople(workspace, [{ email: 'dee@elsewhere.test', company: { name: 'ziggo.nl' } }]);
    expect((await customerRow(dee!)).companyId).toBe((await companyNamed(workspace, 'ziggo.nl'))!.id);
  });

  it.each<Role>(['viewer', 'contributor'])('refuses a %s (403), as member or token', async (role) => {
    const { workspace, ziggo } = await companyWithPeople();
    const member = await createMember(context, workspace, role);
    expect((await member.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(403);
    expect((await (await createTokenCaller(context, workspace, role)).delete(companyUrl(workspace, ziggo))).statusCode).toBe(403);
    expect(await getCompany(workspace, ziggo)).toMatchObject({ customers: 2 });
  });
});

describe('GET and DELETE /deleted-company-domains', () => {
  const domainsUrl = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/deleted-company-domains${rest}`;

  async function listDomains(workspace: TestWorkspace, caller = workspace.owner.as) {
    const response = await caller.get(domainsUrl(workspace));
    expect(response.statusCode, response.body).toBe(200);
    return DeletedCompanyDomainListSchema.parse(response.json()).items;
  }

  /** A workspace whose company named by `domain`, with one customer there, was deleted. */
  async function deletedDomain(domain = 'ziggo.nl') {
    const workspace = await createWorkspace(context);
    const [ann] = await importPeople(workspace, [{ email: `ann@${domain}` }]);
    expect((await workspace.owner.as.delete(companyUrl(workspace, (await customerRow(ann!)).companyId!))).statusCode).toBe(204);
    const [item] = await listDomains(workspace);
    return { workspace, ann: ann!, item: item! };
  }

  it('lists the domains of deleted companies to any member, most recently deleted first, with the company that goes by one again', async () => {
    const workspace = await createWorkspace(context);
    const [ann] = await importPeople(workspace, [{ email: 'ann@ziggo.nl' }]);
    const ziggo = (await customerRow(ann!)).companyId!;
    await rename(workspace, ziggo, 'Ziggo');
    expect((await workspace.owner.as.delete(companyUrl(workspace, ziggo))).statusCode).toBe(204);
    const [cy] = await importPeople(workspace, [{ email: 'cy@hooli.io' }]);
    expect((await workspace.owner.as.delete(companyUrl(workspace, (await customerRow(cy!)).companyId!))).statusCode).toBe(204);
    // An import naming hooli.io brings that company back: it holds the domain, which is still remembered.
    const [dee] = await importPeople(workspace, [{ email: 'dee@example.org', company: { name: 'hooli.io' } }]);
    const hooli = (await customerRow(dee!)).companyId!;

    const viewer = await createMember(context, workspace, 'viewer');
    const items = await listDomains(workspace, viewer.as);
    expect(items.map(({ domain, companyName, heldBy }) => ({ domain, companyName, heldBy }))).toEqual([
      { domain: 'hooli.io', companyName: 'hooli.io', heldBy: { id: hooli, name: 'hooli.io' } },
      { domain: 'ziggo.nl', companyName: 'Ziggo', heldBy: null },
    ]);
    expect(Date.parse(items[0]!.deletedAt)).toBeGreaterThanOrEqual(Date.parse(items[1]!.deletedAt));
    expect(await listDomains(await createWorkspace(context))).toEqual([]);
  });

  it('forgets one: new people at the domain are put at a company of that name again, those at the deleted company stay without, and the audit log says so', async () => {
    const { workspace, ann, item } = await deletedDomain();
    const researcher = await createMember(context, workspace, 'researcher');
    const response = await researcher.as.delete(domainsUrl(workspace, `/${item.id}`));
    expect(response.statusCode, response.body).toBe(204);
    expect(await listDomains(workspace)).toEqual([]);

    const [cy] = await importPeople(workspace, [{ email: 'cy@ziggo.nl' }]);
    const recreated = (await companyNamed(workspace, 'ziggo.nl'))!.id;
    expect((await customerRow(cy!)).companyId).toBe(recreated);
    expect(await customerRow(ann)).toMatchObject({ companyId: null, companySetByHand: true });
    expect(await auditOf(workspace, 'company.forget_domain')).toMatchObject([
      { objectType: 'company', objectId: null, summary: 'Forgot ziggo.nl as the email domain of deleted company “ziggo.nl”; new people at ziggo.nl are put at “ziggo.nl” again' },
    ]);
    // Forgotten already: nothing left to forget.
    expect((await researcher.as.delete(domainsUrl(workspace, `/${item.id}`))).statusCode).toBe(404);
  });

  it("answers 404 for another workspace's domain and 400 for a malformed id, forgetting nothing", async () => {
    const { workspace, item } = await deletedDomain();
    const other = await deletedDomain();
    expect((await workspace.owner.as.delete(domainsUrl(workspace, `/${other.item.id}`))).statusCode).toBe(404);
    expect((await workspace.owner.as.delete(domainsUrl(other.workspace, `/${other.item.id}`))).statusCode).toBe(404);
    const malformed = await workspace.owner.as.delete(domainsUrl(workspace, '/not-an-id'));
    expect([malformed.statusCode, errorPaths(malformed)]).toEqual([400, ['params.id']]);
    expect(await listDomains(other.workspace)).toEqual([other.item]);
    expect(await listDomains(workspace)).toEqual([item]);
  });

  it.each<Role>(['viewer', 'contributor'])('refuses a %s who would forget one (403), as member or token', async (role) => {
    const { workspace, item } = await deletedDomain();
    const member = await createMember(context, workspace, role);
    expect((await member.as.delete(domainsUrl(workspace, `/${item.id}`))).statusCode).toBe(403);
    expect((await (await createTokenCaller(context, workspace, role)).delete(domainsUrl(workspace, `/${item.id}`))).statusCode).toBe(403);
    expect(await listDomains(workspace)).toEqual([item]);
  });
});

describe('the audit log of company edits', () => {
  it('files renames, merges and deletes under Customers', async () => {
    const workspace = await createWorkspace(context);
    const [ann, ben] = await importPeople(workspace, [
      { email: 'ann@a.test', company: { name: 'A' } },
      { email: 'ben@b.test', company: { name: 'B' } },
    ]);
    const a = (await customerRow(ann!)).companyId!;
    const b = (await customerRow(ben!)).companyId!;
    await rename(workspace, a, 'A1');
    await merge(workspace, a, b);
    expect((await workspace.owner.as.delete(companyUrl(workspace, b))).statusCode).toBe(204);
    const events = await auditOf(workspace, 'customer');
    expect(events.map((event) => event.summary.split(' ').slice(0, 2).join(' '))).toEqual(['Deleted company', 'Merged company', 'Renamed company']);
    const rows = await context.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(rows.map((row) => row.action).filter((action) => action.startsWith('company.')).sort()).toEqual(['company.delete', 'company.merge', 'company.rename']);
  });
});
