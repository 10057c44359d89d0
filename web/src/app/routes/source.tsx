import { useParams } from 'react-router';
import { Loading } from '../../components/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { LinkEvidenceDialog } from '../../features/insights/components/link-evidence-button';
import { SourceReader } from '../../features/reader/components/source-reader';
import { useCreateTag } from '../../features/tags/api/create-tag';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/sources/:id`: the reader, with inline tag creation from the codebook and linking to problems and backlog items. */
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
    />
  );
}
