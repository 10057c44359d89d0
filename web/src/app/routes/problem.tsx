import { useParams } from 'react-router';
import { EvidenceExport } from '../../features/highlights/components/evidence-export';
import { HighlightPickerDialog } from '../../features/highlights/components/highlight-picker-dialog';
import { InsightDetail } from '../../features/insights/components/insight-detail';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/problems/:id`: one problem, opportunity or solution with its evidence, which contributors add to by picking highlights. */
export function ProblemRoute() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  const ws = workspace.id;
  return (
    <InsightDetail
      key={id}
      ws={ws}
      id={id}
      evidenceActions={(shown) => <EvidenceExport ws={ws} filters={{ insightId: id }} allUrl={paths.problem(ws, id)} what="linked here as evidence" size="sm" shown={shown} />}
      renderEvidencePicker={(picker) => <HighlightPickerDialog ws={ws} {...picker} />}
    />
  );
}
