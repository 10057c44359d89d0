import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SOURCE_COUNT_MAX, SourcePageSchema } from '@cairn/shared';
import { useTestApp } from '../../../test/app.js';
import { createCustomer, createMember, createSource, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

// How many sources a list matches: the first page's `total`, which the Inbox shows.
const context = useTestApp();

const url = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/sources${rest}`;

async function listSources(workspace: TestWorkspace, query: string) {
  const response = await workspace.owner.as.get(url(workspace, query));
  expect(response.statusCode, response.body).toBe(200);
  return SourcePageSchema.parse(response.json());
}

describe('GET /sources total', () => {
  it('counts what every filter matches on the first page only, exactly below the cap', async () => {
    const workspace = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    const customer = await createCustomer(context, workspace);
    for (let index = 0; index < 3; index++) await createSource(context, workspace, { kind: 'ticket', customerId: customer.id });
    for (let index = 0; index < 2; index++) await createSource(context, workspace, { kind: 'note' });
    await createSource(context, workspace, { kind: 'ticket', deletedAt: new Date() });
    await createSource(context, await createWorkspace(context), { kind: 'ticket' });

    const first = await viewer.as.get(url(workspace, '?limit=2'));
    expect(first.statusCode, first.body).toBe(200);
    const page = SourcePageSchema.parse(first.json());
    expect(page).toMatchObject({ total: 5 });
    expect(page).not.toHaveProperty('totalIsEstimate');
    const next = await listSources(workspace, `?limit=2&cursor=${page.nextCursor}`);
    expect(next).not.toHaveProperty('total');
    // A caller that does not show it (the reader's neighbours) leaves it out: the same page, uncounted.
    const uncounted = await listSources(workspace, '?limit=2&count=false');
    expect(uncounted).not.toHaveProperty('total');
    expect(uncounted.items).toEqual(page.items);
    expect(uncounted.nextCursor).toBe(page.nextCursor);

    // The total follows the filters, and a page that holds them all counts itself.
    expect((await listSources(workspace, '?kind=ticket&limit=2')).total).toBe(3);
    expect((await listSources(workspace, '?kind=note&limit=2')).total).toBe(2);
    expect((await listSources(workspace, `?customerId=${customer.id}&order=oldest&limit=1`)).total).toBe(3);
    expect((await listSources(workspace, '?trash=true')).total).toBe(1);
    expect((await listSources(workspace, '?kind=review')).total).toBe(0);
  });

  it(`estimates past ${SOURCE_COUNT_MAX.toLocaleString('en')} matches and says so, and counts exactly a filter that narrows below it`, async () => {
    const workspace = await createWorkspace(context);
    const tickets = SOURCE_COUNT_MAX + 2_000;
    await context.db.execute(sql`
      insert into sources (workspace_id, kind, title, body, occurred_at)
      select ${workspace.id}::uuid, 'ticket', 'Ticket ' || i, 'The export keeps failing, ticket ' || i, now() - i * interval '1 minute'
      from generate_series(1, ${tickets}) i`);
    for (let index = 0; index < 3; index++) await createSource(context, workspace, { kind: 'note' });
    // The statistics the estimate reads (the server's own analyzing does this for PGlite, autovacuum for PostgreSQL).
    await context.db.execute(sql`analyze sources`);

    const everything = await listSources(workspace, '?limit=1');
    expect(everything.totalIsEstimate).toBe(true);
    expect(everything.total).toBeGreaterThan(SOURCE_COUNT_MAX);
    // The planner's estimate, near what there is.
    expect(Math.abs(everything.total! - (tickets + 3))).toBeLessThan((tickets + 3) * 0.2);

    const notes = await listSources(workspace, '?kind=note&limit=1');
    expect(notes.total).toBe(3);
    expect(notes).not.toHaveProperty('totalIsEstimate');
  });
});
