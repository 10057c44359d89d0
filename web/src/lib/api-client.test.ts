import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, uploadTimeoutMs } from './api-client';

afterEach(() => vi.unstubAllGlobals());

describe('apiFetch', () => {
  it('gives up on a request that gets no answer in time with words a person can act on', async () => {
    // A server that never answers: fetch settles only when its signal aborts, as the browser's does.
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))));
    await expect(apiFetch('/workspaces', { signal: AbortSignal.timeout(10) })).rejects.toThrow('The server did not answer in time');
  });
});

describe('uploadTimeoutMs', () => {
  it('waits longer for a larger upload, even a slow 100 MB one', () => {
    expect(uploadTimeoutMs(1024 * 1024)).toBeLessThan(60_000);
    expect(uploadTimeoutMs(100 * 1024 * 1024)).toBeGreaterThan(25 * 60_000);
  });
});
