import { Link } from 'react-router';
import { BACKLOG_SORTS, BACKLOG_STATUSES, RECENT_EVIDENCE_DAYS, type BacklogItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select } from '../../../components/field';
import { LoadMore } from '../../../components/load-more';
import { Segmented } from '../../../components/segmented';
import { Loading } from '../../../components/spinner';
import { Table, TableFigure, type Column } from '../../../components/table';
import { countOf, formatRevenue } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useBacklogItems, type BacklogFilters } from '../api/list-backlog-items';
import { BACKLOG_STATUS_LABELS } from '../lib/labels';
import { oneOf } from '../lib/params';
import { BacklogStatusBadge } from './badges';
import { ScoreBar, SCORE_RULE } from './score';
import { WhereToLinkEvidence } from './where-to-link-evidence';
import { useUrlParams } from '../../../lib/use-url-params';

/** Evidence first: ranking is what the page is for. */
const SORTS: Array<[BacklogFilters['sort'], string]> = [
  ['evidence', 'Evidence'],
  ['recent', 'Newest'],
];

/** The column of recent highlights, named alike in the table's header and on a phone's cards. */
const RECENT_LABEL = `Last ${RECENT_EVIDENCE_DAYS} days`;

/** Where an item is tracked: its key, linked to the issue when there is an address. */
export function TrackerLink({ item }: { item: Pick<BacklogItem, 'externalKey' | 'externalUrl'> }) {
  if (!item.externalUrl) return item.externalKey ? <span>{item.externalKey}</span> : <span className="muted">—</span>;
  return (
    <a href={item.externalUrl} target="_blank" rel="noreferrer noopener">
      {item.externalKey ?? 'Open issue'}
      <span className="visually-hidden"> (opens your tracker in a new tab)</span>
    </a>
  );
}

/**
 * The backlog ranked by the evidence behind each item (or newest first): who asks for it, what
 * they are worth, how recently; the score drawn as a bar of those parts. Sort and status live in
 * the URL.
 */
export function BacklogBoard({ ws, onNewItem }: { ws: string; onNewItem?: () => void }) {
  const [params, setParams] = useUrlParams();
  const filters: BacklogFilters = { sort: oneOf(BACKLOG_SORTS, params.get('sort')) ?? 'evidence', status: oneOf(BACKLOG_STATUSES, params.get('status')) };
  const items = useBacklogItems(ws, filters);
  const rows = items.data?.pages.flatMap((page) => page.items) ?? [];
  const maxScore = Math.max(0, ...rows.map((item) => item.score.total));

  const setParam = (key: 'sort' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: Column<BacklogItem>[] = [
    ...(filters.sort === 'evidence' ? [{ key: 'rank', header: <abbr title="Rank">#</abbr>, align: 'right' as const, cell: (item: BacklogItem) => rows.indexOf(item) + 1 }] : []),
    {
      key: 'title',
      header: 'Backlog item',
      cell: (item) => (
        <span className="backlog-title">
          <Link to={paths.backlogItem(ws, item.id)}>{item.title}</Link>
          {item.insightCount > 0 && <span className="muted small">{countOf(item.insightCount, 'problem')}</span>}
        </span>
      ),
    },
    { key: 'status', header: 'Status', cell: (item) => <BacklogStatusBadge status={item.status} /> },
    {
      key: 'tracker',
      header: 'Tracker',
      cell: (item) => (
        <TableFigure label="Tracker">
          <TrackerLink item={item} />
        </TableFigure>
      ),
    },
    { key: 'customers', header: 'Customers', align: 'right', cell: (item) => <TableFigure label="Customers">{item.score.customers}</TableFigure> },
    { key: 'companies', header: 'Companies', align: 'right', cell: (item) => <TableFigure label="Companies">{item.score.companies}</TableFigure> },
    {
      key: 'revenue',
      header: 'Revenue',
      align: 'right',
      cell: (item) => <TableFigure label="Revenue">{item.score.revenue > 0 ? formatRevenue(item.score.revenue) : <span className="muted">—</span>}</TableFigure>,
    },
    { key: 'recent', header: <span title={`Highlights from the last ${RECENT_EVIDENCE_DAYS} days`}>{RECENT_LABEL}</span>, align: 'right', cell: (item) => <TableFigure label={RECENT_LABEL}>{item.score.recentHighlights}</TableFigure> },
    { key: 'score', header: 'Score', width: '190px', cell: (item) => <ScoreBar score={item.score} max={maxScore} /> },
  ];

  return (
    <div className="stack">
      <form className="card backlog-filters" role="search" aria-label="Sort and filter the backlog" onSubmit={(event) => event.preventDefault()}>
        <Segmented legend="Rank by" name="backlog-sort" options={SORTS} value={filters.sort} onChange={(sort) => setParam('sort', sort)} />
        <Field label="Status">
          {(props) => (
            <Select {...props} value={filters.status ?? ''} onChange={(event) => setParam('status', event.target.value)}>
              <option value="">Any status</option>
              {BACKLOG_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {BACKLOG_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </form>
      {items.isPending ? (
        <Loading label="Loading the backlog…" />
      ) : !items.data ? (
        <ErrorMessage error={items.error} />
      ) : !rows.length ? (
        filters.status ? (
          <EmptyState title={`No backlog item is ${BACKLOG_STATUS_LABELS[filters.status].toLowerCase()}`} icon="☰" action={<Button onClick={() => setParam('status', '')}>Any status</Button>} />
        ) : (
          <EmptyState
            title="No backlog items yet"
            icon="☰"
            action={
              onNewItem && (
                <Button variant="primary" onClick={onNewItem}>
                  New backlog item
                </Button>
              )
            }
          >
            <p>Add what you might build and link problems and evidence to it: the backlog ranks itself by the customers, companies and revenue behind each item.</p>
            <p>
              <WhereToLinkEvidence ws={ws} />
            </p>
            <p>Copy an item’s evidence pack into Jira or GitHub when it is time to build it.</p>
          </EmptyState>
        )
      ) : (
        <>
          <div className="backlog-table">
            <Table caption={filters.sort === 'evidence' ? 'Backlog items, most evidence first' : 'Backlog items, newest first'} columns={columns} rows={rows} rowKey={(item) => item.id} />
          </div>
          <LoadMore query={items} />
          <p className="muted small">{SCORE_RULE}</p>
        </>
      )}
    </div>
  );
}
