import { useParams } from 'react-router';
import { InsightDetail } from '../../features/insights/components/insight-detail';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/problems/:id`: one problem, opportunity or solution with its evidence. */
export function ProblemRoute() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  return <InsightDetail key={id} ws={workspace.id} id={id} />;
}
