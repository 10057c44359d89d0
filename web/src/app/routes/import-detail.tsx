import { Link, useParams } from 'react-router';
import { IdSchema } from '@cairn/shared';
import { PageHeader } from '../../components/page-header';
import { useImport } from '../../features/imports/api/get-import';
import { formatLabel } from '../../features/imports/components/formats';
import { ImportReport } from '../../features/imports/components/import-report';
import { ApiError } from '../../lib/api-client';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/imports/:id`: one import's progress and report (a survey's NPS with it), e.g. from the history or a shared link. */
export function ImportDetailRoute() {
  const { id = '' } = useParams();
  const workspace = useWorkspace();
  // An address no import can have (a cut-off link) is asked nothing: the server would call it invalid params.
  if (!IdSchema.safeParse(id).success) return <NoSuchImport ws={workspace.id} />;
  return <ImportPage key={id} ws={workspace.id} id={id} />;
}

function ImportPage({ ws, id }: { ws: string; id: string }) {
  // The report below polls the same query: this reads its cache, no second request.
  const query = useImport(ws, id);
  if (query.error instanceof ApiError && query.error.status === 404) return <NoSuchImport ws={ws} />;
  const item = query.data;
  return (
    <>
      <PageHeader
        title={item ? item.fileName : 'Import'}
        description={item ? `${formatLabel(item.format)} import` : undefined}
        actions={<Link to={paths.imports(ws)}>All imports</Link>}
      />
      <div className="card">
        <ImportReport ws={ws} importId={id} showScores headingLevel={2} />
      </div>
    </>
  );
}

function NoSuchImport({ ws }: { ws: string }) {
  return (
    <>
      <PageHeader title="No such import" actions={<Link to={paths.imports(ws)}>All imports</Link>} />
      <p className="muted">This import does not exist in this workspace, or its link was cut short.</p>
    </>
  );
}
