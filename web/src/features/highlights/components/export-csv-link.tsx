import { highlightsCsvUrl } from '../api/export-highlights-csv';
import type { HighlightFilters } from '../api/list-highlights';

/** Downloads every highlight the filters match as a spreadsheet: a plain link, so the browser streams the file to disk. */
export function ExportCsvLink({ ws, filters, description, size = 'md' }: { ws: string; filters: HighlightFilters; description: string; size?: 'sm' | 'md' }) {
  return (
    <a className={`btn${size === 'sm' ? ' btn-sm' : ''}`} href={highlightsCsvUrl(ws, filters)} download title={description}>
      Export CSV
    </a>
  );
}
