import { useParams } from 'react-router';
import { ClusterRunView } from '../../features/clusters/components/cluster-run-view';
import { InsightPicker } from '../../features/insights/components/target-picker';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/clusters/:runId`: one cluster run, its progress and then its clusters; a cluster is promoted to a new problem or added to one found by name. */
export function ClusterRunRoute() {
  const workspace = useWorkspace();
  const { runId = '' } = useParams();
  return <ClusterRunView key={runId} ws={workspace.id} runId={runId} renderInsightPicker={(picker) => <InsightPicker ws={workspace.id} {...picker} />} />;
}
