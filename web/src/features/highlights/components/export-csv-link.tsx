import { highlightsCsvUrl } from '../api/export-highlights-csv';
import type { HighlightFilters } from '../api/list-highlights';

type ExportCsvLinkProps = { ws: string; filters: HighlightFilters; description: string; size?: 'sm' | 'md'; label?: string };

/** Downloads every highlight the filters match as a spreadsheet: a plain link, so the browser streams the file to disk. */
export function ExportCsvLink({ ws, filters, description, size = 'md', label = 'Export CSV' }: ExportCsvLinkProps) {
  return (
    <a className={`btn${size === 'sm' ? ' btn-sm' : ''}`} href={highlightsCsvUrl(ws, filters)} download title={description}>
      {label}
    </a>
  );
}
