import type { ClusterRun } from '@cairn/shared';
import { countOf } from '../../../lib/numbers';
import { formatShare, sizeBars } from '../lib/sizes';

/**
 * How big each cluster is, as horizontal bars to compare at a glance. Every bar has its number
 * and share written beside it, so nothing rests on the bar's length alone; a cluster's name
 * takes focus to that cluster in the list below.
 */
export function ClusterSizes({ run, onJump }: { run: Pick<ClusterRun, 'clusters' | 'textCount' | 'unclusteredCount'>; onJump: (clusterId: string) => void }) {
  const bars = sizeBars(run.clusters, run.textCount);
  return (
    <section className="card stack cluster-sizes" aria-labelledby="cluster-sizes-title">
      <h2 id="cluster-sizes-title">Sizes</h2>
      <ol className="size-chart">
        {bars.map((bar) => (
          <li key={bar.id} className="size-row">
            {/* The title gives back a label the column cut short. */}
            <button type="button" className="size-label" title={bar.label} onClick={() => onJump(bar.id)}>
              {bar.label}
            </button>
            <span className="size-bar" aria-hidden="true">
              <span style={{ width: `${bar.width}%` }} />
            </span>
            <span className="size-count">
              {countOf(bar.size, 'member')} <span className="muted">· {formatShare(bar.share)}</span>
            </span>
          </li>
        ))}
      </ol>
      {!!run.unclusteredCount && (
        <p className="muted small">
          {countOf(run.unclusteredCount, 'text was', 'texts were')} left out of every cluster: nothing in them but common words, or words too rare to compare.
        </p>
      )}
    </section>
  );
}
