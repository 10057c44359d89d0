import type { HighlightFilters } from '../api/list-highlights';
import { CopyQuotesButton } from './copy-quotes-button';
import { ExportCsvLink } from './export-csv-link';

/** The evidence of a problem or a backlog item, taken out: its quotes as Markdown, and all of it as CSV. */
export function EvidenceExport({ ws, filters, allUrl, what, size }: { ws: string; filters: HighlightFilters; allUrl: string; what: string; size?: 'sm' | 'md' }) {
  return (
    <>
      <CopyQuotesButton ws={ws} request={{ filters, allUrl }} size={size} />
      <ExportCsvLink ws={ws} filters={filters} size={size} description={`Every highlight ${what}, with its source, customer and a link back, as a spreadsheet (CSV)`} />
    </>
  );
}
