import { useParams } from 'react-router';
import { Loading } from '../../components/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { LinkEvidenceDialog } from '../../features/insights/components/link-evidence-button';
import { SourceReader } from '../../features/reader/components/source-reader';
import { MoveSourceToTrash, SourceTrashNotice } from '../../features/sources/components/source-trash';
import { useCreateTag } from '../../features/tags/api/create-tag';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/sources/:id`: the reader, with inline tag creation from the codebook, linking to problems and backlog items, and the source's trash. */
export function SourceRoute() {
  const { id = '' } = useParams();
  const workspace = useWorkspace();
  const me = useMe();
  const createTag = useCreateTag(workspace.id);
  if (!me.data) return <Loading />;
  return (
    <SourceReader
      key={id}
      sourceId={id}
      currentUserId={me.data.user.id}
      createTag={workspace.can('contributor') ? (name) => createTag.mutateAsync({ name }) : undefined}
      renderLinkDialog={({ count, getHighlightIds, onClose }) => <LinkEvidenceDialog ws={workspace.id} open count={count} getHighlightIds={getHighlightIds} onClose={onClose} />}
      renderTrashAction={(source, evidence) => <MoveSourceToTrash ws={workspace.id} source={source} evidence={evidence} />}
      renderTrashNotice={(source, canRestore) => <SourceTrashNotice ws={workspace.id} source={source} canRestore={canRestore} />}
    />
  );
}
