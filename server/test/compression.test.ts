import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { anonymous, useTestApp } from './app.js';

const context = useTestApp();
const get = (url: string, acceptEncoding?: string) =>
  anonymous(context).request('GET', url, undefined, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});

describe('compressed API responses', () => {
  it('sends a large JSON response brotli-compressed to a browser that accepts it, and gzip where brotli is not accepted', async () => {
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const brotli = await get('/api/openapi.json', 'gzip, deflate, br, zstd');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(brotli.rawPayload).toString())).toEqual(plain.json());

    const gzipped = await get('/api/openapi.json', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzipped.rawPayload).toString())).toEqual(plain.json());
  });

  it('sends a small response as it is: compressing a few hundred bytes costs more than it saves', async () => {
    const response = await get('/api/setup', 'gzip, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('does not inflate a compressed request body: the body limit applies to the bytes that arrive', async () => {
    const response = await anonymous(context).request('POST', '/api/auth/login', zlib.gzipSync(JSON.stringify({ email: 'a@b.test', password: 'x' })), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(response.statusCode).toBe(400);
  });
});
