import { useParams } from 'react-router';
import { ClusterRunView } from '../../features/clusters/components/cluster-run-view';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/clusters/:runId`: one cluster run, its progress and then its clusters. */
export function ClusterRunRoute() {
  const workspace = useWorkspace();
  const { runId = '' } = useParams();
  return <ClusterRunView key={runId} ws={workspace.id} runId={runId} />;
}
