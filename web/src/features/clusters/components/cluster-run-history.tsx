import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClusterRunListItem, ClusterRunSummary } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { Table, TableFigure } from '../../../components/table';
import { formatDateTime } from '../../../lib/dates';
import { paths } from '../../../lib/paths';
import { isRunning, useClusterRuns } from '../api/list-cluster-runs';
import { useDescribeScope } from '../hooks/use-describe-scope';
import { describeSilhouette } from '../lib/run-words';
import { RunProgress, RunStatusBadge } from './run-status';

/** How many clusters a run made, and whether it chose that number itself. */
function ClusterCount({ run }: { run: ClusterRunSummary }) {
  if (run.k === null) return <span className="muted">—</span>;
  return (
    <>
      {run.k}
      {run.params.k === 'auto' && <span className="muted"> (auto)</span>}
    </>
  );
}

/** The labels of a finished run's largest clusters: what tells apart runs of the same scope. */
function TopLabels({ run }: { run: ClusterRunListItem }) {
  if (!run.topLabels.length) return null;
  return (
    <ul className="run-top-labels" aria-label="Largest clusters">
      {run.topLabels.map((label, index) => (
        <li key={index} className="term-chip">
          {label}
        </li>
      ))}
    </ul>
  );
}

/** Every cluster run of the workspace, newest first; `empty` is shown before the first one. */
export function ClusterRunHistory({ ws, empty }: { ws: string; empty: ReactNode }) {
  const query = useClusterRuns(ws);
  const scopeWords = useDescribeScope(ws);
  if (query.isPending) return <Loading label="Loading the cluster runs…" />;
  if (!query.data) return <ErrorMessage error={query.error} />;
  const runs = query.data.pages.flatMap((page) => page.items);
  if (!runs.length) return <>{empty}</>;
  return (
    <div className="stack">
      <Table<ClusterRunListItem>
        cards
        caption="Cluster runs, newest first"
        rowKey={(run) => run.id}
        rows={runs}
        columns={[
          {
            key: 'scope',
            header: 'What was grouped',
            cell: (run) => (
              <>
                <Link to={paths.clusterRun(ws, run.id)}>{scopeWords(run.params.scope)}</Link>
                <TopLabels run={run} />
              </>
            ),
          },
          {
            key: 'status',
            header: 'Status',
            cell: (run) => (
              <span className="run-status-cell">
                <RunStatusBadge status={run.status} />
                {isRunning(run) && <RunProgress run={run} label={`Progress of the run started ${formatDateTime(run.createdAt)}`} />}
                {run.failure && <span className="muted small">{run.failure}</span>}
              </span>
            ),
          },
          {
            key: 'k',
            header: 'Clusters',
            cell: (run) => (
              <TableFigure label="Clusters">
                <ClusterCount run={run} />
              </TableFigure>
            ),
            align: 'right',
          },
          { key: 'separation', header: 'Separation', cell: (run) => (run.silhouette === null ? <span className="muted">—</span> : describeSilhouette(run.silhouette).words) },
          {
            key: 'texts',
            header: 'Texts',
            cell: (run) => <TableFigure label="Texts">{run.textCount === null ? <span className="muted">—</span> : run.textCount.toLocaleString()}</TableFigure>,
            align: 'right',
          },
          { key: 'who', header: 'Started by', cell: (run) => run.createdBy?.name ?? <span className="muted">API token or system</span> },
          { key: 'when', header: 'When', cell: (run) => <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time> },
        ]}
      />
      <LoadMore query={query} label="Show older runs" />
    </div>
  );
}
