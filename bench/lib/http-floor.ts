import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { applyConnectionSettings } from '../../server/src/db/client.js';

/** A statement as a search sent it; statements in one group were in flight together. */
export type RecordedStatement = { text: string; values: unknown[] };
export type RecordedSearch = { groups: RecordedStatement[][]; response: unknown };

/**
 * The floor under an API's latency: a bare Fastify process, with no hooks, no validation and no
 * SQL to build, that runs a search's recorded statements through a `pg` pool (side by side where
 * the search sent them so) and answers with that search's own response. What it costs over the
 * same SQL is the HTTP hop, the pool and the JSON, which no code of the API can take away.
 */
async function serveFloor() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, onConnect: applyConnectionSettings });
  const searches = new Map<string, RecordedSearch>();
  const app = Fastify({ bodyLimit: 10 * 1024 * 1024 });
  app.put<{ Params: { id: string }; Body: RecordedSearch }>('/searches/:id', async (request) => {
    searches.set(request.params.id, request.body);
    return {};
  });
  app.get<{ Params: { id: string } }>('/searches/:id', async (request) => {
    const search = searches.get(request.params.id)!;
    for (const group of search.groups) await Promise.all(group.map((statement) => pool.query(statement.text, statement.values)));
    return search.response;
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${address}\n`);
}

/** Starts the floor in a process of its own, as the API runs in one; resolves once it listens. */
export async function startFloor(databaseUrl: string): Promise<{ baseUrl: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CAIRN_BENCH_FLOOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the HTTP floor exited with code ${code}`)));
  });
  return { baseUrl, stop: () => child.kill() };
}

/** Hands the floor a search to answer (untimed). */
export async function registerSearch(baseUrl: string, id: string, search: RecordedSearch): Promise<void> {
  const body = JSON.stringify(search);
  await new Promise<void>((resolve, reject) => {
    const request = http.request(`${baseUrl}/searches/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`the HTTP floor answered ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

// This module is also the floor's process: `startFloor` runs it with CAIRN_BENCH_FLOOR set.
if (process.env.CAIRN_BENCH_FLOOR === '1') await serveFloor();
