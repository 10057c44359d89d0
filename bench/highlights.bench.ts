import { startCairn } from '../scripts/cairn-process.js';
import { setUpOwnerWithToken } from './lib/cairn-api.js';
import { measureLoad } from './lib/http-load.js';
import { adminQuery, benchDatabaseUrl } from './lib/postgres.js';
import type { Benchmark, BenchRow } from './lib/report.js';

/**
 * The hot paths of the reader (issue 5), on PostgreSQL: creating a highlight with two tags
 * (and its audit event), and loading a source with its highlights, beside the server's own
 * health endpoint from the same run for scale. A fresh database is created and dropped.
 */
const CREATE_BUDGET = 2_000;
const READ_BUDGET = 5_000;
/** Highlights on the source that is read: a well-worked interview. */
const READ_HIGHLIGHTS = 20;

/** Owner, workspace and an owner API token, and a helper to POST as that token. */
async function setUp(baseUrl: string) {
  const { workspaceId: ws, token } = await setUpOwnerWithToken(baseUrl);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/workspaces/${ws}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { ws, headers, post };
}

const body = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 97}`).join(' ');

export const highlightsBenchmark: Benchmark = {
  name: 'highlights',
  description: 'POST …/sources/:id/highlights (two tags + audit) and GET …/sources/:id on PostgreSQL, beside GET /api/health',
  run: async () => {
    const database = `cairn_bench_hl_${process.pid}`;
    await adminQuery(`CREATE DATABASE ${database}`);
    const server = await startCairn({ DATABASE_URL: benchDatabaseUrl(database) });
    try {
      const { ws, headers, post } = await setUp(server.baseUrl);
      const [first, second] = [await post<{ id: string }>('/tags', { name: 'billing' }), await post<{ id: string }>('/tags', { name: 'frustrated' })];
      const tagIds = [first.id, second.id];
      const target = await post<{ id: string }>('/sources', { kind: 'interview', title: 'Highlighted under load', body: body(400) });
      const read = await post<{ id: string }>('/sources', { kind: 'interview', title: 'Read under load', body: body(2000) });
      for (let i = 0; i < READ_HIGHLIGHTS; i++) await post(`/sources/${read.id}/highlights`, { start: i * 50, end: i * 50 + 30, tagIds });

      const create = await measureLoad({
        url: `${server.baseUrl}/api/workspaces/${ws}/sources/${target.id}/highlights`,
        method: 'POST',
        headers,
        body: JSON.stringify({ start: 10, end: 60, tagIds }),
      });
      const get = await measureLoad({ url: `${server.baseUrl}/api/workspaces/${ws}/sources/${read.id}`, headers: { authorization: headers.authorization } });
      const health = await measureLoad({ url: `${server.baseUrl}/api/health` });
      const rps = (value: number) => Math.round(value);
      const rows: BenchRow[] = [
        {
          benchmark: 'highlights',
          metric: 'POST …/highlights, two tags + audit (PostgreSQL, 20 connections)',
          value: rps(create.requestsPerSecond),
          unit: 'req/s',
          budget: `≥ ${CREATE_BUDGET}`,
          met: create.requestsPerSecond >= CREATE_BUDGET,
          note: `p99 ${create.p99Ms} ms`,
        },
        {
          benchmark: 'highlights',
          metric: `GET …/sources/:id with ${READ_HIGHLIGHTS} highlights (PostgreSQL, 20 connections)`,
          value: rps(get.requestsPerSecond),
          unit: 'req/s',
          budget: `≥ ${READ_BUDGET}`,
          met: get.requestsPerSecond >= READ_BUDGET,
          note: `p99 ${get.p99Ms} ms`,
        },
        { benchmark: 'highlights', metric: 'GET /api/health, same server and run (for scale)', value: rps(health.requestsPerSecond), unit: 'req/s', note: `p99 ${health.p99Ms} ms` },
      ];
      return rows;
    } finally {
      await server.stop();
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  },
};
