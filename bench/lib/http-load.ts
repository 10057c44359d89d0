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
