import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import type { CsvLayout } from './imports.runner.js';

export type RejectedRow = { line: number; message: string; raw: string };

/**
 * The rejected rows as a CSV to fix and re-upload: `line` and `reason` first (so that a row with
 * too many values cannot push them out of their columns), then, for CSV imports, the row's cells
 * under the file's own header, or for other formats the raw item. A BOM tells spreadsheet apps
 * the file is UTF-8.
 */
export function streamRejectedCsv(layout: CsvLayout | null, pages: AsyncIterable<RejectedRow[]>): Readable {
  async function* records(): AsyncGenerator<string[]> {
    yield ['line', 'reason', ...(layout ? layout.columns : ['raw'])];
    for await (const page of pages) {
      for (const row of page) yield [String(row.line), row.message, ...(layout ? cellsOf(row.raw, layout.delimiter) : [row.raw])];
    }
  }
  return pipeline(Readable.from(records()), stringify({ bom: true }), () => {
    // An error mid-stream ends the download early; the response itself reports nothing more.
  });
}

/** The raw row back in its cells; a row broken beyond parsing (an unclosed quote) goes back as it came, in one cell. */
function cellsOf(raw: string, delimiter: string): string[] {
  try {
    return (parse(raw, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return [raw];
  }
}
