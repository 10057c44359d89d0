import type { AuditEvent } from '@cairn/shared';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { Table, type Column } from '../../../components/table';
import { formatDateTime } from '../../../lib/dates';
import { useAuditEvents } from '../api/list-audit-events';

const columns: Column<AuditEvent>[] = [
  {
    key: 'when',
    header: 'When',
    width: '190px',
    cell: (event) => <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>,
  },
  {
    key: 'who',
    header: 'Who',
    cell: (event) =>
      event.actor ? (
        <>
          {event.actor.name}
          {event.actor.type === 'token' && <span className="badge badge-inline">API token</span>}
        </>
      ) : (
        <span className="muted">Cairn</span>
      ),
  },
  { key: 'action', header: 'Action', cell: (event) => <code>{event.action}</code> },
  { key: 'summary', header: 'Summary', cell: (event) => event.summary },
];

export function AuditLog({ ws }: { ws: string }) {
  const events = useAuditEvents(ws);
  if (events.isPending) return <Loading />;
  // A failed "Load more" keeps the pages already shown; only a failed first page has nothing to show.
  if (!events.data) return <ErrorMessage error={events.error} />;
  const rows = events.data.pages.flatMap((page) => page.items);
  if (!rows.length) {
    return <EmptyState title="Nothing recorded yet">Sign-ins, member and role changes, tokens, deletes, merges and imports appear here.</EmptyState>;
  }
  return (
    <div className="stack">
      <Table caption="Audit log" columns={columns} rows={rows} rowKey={(event) => event.id} />
      <LoadMore query={events} />
    </div>
  );
}
