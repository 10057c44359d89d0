import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { anonymous, useTestApp } from './app.js';

/** A build as `npm run build -w web` lays it out: index.html, hashed chunks, and their compressed copies. */
const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-spa-'));
const INDEX_HTML = `<!doctype html><html><head><script type="module" src="/assets/index-Dq3x9Lk2.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;
const CHUNK = `export function SearchRoute(){return null}${'/* a page */'.repeat(200)}`;
for (const [name, text] of Object.entries({ 'index.html': INDEX_HTML, 'assets/search-B7fK2aQz.js': CHUNK })) {
  const file = path.join(distDir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
}
afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

const context = useTestApp({ config: { webDistDir: distDir } });
const get = (url: string, acceptEncoding?: string) =>
  anonymous(context).request('GET', url, undefined, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});

describe('serving the web app', () => {
  it('caches a hashed chunk for a year as immutable, and sends it brotli-compressed to a browser that accepts it', async () => {
    const response = await get('/assets/search-B7fK2aQz.js', 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(CHUNK);
  });

  it('sends gzip where brotli is not accepted, and the file as it is where nothing is', async () => {
    const gzipped = await get('/assets/search-B7fK2aQz.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.rawPayload).toString()).toBe(CHUNK);

    const plain = await get('/assets/search-B7fK2aQz.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(CHUNK);
  });

  it('has index.html revalidated on every visit, at the root and at a client-side route, so a deploy is picked up at once', async () => {
    for (const url of ['/', '/w/0b4e7c1e-5f0a-4f43-9a43-2f7c1b0d9e11/search']) {
      const response = await get(url, 'br');
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(INDEX_HTML);
    }
  });

  it('answers a chunk that is not in this build (a tab opened before a deploy asking for it) with 404, not the app page', async () => {
    const response = await get('/assets/search-Zz9OldHa.js', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});
