import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { startCairn, type CairnProcess } from '../../scripts/cairn-process.js';
import { openDatabase } from '../../server/src/db/client.js';
import { setUpOwnerWithToken } from './cairn-api.js';
import { getJson } from './http-load.js';
import { adminQuery, benchDatabaseUrl } from './postgres.js';
import { percentile, type BenchRow } from './report.js';

/**
 * Rows a benchmark loads with SQL into the owner's workspace: `statements` run in order in one
 * session (so each `random()` follows a `setseed` set first) and alike on PostgreSQL and PGlite;
 * `tally`, one statement returning one row with one integer column, counts what was loaded for
 * the report (pairs, links…).
 */
export type Seed = { name: string; statements: (workspaceId: string) => string[]; tally?: string };

/** A temporary table numbering the workspace's rows of `table` 1…n (`numbered_<table>`), so that seeded rows can pick each other by arithmetic. */
export function numberRows(ws: string, table: string): string {
  return `create temporary table numbered_${table} as select row_number() over (order by id) as n, id from ${table} where workspace_id = ${ws}`;
}

/**
 * `customers` customers, 80% of them at one of the workspace's `companies` companies (seeded
 * just before), both numbered for the statements after. `ws` is the workspace id as a SQL literal.
 */
export function seedCustomers(ws: string, customers: number, companies: number): string[] {
  return [
    numberRows(ws, 'companies'),
    `insert into customers (workspace_id, company_id, email, name)
      select ${ws}, case when random() < 0.8 then c.id end, 'customer' || i || '@example.com', 'Customer ' || i
      from generate_series(1, ${customers}) i join numbered_companies c on c.n = 1 + (i::int8 * 7919) % ${companies}`,
    numberRows(ws, 'customers'),
  ];
}

/** A running Cairn whose workspace holds a seed's rows, reached with an owner token. */
export type SeededCairn = {
  driver: 'PostgreSQL' | 'PGlite';
  server: CairnProcess;
  workspaceId: string;
  token: string;
  /** What the seed's `tally` counted, or 0. */
  tally: number;
  /** Stops the server and starts another on the same database, e.g. with other `nodeArgs`. */
  restart: (options?: { nodeArgs?: string[] }) => Promise<CairnProcess>;
};

/**
 * Runs `measure` on PostgreSQL (a scratch database, dropped after) and then on PGlite (a
 * scratch data directory, removed after). The API sets up the owner and the token first, as a
 * person would; the rows are then loaded beside it, with PGlite's server stopped since it
 * owns its directory.
 */
export async function onPostgresAndPglite(seed: Seed, measure: (cairn: SeededCairn) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  return [...(await onPostgres(seed, measure)), ...(await onPglite(seed, measure))];
}

async function onPostgres(seed: Seed, measure: (cairn: SeededCairn) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const database = `cairn_bench_${seed.name}_${process.pid}`;
  const env = { DATABASE_URL: benchDatabaseUrl(database) };
  await adminQuery(`CREATE DATABASE ${database}`);
  let server: CairnProcess | undefined;
  try {
    server = await startCairn(env);
    const { workspaceId, token } = await setUpOwnerWithToken(server.baseUrl);
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    let tally = 0;
    try {
      for (const statement of seed.statements(workspaceId)) await client.query(statement);
      if (seed.tally) tally = Object.values((await client.query(seed.tally)).rows[0] as Record<string, number>)[0]!;
    } finally {
      await client.end();
    }
    const restart = async (options = {}) => {
      await server?.stop();
      server = undefined;
      return (server = await startCairn(env, options));
    };
    return await measure({ driver: 'PostgreSQL', server, workspaceId, token, tally, restart });
  } finally {
    await server?.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

async function onPglite(seed: Seed, measure: (cairn: SeededCairn) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cairn-bench-${seed.name}-`));
  const env = { DATA_DIR: dataDir };
  let server: CairnProcess | undefined;
  try {
    const first = await startCairn(env);
    const { workspaceId, token } = await setUpOwnerWithToken(first.baseUrl).finally(() => first.stop());
    const database = await openDatabase({ driver: 'pglite', dataDir });
    let tally = 0;
    try {
      for (const statement of seed.statements(workspaceId)) await database.db.execute(sql.raw(statement));
      if (seed.tally) {
        const { rows } = (await database.db.execute(sql.raw(seed.tally))) as unknown as { rows: Array<Record<string, number>> };
        tally = Object.values(rows[0]!)[0]!;
      }
    } finally {
      await database.close();
    }
    server = await startCairn(env);
    const restart = async (options = {}) => {
      await server?.stop();
      server = undefined;
      return (server = await startCairn(env, options));
    };
    return await measure({ driver: 'PGlite', server, workspaceId, token, tally, restart });
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A GET of one of the workspace's routes as the owner token, timed, failing on any status but 200. */
export type TimedGet = <T>(route: string) => Promise<{ ms: number; body: T }>;

export function timedGetOf(cairn: SeededCairn): TimedGet {
  const headers = { authorization: `Bearer ${cairn.token}` };
  return async <T>(route: string) => {
    const started = performance.now();
    const { status, body } = await getJson<T>(`${cairn.server.baseUrl}/api/workspaces/${cairn.workspaceId}${route}`, headers);
    if (status !== 200) throw new Error(`GET ${route}: ${status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  };
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Each route's p50 (the row's value) and p95 (in its note, before `note`), one request at a
 * time after `warmUp` untimed ones. `routes` are [label, route] pairs; the metric reads
 * "<driver>: <what> — <label>".
 */
export async function timeRoutes(
  get: TimedGet,
  routes: Array<[string, string]>,
  report: { benchmark: string; driver: string; what: string; warmUp: number; samples: number; note: string },
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, route] of routes) {
    for (let i = 0; i < report.warmUp; i++) await get(route);
    const times: number[] = [];
    for (let i = 0; i < report.samples; i++) times.push((await get(route)).ms);
    rows.push({
      benchmark: report.benchmark,
      metric: `${report.driver}: ${report.what} — ${label}`,
      value: tenths(percentile(times, 50)),
      unit: 'ms p50',
      note: `p95 ${tenths(percentile(times, 95))} ms; ${report.note}`,
    });
  }
  return rows;
}
