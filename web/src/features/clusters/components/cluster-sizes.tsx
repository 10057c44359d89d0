import { useState } from 'react';
import type { ClusterRun } from '@cairn/shared';
import { Button } from '../../../components/button';
import { countOf } from '../../../lib/numbers';
import { orderClusters } from '../lib/order';
import { formatShare, sizeBars } from '../lib/sizes';

/** Bars the chart shows until asked for all: the largest themes, with the cards still near the top of the page. */
const SIZE_CHART_TOP = 10;

/**
 * How big each cluster is, as horizontal bars to compare at a glance, largest first: the
 * largest few, or all of them once asked. Every bar has its number and share written beside it,
 * so nothing rests on the bar's length alone; a cluster's name takes focus to that cluster in the
 * list below.
 */
export function ClusterSizes({ run, onJump }: { run: Pick<ClusterRun, 'clusters' | 'textCount' | 'unclusteredCount'>; onJump: (clusterId: string) => void }) {
  const [showsAll, setShowsAll] = useState(false);
  const bars = sizeBars(orderClusters(run.clusters, 'size'), run.textCount);
  const hidden = bars.length - SIZE_CHART_TOP;
  const shown = showsAll || hidden <= 0 ? bars : bars.slice(0, SIZE_CHART_TOP);
  return (
    <section className="card stack cluster-sizes" aria-labelledby="cluster-sizes-title">
      <div className="section-header">
        <h2 id="cluster-sizes-title">Sizes</h2>
        {hidden > 0 && (
          <Button size="sm" variant="ghost" aria-expanded={showsAll} aria-controls="cluster-size-chart" onClick={() => setShowsAll(!showsAll)}>
            {showsAll ? `Show the ${SIZE_CHART_TOP} largest` : `Show all ${bars.length}`}
          </Button>
        )}
      </div>
      <ol id="cluster-size-chart" className="size-chart" aria-label={shown.length < bars.length ? `The ${shown.length} largest of ${bars.length} clusters` : 'Every cluster, largest first'}>
        {shown.map((bar) => (
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
