import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { InsightDetail } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { paths } from '../../../lib/paths';
import { useMergeInsight } from '../api/merge-insight';
import { useRestoreInsight } from '../api/restore-insight';
import { useUndoToast } from '../hooks/use-undo-toast';
import { describeMergeMoves } from '../lib/merge';
import { InsightPicker } from './target-picker';

/**
 * "Merge into…", one dialog in two steps: find the insight of the same type to keep, then
 * confirm what moves to it (Back to choose again). The merged one goes to the trash, and the
 * page goes to the survivor; the toast's Undo restores the merged one, which takes back what it
 * gave (ADR 009), and opens it again.
 */
export function MergeInsightDialog({ ws, insight, onClose }: { ws: string; insight: InsightDetail; onClose: () => void }) {
  const merge = useMergeInsight(ws);
  const restore = useRestoreInsight(ws);
  const navigate = useNavigate();
  const undoable = useUndoToast();
  const [survivor, setSurvivor] = useState<{ id: string; title: string } | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const kind = INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase();

  // Each step replaces the other under the cursor: the picker takes typing again, and the
  // confirmation starts on Back, as a destructive dialog starts on Cancel, so Enter cannot merge.
  useEffect(() => {
    if (survivor) body.current?.closest('dialog')?.querySelector<HTMLElement>('.dialog-footer button')?.focus();
    else body.current?.querySelector('input')?.focus();
  }, [survivor]);

  const confirm = () => {
    if (!survivor) return;
    merge.mutate(
      { id: insight.id, body: { intoInsightId: survivor.id } },
      {
        onSuccess: (merged) => {
          undoable(`Merged “${insight.title}” into “${merged.title}”`, () => restore.mutateAsync(insight.id).then(() => navigate(paths.problem(ws, insight.id))));
          navigate(paths.problem(ws, merged.id));
        },
      },
    );
  };

  return (
    <Dialog
      open
      title={survivor ? `Merge into “${survivor.title}”?` : `Merge “${insight.title}” into…`}
      onClose={onClose}
      footer={
        survivor ? (
          <>
            <Button
              onClick={() => {
                merge.reset();
                setSurvivor(null);
              }}
            >
              Back
            </Button>
            <Button variant="danger" busy={merge.isPending} onClick={confirm}>
              Merge
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        )
      }
    >
      <div ref={body} className="stack target-dialog">
        {survivor ? (
          <>
            <p>
              {describeMergeMoves(insight.type, { highlights: insight.evidenceCount, backlogItems: insight.backlogItems.length, children: insight.children.length })} move from “{insight.title}” to “{survivor.title}”; what is linked to both counts once there.
            </p>
            <p className="muted">
              “{survivor.title}” keeps its title and statement. “{insight.title}” goes to the trash, empty: restoring it from there takes back what it gave.
            </p>
            <ErrorMessage error={merge.error} />
          </>
        ) : (
          <>
            <p className="muted target-intro">Choose the {kind} to keep. What backs this one moves there, and this one goes to the trash.</p>
            <InsightPicker ws={ws} label={`${INSIGHT_TYPE_LABELS[insight.type].one} to merge into`} insightType={insight.type} excludeIds={[insight.id]} busy={false} onChoose={setSurvivor} onEscape={onClose} />
            <p className="popover-hint muted">
              <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> next · <kbd>Esc</kbd> close
            </p>
          </>
        )}
      </div>
    </Dialog>
  );
}
