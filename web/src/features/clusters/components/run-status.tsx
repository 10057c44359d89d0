import type { ClusterRunStatus, ClusterRunSummary } from '@cairn/shared';

const STATUS_LABELS: Record<ClusterRunStatus, string> = { queued: 'Queued', running: 'Clustering', done: 'Done', failed: 'Failed' };
/** What a queued run is doing: the server computes one run at a time (CLUSTER_RUN_CONCURRENCY). */
export const QUEUED_WORDS = 'Waiting for another run to finish';

export function RunStatusBadge({ status }: { status: ClusterRunStatus }) {
  return <span className={`badge run-status run-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

/**
 * A run's progress on the native <progress>, which assistive technology reads as a percentage.
 * A queued run has done nothing yet: its bar is indeterminate rather than a misleading 0%. Runs
 * compute one at a time, so a queued run is waiting for the one computing.
 */
export function RunProgress({ run, label }: { run: Pick<ClusterRunSummary, 'status' | 'progress'>; label: string }) {
  const queued = run.status === 'queued';
  return (
    <span className="run-progress">
      <progress aria-label={label} max={1} value={queued ? undefined : run.progress} />
      <span className="run-progress-text" aria-hidden="true">
        {queued ? QUEUED_WORDS : `${Math.round(run.progress * 100)}%`}
      </span>
    </span>
  );
}
