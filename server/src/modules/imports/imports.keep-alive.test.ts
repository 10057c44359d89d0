import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestContext } from '../../../test/app.js';
import { createWorkspace } from '../../../test/factories.js';

// app.inject has no socket to leave half-read: these tests go through a real keep-alive connection.
const context = useTestApp();

const BANKING77 = new URL('../../../../../shared/datasets/banking77/train.csv', import.meta.url);
const ANSWER_TIMEOUT_MS = 5_000;

/** One socket for every request, as a browser reuses its connection to the server. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Has the test app listen on a free port; the origin it answers at. */
function listen(testApp: TestContext): () => URL {
  let origin: URL;
  beforeAll(async () => {
    origin = new URL(await testApp.app.listen({ port: 0, host: '127.0.0.1' }));
  });
  afterAll(() => {
    // A connection stuck mid-upload is never idle: without this a failure would also hold up app.close().
    testApp.app.server.closeAllConnections();
  });
  return () => origin;
}
const origin = listen(context);

afterAll(() => agent.destroy());

/** `connection`: the socket the answer came on. */
type Answer = { status: number; body: string; connection: Socket };

function send(method: string, path: string, headers: Record<string, string>, body?: Buffer, base = origin()): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, base), { method, agent, headers, signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) }, (response) => {
      const chunks: Buffer[] = [];
      const connection = response.socket;
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString(), connection }));
      response.on('error', reject);
    });
    request.on('error', (error) =>
      reject(error.name === 'AbortError' ? new Error(`${method} ${path} got no answer within ${ANSWER_TIMEOUT_MS} ms on the kept-alive connection`) : error),
    );
    request.end(body);
  });
}

/** The fields first, then the file, as the SPA's FormData sends it. */
function uploadBody(format: string, fileName: string, content: Buffer) {
  const boundary = `----cairn${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="format"\r\n\r\n${format}\r\n`),
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: text/csv\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function newWorkspaceAsContributor(app = context): Promise<{ auth: Record<string, string>; imports: string }> {
  const workspace = await createWorkspace(app);
  const created = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/tokens`, { name: 'keep-alive', role: 'contributor' });
  return { auth: { authorization: `Bearer ${created.json().token}` }, imports: `/api/workspaces/${workspace.id}/imports` };
}

describe('uploads the server stops reading early, on a keep-alive connection', () => {
  it('a preview of a large CSV leaves the connection usable for the next requests (start import, then poll)', async () => {
    const { auth, imports } = await newWorkspaceAsContributor();
    const csv = fs.readFileSync(BANKING77);

    const { body, contentType } = uploadBody('tickets-csv', 'train.csv', csv);
    const preview = await send('POST', `${imports}/preview`, { ...auth, 'content-type': contentType }, body);
    expect(preview.status, preview.body).toBe(200);
    expect(JSON.parse(preview.body).columns).toEqual(['text', 'category']);

    const started = await send('POST', imports, { ...auth, 'content-type': contentType }, body);
    expect(started.status, started.body).toBe(202);
    const history = await send('GET', imports, auth);
    expect(history.status).toBe(200);
    expect(JSON.parse(history.body).items.map((item: { id: string }) => item.id)).toContain(JSON.parse(started.body).id);
  });

  it('a refused upload, whose file is never read, leaves the connection usable', async () => {
    const { auth, imports } = await newWorkspaceAsContributor();
    const { body, contentType } = uploadBody('no-such-format', 'train.csv', fs.readFileSync(BANKING77));
    const refused = await send('POST', `${imports}/preview`, { ...auth, 'content-type': contentType }, body);
    expect(refused.status, refused.body).toBe(400);
    expect((await send('GET', imports, auth)).status).toBe(200);
  });
});

describe('an unread upload larger than this install accepts (UPLOAD_MAX_BYTES)', () => {
  const small = useTestApp({ config: { uploadMaxBytes: 64 * 1024 } });
  const smallOrigin = listen(small);

  it('answers, then drops the connection rather than reading the rest', async () => {
    const { auth, imports } = await newWorkspaceAsContributor(small);
    const { body, contentType } = uploadBody('no-such-format', 'train.csv', fs.readFileSync(BANKING77));
    const refused = await send('POST', `${imports}/preview`, { ...auth, 'content-type': contentType }, body, smallOrigin());
    expect(refused.status, refused.body).toBe(400);
    const dropped = new Promise<boolean>((resolve) => {
      if (refused.connection.destroyed) resolve(true);
      refused.connection.once('close', () => resolve(true));
      setTimeout(() => resolve(false), ANSWER_TIMEOUT_MS);
    });
    expect(await dropped, 'the server read the whole upload and kept the connection').toBe(true);
  });
});
