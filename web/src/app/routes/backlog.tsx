import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { TrashBar } from '../../features/erasure/components/trash-bar';
import { DeleteForeverButton, PurgeNote } from '../../features/erasure/components/trash-row-actions';
import { BacklogBoard } from '../../features/insights/components/backlog-board';
import { BacklogFormDialog } from '../../features/insights/components/backlog-form-dialog';
import { BacklogTrash, TrashTabs, useTrashView } from '../../features/insights/components/trash';
import { isTypingTarget, useDocumentKeyDown } from '../../lib/keyboard';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/backlog`: what might be built, ranked by the evidence behind it, or its trash (`?view=trash`); `n` adds an item. */
export function BacklogRoute() {
  const workspace = useWorkspace();
  const inTrash = useTrashView();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const canEdit = workspace.can('researcher');
  const newItem = canEdit ? () => setCreating(true) : undefined;

  useDocumentKeyDown((event) => {
    if (!canEdit || event.key !== 'n' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    setCreating(true);
  });

  return (
    <>
      <PageHeader
        title="Backlog"
        description="What you might build, ranked by the evidence behind it: distinct customers and companies, the revenue they represent, and how recently they spoke."
        actions={
          newItem && (
            <Button variant="primary" onClick={newItem} aria-keyshortcuts="n">
              New backlog item
            </Button>
          )
        }
      />
      <TrashTabs page="Backlog" main={{ label: 'Items', to: paths.backlog(workspace.id) }} trashTo={paths.backlogTrash(workspace.id)} />
      {inTrash ? (
        <div className="stack">
          <TrashBar ws={workspace.id} list="backlogItems" />
          <BacklogTrash
            ws={workspace.id}
            extras={{
              note: (item) => <PurgeNote ws={workspace.id} deletedAt={item.deletedAt} />,
              actions: (item) => <DeleteForeverButton ws={workspace.id} kind="backlog-items" id={item.id} title={item.title} />,
            }}
          />
        </div>
      ) : (
        <BacklogBoard ws={workspace.id} onNewItem={newItem} />
      )}
      {creating && <BacklogFormDialog ws={workspace.id} onClose={() => setCreating(false)} onSaved={(item) => navigate(paths.backlogItem(workspace.id, item.id))} />}
    </>
  );
}
