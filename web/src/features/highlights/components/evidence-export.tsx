import { countOf } from '@cairn/shared';
import type { ShownEvidence } from '../../../lib/shown-evidence';
import type { HighlightFilters } from '../api/list-highlights';
import { CopyQuotesButton } from './copy-quotes-button';
import { ExportCsvLink } from './export-csv-link';

type EvidenceExportProps = { ws: string; filters: HighlightFilters; allUrl: string; what: string; size?: 'sm' | 'md'; shown?: ShownEvidence };

/**
 * The evidence of a problem or a backlog item, taken out: its quotes as Markdown, and all of it as
 * CSV. While the list is filtered, what it shows, and the buttons say so.
 */
export function EvidenceExport({ ws, filters, allUrl, what, size, shown }: EvidenceExportProps) {
  const taken = shown ? { ...filters, importance: shown.importance } : filters;
  const some = (noun: string) => shown && (shown.count === undefined ? `the ${shown.words} ${noun}s` : `the ${countOf(shown.count, `${shown.words} ${noun}`)}`);
  return (
    <>
      <CopyQuotesButton ws={ws} request={{ filters: taken, allUrl }} size={size} label={shown && `Copy ${some('quote')} as Markdown`} />
      <ExportCsvLink
        ws={ws}
        filters={taken}
        size={size}
        label={shown && `Export ${some('highlight')} as CSV`}
        description={`Every highlight ${what}${shown ? ` marked ${shown.words}, as the list shows them` : ''}, with its source, customer and a link back, as a spreadsheet (CSV)`}
      />
    </>
  );
}
