import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startCairn, type CairnProcess } from '../scripts/cairn-process.js';
import { setUpOwnerWithToken } from './lib/cairn-api.js';
import { adminQuery, benchDatabaseUrl } from './lib/postgres.js';
import { seededRandom } from '../server/src/clustering/random.js';
import type { Benchmark, BenchRow } from './lib/report.js';

/**
 * Issue 4's import budgets. A seeded 100,000-row tickets CSV (~50 MB: BANKING77 queries
 * recombined, 8,000 requesters in 800 companies) is imported end to end through the HTTP API —
 * upload, parse, validate, customers matched, sources written, search index maintained — on
 * PostgreSQL, and compared with a plain COPY of the same rows into a table with the same
 * generated search column and GIN index, in the same run and database server. The server's
 * RSS is sampled during the import. Then the same file is imported again (nothing changes),
 * and once on PGlite.
 *
 * BENCH_DATABASE_URL points at another PostgreSQL server; BENCH_IMPORT_ROWS changes the size.
 */

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const SEED = 4;
const REQUESTERS = 8_000;
const COMPANIES = 800;
const BUDGET_SHARE_OF_COPY = 0.5;
const BUDGET_RSS_GROWTH_MB = 200;
const RSS_SAMPLE_MS = 50;
const POLL_MS = 100;
const IMPORT_TIMEOUT_MS = 15 * 60 * 1000;
const BANKING77 = new URL('../../shared/datasets/banking77/train.csv', import.meta.url);

const MAPPING = {
  externalId: 'ticket_id',
  createdAt: 'created_at',
  requesterEmail: 'requester_email',
  requesterName: 'requester_name',
  company: 'company',
  subject: 'subject',
  body: 'description',
  priority: 'priority',
  status: 'status',
  tags: 'tags',
};
const COLUMNS = Object.values(MAPPING);

function readQueries(): Array<{ text: string; intent: string }> {
  const lines = fs.readFileSync(BANKING77, 'utf8').split('\n').slice(1);
  // The data set quotes only texts with commas and never splits an intent label: the label is after the last comma.
  return lines.filter((line) => line.includes(',')).map((line) => {
    const cut = line.lastIndexOf(',');
    return { text: line.slice(0, cut).replace(/^"|"$/g, '').replaceAll('""', '"').trim(), intent: line.slice(cut + 1).trim() };
  });
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const OPENERS = ['Hi team,', 'Hello,', 'Good morning.', 'Hey there,', 'Dear support,', 'Quick question:', 'Urgent:', ''];
const CLOSERS = ['Thanks in advance.', 'Please help, this is blocking our payroll run.', 'Regards.', 'Can someone call me back?', 'This happened twice this week.', ''];
const FIRST_NAMES = ['Ana', 'Bo', 'Chen', 'Dara', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kemal', 'Lea', 'Mateo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rui', 'Sara', 'Tariq'];
const LAST_NAMES = ['Lima', 'Chen', 'Okafor', 'Novak', 'Berg', 'Haddad', 'Silva', 'Tanaka', 'Weber', 'Kowalski', 'Rossi', 'Moreau', 'Singh', 'Larsen', 'Costa'];
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
const STATUSES = ['new', 'open', 'pending', 'solved', 'solved', 'closed'];

/** Writes the benchmark CSV: each ticket is 3–6 BANKING77 queries of one customer, with the usual helpdesk columns. */
async function writeTicketsCsv(file: string): Promise<number> {
  const random = seededRandom(SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const queries = readQueries();
  const out = fs.createWriteStream(file);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(`${COLUMNS.join(',')}\n`);
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const requester = Math.floor(random() * REQUESTERS);
    const first = FIRST_NAMES[requester % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(requester / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const company = requester % COMPANIES;
    const parts = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(queries));
    const body = [pick(OPENERS), ...parts.map((part) => part.text), pick(CLOSERS)].filter(Boolean).join(' ');
    const cells = [
      `BT-${100_000 + i}`,
      new Date(start + Math.floor(random() * 365 * 24 * 3600) * 1000).toISOString(),
      `${first}.${last}.${requester}@customer-${company}.example`.toLowerCase(),
      `${first} ${last}`,
      `Company ${company} Ltd`,
      parts[0]!.text.slice(0, 80),
      body,
      pick(PRIORITIES),
      pick(STATUSES),
      [...new Set(parts.map((part) => part.intent))].join(';'),
    ];
    await write(`${cells.map(csvField).join(',')}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(file).size;
}

/** The baseline: the same rows COPYed into a table with the sources' generated search column and GIN index. */
async function copyBaseline(databaseUrl: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_copy (
      ${COLUMNS.map((column) => `${column} text`).join(', ')},
      search tsvector NOT NULL GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(subject, '')), 'A') || setweight(to_tsvector('english'::regconfig, description), 'B')) STORED
    )`);
    await client.query('CREATE INDEX bench_copy_search_idx ON bench_copy USING gin (search)');
    const started = performance.now();
    await pipeline(fs.createReadStream(file), client.query(copyFrom(`COPY bench_copy (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    const seconds = (performance.now() - started) / 1000;
    await client.query('DROP TABLE bench_copy');
    return seconds;
  } finally {
    await client.end();
  }
}

function readRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

type ImportOutcome = { seconds: number; uploadSeconds: number; peakRssGrowthMb: number; counts: { total: number; created: number; updated: number; unchanged: number; rejected: number } };

/** Uploads the file and polls until the import ends; RSS is sampled from just before the upload. */
async function importThroughApi(server: CairnProcess, session: { workspaceId: string; token: string }, file: string): Promise<ImportOutcome> {
  const pid = server.child.pid!;
  const baseline = readRssMb(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, readRssMb(pid))), RSS_SAMPLE_MS);
  const auth = { authorization: `Bearer ${session.token}` };
  try {
    const started = performance.now();
    const form = new FormData();
    form.append('format', 'tickets-csv');
    form.append('options', JSON.stringify({ mapping: MAPPING }));
    form.append('file', await fs.openAsBlob(file), path.basename(file));
    const upload = await fetch(`${server.baseUrl}/api/workspaces/${session.workspaceId}/imports`, { method: 'POST', headers: auth, body: form });
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${await upload.text()}`);
    const uploadSeconds = (performance.now() - started) / 1000;
    const { id } = (await upload.json()) as { id: string };
    for (;;) {
      const found = (await (await fetch(`${server.baseUrl}/api/workspaces/${session.workspaceId}/imports/${id}`, { headers: auth })).json()) as {
        status: string;
        failure: string | null;
        counts: ImportOutcome['counts'];
      };
      if (found.status === 'failed') throw new Error(`the import failed: ${found.failure}`);
      if (found.status === 'done') return { seconds: (performance.now() - started) / 1000, uploadSeconds, peakRssGrowthMb: peak - baseline, counts: found.counts };
      if (performance.now() - started > IMPORT_TIMEOUT_MS) throw new Error('the import did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    clearInterval(sampler);
  }
}

const rate = (seconds: number) => Math.round(ROWS / seconds);

async function runPostgres(file: string): Promise<BenchRow[]> {
  const name = `cairn_bench_${process.pid}`;
  const databaseUrl = benchDatabaseUrl(name);
  await adminQuery(`CREATE DATABASE ${name}`);
  let server: CairnProcess | undefined;
  try {
    server = await startCairn({ DATABASE_URL: databaseUrl });
    const session = await setUpOwnerWithToken(server.baseUrl, 'contributor', 'Import bench');
    const first = await importThroughApi(server, session, file);
    if (first.counts.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(first.counts)}`);
    const again = await importThroughApi(server, session, file);
    if (again.counts.unchanged !== ROWS) throw new Error(`expected ${ROWS} unchanged on re-import, got ${JSON.stringify(again.counts)}`);
    await server.stop();
    server = undefined;
    const copySeconds = await copyBaseline(databaseUrl, file);
    const share = rate(first.seconds) / rate(copySeconds);
    const metric = (text: string) => `${text} (PostgreSQL, ${ROWS.toLocaleString('en-US')} rows)`;
    return [
      { benchmark: 'import', metric: metric('tickets CSV import through the API'), value: rate(first.seconds), unit: 'rows/s', budget: `≥ ${BUDGET_SHARE_OF_COPY * 100}% of COPY`, met: share >= BUDGET_SHARE_OF_COPY, note: `${first.seconds.toFixed(1)} s end to end, of which upload ${first.uploadSeconds.toFixed(1)} s` },
      { benchmark: 'import', metric: metric('plain COPY, same search column and GIN index'), value: rate(copySeconds), unit: 'rows/s', note: `${copySeconds.toFixed(1)} s` },
      { benchmark: 'import', metric: 'import rate as a share of COPY', value: Math.round(share * 100), unit: '%', budget: `≥ ${BUDGET_SHARE_OF_COPY * 100}`, met: share >= BUDGET_SHARE_OF_COPY },
      { benchmark: 'import', metric: 'server peak RSS growth during the import', value: Math.round(first.peakRssGrowthMb), unit: 'MB', budget: `< ${BUDGET_RSS_GROWTH_MB}`, met: first.peakRssGrowthMb < BUDGET_RSS_GROWTH_MB },
      { benchmark: 'import', metric: metric('re-import of the same file (all unchanged)'), value: rate(again.seconds), unit: 'rows/s', note: `${again.seconds.toFixed(1)} s` },
    ];
  } finally {
    await server?.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function runPglite(file: string): Promise<BenchRow[]> {
  const server = await startCairn();
  try {
    const outcome = await importThroughApi(server, await setUpOwnerWithToken(server.baseUrl, 'contributor', 'Import bench'), file);
    return [
      { benchmark: 'import', metric: `tickets CSV import through the API (PGlite, ${ROWS.toLocaleString('en-US')} rows)`, value: rate(outcome.seconds), unit: 'rows/s', note: `${outcome.seconds.toFixed(1)} s end to end, of which upload ${outcome.uploadSeconds.toFixed(1)} s` },
      { benchmark: 'import', metric: 'server peak RSS growth during the import (PGlite)', value: Math.round(outcome.peakRssGrowthMb), unit: 'MB' },
    ];
  } finally {
    await server.stop();
  }
}

export const importBenchmark: Benchmark = {
  name: 'import',
  description: `${ROWS.toLocaleString('en-US')}-row tickets CSV through POST /imports on PostgreSQL (vs COPY) and PGlite`,
  run: async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-import-'));
    try {
      const file = path.join(directory, `tickets-${ROWS}.csv`);
      const bytes = await writeTicketsCsv(file);
      console.error(`  generated ${(bytes / 1024 / 1024).toFixed(1)} MB`);
      return [
        { benchmark: 'import', metric: 'generated tickets CSV', value: Math.round(bytes / 1024 / 1024), unit: 'MB' },
        ...(await runPostgres(file)),
        ...(await runPglite(file)),
      ];
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  },
};
