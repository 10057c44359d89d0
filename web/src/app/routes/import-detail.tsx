import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ImportReport } from '../../features/imports/components/import-report';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/imports/:id`: one import's progress and report (a survey's NPS with it), e.g. from the history or a shared link. */
export function ImportDetailRoute() {
  const { id = '' } = useParams();
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader title="Import" actions={<Link to={paths.imports(workspace.id)}>All imports</Link>} />
      <div className="card">
        <ImportReport key={id} ws={workspace.id} importId={id} showScores />
      </div>
    </>
  );
}
