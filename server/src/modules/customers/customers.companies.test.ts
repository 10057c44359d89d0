import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BacklogItemDetailSchema, CompanySchema, FillCompaniesFromEmailsResultSchema, pageOf, CustomerDetailSchema, type Role } from '@cairn/shared';
import { auditEvents, companies, customers, sources } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createBacklogItem, createCustomer, createHighlight, createMember, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { importThroughApi } from '../../../test/imports.js';
import * as customersRepository from './customers.repository.js';
import { resolveCustomers } from './customers.service.js';

// Companies from the domain of a work email: on import, on the API's create, and by the admin's fill for customers imported before.
const context = useTestApp();

const customersUrl = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/customers${rest}`;
const fillUrl = (workspace: TestWorkspace) => customersUrl(workspace, '/companies-from-emails');
const companyUrl = (workspace: TestWorkspace, id: string) => `/api/workspaces/${workspace.id}/companies/${id}`;

/** A help desk export whose requesters have emails, only one of them a company. */
const HELPDESK_CSV = [
  'Ticket ID,Subject,Description,Requester Email,Requester,Company,Created',
  'H-1,Export fails,The CSV export fails for a year of data.,jane@acme.co.uk,Jane Doe,,2024-03-01',
  'H-2,Export slow,Exports take minutes on our team workspace.,raj@eu.acme.co.uk,Raj Patel,,2024-03-02',
  'H-3,Invoices,Where do I find my invoices?,li.wei@gmail.com,Li Wei,,2024-03-03',
  'H-4,Login,I cannot sign in since Monday.,max@web.de,Max Müller,,2024-03-04',
  'H-5,SSO,We need SAML before the roll-out.,ana@initech.com,Ana Lima,Initech Inc,2024-03-05',
  'H-6,API limits,Our sync hits the rate limit every night.,bo@hooli.io,Bo Chen,,2024-03-06',
  'H-7,Refund,Please refund the second charge.,sam@hotmail.co.uk,Sam Reed,,2024-03-07',
].join('\n');

/** Email → company name of the workspace's customers (null: none). */
async function companyByEmail(workspace: TestWorkspace): Promise<Record<string, string | null>> {
  const response = await workspace.owner.as.get(customersUrl(workspace, '?limit=100'));
  expect(response.statusCode, response.body).toBe(200);
  const page = pageOf(CustomerDetailSchema).parse(response.json());
  return Object.fromEntries(page.items.map((customer) => [customer.email ?? customer.name, customer.company?.name ?? null]));
}

async function importHelpdesk(workspace: TestWorkspace, csv = HELPDESK_CSV) {
  const done = await importThroughApi(workspace.owner.as, workspace.id, 'tickets-csv', { name: 'helpdesk.csv', content: csv });
  expect(done.status, done.failure ?? '').toBe('done');
  return done;
}

describe('companies from email domains on import', () => {
  it("puts customers with a work email and no company at their email's domain, never at a mail provider, and keeps a company the file names", async () => {
    const workspace = await createWorkspace(context);
    expect((await importHelpdesk(workspace)).counts).toMatchObject({ created: 7, rejected: 0 });
    expect(await companyByEmail(workspace)).toEqual({
      'jane@acme.co.uk': 'acme.co.uk',
      'raj@eu.acme.co.uk': 'acme.co.uk',
      'li.wei@gmail.com': null,
      'max@web.de': null,
      'ana@initech.com': 'Initech Inc',
      'bo@hooli.io': 'hooli.io',
      'sam@hotmail.co.uk': null,
    });
    const names = (await context.db.select({ name: companies.name }).from(companies).where(eq(companies.workspaceId, workspace.id))).map((row) => row.name);
    expect(names.sort()).toEqual(['Initech Inc', 'acme.co.uk', 'hooli.io']);
  });

  it("counts those companies in a backlog item's evidence score", async () => {
    const workspace = await createWorkspace(context);
    await importHelpdesk(workspace);
    const item = await createBacklogItem(context, workspace, { title: 'Faster, reliable exports' });
    const imported = await context.db.select().from(sources).where(eq(sources.workspaceId, workspace.id));
    const quotes = await Promise.all(imported.map((source) => createHighlight(context, workspace, source)));
    const linked = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/backlog-items/${item.id}/evidence`, { highlightIds: quotes.map((quote) => quote.id) });
    expect(linked.statusCode, linked.body).toBe(200);
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/backlog-items/${item.id}`);
    // Seven people at three companies: acme.co.uk (twice), hooli.io and Initech Inc; the three on mail providers at none.
    expect(BacklogItemDetailSchema.parse(response.json()).score).toMatchObject({ customers: 7, companies: 3 });
  });

  it('never replaces a company a customer has, whether an import or a person set it, when a later import gives none', async () => {
    const workspace = await createWorkspace(context);
    await importHelpdesk(workspace);
    const [jane] = await context.db.select().from(customers).where(and(eq(customers.workspaceId, workspace.id), eq(customers.email, 'jane@acme.co.uk')));
    const edited = await workspace.owner.as.patch(customersUrl(workspace, `/${jane!.id}`), { company: { name: 'Acme Holdings' } });
    expect(edited.statusCode, edited.body).toBe(200);
    await importHelpdesk(workspace, HELPDESK_CSV.replaceAll('2024-03', '2024-04').replaceAll('H-', 'H2-'));
    expect(await companyByEmail(workspace)).toMatchObject({ 'jane@acme.co.uk': 'Acme Holdings', 'raj@eu.acme.co.uk': 'acme.co.uk', 'ana@initech.com': 'Initech Inc' });
  });

  it('gives a customer whose later row names a company that company instead of the one of their domain', async () => {
    const workspace = await createWorkspace(context);
    await importHelpdesk(workspace);
    await importHelpdesk(workspace, 'Ticket ID,Description,Requester Email,Company\nH-8,Still failing.,jane@acme.co.uk,Acme Ltd\n');
    expect((await companyByEmail(workspace))['jane@acme.co.uk']).toBe('Acme Ltd');
  });
});

describe('companies from email domains on POST /customers', () => {
  it('puts a new customer with a work email at its domain, unless the body names a company or the email is a mail provider', async () => {
    const workspace = await createWorkspace(context);
    const add = async (body: object) => {
      const response = await workspace.owner.as.post(customersUrl(workspace), body);
      expect(response.statusCode, response.body).toBe(201);
      return CustomerDetailSchema.parse(response.json()).company?.name ?? null;
    };
    expect(await add({ email: 'kim@Globex.com' })).toBe('globex.com');
    expect(await add({ email: 'lee@globex.com', company: { name: 'Globex Corporation' } })).toBe('Globex Corporation');
    expect(await add({ email: 'someone@yahoo.com' })).toBeNull();
    expect(await add({ email: 'demo@example.com' })).toBeNull();
  });
});

describe('POST /customers/companies-from-emails', () => {
  /** Customers as imports before this feature left them: emails, and companies only where the file named one. */
  async function legacyWorkspace() {
    const workspace = await createWorkspace(context);
    const [initech] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Initech' }).returning();
    const [hooli] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'hooli.io', segment: 'Enterprise' }).returning();
    const people = {
      jane: await createCustomer(context, workspace, { email: 'jane@acme.co.uk' }),
      raj: await createCustomer(context, workspace, { email: 'raj@eu.acme.co.uk' }),
      bo: await createCustomer(context, workspace, { email: 'bo@hooli.io' }),
      ana: await createCustomer(context, workspace, { email: 'ana@initech.com', companyId: initech!.id }),
      li: await createCustomer(context, workspace, { email: 'li.wei@gmail.com' }),
      nameOnly: await createCustomer(context, workspace, { email: null, name: 'Walk-in' }),
    };
    return { workspace, people, initech: initech!, hooli: hooli! };
  }

  const fill = async (workspace: TestWorkspace, dryRun: boolean) => {
    const response = await workspace.owner.as.post(fillUrl(workspace), { dryRun });
    expect(response.statusCode, response.body).toBe(200);
    return FillCompaniesFromEmailsResultSchema.parse(response.json());
  };
  const auditOf = (workspace: TestWorkspace) =>
    context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'customer.companies_from_emails')));

  it('counts on a dry run what it would fill, and changes nothing', async () => {
    const { workspace } = await legacyWorkspace();
    expect(await fill(workspace, true)).toEqual({ dryRun: true, customers: 3, companies: 2, newCompanies: 1 });
    expect(await companyByEmail(workspace)).toMatchObject({ 'jane@acme.co.uk': null, 'bo@hooli.io': null });
    expect(await auditOf(workspace)).toHaveLength(0);
  });

  it('fills them in, reusing a company of that name, leaves set companies and mail providers alone, and logs one event', async () => {
    const { workspace, people, hooli } = await legacyWorkspace();
    expect(await fill(workspace, false)).toEqual({ dryRun: false, customers: 3, companies: 2, newCompanies: 1 });
    expect(await companyByEmail(workspace)).toEqual({
      'jane@acme.co.uk': 'acme.co.uk',
      'raj@eu.acme.co.uk': 'acme.co.uk',
      'bo@hooli.io': 'hooli.io',
      'ana@initech.com': 'Initech',
      'li.wei@gmail.com': null,
      'Walk-in': null,
    });
    const [bo] = await context.db.select().from(customers).where(eq(customers.id, people.bo.id));
    expect(bo!.companyId).toBe(hooli.id);
    const events = await auditOf(workspace);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: workspace.owner.id, objectType: 'customer', summary: expect.stringContaining('3 customers') });
    expect(await fill(workspace, true)).toEqual({ dryRun: true, customers: 0, companies: 0, newCompanies: 0 });
  });

  it("touches no other workspace's customers, and answers 404 to a member of another workspace", async () => {
    const { workspace } = await legacyWorkspace();
    const other = await createWorkspace(context);
    const theirs = await createCustomer(context, other, { email: 'zoe@umbrella.com' });
    expect(await fill(workspace, false)).toMatchObject({ customers: 3 });
    const [untouched] = await context.db.select().from(customers).where(eq(customers.id, theirs.id));
    expect(untouched!.companyId).toBeNull();
    expect((await other.owner.as.post(fillUrl(workspace), { dryRun: true })).statusCode).toBe(404);
  });

  it.each<Role>(['viewer', 'contributor', 'researcher'])('refuses a %s (403), as member or token', async (role) => {
    const { workspace } = await legacyWorkspace();
    const member = await createMember(context, workspace, role);
    expect((await member.as.post(fillUrl(workspace), { dryRun: true })).statusCode).toBe(403);
    expect((await (await createTokenCaller(context, workspace, role)).post(fillUrl(workspace), { dryRun: false })).statusCode).toBe(403);
    expect(await companyByEmail(workspace)).toMatchObject({ 'jane@acme.co.uk': null });
  });

  it('lets an admin fill', async () => {
    const { workspace } = await legacyWorkspace();
    const admin = await createMember(context, workspace, 'admin');
    const response = await admin.as.post(fillUrl(workspace), { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ customers: 3 });
  });

  it('answers 400 naming the field for a dryRun that is not a boolean or an unknown field', async () => {
    const workspace = await createWorkspace(context);
    const bad = await workspace.owner.as.post(fillUrl(workspace), { dryRun: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['body.dryRun']);
    const unknown = await workspace.owner.as.post(fillUrl(workspace), { dryRun: true, domains: ['acme.com'] });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('a company set or cleared by hand', () => {
  const customerOf = async (workspace: TestWorkspace, email: string) => {
    const [row] = await context.db.select().from(customers).where(and(eq(customers.workspaceId, workspace.id), eq(customers.email, email)));
    return row!;
  };
  const edit = async (workspace: TestWorkspace, id: string, body: object) => {
    const response = await workspace.owner.as.patch(customersUrl(workspace, `/${id}`), body);
    expect(response.statusCode, response.body).toBe(200);
    return CustomerDetailSchema.parse(response.json());
  };
  const fill = async (workspace: TestWorkspace, dryRun: boolean) => {
    const response = await workspace.owner.as.post(fillUrl(workspace), { dryRun });
    expect(response.statusCode, response.body).toBe(200);
    return FillCompaniesFromEmailsResultSchema.parse(response.json());
  };
  const companyNames = async (workspace: TestWorkspace) =>
    (await context.db.select({ name: companies.name }).from(companies).where(eq(companies.workspaceId, workspace.id))).map((row) => row.name).sort();

  it('says so on the customer once a person names or clears the company, and only then', async () => {
    const workspace = await createWorkspace(context);
    await importHelpdesk(workspace);
    const jane = await customerOf(workspace, 'jane@acme.co.uk');
    const detail = await workspace.owner.as.get(customersUrl(workspace, `/${jane.id}`));
    expect(CustomerDetailSchema.parse(detail.json())).toMatchObject({ company: { name: 'acme.co.uk' }, companySetByHand: false });
    expect(await edit(workspace, jane.id, { name: 'Jane Q. Doe' })).toMatchObject({ company: { name: 'acme.co.uk' }, companySetByHand: false });
    expect(await edit(workspace, jane.id, { company: null })).toMatchObject({ company: null, companySetByHand: true });
    const created = await workspace.owner.as.post(customersUrl(workspace), { email: 'new@globex.com', company: { name: 'Globex' } });
    expect(CustomerDetailSchema.parse(created.json())).toMatchObject({ company: { name: 'Globex' }, companySetByHand: false });
  });

  it('keeps a company cleared by hand cleared when an import sends the customer again, while a new customer still gets their domain', async () => {
    const workspace = await createWorkspace(context);
    await importHelpdesk(workspace);
    const jane = await customerOf(workspace, 'jane@acme.co.uk');
    await edit(workspace, jane.id, { company: null });
    await importHelpdesk(workspace, 'Ticket ID,Description,Requester Email\nH-8,Still failing.,jane@acme.co.uk\nH-9,Same here.,kai@acme.co.uk\n');
    const added = await workspace.owner.as.post(customersUrl(workspace), { email: 'jane@acme.co.uk' });
    expect(added.statusCode, added.body).toBe(200);
    expect(await companyByEmail(workspace)).toMatchObject({ 'jane@acme.co.uk': null, 'kai@acme.co.uk': 'acme.co.uk', 'raj@eu.acme.co.uk': 'acme.co.uk' });
    expect(await customerOf(workspace, 'jane@acme.co.uk')).toMatchObject({ companyId: null, companySetByHand: true });
  });

  it('leaves a company cleared by hand out of the fill and of its dry-run count', async () => {
    const workspace = await createWorkspace(context);
    const jane = await createCustomer(context, workspace, { email: 'jane@acme.co.uk' });
    await createCustomer(context, workspace, { email: 'raj@eu.acme.co.uk' });
    await createCustomer(context, workspace, { email: 'bo@hooli.io' });
    await edit(workspace, jane.id, { company: null });
    expect(await fill(workspace, true)).toEqual({ dryRun: true, customers: 2, companies: 2, newCompanies: 2 });
    expect(await fill(workspace, false)).toEqual({ dryRun: false, customers: 2, companies: 2, newCompanies: 2 });
    expect(await companyByEmail(workspace)).toEqual({ 'jane@acme.co.uk': null, 'raj@eu.acme.co.uk': 'acme.co.uk', 'bo@hooli.io': 'hooli.io' });
  });

  it('keeps a company set by hand when an import names another, and moves only the customers nobody corrected', async () => {
    const workspace = await createWorkspace(context);
    await importHelpdesk(workspace);
    const jane = await customerOf(workspace, 'jane@acme.co.uk');
    await edit(workspace, jane.id, { company: { name: 'Acme Holdings' } });
    await importHelpdesk(workspace, 'Ticket ID,Description,Requester Email,Company\nH-8,Still failing.,jane@acme.co.uk,Acme Ltd\nH-9,Same here.,raj@eu.acme.co.uk,Acme Group\n');
    expect(await companyByEmail(workspace)).toMatchObject({ 'jane@acme.co.uk': 'Acme Holdings', 'raj@eu.acme.co.uk': 'Acme Group' });
    // The stale company of the corrected customer's row is not created either.
    expect(await companyNames(workspace)).toEqual(['Acme Group', 'Acme Holdings', 'Initech Inc', 'acme.co.uk', 'hooli.io']);
  });

  it("keeps a company set by hand when an import's or the fill's write, planned before the edit, lands after it", async () => {
    const workspace = await createWorkspace(context);
    const [acme] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'acme.co.uk' }).returning();
    const jane = await createCustomer(context, workspace, { email: 'jane@acme.co.uk' });
    const raj = await createCustomer(context, workspace, { email: 'raj@eu.acme.co.uk' });
    await edit(workspace, jane.id, { company: { name: 'Acme Holdings' } });
    await edit(workspace, raj.id, { company: null });
    const holdings = (await customerOf(workspace, 'jane@acme.co.uk')).companyId;
    await context.db.transaction(async (tx) => {
      await customersRepository.patchCustomers(tx, workspace.id, [{ id: jane.id, email: null, externalId: null, name: 'Jane', companyId: acme!.id }]);
      expect(await customersRepository.setMissingCompanies(tx, workspace.id, [{ id: raj.id, companyId: acme!.id }])).toBe(0);
    });
    expect(await customerOf(workspace, 'jane@acme.co.uk')).toMatchObject({ name: 'Jane', companyId: holdings });
    expect(await customerOf(workspace, 'raj@eu.acme.co.uk')).toMatchObject({ companyId: null });
  });

  it('lets imports and the fill set the company again once the mark is cleared, keeping the company until then', async () => {
    const workspace = await createWorkspace(context);
    await importHelpdesk(workspace);
    const jane = await customerOf(workspace, 'jane@acme.co.uk');
    const raj = await customerOf(workspace, 'raj@eu.acme.co.uk');
    await edit(workspace, jane.id, { company: null });
    await edit(workspace, raj.id, { company: { name: 'Acme Holdings' } });
    expect(await edit(workspace, jane.id, { companySetByHand: false })).toMatchObject({ company: null, companySetByHand: false });
    expect(await edit(workspace, raj.id, { companySetByHand: false })).toMatchObject({ company: { name: 'Acme Holdings' }, companySetByHand: false });

    expect(await fill(workspace, false)).toMatchObject({ customers: 1 });
    await importHelpdesk(workspace, 'Ticket ID,Description,Requester Email,Company\nH-8,Still failing.,raj@eu.acme.co.uk,Acme Group\n');
    expect(await companyByEmail(workspace)).toMatchObject({ 'jane@acme.co.uk': 'acme.co.uk', 'raj@eu.acme.co.uk': 'Acme Group' });
  });

  it('marks the company set by hand again when the edit says so, and an edit naming a company may leave it unmarked', async () => {
    const workspace = await createWorkspace(context);
    const jane = await createCustomer(context, workspace, { email: 'jane@acme.co.uk' });
    expect(await edit(workspace, jane.id, { company: { name: 'Acme Holdings' }, companySetByHand: false })).toMatchObject({
      company: { name: 'Acme Holdings' },
      companySetByHand: false,
    });
    expect(await edit(workspace, jane.id, { companySetByHand: true })).toMatchObject({ company: { name: 'Acme Holdings' }, companySetByHand: true });
  });

  it('answers 400 naming the field for a companySetByHand that is not a boolean', async () => {
    const workspace = await createWorkspace(context);
    const jane = await createCustomer(context, workspace, { email: 'jane@acme.co.uk' });
    const bad = await workspace.owner.as.patch(customersUrl(workspace, `/${jane.id}`), { companySetByHand: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['body.companySetByHand']);
  });
});

describe("a company's fields set by hand", () => {
  const add = async (workspace: TestWorkspace, body: object) => {
    const response = await workspace.owner.as.post(customersUrl(workspace), body);
    expect([200, 201], response.body).toContain(response.statusCode);
    return CustomerDetailSchema.parse(response.json());
  };
  const edit = async (workspace: TestWorkspace, id: string, body: object) => {
    const response = await workspace.owner.as.patch(customersUrl(workspace, `/${id}`), body);
    expect(response.statusCode, response.body).toBe(200);
    return CustomerDetailSchema.parse(response.json());
  };
  const companyOf = async (workspace: TestWorkspace, customerId: string) => {
    const response = await workspace.owner.as.get(customersUrl(workspace, `/${customerId}`));
    return CustomerDetailSchema.parse(response.json()).company!;
  };
  /** Acme as a CRM sync left it, then one person's edit: the segment changed and the revenue emptied by hand. */
  async function editedAcme() {
    const workspace = await createWorkspace(context);
    const ada = await add(workspace, { email: 'ada@acme.test', company: { name: 'Acme', segment: 'SMB', plan: 'Starter', annualRevenue: 90_000 } });
    expect(ada.company).toMatchObject({ fieldsSetByHand: [] });
    const edited = await edit(workspace, ada.id, { company: { name: 'Acme', segment: 'Enterprise', annualRevenue: null } });
    expect(edited.company).toMatchObject({ segment: 'Enterprise', plan: 'Starter', annualRevenue: null, fieldsSetByHand: ['segment', 'annualRevenue'] });
    return { workspace, ada, acme: edited.company! };
  }

  it('keeps the fields a person set when a source, an import or a new customer names the company, and fills in the others', async () => {
    const { workspace, ada } = await editedAcme();
    const source = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/sources`, {
      kind: 'ticket',
      title: 'Renewal',
      body: 'We renew next month.',
      customer: { email: 'bo@acme.test', company: { name: 'ACME', segment: 'SMB', plan: 'Pro', annualRevenue: 120_000 } },
    });
    expect(source.statusCode, source.body).toBe(201);
    await context.db.transaction((tx) => resolveCustomers(tx, workspace.id, [{ email: 'cy@acme.test', company: { name: 'acme', segment: 'Mid-market', annualRevenue: 1 } }]));
    expect(await companyOf(workspace, ada.id)).toMatchObject({ segment: 'Enterprise', plan: 'Pro', annualRevenue: null, fieldsSetByHand: ['segment', 'annualRevenue'] });
  });

  it('marks only the fields an edit gives, and an edit of the customer alone marks none', async () => {
    const workspace = await createWorkspace(context);
    const ada = await add(workspace, { email: 'ada@acme.test', company: { name: 'Acme', segment: 'SMB' } });
    await edit(workspace, ada.id, { name: 'Ada L.' });
    expect(await companyOf(workspace, ada.id)).toMatchObject({ fieldsSetByHand: [] });
    expect((await edit(workspace, ada.id, { company: { name: 'Acme', plan: 'Pro' } })).company).toMatchObject({ segment: 'SMB', plan: 'Pro', fieldsSetByHand: ['plan'] });
  });

  it('lets imports fill the fields in again once the marks are cleared, keeping their values until then, and logs it', async () => {
    const { workspace, ada, acme } = await editedAcme();
    const cleared = await workspace.owner.as.patch(companyUrl(workspace, acme.id), { fieldsSetByHand: [] });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(CompanySchema.parse(cleared.json())).toMatchObject({ id: acme.id, segment: 'Enterprise', annualRevenue: null, fieldsSetByHand: [] });
    await add(workspace, { email: 'bo@acme.test', company: { name: 'Acme', segment: 'SMB', annualRevenue: 120_000 } });
    expect(await companyOf(workspace, ada.id)).toMatchObject({ segment: 'SMB', annualRevenue: 120_000, fieldsSetByHand: [] });
    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'company.update')));
    expect(event).toMatchObject({ objectType: 'company', objectId: acme.id, summary: 'Let imports fill in every field of company Acme again' });
  });

  it('sets exactly the fields it is given as set by hand', async () => {
    const { workspace, ada, acme } = await editedAcme();
    const response = await workspace.owner.as.patch(companyUrl(workspace, acme.id), { fieldsSetByHand: ['plan', 'annualRevenue'] });
    expect(response.statusCode, response.body).toBe(200);
    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'company.update')));
    expect(event!.summary).toBe('Kept the plan and annual revenue of company Acme as set by hand; imports fill in the rest');
    await add(workspace, { email: 'bo@acme.test', company: { name: 'Acme', segment: 'SMB', plan: 'Pro', annualRevenue: 7 } });
    expect(await companyOf(workspace, ada.id)).toMatchObject({ segment: 'SMB', plan: 'Starter', annualRevenue: null, fieldsSetByHand: ['plan', 'annualRevenue'] });
  });

  it("keeps a field set by hand when an import's write, planned before the edit, lands after it", async () => {
    const { workspace, ada } = await editedAcme();
    await context.db.transaction((tx) => customersRepository.upsertCompanies(tx, workspace.id, [{ name: 'Acme', segment: 'SMB', plan: 'Growth', annualRevenue: 5 }]));
    expect(await companyOf(workspace, ada.id)).toMatchObject({ segment: 'Enterprise', plan: 'Growth', annualRevenue: null });
  });

  it("answers 404 for another workspace's company, and 400 naming the field for an unknown field or body", async () => {
    const { workspace, acme } = await editedAcme();
    const other = await createWorkspace(context);
    const theirs = await other.owner.as.patch(companyUrl(other, acme.id), { fieldsSetByHand: [] });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().detail).toBe('Company not found');
    const unknownField = await workspace.owner.as.patch(companyUrl(workspace, acme.id), { fieldsSetByHand: ['name'] });
    expect(unknownField.statusCode).toBe(400);
    expect(errorPaths(unknownField)).toEqual(['body.fieldsSetByHand.0']);
    const unknownKey = await workspace.owner.as.patch(companyUrl(workspace, acme.id), { fieldsSetByHand: [], segment: 'SMB' });
    expect(unknownKey.statusCode).toBe(400);
    expect(await companyOf(workspace, (await add(workspace, { email: 'ada@acme.test' })).id)).toMatchObject({ fieldsSetByHand: ['segment', 'annualRevenue'] });
  });

  it.each<Role>(['viewer', 'contributor'])('refuses a %s (403), and lets a researcher clear the marks', async (role) => {
    const { workspace, acme } = await editedAcme();
    const member = await createMember(context, workspace, role);
    expect((await member.as.patch(companyUrl(workspace, acme.id), { fieldsSetByHand: [] })).statusCode).toBe(403);
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.patch(companyUrl(workspace, acme.id), { fieldsSetByHand: [] })).json()).toMatchObject({ fieldsSetByHand: [] });
  });
});
