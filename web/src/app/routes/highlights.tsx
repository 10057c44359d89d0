import { PageHeader } from '../../components/page-header';
import { TrashBar } from '../../features/erasure/components/trash-bar';
import { DeleteForeverButton, PurgeNote } from '../../features/erasure/components/trash-row-actions';
import { HighlightsBrowser } from '../../features/highlights/components/highlights-browser';
import { LinkEvidenceButton } from '../../features/insights/components/link-evidence-button';
import { useCreateTag } from '../../features/tags/api/create-tag';
import { useWorkspace } from '../../lib/workspace';

export function HighlightsRoute() {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const createTag = useCreateTag(ws);
  return (
    <>
      <PageHeader
        title="Highlights"
        description="Every highlighted passage, with the source and customer behind it. Select several to add or remove a tag, to link them to a problem or backlog item, or to copy or export just those."
      />
      <HighlightsBrowser
        createTag={workspace.can('contributor') ? (name) => createTag.mutateAsync({ name }) : undefined}
        renderBulkActions={(highlightIds, done) => (
          <LinkEvidenceButton ws={ws} size="sm" count={highlightIds.length} getHighlightIds={async () => highlightIds} onLinked={done} />
        )}
        trashExtras={{
          bar: <TrashBar ws={ws} list="highlights" />,
          note: (item) => <PurgeNote ws={ws} deletedAt={item.deletedAt ?? null} />,
          actions: (item, title) => <DeleteForeverButton ws={ws} kind="highlights" id={item.id} title={title} />,
        }}
      />
    </>
  );
}
