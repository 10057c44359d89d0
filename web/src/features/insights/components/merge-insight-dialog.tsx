import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { InsightDetail } from '@cairn/shared';
import { MergeDialog } from '../../../components/merge-dialog';
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
  const kind = INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase();

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
            <p>
              {describeMergeMoves(insight.type, { highlights: insight.evidenceCount, backlogItems: insight.backlogItems.length, children: insight.children.length })} move from “{insight.title}” to “{survivor.title}”; what is linked to both counts once there.
            </p>
            <p className="muted">
              “{survivor.title}” keeps its title and statement. “{insight.title}” goes to the trash, empty: restoring it from there takes back what it gave.
            </p>
          </>
        )
      }
    />
  );
}
