import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { startCairn, type CairnProcess } from '../scripts/cairn-process.js';
import { openDatabase } from '../server/src/db/client.js';
import { setUpOwnerWithToken } from './lib/cairn-api.js';
import { getJson } from './lib/http-load.js';
import { adminQuery, benchDatabaseUrl } from './lib/postgres.js';
import { percentile, type Benchmark, type BenchRow } from './lib/report.js';

/**
 * The backlog ranked by evidence (ADR 009), on a densely linked workspace: 500 backlog items
 * with ~160,000 item–highlight pairs (250 highlights linked to each item directly, and two
 * problems of 40 highlights each), over 60,000 tickets of 20,000 customers in 3,000
 * companies. One client, one request at a time, through the API: the first page ranked by
 * evidence, the first page newest first, and the best-supported item's page. Loaded with
 * seeded SQL, so two runs hold the same rows.
 */
const ITEMS = 500;
const DIRECT_LINKS_PER_ITEM = 250;
const INSIGHTS = 300;
const HIGHLIGHTS_PER_INSIGHT = 40;
const INSIGHTS_PER_ITEM = 2;
const SOURCES = 60_000;
const CUSTOMERS = 20_000;
const COMPANIES = 3_000;
const WARM_UP = 5;
const SAMPLES = 40;

/**
 * The workspace's evidence, in statements that run alike on PostgreSQL and PGlite. Each
 * `random()` follows the seed set first, in one session.
 */
function loadStatements(workspaceId: string): string[] {
  const ws = `'${workspaceId}'::uuid`;
  // The workspace's rows of `table` numbered 1…n, so that rows can pick each other by arithmetic.
  const numbered = (table: string) => `create temporary table numbered_${table} as select row_number() over (order by id) as n, id from ${table} where workspace_id = ${ws}`;
  return [
    `select setseed(0.42)`,
    `insert into companies (workspace_id, name, segment, annual_revenue)
      select ${ws}, 'Company ' || i, (array['SMB', 'Mid-market', 'Enterprise'])[1 + i % 3], (10000 * exp(random() * 7))::bigint
      from generate_series(1, ${COMPANIES}) i`,
    numbered('companies'),
    `insert into customers (workspace_id, company_id, email, name)
      select ${ws}, case when random() < 0.8 then c.id end, 'customer' || i || '@example.com', 'Customer ' || i
      from generate_series(1, ${CUSTOMERS}) i join numbered_companies c on c.n = 1 + (i::int8 * 7919) % ${COMPANIES}`,
    numbered('customers'),
    `insert into sources (workspace_id, kind, title, body, occurred_at, customer_id)
      select ${ws}, 'ticket', 'Ticket ' || i, 'The export keeps failing when I pick more than a year of data, ticket ' || i,
        now() - random() * interval '730 days', c.id
      from generate_series(1, ${SOURCES}) i join numbered_customers c on c.n = 1 + (i::int8 * 104729) % ${CUSTOMERS}`,
    `insert into highlights (workspace_id, source_id, start, "end", quote, source_kind, source_occurred_at, source_customer_id)
      select workspace_id, id, 0, length(body), body, kind, occurred_at, customer_id from sources where workspace_id = ${ws}`,
    numbered('highlights'),
    `insert into insights (workspace_id, type, title) select ${ws}, 'problem', 'Problem ' || i from generate_series(1, ${INSIGHTS}) i`,
    numbered('insights'),
    `insert into backlog_items (workspace_id, title, status, created_at)
      select ${ws}, 'Backlog item ' || i, 'idea', now() - i * interval '1 hour' from generate_series(1, ${ITEMS}) i`,
    numbered('backlog_items'),
    // Each item's evidence leans on its own stretch of the highlights, some spread wider than others.
    `insert into backlog_highlights (workspace_id, backlog_item_id, highlight_id)
      select distinct ${ws}, b.id, h.id from numbered_backlog_items b
      cross join generate_series(1, ${DIRECT_LINKS_PER_ITEM}) j
      join numbered_highlights h on h.n = 1 + (b.n * 997 + j * (1 + b.n % 13) * 31) % ${SOURCES}`,
    `insert into insight_highlights (workspace_id, insight_id, highlight_id)
      select distinct ${ws}, i.id, h.id from numbered_insights i
      cross join generate_series(1, ${HIGHLIGHTS_PER_INSIGHT}) j
      join numbered_highlights h on h.n = 1 + (i.n * 4021 + j * 577) % ${SOURCES}`,
    `insert into backlog_insights (workspace_id, backlog_item_id, insight_id)
      select distinct ${ws}, b.id, i.id from numbered_backlog_items b
      cross join generate_series(1, ${INSIGHTS_PER_ITEM}) j
      join numbered_insights i on i.n = 1 + (b.n * 3 + j * 151) % ${INSIGHTS}`,
    `analyze`,
  ];
}

/** The pairs the score reads: each item's own highlights and its problems' highlights. */
const PAIRS = `select count(*)::int as pairs from (
  select backlog_item_id, highlight_id from backlog_highlights
  union select bi.backlog_item_id, ih.highlight_id from backlog_insights bi join insight_highlights ih using (insight_id)) p`;

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timeRequests(baseUrl: string, ws: string, token: string, driver: string, pairs: number): Promise<BenchRow[]> {
  const headers = { authorization: `Bearer ${token}` };
  const get = async <T>(route: string) => {
    const started = performance.now();
    const { status, body } = await getJson<T>(`${baseUrl}/api/workspaces/${ws}${route}`, headers);
    if (status !== 200) throw new Error(`GET ${route}: ${status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  };
  const best = (await get<{ items: Array<{ id: string }> }>('/backlog-items?sort=evidence&limit=1')).body.items[0]!;
  const routes: Array<[string, string]> = [
    ['ranked by evidence, first page of 50', '/backlog-items?sort=evidence&limit=50'],
    ['newest first, first page of 50', '/backlog-items?limit=50'],
    ['the best-supported item', `/backlog-items/${best.id}`],
  ];
  const rows: BenchRow[] = [];
  for (const [label, route] of routes) {
    for (let i = 0; i < WARM_UP; i++) await get(route);
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push((await get(route)).ms);
    rows.push({
      benchmark: 'backlog',
      metric: `${driver}: GET backlog — ${label}`,
      value: round(percentile(times, 50)),
      unit: 'ms p50',
      note: `p95 ${round(percentile(times, 95))} ms; ${ITEMS} items, ${pairs.toLocaleString('en-US')} item–highlight pairs`,
    });
  }
  return rows;
}

async function benchPostgres(): Promise<BenchRow[]> {
  const database = `cairn_bench_backlog_${process.pid}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  let server: CairnProcess | undefined;
  try {
    server = await startCairn({ DATABASE_URL: benchDatabaseUrl(database) });
    const { workspaceId, token } = await setUpOwnerWithToken(server.baseUrl);
    const client = new pg.Client({ connectionString: benchDatabaseUrl(database) });
    await client.connect();
    let pairs = 0;
    try {
      for (const statement of loadStatements(workspaceId)) await client.query(statement);
      pairs = (await client.query<{ pairs: number }>(PAIRS)).rows[0]!.pairs;
    } finally {
      await client.end();
    }
    return await timeRequests(server.baseUrl, workspaceId, token, 'PostgreSQL', pairs);
  } finally {
    await server?.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

async function benchPglite(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-backlog-'));
  try {
    // The API sets up the owner and the token; the evidence is then loaded beside it, with the server stopped.
    const first = await startCairn({ DATA_DIR: dataDir });
    const { workspaceId, token } = await setUpOwnerWithToken(first.baseUrl).finally(() => first.stop());
    const database = await openDatabase({ driver: 'pglite', dataDir });
    let pairs = 0;
    try {
      for (const statement of loadStatements(workspaceId)) await database.db.execute(sql.raw(statement));
      pairs = ((await database.db.execute(sql.raw(PAIRS))) as unknown as { rows: Array<{ pairs: number }> }).rows[0]!.pairs;
    } finally {
      await database.close();
    }
    const server = await startCairn({ DATA_DIR: dataDir });
    try {
      return await timeRequests(server.baseUrl, workspaceId, token, 'PGlite', pairs);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const backlogBenchmark: Benchmark = {
  name: 'backlog',
  description: `the backlog ranked by evidence: ${ITEMS} items, ~160,000 item–highlight pairs, on PostgreSQL and PGlite, one client`,
  run: async () => [...(await benchPostgres()), ...(await benchPglite())],
};
