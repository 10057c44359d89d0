import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { HIGHLIGHTS_CSV_COLUMNS, type SourceKind, type TagRef } from '@cairn/shared';
import { iso } from '../../lib/dates.js';

/** One highlight as the export writes it, with the address of its passage in Cairn. */
export type ExportedHighlight = {
  quote: string;
  note: string | null;
  tags: TagRef[];
  source: { title: string; kind: SourceKind; occurredAt: Date };
  customer: { name: string | null; email: string | null } | null;
  company: { name: string; segment: string | null } | null;
  authorName: string | null;
  createdAt: Date;
  link: string;
};

/** Several tag names in one cell; a semicolon, as names more often hold commas. */
const TAG_SEPARATOR = '; ';

function cellsOf(highlight: ExportedHighlight): string[] {
  return [
    highlight.quote,
    highlight.note ?? '',
    highlight.tags.map((tag) => tag.name).join(TAG_SEPARATOR),
    highlight.source.title,
    highlight.source.kind.replace(/_/g, ' '),
    iso(highlight.source.occurredAt),
    highlight.customer?.name ?? '',
    highlight.customer?.email ?? '',
    highlight.company?.name ?? '',
    highlight.company?.segment ?? '',
    highlight.authorName ?? '',
    iso(highlight.createdAt),
    highlight.link,
  ];
}

/**
 * Highlights as CSV, written page by page as the pages are read: a page is asked for only once
 * the response has taken the last one (the stream pulls), so a whole workspace never sits in
 * memory. A BOM tells spreadsheet apps the file is UTF-8. Customers' words are data, never
 * formulas: csv-stringify's `escape_formulas` puts an apostrophe before a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet would otherwise run.
 */
export function streamHighlightsCsv(pages: AsyncIterable<ExportedHighlight[]>): Readable {
  async function* records(): AsyncGenerator<string[]> {
    yield [...HIGHLIGHTS_CSV_COLUMNS];
    for await (const page of pages) {
      for (const highlight of page) yield cellsOf(highlight);
    }
  }
  return pipeline(Readable.from(records()), stringify({ bom: true, escape_formulas: true }), () => {
    // An error mid-stream ends the download early; the response itself reports nothing more.
  });
}
