import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { InsightDetail } from '@cairn/shared';
import { ErrorMessage } from '../../../components/error-message';
import { MergeDialog } from '../../../components/merge-dialog';
import { restoreUndoKey } from '../../../components/toast';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { paths } from '../../../lib/paths';
import { useMergePreview } from '../api/get-merge-preview';
import { useMergeInsight } from '../api/merge-insight';
import { useRestoreInsight } from '../api/restore-insight';
import { useUndoToast } from '../hooks/use-undo-toast';
import { describeMergeConfirm } from '../lib/merge';
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
  const kind = INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase();

  const confirm = () => {
    if (!survivor) return;
    merge.mutate(
      { id: insight.id, body: { intoInsightId: survivor.id } },
      {
        onSuccess: (merged) => {
          undoable(`Merged “${insight.title}” into “${merged.title}”`, () => restore.mutateAsync(insight.id).then(() => navigate(paths.problem(ws, insight.id))), restoreUndoKey(insight.id));
          navigate(paths.problem(ws, merged.id));
        },
      },
    );
  };

  return (
    <MergeDialog
      name={insight.title}
      survivorName={survivor?.title ?? null}
      merge={merge}
      onMerge={confirm}
      onBack={() => setSurvivor(null)}
      onClose={onClose}
      choose={
        <>
          <p className="muted target-intro">Choose the {kind} to keep. What backs this one moves there, and this one goes to the trash.</p>
          <InsightPicker ws={ws} label={`${INSIGHT_TYPE_LABELS[insight.type].one} to merge into`} insightType={insight.type} excludeIds={[insight.id]} busy={false} onChoose={setSurvivor} onEscape={onClose} />
        </>
      }
      confirm={
        survivor && (
          <>
            <MergeMoves ws={ws} insight={insight} survivor={survivor} />
            <p className="muted">
              “{survivor.title}” keeps its title and statement. “{insight.title}” goes to the trash, empty: restoring it from there takes back what it gave.
            </p>
          </>
        )
      }
    />
  );
}

/** What the merge would move, counted by the server with what the kept one has already (counted once there). */
function MergeMoves({ ws, insight, survivor }: { ws: string; insight: InsightDetail; survivor: { id: string; title: string } }) {
  const preview = useMergePreview(ws, insight.id, survivor.id);
  if (preview.error) return <ErrorMessage error={preview.error} />;
  if (!preview.data) return <p className="muted">Counting what moves…</p>;
  return <p>{describeMergeConfirm(insight.type, preview.data, insight.title, survivor.title)}</p>;
}
