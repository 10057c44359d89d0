import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { countOf, describePurgeCounts, type TrashList } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ProgressBar } from '../../../components/progress-bar';
import { useToast } from '../../../components/toast';
import { invalidateEvidence } from '../../../lib/evidence';
import { useWorkspace } from '../../../lib/workspace';
import { useEmptyTrash } from '../api/empty-trash';
import { isRunning, usePurge } from '../api/get-purge';
import { useTrashSummary } from '../api/get-trash-summary';
import { describePurgeProgress, describeRetention, describeTrash, itemsInTrash } from '../lib/trash-words';

/**
 * Above a trash: how long it keeps things, and for admins **Empty trash…**, which asks first,
 * naming what goes and how many, then shows the purge's progress (it runs in the background, a
 * batch at a time) until it is done. A purge someone else started shows its progress here too.
 */
export function TrashBar({ ws, list }: { ws: string; list: TrashList }) {
  const workspace = useWorkspace();
  const summary = useTrashSummary(ws);
  const empty = useEmptyTrash(ws);
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [startedId, setStartedId] = useState<string | null>(null);
  const started = usePurge(ws, startedId);
  const livePurgeId = summary.data?.purge?.id ?? null;
  const lastLive = useRef<string | null>(null);

  // A purge ended (this page's or another's): what the lists and counts show is stale.
  useEffect(() => {
    if (lastLive.current && !livePurgeId) void invalidateEvidence(queryClient, ws);
    lastLive.current = livePurgeId;
  }, [livePurgeId, queryClient, ws]);

  // The purge this page started ended: say what went.
  const startedPurge = started.data;
  useEffect(() => {
    if (!startedPurge || isRunning(startedPurge)) return;
    setStartedId(null);
    void invalidateEvidence(queryClient, ws);
    if (startedPurge.status === 'done') toast.show(`Emptied the trash: deleted ${describePurgeCounts(startedPurge.deleted)} for good`, 'success');
    else toast.show(startedPurge.failure ?? 'Emptying the trash stopped before the end', 'error');
  }, [startedPurge, queryClient, toast, ws]);

  if (!summary.data) return null;
  const { retention, counts } = summary.data;
  const running = startedPurge && isRunning(startedPurge) ? startedPurge : summary.data.purge;
  const items = itemsInTrash(list, counts);
  const canEmpty = workspace.can('admin');

  // The counts the confirmation names are asked again as it opens: a row deleted or restored a moment ago is not in them.
  const confirm = () => {
    setConfirming(true);
    void summary.refetch();
  };
  const emptyTrash = () =>
    empty.mutate(list, {
      onSuccess: (purge) => {
        setConfirming(false);
        setStartedId(purge.id);
      },
    });

  return (
    <div className="trash-bar">
      <p className="muted trash-retention">{describeRetention(retention)}</p>
      {running ? (
        <div className="trash-progress">
          <ProgressBar value={running.progress} label="Deleting for good" />
          <span className="muted small" aria-live="polite">
            {describePurgeProgress(running)}
          </span>
        </div>
      ) : (
        canEmpty &&
        items > 0 && (
          <Button variant="danger" size="sm" onClick={confirm}>
            Empty trash…
          </Button>
        )
      )}
      <ConfirmDialog
        open={confirming}
        title="Empty the trash for good?"
        confirmLabel={`Delete ${countOf(items, 'item')} forever`}
        busy={empty.isPending || summary.isFetching}
        error={empty.error}
        onConfirm={emptyTrash}
        onClose={() => {
          setConfirming(false);
          empty.reset();
        }}
      >
        This deletes for good {describeTrash(list, counts)}. Nobody can restore them afterwards. What is moved to the trash from now on stays there.
      </ConfirmDialog>
    </div>
  );
}
