import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ImportSummary } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { Table } from '../../../components/table';
import { formatDateTime } from '../../../lib/dates';
import { describeCounts, sampleCredit } from '../../../lib/import-words';
import { paths } from '../../../lib/paths';
import { useImports } from '../api/list-imports';
import { formatLabel } from './formats';
import { ImportStatusBadge } from './import-status';

/** What an import brought, or while it runs how far it has read: counts alone would look final. */
function describeResult(item: ImportSummary): string {
  if (item.status === 'queued') return '—';
  if (item.status !== 'running') return describeCounts(item.format, item.counts);
  const read = `${Math.round(item.progress * 100)}% read`;
  return item.counts.total > 0 ? `${read} · ${describeCounts(item.format, item.counts)} so far` : read;
}

/** Every import of the workspace, newest first; `empty` is shown before the first one. */
export function ImportHistory({ ws, empty }: { ws: string; empty: ReactNode }) {
  const query = useImports(ws);
  if (query.isPending) return <Loading label="Loading the import history…" />;
  if (!query.data) return <ErrorMessage error={query.error} />;
  const items = query.data.pages.flatMap((page) => page.items);
  if (!items.length) return <>{empty}</>;
  return (
    <div className="stack">
      <Table<ImportSummary>
        cards
        caption="Import history"
        rowKey={(item) => item.id}
        rows={items}
        columns={[
          { key: 'file', header: 'File', cell: (item) => <Link to={paths.importDetail(ws, item.id)}>{item.fileName}</Link> },
          { key: 'format', header: 'Format', cell: (item) => formatLabel(item.format) },
          { key: 'status', header: 'Status', cell: (item) => <ImportStatusBadge item={item} /> },
          { key: 'counts', header: 'Result', cell: (item) => describeResult(item) },
          { key: 'when', header: 'When', cell: (item) => formatDateTime(item.createdAt) },
          { key: 'who', header: 'Who', cell: (item) => (item.sample ? sampleCredit(item) : (item.createdBy?.name ?? <span className="muted">API token or system</span>)) },
        ]}
      />
      <LoadMore query={query} label="Show older imports" />
    </div>
  );
}
