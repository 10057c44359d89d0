import { useParams } from 'react-router';
import { BacklogItemDetail } from '../../features/insights/components/backlog-item-detail';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/backlog/:id`: one backlog item, its score explained, and its evidence pack. */
export function BacklogItemRoute() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  return <BacklogItemDetail key={id} ws={workspace.id} id={id} />;
}
