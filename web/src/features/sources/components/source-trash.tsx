import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { HighlightEvidenceLinks, Source } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/dates';
import { paths } from '../../../lib/paths';
import { useRestoreSource } from '../api/restore-source';
import { useTrashSource } from '../api/trash-source';
import { evidenceTargets } from '../lib/evidence-targets';

/**
 * "Move to trash" for the open source: asked first when its highlights are evidence (they leave
 * those problems' and items' counts), then a toast with Undo, and back to the page the person came
 * from (the Inbox when they opened it from outside the app). Undo restores it and opens it again.
 */
export function MoveSourceToTrash({ ws, source, evidence }: { ws: string; source: Source; evidence: readonly HighlightEvidenceLinks[] }) {
  const trash = useTrashSource(ws);
  const restore = useRestoreSource(ws);
  const toast = useToast();
  const navigate = useNavigate();
  // The first entry of the app's history has this key: nothing of the app to go back to.
  const cameFromApp = useLocation().key !== 'default';
  const [confirming, setConfirming] = useState(false);
  const targets = evidenceTargets(evidence);

  const moveToTrash = () =>
    trash.mutate(source.id, {
      onSuccess: () => {
        toast.show(`Moved “${source.title}” to the trash, in Inbox → Trash`, 'success', {
          label: 'Undo',
          // A promise, not callbacks: this page is gone by the time Undo is pressed.
          onClick: () =>
            void restore.mutateAsync(source.id).then(
              () => navigate(paths.source(ws, source.id)),
              (error: Error) => toast.show(`Could not undo: ${error.message}`, 'error'),
            ),
        });
        if (cameFromApp) void navigate(-1);
        else void navigate(paths.inbox(ws));
      },
      onError: (error) => toast.show(error.message, 'error'),
    });

  return (
    <>
      <Button size="sm" variant="danger" busy={trash.isPending} onClick={targets.length ? () => setConfirming(true) : moveToTrash}>
        Move to trash
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Move the source to the trash?"
        confirmLabel="Move to trash"
        busy={trash.isPending}
        // A failure shows in a toast, as when there is nothing to confirm.
        error={null}
        onConfirm={moveToTrash}
        onClose={() => setConfirming(false)}
      >
        Its highlights are evidence for {targets.join(', ')}. While the source is in the trash they no longer count there; Undo, or Restore from Inbox → Trash,
        brings them back.
      </ConfirmDialog>
    </>
  );
}

/** Above a trashed source in the reader: since when, and Restore for those who may (who added it, researchers and up). */
export function SourceTrashNotice({ ws, source, canRestore }: { ws: string; source: Source; canRestore: boolean }) {
  const restore = useRestoreSource(ws);
  const toast = useToast();
  const restoreSource = () =>
    restore.mutate(source.id, {
      onSuccess: () => {
        toast.show(`Restored “${source.title}”`, 'success');
        // Restore goes with the notice: focus goes back to the top of the page, not to <body>.
        document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
      },
      onError: (error) => toast.show(error.message, 'error'),
    });
  return (
    <div className="notice notice-warning trash-notice">
      <p>
        In the trash{source.deletedAt && <> since <time dateTime={source.deletedAt}>{formatDate(source.deletedAt)}</time></>}: it is left out of lists, search and
        counts, and its highlights cannot change.{canRestore ? '' : ' Whoever added it, or a researcher, can restore it.'}
      </p>
      {canRestore && (
        <Button size="sm" busy={restore.isPending} onClick={restoreSource}>
          Restore
        </Button>
      )}
    </div>
  );
}
