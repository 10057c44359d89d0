/**
 * Lists whose order an index holds walk that index (ADR 006, session 13) rather than read and
 * sort every row that passes their filters. Each list's own statement, recorded as it is sent,
 * is planned with sequential scans and sorts priced out: an order the index gives then comes
 * from it, and a statement whose order does not match the index's (`desc` against `desc nulls
 * last`) or whose index is missing shows a Sort or another index.
 */
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.js';
import * as schema from '../src/db/schema/index.js';
import * as customersRepository from '../src/modules/customers/customers.repository.js';
import * as highlightsRepository from '../src/modules/highlights/highlights.repository.js';
import * as sourcesRepository from '../src/modules/sources/sources.repository.js';
import { useTestApp } from './app.js';
import { createCustomer, createWorkspace } from './factories.js';

const context = useTestApp();

type Statement = { text: string; params: unknown[] };
type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };

/** The statements `call` sends, recorded by a drizzle of its own over the test database's connection. */
async function statementsOf(call: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const logger: Logger = { logQuery: (text, params) => statements.push({ text, params }) };
  const client = (context.db as unknown as { $client: pg.Pool | PGlite }).$client;
  const options = { schema, casing: 'snake_case' as const, logger };
  const db = context.database.driver === 'postgres' ? drizzlePg(client as pg.Pool, options) : drizzlePglite(client as PGlite, options);
  await call(db as unknown as Db);
  return statements;
}

/** The statement's plan with sequential scans and sorts priced out, in a transaction of its own so the settings end with it. */
async function planOf({ text, params }: Statement): Promise<PlanNode> {
  const explain = async (client: { query: <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }> }) => {
    await client.query('set local enable_seqscan = off');
    await client.query('set local enable_sort = off');
    const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (format json) ${text}`, params);
    return rows[0]!['QUERY PLAN'][0]!.Plan;
  };
  const client = (context.db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (context.database.driver === 'pglite') return (client as PGlite).transaction(explain);
  const connection = await (client as pg.Pool).connect();
  try {
    await connection.query('begin');
    return await explain(connection);
  } finally {
    await connection.query('rollback');
    connection.release();
  }
}

/** Every node of the plan, depth first, with the type of the node above it. */
const nodesOf = (node: PlanNode, above = ''): Array<PlanNode & { above: string }> => [
  { ...node, above },
  ...(node.Plans ?? []).flatMap((child) => nodesOf(child, node['Node Type'])),
];

/** What reads `index` in the plan of the one statement `call` sends: the node above it, or undefined when nothing does. */
async function readerOf(index: string, call: (db: Db) => Promise<unknown>) {
  const statements = await statementsOf(call);
  expect(statements).toHaveLength(1);
  const nodes = nodesOf(await planOf(statements[0]!));
  return { above: nodes.find((node) => node['Index Name'] === index)?.above, sorts: nodes.filter((node) => node['Node Type'] === 'Sort').length };
}

describe('lists walk their indexes', () => {
  it('the highlights trash, most recently trashed first, walks highlights_trash_order_idx and sorts nothing', async () => {
    const workspace = await createWorkspace(context);
    const plan = await readerOf('highlights_trash_order_idx', (db) => highlightsRepository.list(db, workspace.id, { trash: true }, 50));
    // Above it, the joins that describe each row (sources, customers…) in the order it gives.
    expect(plan.above).toBeDefined();
    expect(plan.sorts).toBe(0);
  });

  // Each one's latest source is the first entry of its range: a Limit, not a Sort, above the index.
  it("the customers by latest source take each one's first entry of sources_customer_occurred_idx", async () => {
    const workspace = await createWorkspace(context);
    const plan = await readerOf('sources_customer_occurred_idx', (db) => customersRepository.list(db, workspace.id, {}, 'recent', 50));
    expect(plan.above).toBe('Limit');
  });

  // Counted by the index alone where its pages are all-visible, in one grouped pass or one lookup per customer: never a read of every highlight.
  it('the customers by evidence count live highlights through highlights_customer_live_idx, the whole workspace and a company alike', async () => {
    const workspace = await createWorkspace(context);
    const everyone = await readerOf('highlights_customer_live_idx', (db) => customersRepository.list(db, workspace.id, {}, 'evidence', 50));
    expect(everyone.above).toBeDefined();
    // A company's list, planned alike whether or not the company has customers yet.
    const ofCompany = await readerOf('highlights_customer_live_idx', (db) => customersRepository.list(db, workspace.id, { companyId: randomUUID() }, 'evidence', 50));
    expect(ofCompany.above).toBeDefined();
  });

  it("a customer's sources, newest first, are the first entries of their range in sources_customer_occurred_idx", async () => {
    const workspace = await createWorkspace(context);
    const customer = await createCustomer(context, workspace);
    const plan = await readerOf('sources_customer_occurred_idx', (db) => sourcesRepository.list(db, workspace.id, { customerId: customer.id }, 'newest', 50));
    expect(plan.above).toBe('Limit');
  });
});
