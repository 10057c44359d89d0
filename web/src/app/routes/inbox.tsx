import { useState } from 'react';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { TrashBar } from '../../features/erasure/components/trash-bar';
import { DeleteForeverButton, PurgeNote } from '../../features/erasure/components/trash-row-actions';
import { LoadSampleDataButton } from '../../features/sample-data/components/load-sample-data-button';
import { NewNoteDialog } from '../../features/sources/components/new-note-dialog';
import { SourceFilterBar } from '../../features/sources/components/source-filter-bar';
import { SourceList } from '../../features/sources/components/source-list';
import { SourcesEmptyState } from '../../features/sources/components/sources-empty-state';
import { useUrlSourceFilters } from '../../features/sources/hooks/use-url-source-filters';
import { isTypingTarget, useDocumentKeyDown } from '../../lib/keyboard';
import { useWorkspace } from '../../lib/workspace';

/** Every source, newest first, filtered from the URL; `n` adds a note. */
export function InboxRoute() {
  const workspace = useWorkspace();
  const { filters, setFilters, clearFilters } = useUrlSourceFilters();
  const [noteOpen, setNoteOpen] = useState(false);
  const canAdd = workspace.can('contributor');
  const openNote = canAdd ? () => setNoteOpen(true) : undefined;
  const inTrash = filters.trash === 'true';

  useDocumentKeyDown((event) => {
    if (!canAdd || event.key !== 'n' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    setNoteOpen(true);
  });

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Every interview, ticket, survey answer, review and note, newest first. Open one to read it and highlight what matters."
        actions={
          openNote && (
            <Button variant="primary" onClick={openNote} aria-keyshortcuts="n">
              New note
            </Button>
          )
        }
      />
      <div className="stack">
        <SourceFilterBar ws={workspace.id} filters={filters} onChange={setFilters} onClear={clearFilters} />
        {inTrash && <TrashBar ws={workspace.id} list="sources" />}
        <SourceList
          ws={workspace.id}
          filters={filters}
          label={inTrash ? 'Sources in the trash' : 'Sources'}
          onClearFilter={(filter) => setFilters({ [filter]: undefined })}
          trashExtras={{
            note: (item) => <PurgeNote ws={workspace.id} deletedAt={item.deletedAt} />,
            actions: (item) => <DeleteForeverButton ws={workspace.id} kind="sources" id={item.id} title={item.title} />,
          }}
          empty={<SourcesEmptyState ws={workspace.id} filtered={Object.keys(filters).length > 0} trash={inTrash} onClearFilters={clearFilters} onNewNote={openNote} extraAction={<LoadSampleDataButton />} />}
        />
      </div>
      {openNote && <NewNoteDialog ws={workspace.id} open={noteOpen} onClose={() => setNoteOpen(false)} />}
    </>
  );
}
