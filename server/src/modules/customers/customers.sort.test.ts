import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_SORTS, CustomerDetailSchema, customerName, pageOf, type CustomerDetail, type CustomerSort } from '@cairn/shared';
import { companies, customers, highlights } from '../../db/schema/index.js';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createCustomer, createHighlight, createMember, createSource, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

// The customer list's orders: by name, by evidence (highlights) and by latest source, each paged by its own keyset.
const context = useTestApp();

const url = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/customers${rest}`;
const CustomerPageSchema = pageOf(CustomerDetailSchema);
const day = (date: number) => new Date(Date.UTC(2024, 4, date, 9, 30));

async function listCustomers(workspace: TestWorkspace, query: string) {
  const response = await workspace.owner.as.get(url(workspace, query));
  expect(response.statusCode, response.body).toBe(200);
  return CustomerPageSchema.parse(response.json());
}

/** Every customer in the order, page after page of `limit`, following the cursors. */
async function allPages(workspace: TestWorkspace, query: string, limit: number) {
  const seen: CustomerDetail[] = [];
  let cursor: string | null = null;
  do {
    const page = await listCustomers(workspace, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

const names = (items: CustomerDetail[]) => items.map(customerName);

/** A customer with `highlights` live highlights in one ticket that occurred on `at`. */
async function customerWith(workspace: TestWorkspace, name: string, highlights: number, at?: Date, companyId?: string) {
  const customer = await createCustomer(context, workspace, { name, companyId });
  if (at) {
    const source = await createSource(context, workspace, { customerId: customer.id, occurredAt: at });
    for (let index = 0; index < highlights; index++) await createHighlight(context, workspace, source, { start: index, end: index + 4 });
  }
  return customer;
}

describe('GET /customers?sort=', () => {
  /**
   * Ties everywhere: two Dana (same name), three with 2 highlights, three whose latest source
   * occurred at the same instant, two with no source at all. Paged 1, 2 and 3 at a time, each
   * order must list everyone once, in the same order as one big page.
   */
  async function tiedWorkspace() {
    const workspace = await createWorkspace(context);
    await customerWith(workspace, 'Dana', 2, day(3));
    await customerWith(workspace, 'dana', 2, day(3));
    await customerWith(workspace, 'Eve', 2, day(1));
    const bea = await customerWith(workspace, 'Bea', 5, day(2));
    await customerWith(workspace, 'Cy', 0, day(3));
    const al = await customerWith(workspace, 'Al', 0);
    await customerWith(workspace, 'Fay', 0);
    // What does not count: a highlight in the trash, a source in the trash (newer than any), another workspace.
    const trashed = await createHighlight(context, workspace, await createSource(context, workspace, { customerId: bea.id, occurredAt: day(1) }));
    await context.db.update(highlights).set({ deletedAt: new Date() }).where(eq(highlights.id, trashed.id));
    await createHighlight(context, workspace, await createSource(context, workspace, { customerId: al.id, occurredAt: day(9), deletedAt: new Date() }));
    await customerWith(await createWorkspace(context), 'Zed', 9, day(9));
    return workspace;
  }

  it('sorts by evidence, most highlights first, ties by name, and by latest source, newest first and those without one last', async () => {
    const workspace = await tiedWorkspace();
    const viewer = await createMember(context, workspace, 'viewer');
    const response = await viewer.as.get(url(workspace, '?sort=evidence'));
    expect(response.statusCode, response.body).toBe(200);
    const byEvidence = CustomerPageSchema.parse(response.json()).items;
    expect(names(byEvidence)).toEqual(['Bea', expect.stringMatching(/^dana$/i), expect.stringMatching(/^dana$/i), 'Eve', 'Al', 'Cy', 'Fay']);
    // The order is the Highlights column's: live highlights of live sources.
    expect(byEvidence.map((customer) => customer.evidence.highlights)).toEqual([5, 2, 2, 2, 0, 0, 0]);

    const byRecent = (await listCustomers(workspace, '?sort=recent')).items;
    expect(names(byRecent)).toEqual(['Cy', expect.stringMatching(/^dana$/i), expect.stringMatching(/^dana$/i), 'Bea', 'Eve', 'Al', 'Fay']);
    expect(names((await listCustomers(workspace, '?sort=name')).items)).toEqual(['Al', 'Bea', 'Cy', expect.stringMatching(/^dana$/i), expect.stringMatching(/^dana$/i), 'Eve', 'Fay']);
  });

  it.each(CUSTOMER_SORTS)('pages sort=%s without losing or repeating anyone across ties', async (sort: CustomerSort) => {
    const workspace = await tiedWorkspace();
    const whole = (await listCustomers(workspace, `?sort=${sort}&limit=50`)).items.map((customer) => customer.id);
    expect(whole).toHaveLength(7);
    for (const limit of [1, 2, 3]) {
      expect((await allPages(workspace, `?sort=${sort}`, limit)).map((customer) => customer.id), `limit ${limit}`).toEqual(whole);
    }
  });

  it("counts a company's customers' evidence as the whole list does: the same order, counts and pages, the trash left out", async () => {
    const workspace = await tiedWorkspace();
    const [acme] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Acme' }).returning();
    await context.db.update(customers).set({ companyId: acme!.id }).where(eq(customers.workspaceId, workspace.id));
    const whole = (await listCustomers(workspace, '?sort=evidence&limit=50')).items;
    const ofAcme = (await listCustomers(workspace, `?companyId=${acme!.id}&sort=evidence&limit=50`)).items;
    expect(ofAcme.map((customer) => [customer.id, customer.evidence.highlights])).toEqual(whole.map((customer) => [customer.id, customer.evidence.highlights]));
    expect(ofAcme.map((customer) => customer.evidence.highlights)).toEqual([5, 2, 2, 2, 0, 0, 0]);
    for (const limit of [1, 2, 3]) {
      expect((await allPages(workspace, `?companyId=${acme!.id}&sort=evidence`, limit)).map((customer) => customer.id), `limit ${limit}`).toEqual(whole.map((customer) => customer.id));
    }
  });

  it("sorts a search and a company's customers too", async () => {
    const workspace = await createWorkspace(context);
    const [acme] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Acme' }).returning();
    await customerWith(workspace, 'Ann', 1, day(1), acme!.id);
    await customerWith(workspace, 'Zoe at Acme', 3, day(2), acme!.id);
    await customerWith(workspace, 'Zoe elsewhere', 9, day(5));
    expect(names((await listCustomers(workspace, `?companyId=${acme!.id}&sort=evidence`)).items)).toEqual(['Zoe at Acme', 'Ann']);
    expect(names((await listCustomers(workspace, `?companyId=${acme!.id}&sort=recent`)).items)).toEqual(['Zoe at Acme', 'Ann']);
    expect(names((await listCustomers(workspace, '?q=zoe&sort=recent')).items)).toEqual(['Zoe elsewhere', 'Zoe at Acme']);
  });

  it('answers 400 naming a sort it does not know, and a cursor of another order or forged; 404 and 401 sorted as unsorted', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    await customerWith(other, 'Theirs', 1, day(1));
    expect((await workspace.owner.as.get(url(other, '?sort=recent'))).statusCode).toBe(404);
    expect((await anonymous(context).get(url(workspace, '?sort=evidence'))).statusCode).toBe(401);
    for (const name of ['Ann', 'Ben', 'Cy']) await customerWith(workspace, name, 1, day(1));
    const bad = await workspace.owner.as.get(url(workspace, '?sort=revenue'));
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['query.sort']);

    // A cursor continues only the order it came from.
    const byName = await listCustomers(workspace, '?limit=1');
    const byRecent = await listCustomers(workspace, '?sort=recent&limit=1');
    const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const refused = [
      `?sort=evidence&cursor=${byName.nextCursor}`,
      `?sort=recent&cursor=${byName.nextCursor}`,
      `?sort=name&cursor=${byRecent.nextCursor}`,
      `?sort=recent&cursor=${cursorOf(['yesterday', 'ann', '00000000-0000-4000-8000-000000000000'])}`,
      `?sort=evidence&cursor=${cursorOf([1.5, 'ann', '00000000-0000-4000-8000-000000000000'])}`,
    ];
    for (const query of refused) {
      const response = await workspace.owner.as.get(url(workspace, query));
      expect(response.statusCode, query).toBe(400);
      expect(errorPaths(response)).toEqual(['query.cursor']);
    }
  });
});
