import { backlogBenchmark } from './backlog.bench.js';
import { clusterBenchmark } from './cluster.bench.js';
import { companiesBenchmark } from './companies.bench.js';
import { exportBenchmark } from './export.bench.js';
import { healthBenchmark } from './health.bench.js';
import { highlightsBenchmark } from './highlights.bench.js';
import { importBenchmark } from './import.bench.js';
import { printTable, writeResults, type Benchmark, type BenchRow } from './lib/report.js';
import { searchBenchmark } from './search.bench.js';
import { trendsBenchmark } from './trends.bench.js';

/** Every benchmark, in the order they run; `npm run bench -- <name>` runs only those named. */
const BENCHMARKS: Benchmark[] = [healthBenchmark, highlightsBenchmark, importBenchmark, searchBenchmark, backlogBenchmark, companiesBenchmark, exportBenchmark, clusterBenchmark, trendsBenchmark];

const only = process.argv.slice(2);
const selected = only.length ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
if (!selected.length) {
  console.error(`No benchmark named ${only.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const rows: BenchRow[] = [];
for (const benchmark of selected) {
  console.error(`▶ ${benchmark.name}: ${benchmark.description}`);
  rows.push(...(await benchmark.run()));
}
printTable(rows);
console.log(`\nResults written to ${writeResults(rows)}`);
