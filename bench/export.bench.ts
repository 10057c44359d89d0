import fs from 'node:fs';
import type { CairnProcess } from '../scripts/cairn-process.js';
import type { Benchmark, BenchRow } from './lib/report.js';
import { onPostgresAndPglite, seedCustomers, type SeededCairn } from './lib/seeded-cairn.js';

/**
 * `GET …/highlights.csv` of a whole workspace: 200,000 highlights (two per ticket, each with two
 * tags) of 20,000 customers in 3,000 companies, through the API, on PostgreSQL and PGlite. It
 * reports rows a second and how far the server's resident memory rose above where it stood
 * before the request, beside the size of the file: an export that streams stays far below it.
 * Loaded with seeded SQL, so two runs hold the same rows. `BENCH_EXPORT_HIGHLIGHTS` resizes it.
 * Left to itself, V8 lets garbage pile up while the heap has room, so the PostgreSQL server is
 * then run again with its heap capped well below the file's size: an export that held the rows
 * would run out of memory there.
 */
const HIGHLIGHTS = Number(process.env.BENCH_EXPORT_HIGHLIGHTS ?? 200_000);
const SOURCES = Math.ceil(HIGHLIGHTS / 2);
const CUSTOMERS = 20_000;
const COMPANIES = 3_000;
/** The capped server's heap: well below the file of 200,000 highlights (65 MB), above what the server holds at rest. */
const CAPPED_HEAP_MB = 64;
/** How often the server's resident memory is read while the export runs. */
const MEMORY_SAMPLE_MS = 25;

function loadStatements(workspaceId: string): string[] {
  const ws = `'${workspaceId}'::uuid`;
  return [
    `select setseed(0.42)`,
    `insert into companies (workspace_id, name, segment) select ${ws}, 'Company ' || i, (array['SMB', 'Mid-market', 'Enterprise'])[1 + i % 3] from generate_series(1, ${COMPANIES}) i`,
    ...seedCustomers(ws, CUSTOMERS, COMPANIES),
    `insert into sources (workspace_id, kind, title, body, occurred_at, customer_id)
      select ${ws}, 'ticket', 'Ticket ' || i, 'The export keeps failing when I pick more than a year of data, and then, ticket ' || i || ', it "times out".',
        now() - random() * interval '730 days', c.id
      from generate_series(1, ${SOURCES}) i join numbered_customers c on c.n = 1 + (i::int8 * 104729) % ${CUSTOMERS}`,
    `insert into tags (workspace_id, name) values (${ws}, 'export'), (${ws}, 'frustrated')`,
    `insert into highlights (workspace_id, source_id, start, "end", quote, note, tag_names, tag_refs, created_at)
      select s.workspace_id, s.id, r.start, r.start + 30, substr(s.body, r.start + 1, 30), case when r.start = 0 then 'Said twice, in the call too' end,
        'export frustrated', (select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'group', t.group_name) order by t.name) from tags t where t.workspace_id = ${ws}),
        now() - random() * interval '365 days'
      from sources s cross join (values (0), (40)) r(start) where s.workspace_id = ${ws}`,
    `analyze`,
  ];
}

/** The resident memory of a process, in bytes (Linux), or null where /proc does not say. */
function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

async function timeExport(server: CairnProcess, ws: string, token: string, driver: string): Promise<BenchRow[]> {
  const url = `${server.baseUrl}/api/workspaces/${ws}/highlights.csv`;
  const headers = { authorization: `Bearer ${token}` };
  // Warm the route's code on an export of nothing, so the measured one times the rows.
  await (await fetch(`${url}?sourceKind=interview`, { headers })).text();
  const before = residentBytes(server.child.pid);
  let peak = before ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(server.child.pid) ?? 0)), MEMORY_SAMPLE_MS);
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  try {
    const response = await fetch(url, { headers });
    if (response.status !== 200 || !response.body) throw new Error(`GET highlights.csv: ${response.status} ${await response.text()}`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 0x0a) lines++;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 1;
  if (rows !== HIGHLIGHTS) throw new Error(`the export wrote ${rows} rows, not ${HIGHLIGHTS}`);
  return [
    {
      benchmark: 'export',
      metric: `${driver}: GET highlights.csv, every highlight of the workspace`,
      value: Math.round(rows / seconds),
      unit: 'rows/s',
      note: `${rows.toLocaleString('en-US')} rows, ${megabytes(bytes)} MB in ${seconds.toFixed(1)} s`,
    },
    {
      benchmark: 'export',
      metric: `${driver}: the server's memory while it exports them`,
      value: before === null ? Number.NaN : megabytes(peak - before),
      unit: 'MB RSS above start',
      note: before === null ? 'no /proc to read memory from' : `${megabytes(before)} MB before, ${megabytes(peak)} MB at the peak; the file is ${megabytes(bytes)} MB`,
    },
  ];
}

/** The export on each driver; on PostgreSQL, again with the server's heap capped. */
async function timeExports(cairn: SeededCairn): Promise<BenchRow[]> {
  const rows = await timeExport(cairn.server, cairn.workspaceId, cairn.token, cairn.driver);
  if (cairn.driver !== 'PostgreSQL') return rows;
  const capped = await cairn.restart({ nodeArgs: [`--max-old-space-size=${CAPPED_HEAP_MB}`] });
  return [...rows, ...(await timeExport(capped, cairn.workspaceId, cairn.token, `PostgreSQL, heap capped at ${CAPPED_HEAP_MB} MB`))];
}

export const exportBenchmark: Benchmark = {
  name: 'export',
  description: `GET …/highlights.csv of ${HIGHLIGHTS.toLocaleString('en-US')} highlights, on PostgreSQL and PGlite: rows a second and the server's memory`,
  run: () => onPostgresAndPglite({ name: 'export', statements: loadStatements }, timeExports),
};
