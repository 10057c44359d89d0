import http from 'node:http';
import autocannon from 'autocannon';

export type LoadOptions = { url: string; connections?: number; durationSeconds?: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };

/** Load before the measured run, not counted: the server's JIT, pools and caches warm up first, as in steady use. */
const WARM_UP_SECONDS = 2;

/** Requests per second and latency percentiles of one endpoint, with autocannon, after a warm-up. */
export async function measureLoad({ url, connections = 20, durationSeconds = 5, method = 'GET', headers, body }: LoadOptions) {
  await autocannon({ url, connections, duration: WARM_UP_SECONDS, method, headers, body });
  const result = await autocannon({ url, connections, duration: durationSeconds, method, headers, body });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) throw new Error(`${method} ${url}: ${failures} failed requests of ${result.requests.total}`);
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

/** One connection kept open between requests, as a browser keeps one to its server. */
const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET, timed the way a lean client sees it. `fetch` (undici) spends ~1 ms of its own CPU per
 * request on a 2-core VM (streams, header objects, body mixins); that is the client's cost, not
 * the API's, so single-request latencies are taken with node:http.
 */
export function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: keptAlive, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}
