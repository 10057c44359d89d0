import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Cluster, ClusterRun } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { PageHeader } from '../../../components/page-header';
import { Segmented } from '../../../components/segmented';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { formatDateTime } from '../../../lib/dates';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useDeleteClusterRun } from '../api/delete-cluster-run';
import { useClusterRun } from '../api/get-cluster-run';
import { isRunning } from '../api/list-cluster-runs';
import { useStartClusterRun } from '../api/start-cluster-run';
import { useClusterKeys } from '../hooks/use-cluster-keys';
import { useDescribeScope } from '../hooks/use-describe-scope';
import { useOpenClusters } from '../hooks/use-open-clusters';
import { CLUSTER_ORDER_LABELS, CLUSTER_ORDERS, orderClusters, type ClusterOrder } from '../lib/order';
import { toRerunBody } from '../lib/run-form';
import { describeK, describeSilhouette, formatSilhouette } from '../lib/run-words';
import { ClusterCard } from './cluster-card';
import { ClusterSizes } from './cluster-sizes';
import { PromoteDialog, type RenderInsightPicker } from './promote-dialog';
import { QUEUED_WORDS, RunProgress, RunStatusBadge } from './run-status';
import { useUrlParams } from '../../../lib/use-url-params';

/** The run a page was run again from, passed in the navigation's state: what the scope held then. */
type RerunOf = Pick<ClusterRun, 'id' | 'createdAt' | 'textCount'>;

/**
 * "Run again with the same seed" promises the same clusters, which holds only for the same
 * texts: when the scope has grown or shrunk since (an import, a promotion's new highlights, the
 * trash), the new run says so, beside a link to the one it repeats.
 */
function RerunNote({ ws, run, rerunOf }: { ws: string; run: ClusterRun; rerunOf: RerunOf }) {
  if (run.textCount === null || rerunOf.textCount === null || run.textCount === rerunOf.textCount) return null;
  return (
    <p className="notice rerun-note">
      The scope now holds {countOf(run.textCount, 'text')}; it held {rerunOf.textCount.toLocaleString()} for{' '}
      <Link to={paths.clusterRun(ws, rerunOf.id)}>the run of {formatDateTime(rerunOf.createdAt)}</Link>. Other texts make other clusters, whatever the seed.
    </p>
  );
}

/** What the run is doing, in a sentence announced as it changes (the bar itself is not a live region). */
function statusSentence(run: ClusterRun): string {
  if (run.status === 'queued') return `Queued: ${QUEUED_WORDS.toLowerCase()}.`;
  if (run.status === 'running') return run.textCount === null ? 'Clustering…' : `Clustering ${countOf(run.textCount, 'text')}…`;
  if (run.status === 'failed') return `The run failed: ${run.failure ?? 'the server did not say why'}`;
  return `Done: ${describeK(run.params, run.k)}.`;
}

/** The run's parameters and result in words: what a person needs to judge the clusters, and to run them again. */
function RunFacts({ run }: { run: ClusterRun }) {
  const separation = run.silhouette === null ? null : describeSilhouette(run.silhouette);
  return (
    <div className="stack run-facts-block">
      <dl className="run-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <RunStatusBadge status={run.status} />
          </dd>
        </div>
        <div>
          <dt>Clusters</dt>
          <dd>{describeK(run.params, run.k)}</dd>
        </div>
        {separation && run.silhouette !== null && (
          <div>
            <dt>Separation</dt>
            <dd>
              {separation.words} <span className="muted">(silhouette {formatSilhouette(run.silhouette)})</span>
            </dd>
          </div>
        )}
        {run.textCount !== null && (
          <div>
            <dt>Texts</dt>
            <dd>
              {run.textCount.toLocaleString()}
              {!!run.unclusteredCount && <span className="muted"> · {run.unclusteredCount.toLocaleString()} left out</span>}
            </dd>
          </div>
        )}
        <div>
          <dt>Seed</dt>
          <dd>{run.params.seed}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
            {run.createdBy && ` by ${run.createdBy.name}`}
          </dd>
        </div>
      </dl>
      {separation && <p className="muted run-advice">{separation.advice}</p>}
    </div>
  );
}

const ORDER_OPTIONS = CLUSTER_ORDERS.map((order) => [order, CLUSTER_ORDER_LABELS[order].option] as const);

/** The clusters of a finished run: their sizes as a chart, then each one in the order chosen (kept in the URL), by keyboard too. */
function ClusterResults({ ws, run, canEdit, renderInsightPicker }: { ws: string; run: ClusterRun; canEdit: boolean; renderInsightPicker?: RenderInsightPicker }) {
  const [params, setParams] = useUrlParams();
  const order: ClusterOrder = CLUSTER_ORDERS.find((candidate) => candidate === params.get('order')) ?? 'size';
  const clusters = orderClusters(run.clusters, order);
  const setOrder = (next: ClusterOrder) => {
    const changed = new URLSearchParams(params);
    if (next === 'size') changed.delete('order');
    else changed.set('order', next);
    setParams(changed, { replace: true });
  };
  const toast = useToast();
  const open = useOpenClusters();
  const [promoting, setPromoting] = useState<Cluster | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const promotedId = useRef<string | null>(null);
  // The Promote button gave way to the link to the problem: focus goes to the cluster it was on.
  useEffect(() => {
    if (promoting || !promotedId.current) return;
    document.getElementById(`cluster-${promotedId.current}`)?.querySelector<HTMLElement>('.cluster-toggle')?.focus();
    promotedId.current = null;
  }, [promoting]);
  const promote = (cluster: Cluster) => {
    if (cluster.promotedTo) toast.show(`“${cluster.label}” is already promoted to “${cluster.promotedTo.title}”`, 'info');
    else setPromoting(cluster);
  };
  const onListFocus = useClusterKeys(
    listRef,
    canEdit
      ? (index) => {
          const cluster = clusters[index];
          if (cluster) promote(cluster);
        }
      : undefined,
  );
  const jump = (id: string) => {
    const item = document.getElementById(`cluster-${id}`);
    item?.scrollIntoView({ block: 'start' });
    item?.querySelector<HTMLElement>('.cluster-toggle')?.focus({ preventScroll: true });
  };

  if (!run.clusters.length) {
    return <p className="card muted">The scope held no texts to compare, so there are no clusters. Widen it (fewer filters, more kinds) and run it again.</p>;
  }
  return (
    <>
      <ClusterSizes run={run} onJump={jump} />
      <section className="stack" aria-labelledby="clusters-title">
        <div className="section-header">
          <h2 id="clusters-title">Clusters</h2>
          <Segmented legend="Order by" name="cluster-order" options={ORDER_OPTIONS} value={order} onChange={setOrder} />
          <p className="muted small keyboard-hint">
            <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> opens{canEdit && <> · <kbd>p</kbd> promotes</>}
          </p>
        </div>
        <ol ref={listRef} className="cluster-list" aria-label={`Clusters, ${CLUSTER_ORDER_LABELS[order].list}`} onFocus={onListFocus}>
          {clusters.map((cluster) => (
            <ClusterCard
              key={cluster.id}
              ws={ws}
              runId={run.id}
              cluster={cluster}
              others={run.clusters.filter((other) => other.id !== cluster.id)}
              expanded={open.isOpen(cluster.id)}
              onToggle={() => open.toggle(cluster.id)}
              showsAll={open.showsAll(cluster.id)}
              onShowAll={() => open.showAll(cluster.id)}
              canEdit={canEdit}
              onPromote={() => promote(cluster)}
            />
          ))}
        </ol>
      </section>
      {promoting && (
        <PromoteDialog
          ws={ws}
          runId={run.id}
          cluster={promoting}
          renderInsightPicker={renderInsightPicker}
          onClose={() => setPromoting(null)}
          onPromoted={() => {
            promotedId.current = promoting.id;
            setPromoting(null);
          }}
        />
      )}
    </>
  );
}

/**
 * A cluster run's page: its progress while it runs (polled), the reason if it failed, and once
 * done its parameters in words with the clusters to read, edit and promote. Researchers can
 * run it again with the same seed, or delete it.
 */
export function ClusterRunView({ ws, runId, renderInsightPicker }: { ws: string; runId: string; renderInsightPicker?: RenderInsightPicker }) {
  const workspace = useWorkspace();
  const canEdit = workspace.can('researcher');
  const remove = useDeleteClusterRun(ws);
  // From the moment it is being deleted, nothing asks for the run again: that would be a 404.
  const run = useClusterRun(ws, runId, { enabled: remove.isIdle || remove.isError });
  const start = useStartClusterRun(ws);
  const scopeWords = useDescribeScope(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const rerunOf = (useLocation().state as { rerunOf?: RerunOf } | null)?.rerunOf;
  const [confirming, setConfirming] = useState(false);

  if (!run.data) {
    if (run.isPending) return <Loading label="Loading the run…" />;
    return (
      <div className="stack">
        <ErrorMessage error={run.error} />
        <p>
          <Link to={paths.clusters(ws)}>Back to Clusters</Link>
        </p>
      </div>
    );
  }
  const data = run.data;
  const title = scopeWords(data.params.scope);
  const running = isRunning(data);
  const runAgain = () =>
    start.mutate(toRerunBody(data.params), {
      onSuccess: ({ id }) => navigate(paths.clusterRun(ws, id), { state: { rerunOf: { id: data.id, createdAt: data.createdAt, textCount: data.textCount } satisfies RerunOf } }),
      onError: (error) => toast.show(error.message, 'error'),
    });
  const deleteRun = () =>
    remove.mutate(runId, {
      onSuccess: () => {
        toast.show(running ? 'Stopped and deleted the run' : 'Deleted the run', 'success');
        navigate(paths.clusters(ws));
      },
    });

  return (
    <div className="stack cluster-run">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.clusters(ws)}>Clusters</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <PageHeader
        title={title}
        actions={
          canEdit && (
            <>
              {data.status === 'done' && (
                <Button onClick={runAgain} busy={start.isPending}>
                  Run again with the same seed
                </Button>
              )}
              <Button variant="danger" onClick={() => setConfirming(true)}>
                {running ? 'Stop and delete' : 'Delete run'}
              </Button>
            </>
          )
        }
      />
      <p className="visually-hidden" role="status">
        {statusSentence(data)}
      </p>
      <RunFacts run={data} />
      {rerunOf && <RerunNote ws={ws} run={data} rerunOf={rerunOf} />}
      {running && (
        <section className="card stack" aria-labelledby="run-progress-title">
          <h2 id="run-progress-title">{data.status === 'queued' ? 'Queued' : 'Clustering'}</h2>
          <RunProgress run={data} label="Clustering progress" />
          <p className="muted small">You can leave this page: the run goes on, and the Clusters page shows when it is done.</p>
        </section>
      )}
      {data.status === 'failed' && (
        <section className="card stack" aria-labelledby="run-failed-title">
          <h2 id="run-failed-title">The run failed</h2>
          <p className="error-message">{data.failure ?? 'The server did not say why.'}</p>
          {canEdit && (
            <div className="row">
              <Button variant="primary" onClick={runAgain} busy={start.isPending}>
                Run again
              </Button>
              <span className="muted small">With the same settings and seed.</span>
            </div>
          )}
        </section>
      )}
      {data.status === 'done' && <ClusterResults ws={ws} run={data} canEdit={canEdit} renderInsightPicker={renderInsightPicker} />}
      <ConfirmDialog
        open={confirming}
        title={running ? 'Stop and delete the run?' : 'Delete the run?'}
        confirmLabel={running ? 'Stop and delete' : 'Delete run'}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={deleteRun}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
      >
        {data.status === 'done'
          ? `Its ${countOf(data.clusters.length, 'cluster')} and their edits go with it. Problems promoted from it stay, with their evidence.`
          : 'Its settings go with it; nothing else changes.'}
      </ConfirmDialog>
    </div>
  );
}
