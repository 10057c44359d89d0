import { useParams } from 'react-router';
import { EvidenceExport } from '../../features/highlights/components/evidence-export';
import { HighlightPickerDialog } from '../../features/highlights/components/highlight-picker-dialog';
import { BacklogItemDetail } from '../../features/insights/components/backlog-item-detail';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/backlog/:id`: one backlog item, its score explained, and its evidence pack; contributors add quotes to it by picking highlights. */
export function BacklogItemRoute() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  const ws = workspace.id;
  return (
    <BacklogItemDetail
      key={id}
      ws={ws}
      id={id}
      // All its evidence, as its score and its evidence pack count it: its own and its problems'.
      evidenceActions={(shown) => <EvidenceExport ws={ws} filters={{ evidenceOfBacklogItemId: id }} allUrl={paths.backlogItem(ws, id)} what="behind this item, its problems' included" size="sm" shown={shown} />}
      renderEvidencePicker={(picker) => <HighlightPickerDialog ws={ws} {...picker} />}
    />
  );
}
