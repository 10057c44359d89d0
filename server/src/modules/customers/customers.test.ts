import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Role } from '@cairn/shared';
import { auditEvents, companies, customers } from '../../db/schema/index.js';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createCustomer, createHighlight, createMember, createSource, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { resolveCustomers } from './customers.service.js';

const context = useTestApp();

const url = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/customers${rest}`;
const resolve = (workspace: TestWorkspace, inputs: Parameters<typeof resolveCustomers>[2]) =>
  context.db.transaction((tx) => resolveCustomers(tx, workspace.id, inputs));
const customersOf = (workspace: TestWorkspace) => context.db.select().from(customers).where(eq(customers.workspaceId, workspace.id));
const companiesOf = (workspace: TestWorkspace) => context.db.select().from(companies).where(eq(companies.workspaceId, workspace.id));

describe('resolveCustomers (the batch matching every import uses)', () => {
  it('matches an existing customer by email whatever its case', async () => {
    const workspace = await createWorkspace(context);
    const existing = await createCustomer(context, workspace, { email: 'Ada@Example.org' });
    expect(await resolve(workspace, [{ email: 'ada@example.ORG' }, { email: ' ADA@example.org ' }])).toEqual([existing.id, existing.id]);
    expect(await customersOf(workspace)).toHaveLength(1);
  });

  it('matches by external id when no email matches, and fills in the missing email', async () => {
    const workspace = await createWorkspace(context);
    const existing = await createCustomer(context, workspace, { email: null, externalId: 'crm-42' });
    expect(await resolve(workspace, [{ email: 'grace@example.org', externalId: 'crm-42' }])).toEqual([existing.id]);
    const [row] = await customersOf(workspace);
    expect(row).toMatchObject({ id: existing.id, email: 'grace@example.org', externalId: 'crm-42' });
  });

  it('prefers the email match when email and external id point at different customers', async () => {
    const workspace = await createWorkspace(context);
    const byEmail = await createCustomer(context, workspace, { email: 'linus@example.org' });
    const byExternalId = await createCustomer(context, workspace, { email: null, externalId: 'zd-7' });
    expect(await resolve(workspace, [{ email: 'linus@example.org', externalId: 'zd-7' }])).toEqual([byEmail.id]);
    const rows = await customersOf(workspace);
    // The external id stays with the customer that had it: keys are never moved or duplicated.
    expect(rows.find((row) => row.id === byEmail.id)!.externalId).toBeNull();
    expect(rows.find((row) => row.id === byExternalId.id)!.externalId).toBe('zd-7');
  });

  it('resolves the same person twice in one batch to one new customer, linked by email or external id', async () => {
    const workspace = await createWorkspace(context);
    const ids = await resolve(workspace, [
      { email: 'margaret@example.org', name: 'Margaret' },
      null,
      { email: 'MARGARET@example.org' },
      { externalId: 'u-1', email: 'margaret@example.org' },
      { externalId: 'u-1' },
      { email: 'barbara@example.org' },
      {},
    ]);
    expect(ids[0]).toBeTruthy();
    expect(ids.slice(2, 5)).toEqual([ids[0], ids[0], ids[0]]);
    expect(ids[5]).not.toBe(ids[0]);
    expect([ids[1], ids[6]]).toEqual([null, null]);
    const rows = await customersOf(workspace);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.id === ids[0])).toMatchObject({ email: 'margaret@example.org', name: 'Margaret', externalId: 'u-1' });
  });

  it('creates nothing new when the same batch is resolved again', async () => {
    const workspace = await createWorkspace(context);
    const batch = [{ email: 'a@example.org', company: { name: 'Acme' } }, { externalId: 'b' }, { name: 'Only A Name' }];
    const first = await resolve(workspace, batch);
    const second = await resolve(workspace, batch);
    expect(second).toEqual(first);
    expect(await customersOf(workspace)).toHaveLength(3);
    expect(await companiesOf(workspace)).toHaveLength(1);
  });

  it('matches customers known only by a name by that name, but never a customer who has an email', async () => {
    const workspace = await createWorkspace(context);
    const named = await createCustomer(context, workspace, { email: null, name: 'Sam Lee' });
    await createCustomer(context, workspace, { email: 'kim@example.org', name: 'Kim Park' });
    const [sam, kim] = await resolve(workspace, [{ name: 'sam lee' }, { name: 'Kim Park' }]);
    expect(sam).toBe(named.id);
    expect(await customersOf(workspace)).toHaveLength(3);
    expect(kim).not.toBe(named.id);
  });

  it('creates a company once, matched by name whatever its case, and updates only the fields the input gives', async () => {
    const workspace = await createWorkspace(context);
    await resolve(workspace, [{ email: 'one@acme.test', company: { name: 'Acme', segment: 'Enterprise', plan: 'Pro', annualRevenue: 120_000 } }]);
    const [two, three] = await resolve(workspace, [
      { email: 'two@acme.test', company: { name: 'ACME', plan: 'Business' } },
      { email: 'three@acme.test', company: { name: 'acme' } },
    ]);
    const rows = await companiesOf(workspace);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Acme', segment: 'Enterprise', plan: 'Business', annualRevenue: 120_000 });
    const people = await customersOf(workspace);
    expect(people.every((person) => person.companyId === rows[0]!.id)).toBe(true);
    expect([two, three].every(Boolean)).toBe(true);
  });

  it('fills in a company that another transaction created while this one waited for it', async () => {
    const workspace = await createWorkspace(context);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let created = () => {};
    const companyCreated = new Promise<void>((resolve) => (created = resolve));
    // The first transaction creates the company and stays open a moment, as a batch being written does.
    const first = context.db.transaction(async (tx) => {
      await resolveCustomers(tx, workspace.id, [{ email: 'one@initrode.test', company: { name: 'Initrode', segment: 'SMB' } }]);
      created();
      await held;
    });
    // Only once the company exists, uncommitted: started at once, a loaded machine could let it create the company first.
    await companyCreated;
    const second = resolve(workspace, [{ email: 'two@initrode.test', company: { name: 'INITRODE', plan: 'Pro' } }]);
    setTimeout(release, 200);
    await Promise.all([first, second]);
    const rows = await companiesOf(workspace);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Initrode', segment: 'SMB', plan: 'Pro' });
  });

  it('moves an existing customer to the company a newer input names', async () => {
    const workspace = await createWorkspace(context);
    const [id] = await resolve(workspace, [{ email: 'mover@example.org', company: { name: 'Old Co' } }]);
    await resolve(workspace, [{ email: 'mover@example.org', company: { name: 'New Co' } }]);
    await resolve(workspace, [{ email: 'mover@example.org' }]);
    const [row] = await context.db.select({ company: companies.name }).from(customers).innerJoin(companies, eq(companies.id, customers.companyId)).where(eq(customers.id, id!));
    expect(row!.company).toBe('New Co');
  });

  it('does not duplicate customers when two imports resolve the same new people at once', async () => {
    const workspace = await createWorkspace(context);
    const batch = Array.from({ length: 50 }, (_, index) => ({ email: `person-${index}@example.org`, company: { name: `Company ${index % 5}` } }));
    const [first, second] = await Promise.all([resolve(workspace, batch), resolve(workspace, [...batch].reverse())]);
    expect([...second].reverse()).toEqual(first);
    expect(await customersOf(workspace)).toHaveLength(50);
    expect(await companiesOf(workspace)).toHaveLength(5);
  });

  it('keeps workspaces apart: the same email in another workspace is another customer', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await createCustomer(context, other, { email: 'shared@example.org' });
    const [ours] = await resolve(workspace, [{ email: 'shared@example.org' }]);
    expect(ours).not.toBe(theirs.id);
  });
});

describe('POST /customers', () => {
  it('creates a customer with a company (201) and returns the same one for the same email in another case (200)', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const body = { email: 'Ada@Example.org', name: 'Ada', externalId: 'crm-1', company: { name: 'Analytical', segment: 'SMB', plan: 'Starter', annualRevenue: 5000 } };
    const created = await contributor.as.post(url(workspace), body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: 'ada@example.org',
      name: 'Ada',
      externalId: 'crm-1',
      company: { name: 'Analytical', segment: 'SMB', plan: 'Starter', annualRevenue: 5000 },
      evidence: { sources: 0, highlights: 0, sourcesByKind: { interview: 0, ticket: 0, survey_response: 0, review: 0, note: 0 } },
    });
    const again = await contributor.as.post(url(workspace), { email: 'ADA@example.org' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(created.json().id);
    const audit = await context.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(audit.map((event) => event.action)).toEqual(['customer.create']);
  });

  it('answers 400 naming the fields when the customer has nothing to be known by or a bad email', async () => {
    const workspace = await createWorkspace(context);
    const empty = await workspace.owner.as.post(url(workspace), { company: { name: 'Acme' } });
    expect(empty.statusCode).toBe(400);
    expect(errorPaths(empty)).toEqual(['body.email']);
    const bad = await workspace.owner.as.post(url(workspace), { email: 'not-an-email', company: { name: '', annualRevenue: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['body.email', 'body.company.name', 'body.company.annualRevenue']));
  });

  it('refuses viewers (403) and anonymous callers (401)', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.post(url(workspace), { email: 'x@example.org' })).statusCode).toBe(403);
    expect((await anonymous(context).post(url(workspace), { email: 'x@example.org' })).statusCode).toBe(401);
  });
});

describe('GET /customers', () => {
  it('lists customers by name with their company and evidence counts', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const [bob] = await resolve(workspace, [{ email: 'bob@example.org', name: 'Bob', company: { name: 'Beta', segment: 'Enterprise' } }]);
    await createCustomer(context, workspace, { name: 'alice', email: 'alice@example.org' });
    const ticket = await createSource(context, workspace, { customerId: bob, kind: 'ticket' });
    await createSource(context, workspace, { customerId: bob, kind: 'interview' });
    await createSource(context, workspace, { customerId: bob, kind: 'ticket', deletedAt: new Date() });
    await createHighlight(context, workspace, ticket);
    await createHighlight(context, workspace, ticket, { start: 0, end: 3 });

    const response = await viewer.as.get(url(workspace));
    expect(response.statusCode).toBe(200);
    const { items, nextCursor } = response.json();
    expect(items.map((item: { name: string }) => item.name)).toEqual(['alice', 'Bob']);
    expect(items[1]).toMatchObject({
      company: { name: 'Beta', segment: 'Enterprise' },
      evidence: { sources: 2, highlights: 2, sourcesByKind: { ticket: 1, interview: 1, note: 0 } },
    });
    expect(nextCursor).toBeNull();
  });

  it('searches name, email, external id and company name, and filters by company', async () => {
    const workspace = await createWorkspace(context);
    await resolve(workspace, [
      { email: 'ann@example.org', name: 'Ann', company: { name: 'Globex' } },
      { email: 'ben@example.org', name: 'Ben', externalId: 'ZX-99' },
      { email: 'cy@initech.test', name: 'Cy' },
    ]);
    const names = async (query: string) => (await workspace.owner.as.get(url(workspace, query))).json().items.map((item: { name: string }) => item.name);
    expect(await names('?q=glob')).toEqual(['Ann']);
    expect(await names('?q=zx-9')).toEqual(['Ben']);
    expect(await names('?q=INITECH')).toEqual(['Cy']);
    expect(await names('?q=100%25')).toEqual([]);
    const [globex] = await companiesOf(workspace);
    expect(await names(`?companyId=${globex!.id}`)).toEqual(['Ann']);
  });

  it('pages with a cursor without skipping or repeating anyone', async () => {
    const workspace = await createWorkspace(context);
    await resolve(workspace, Array.from({ length: 7 }, (_, index) => ({ email: `p${index}@example.org`, name: `Person ${index % 3}` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await workspace.owner.as.get(url(workspace, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = response.json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers 400 for a malformed filter and 404 for a workspace the caller is not in', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const bad = await workspace.owner.as.get(url(workspace, '?companyId=nope&limit=0'));
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['query.companyId', 'query.limit']));
    // A cursor that decodes but is not one the list handed out: a 400, not a failed cast.
    const forged = await workspace.owner.as.get(url(workspace, `?cursor=${Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url')}`));
    expect(forged.statusCode).toBe(400);
    expect(errorPaths(forged)).toEqual(['query.cursor']);
    expect((await workspace.owner.as.get(url(other))).statusCode).toBe(404);
  });
});

describe('GET /customers/:id', () => {
  it("returns the customer's company and evidence counts by kind", async () => {
    const workspace = await createWorkspace(context);
    const [id] = await resolve(workspace, [{ email: 'eve@example.org', company: { name: 'Evil Corp', plan: 'Pro', annualRevenue: 1_000_000 } }]);
    await createSource(context, workspace, { customerId: id, kind: 'survey_response' });
    const response = await workspace.owner.as.get(url(workspace, `/${id}`));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, company: { name: 'Evil Corp', plan: 'Pro', annualRevenue: 1_000_000 }, evidence: { sources: 1, sourcesByKind: { survey_response: 1 } } });
  });

  it("answers 404 for another workspace's customer and 400 for a malformed id", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await createCustomer(context, other);
    expect((await workspace.owner.as.get(url(workspace, `/${theirs.id}`))).statusCode).toBe(404);
    const malformed = await workspace.owner.as.get(url(workspace, '/42'));
    expect(malformed.statusCode).toBe(400);
    expect(errorPaths(malformed)).toEqual(['params.id']);
  });
});

describe('PATCH /customers/:id', () => {
  const roles: Role[] = ['viewer', 'contributor'];

  it('lets a researcher edit the customer and move them to a company', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    const customer = await createCustomer(context, workspace);
    const response = await researcher.as.patch(url(workspace, `/${customer.id}`), { name: 'Renamed', externalId: 'ext-9', company: { name: 'Initech', segment: 'Mid-market' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Renamed', externalId: 'ext-9', email: customer.email, company: { name: 'Initech', segment: 'Mid-market' } });
    const edited = await researcher.as.patch(url(workspace, `/${customer.id}`), { company: { name: 'initech', segment: null, plan: 'Pro' } });
    expect(edited.json().company).toMatchObject({ name: 'Initech', segment: null, plan: 'Pro' });
    const cleared = await researcher.as.patch(url(workspace, `/${customer.id}`), { company: null, externalId: null });
    expect(cleared.json()).toMatchObject({ company: null, externalId: null });
  });

  it.each(roles)('refuses a %s (403)', async (role) => {
    const workspace = await createWorkspace(context);
    const member = await createMember(context, workspace, role);
    const customer = await createCustomer(context, workspace);
    expect((await member.as.patch(url(workspace, `/${customer.id}`), { name: 'x' })).statusCode).toBe(403);
  });

  it('answers 409 when another customer has the email', async () => {
    const workspace = await createWorkspace(context);
    const first = await createCustomer(context, workspace, { email: 'taken@example.org' });
    const second = await createCustomer(context, workspace);
    const response = await workspace.owner.as.patch(url(workspace, `/${second.id}`), { email: 'TAKEN@example.org' });
    expect(response.statusCode).toBe(409);
    expect(first.id).not.toBe(second.id);
  });

  it('answers 400 when the edit would leave nothing to know the customer by, or names an unknown field', async () => {
    const workspace = await createWorkspace(context);
    const customer = await createCustomer(context, workspace, { externalId: null });
    const empty = await workspace.owner.as.patch(url(workspace, `/${customer.id}`), { email: null, name: null });
    expect(empty.statusCode).toBe(400);
    expect(errorPaths(empty)).toEqual(['body.email']);
    const unknown = await workspace.owner.as.patch(url(workspace, `/${customer.id}`), { nickname: 'x' });
    expect(unknown.statusCode).toBe(400);
  });

  it("answers 404 for another workspace's customer", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const theirs = await createCustomer(context, other);
    expect((await workspace.owner.as.patch(url(workspace, `/${theirs.id}`), { name: 'x' })).statusCode).toBe(404);
  });
});
