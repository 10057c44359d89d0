import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type BenchRow = {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** The budget, as text (e.g. "≥ 2000"), with whether this run met it. */
  budget?: string;
  met?: boolean;
  note?: string;
};

export type Benchmark = { name: string; description: string; run: () => Promise<BenchRow[]> };

const RESULTS_DIR = fileURLToPath(new URL('../results', import.meta.url));

/** The value below which `p` percent of `values` fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function printTable(rows: BenchRow[]) {
  const header = ['benchmark', 'metric', 'value', 'unit', 'budget', 'met', 'note'];
  const lines = rows.map((row) => [
    row.benchmark,
    row.metric,
    formatNumber(row.value),
    row.unit,
    row.budget ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
    row.note ?? '',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 });
}

export function writeResults(rows: BenchRow[]) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'latest.json');
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
  return file;
}
