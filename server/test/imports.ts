import { ImportSchema, type Import, type ImportFormat } from '@cairn/shared';
import type { Caller } from './app.js';

const IMPORT_TIMEOUT_MS = 25_000;
const POLL_INTERVAL_MS = 25;

/**
 * Imports a file through the API as the SPA does (a multipart form: the fields, then the file)
 * and waits for the background import to end; throws unless it was accepted.
 */
export async function importThroughApi(caller: Caller, ws: string, format: ImportFormat, file: { name: string; content: string }, options?: unknown): Promise<Import> {
  const form = new FormData();
  form.set('format', format);
  if (options !== undefined) form.set('options', JSON.stringify(options));
  form.set('file', new Blob([file.content]), file.name);
  const encoded = new Response(form);
  const accepted = await caller.request('POST', `/api/workspaces/${ws}/imports`, Buffer.from(await encoded.arrayBuffer()), { 'content-type': encoded.headers.get('content-type')! });
  if (accepted.statusCode !== 202) throw new Error(`the import answered ${accepted.statusCode}: ${accepted.body}`);
  const deadline = Date.now() + IMPORT_TIMEOUT_MS;
  for (;;) {
    const found = ImportSchema.parse((await caller.get(`/api/workspaces/${ws}/imports/${accepted.json().id}`)).json());
    if (found.status === 'done' || found.status === 'failed') return found;
    if (Date.now() > deadline) throw new Error(`import ${found.id} still ${found.status} after ${IMPORT_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
