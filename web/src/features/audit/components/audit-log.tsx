import { Link } from 'react-router';
import { AUDIT_ACTION_GROUPS, describeAuditAction, type AuditEvent } from '@cairn/shared';
import { Button } from '../../../components/button';
import { DateRangeFields, ReversedRangeNote } from '../../../components/date-range-fields';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select } from '../../../components/field';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { Table, type Column } from '../../../components/table';
import { formatDateTime, isReversedRange } from '../../../lib/dates';
import { withParams } from '../../../lib/url-params';
import { useAuditActors } from '../api/list-audit-actors';
import { AUDIT_FILTER_KEYS, useAuditEvents, type AuditFilters } from '../api/list-audit-events';
import { auditObjectLink } from '../lib/object-link';
import { useUrlParams } from '../../../lib/use-url-params';

const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

function columnsFor(ws: string): Column<AuditEvent>[] {
  return [
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
          // No one acts for the trash's time limit: Cairn does, on its own (ADR 019).
          <span className="muted">{event.action === 'trash.retention' ? 'Cairn, on its own' : 'Not signed in'}</span>
        ),
    },
    {
      key: 'action',
      header: 'Action',
      cell: (event) => {
        const words = capitalized(describeAuditAction(event.action));
        const link = auditObjectLink(ws, event);
        return link ? <Link to={link}>{words}</Link> : words;
      },
    },
    { key: 'summary', header: 'Summary', cell: (event) => event.summary },
  ];
}

/** Person, action (one, or all of a kind of object) and days; kept in the URL so that a filtered log can be shared. */
function AuditFilterBar({ ws, filters, setFilters, clear }: { ws: string; filters: AuditFilters; setFilters: (change: AuditFilters) => void; clear: () => void }) {
  const actors = useAuditActors(ws);
  return (
    <form className="card audit-filters" role="search" aria-label="Filter the audit log" onSubmit={(event) => event.preventDefault()}>
      <Field label="Person">
        {(props) => (
          <Select {...props} value={filters.actorId ?? ''} onChange={(event) => setFilters({ actorId: event.target.value })}>
            <option value="">Anyone</option>
            {actors.data?.items.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.type === 'token' ? `${actor.name} (API token)` : actor.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Action">
        {(props) => (
          <Select {...props} value={filters.action ?? ''} onChange={(event) => setFilters({ action: event.target.value })}>
            <option value="">Any action</option>
            {Object.entries(AUDIT_ACTION_GROUPS).map(([group, { label, actions }]) => (
              <optgroup key={group} label={label}>
                <option value={group}>{label}: anything</option>
                {Object.entries(actions).map(([action, words]) => (
                  <option key={action} value={action}>
                    {capitalized(words)}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      <DateRangeFields label="Date" range={{ from: filters.from, to: filters.to }} onChange={(range) => setFilters({ from: range.from, to: range.to })} />
      {Object.keys(filters).length > 0 && (
        <Button variant="ghost" onClick={clear}>
          Clear filters
        </Button>
      )}
    </form>
  );
}

export function AuditLog({ ws }: { ws: string }) {
  const [params, setParams] = useUrlParams();
  const filters: AuditFilters = Object.fromEntries(AUDIT_FILTER_KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const reversed = isReversedRange(filters);
  const events = useAuditEvents(ws, filters, !reversed);
  const setFilters = (change: AuditFilters) => setParams(withParams(params, change), { replace: true });
  const filtered = Object.keys(filters).length > 0;

  const content = () => {
    if (reversed) return <ReversedRangeNote />;
    if (events.isPending) return <Loading />;
    // A failed "Load more" keeps the pages already shown; only a failed first page has nothing to show.
    if (!events.data) return <ErrorMessage error={events.error} />;
    const rows = events.data.pages.flatMap((page) => page.items);
    if (!rows.length) {
      return filtered ? (
        <EmptyState title="No events match these filters">Widen the dates, or choose another person or action.</EmptyState>
      ) : (
        <EmptyState title="Nothing recorded yet">Sign-ins, member and role changes, tokens, deletes, merges and imports appear here.</EmptyState>
      );
    }
    return (
      <>
        <Table caption="Audit log" columns={columnsFor(ws)} rows={rows} rowKey={(event) => event.id} cards />
        <LoadMore query={events} />
      </>
    );
  };
  return (
    <div className="stack">
      <AuditFilterBar ws={ws} filters={filters} setFilters={setFilters} clear={() => setParams(new URLSearchParams(), { replace: true })} />
      {content()}
    </div>
  );
}
