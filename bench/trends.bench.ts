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
 * Tag trends (ADR 015) on a workspace of 100,000 highlights with ~195,000 tag links (60 tags,
 * one to three per highlight, a few used far more than the rest) over 60,000 sources said in the
 * last two years, 2% of highlights and 1% of sources in the trash. One client, one request at a
 * time, through the API: the ranges the Trends page offers, and the longest weekly one. Loaded
 * with seeded SQL, so two runs hold the same rows (dated from the day of the run).
 */
const HIGHLIGHTS = 100_000;
const SOURCES = 60_000;
const CUSTOMERS = 20_000;
const COMPANIES = 3_000;
const TAGS = 60;
const WARM_UP = 5;
const SAMPLES = 30;

function loadStatements(workspaceId: string): string[] {
  const ws = `'${workspaceId}'::uuid`;
  // The workspace's rows of `table` numbered 1…n, so that rows can pick each other by arithmetic.
  const numbered = (table: string) => `create temporary table numbered_${table} as select row_number() over (order by id) as n, id from ${table} where workspace_id = ${ws}`;
  return [
    `select setseed(0.42)`,
    `insert into companies (workspace_id, name, segment)
      select ${ws}, 'Company ' || i, (array['SMB', 'Mid-market', 'Enterprise'])[1 + i % 3] from generate_series(1, ${COMPANIES}) i`,
    numbered('companies'),
    `insert into customers (workspace_id, company_id, email, name)
      select ${ws}, case when random() < 0.8 then c.id end, 'customer' || i || '@example.com', 'Customer ' || i
      from generate_series(1, ${CUSTOMERS}) i join numbered_companies c on c.n = 1 + (i::int8 * 7919) % ${COMPANIES}`,
    numbered('customers'),
    `insert into sources (workspace_id, kind, title, body, occurred_at, customer_id, deleted_at)
      select ${ws}, (array['ticket', 'interview', 'survey_response', 'review', 'note'])[1 + i % 5], 'Source ' || i,
        'The export keeps failing when I pick more than a year of data, and support could not say why. Source ' || i,
        now() - random() * interval '730 days', c.id, case when i % 100 = 0 then now() end
      from generate_series(1, ${SOURCES}) i join numbered_customers c on c.n = 1 + (i::int8 * 104729) % ${CUSTOMERS}`,
    numbered('sources'),
    `insert into tags (workspace_id, name) select ${ws}, 'Tag ' || i from generate_series(1, ${TAGS}) i`,
    numbered('tags'),
    // The source's kind, date, customer and trash are copied by the insert trigger (migration 0009).
    `insert into highlights (workspace_id, source_id, start, "end", quote, deleted_at)
      select ${ws}, s.id, 0, 60, 'The export keeps failing when I pick more than a year of data', case when i % 50 = 0 then now() end
      from generate_series(1, ${HIGHLIGHTS}) i join numbered_sources s on s.n = 1 + (i::int8 * 7) % ${SOURCES}`,
    numbered('highlights'),
    // One to three tags each, drawn with a skew: a few tags carry most of the evidence.
    `insert into highlight_tags (workspace_id, highlight_id, tag_id)
      select distinct ${ws}, p.id, t.id from (
        select h.id, 1 + floor(${TAGS} * power(random(), 2))::int as tag_n from numbered_highlights h cross join generate_series(1, 1 + (h.n % 3)::int) j
      ) p join numbered_tags t on t.n = p.tag_n`,
    `analyze`,
  ];
}

const LINKS = `select count(*)::int as links from highlight_tags`;

const round = (ms: number) => Math.round(ms * 10) / 10;
const day = (date: Date) => date.toISOString().slice(0, 10);
const monthsAgo = (months: number) => {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return day(date);
};

async function timeRequests(baseUrl: string, ws: string, token: string, driver: string, links: number): Promise<BenchRow[]> {
  const headers = { authorization: `Bearer ${token}` };
  const get = async <T>(route: string) => {
    const started = performance.now();
    const { status, body } = await getJson<T>(`${baseUrl}/api/workspaces/${ws}${route}`, headers);
    if (status !== 200) throw new Error(`GET ${route}: ${status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  };
  const today = day(new Date());
  const top = (await get<{ series: Array<{ tag: { id: string } }> }>(`/tags/trends?from=${monthsAgo(6)}&to=${today}`)).body.series;
  const chosen = top.map((series) => `&tagId=${series.tag.id}`).join('');
  const routes: Array<[string, string]> = [
    ['last 3 months by week, top tags', `/tags/trends?from=${monthsAgo(3)}&to=${today}&interval=week`],
    ['last 6 months by week, 5 chosen tags', `/tags/trends?from=${monthsAgo(6)}&to=${today}&interval=week${chosen}`],
    ['last 12 months by month, top tags', `/tags/trends?from=${monthsAgo(12)}&to=${today}&interval=month`],
    ['last 12 months by month, one segment', `/tags/trends?from=${monthsAgo(12)}&to=${today}&interval=month&segment=Enterprise`],
    ['last 24 months by week (105 buckets), top tags', `/tags/trends?from=${monthsAgo(24)}&to=${today}&interval=week`],
  ];
  const rows: BenchRow[] = [];
  for (const [label, route] of routes) {
    for (let i = 0; i < WARM_UP; i++) await get(route);
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push((await get(route)).ms);
    rows.push({
      benchmark: 'trends',
      metric: `${driver}: GET tags/trends — ${label}`,
      value: round(percentile(times, 50)),
      unit: 'ms p50',
      note: `p95 ${round(percentile(times, 95))} ms; ${HIGHLIGHTS.toLocaleString('en-US')} highlights, ${links.toLocaleString('en-US')} tag links`,
    });
  }
  return rows;
}

async function benchPostgres(): Promise<BenchRow[]> {
  const database = `cairn_bench_trends_${process.pid}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  let server: CairnProcess | undefined;
  try {
    server = await startCairn({ DATABASE_URL: benchDatabaseUrl(database) });
    const { workspaceId, token } = await setUpOwnerWithToken(server.baseUrl);
    const client = new pg.Client({ connectionString: benchDatabaseUrl(database) });
    await client.connect();
    let links = 0;
    try {
      for (const statement of loadStatements(workspaceId)) await client.query(statement);
      links = (await client.query<{ links: number }>(LINKS)).rows[0]!.links;
    } finally {
      await client.end();
    }
    return await timeRequests(server.baseUrl, workspaceId, token, 'PostgreSQL', links);
  } finally {
    await server?.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

async function benchPglite(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-trends-'));
  try {
    // The API sets up the owner and the token; the evidence is then loaded beside it, with the server stopped.
    const first = await startCairn({ DATA_DIR: dataDir });
    const { workspaceId, token } = await setUpOwnerWithToken(first.baseUrl).finally(() => first.stop());
    const database = await openDatabase({ driver: 'pglite', dataDir });
    let links = 0;
    try {
      for (const statement of loadStatements(workspaceId)) await database.db.execute(sql.raw(statement));
      links = ((await database.db.execute(sql.raw(LINKS))) as unknown as { rows: Array<{ links: number }> }).rows[0]!.links;
    } finally {
      await database.close();
    }
    const server = await startCairn({ DATA_DIR: dataDir });
    try {
      return await timeRequests(server.baseUrl, workspaceId, token, 'PGlite', links);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const trendsBenchmark: Benchmark = {
  name: 'trends',
  description: `tag trends over ${HIGHLIGHTS.toLocaleString('en-US')} highlights (~195,000 tag links), on PostgreSQL and PGlite, one client`,
  run: async () => [...(await benchPostgres()), ...(await benchPglite())],
};
