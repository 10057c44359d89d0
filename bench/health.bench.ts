import { startCairn } from '../scripts/cairn-process.js';
import { measureLoad } from './lib/http-load.js';
import type { Benchmark, BenchRow } from './lib/report.js';

/** Cold start on an empty embedded database, then the health endpoint's throughput. */
export const healthBenchmark: Benchmark = {
  name: 'health',
  description: 'server cold start (PGlite, empty data dir) and GET /api/health throughput',
  run: async () => {
    const server = await startCairn();
    try {
      const load = await measureLoad({ url: `${server.baseUrl}/api/health` });
      const rows: BenchRow[] = [
        { benchmark: 'health', metric: 'cold start to first healthy response (PGlite, empty)', value: Math.round(server.startupMs), unit: 'ms' },
        { benchmark: 'health', metric: 'GET /api/health throughput (20 connections)', value: Math.round(load.requestsPerSecond), unit: 'req/s' },
        { benchmark: 'health', metric: 'GET /api/health p99 latency', value: load.p99Ms, unit: 'ms' },
      ];
      return rows;
    } finally {
      await server.stop();
    }
  },
};
