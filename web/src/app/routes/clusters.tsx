import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';

/** `/w/:ws/clusters`: clustering has not landed yet. The page says so plainly, and what it will do, with nothing to click that leads nowhere. */
export function ClustersRoute() {
  return (
    <>
      <PageHeader title="Clusters" />
      <EmptyState title="Clustering is not built yet" icon="⁂">
        <p>
          <span className="badge badge-coming">Coming next</span>
        </p>
        <p>
          Cairn will group similar highlights and short tickets or survey answers into themes, over the scope you choose (kind, tag, date, segment), keeping each run's
          settings so that it can be repeated. You will move members between themes and promote a theme to a problem.
        </p>
      </EmptyState>
    </>
  );
}
