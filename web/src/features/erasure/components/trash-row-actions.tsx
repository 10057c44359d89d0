import { useState } from 'react';
import { purgeDateOf } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/dates';
import { useWorkspace } from '../../../lib/workspace';
import { useDeleteForever, type TrashItemKind } from '../api/delete-forever';
import { useTrashSummary } from '../api/get-trash-summary';

/** "Deleted for good on 4 Jun 2025" under a trashed row, while the trash has a time limit. */
export function PurgeNote({ ws, deletedAt }: { ws: string; deletedAt: string | null }) {
  const summary = useTrashSummary(ws);
  const date = deletedAt && summary.data ? purgeDateOf(deletedAt, summary.data.retention) : null;
  if (!date) return null;
  return (
    <span className="muted small trash-purge-date">
      Deleted for good on <time dateTime={date}>{formatDate(date)}</time>
    </span>
  );
}

const CONSEQUENCES: Record<TrashItemKind, string> = {
  sources: 'The source and its highlights will be gone for good: nobody can restore them, and the problems and backlog items they are evidence for lose them.',
  highlights: 'The highlight will be gone for good: nobody can restore it, and the problems and backlog items it is evidence for lose it.',
  insights: 'It will be gone for good, with its evidence links and backlog links: nobody can restore it. What sits under it moves to the top of the tree.',
  'backlog-items': 'It will be gone for good, with its evidence links and problem links: nobody can restore it.',
};

/** **Delete forever** on a trashed row, for admins: asked first, as nothing brings it back. */
export function DeleteForeverButton({ ws, kind, id, title }: { ws: string; kind: TrashItemKind; id: string; title: string }) {
  const workspace = useWorkspace();
  const remove = useDeleteForever(ws);
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  if (!workspace.can('admin')) return null;

  const deleteForever = () =>
    remove.mutate(
      { kind, id },
      {
        onSuccess: () => {
          setConfirming(false);
          toast.show(`Deleted “${title}” for good`, 'success');
        },
      },
    );

  return (
    <>
      <Button size="sm" variant="danger" onClick={() => setConfirming(true)} aria-label={`Delete forever “${title}”`}>
        Delete forever
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Delete it forever?"
        confirmLabel="Delete forever"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={deleteForever}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        <p className="confirm-subject">“{title}”</p>
        <p>{CONSEQUENCES[kind]}</p>
      </ConfirmDialog>
    </>
  );
}
