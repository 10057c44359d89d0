import { useCallback } from 'react';
import { PageHeader } from '../../components/page-header';
import { useToast } from '../../components/toast';
import { useUnlinkBacklogEvidence } from '../../features/insights/api/unlink-backlog-evidence';
import { useUnlinkInsightEvidence } from '../../features/insights/api/unlink-insight-evidence';
import { LinkEvidenceDialog } from '../../features/insights/components/link-evidence-button';
import { useCreateHighlight } from '../../features/reader/api/create-highlight';
import { useDeleteHighlight } from '../../features/reader/api/delete-highlight';
import { getSource, sourceKey } from '../../features/reader/api/get-source';
import { SourceBody } from '../../features/reader/components/source-body';
import { TagCombobox } from '../../features/reader/components/tag-combobox';
import { useCreateTag } from '../../features/tags/api/create-tag';
import { TriageQueue } from '../../features/triage/components/triage-queue';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/triage`: the queue (triage) showing each item as the reader does, tagging it whole or linking it to a problem or backlog item. */
export function TriageRoute() {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const createHighlight = useCreateHighlight(ws);
  const deleteHighlight = useDeleteHighlight(ws);
  const createTag = useCreateTag(ws);
  const unlinkInsight = useUnlinkInsightEvidence(ws);
  const unlinkBacklogItem = useUnlinkBacklogEvidence(ws);
  const toast = useToast();
  // Stable, so the queue's prefetch effect runs when the next item changes, not on every render.
  const sourceQuery = useCallback((id: string) => ({ queryKey: sourceKey(ws, id), queryFn: () => getSource(ws, id) }), [ws]);

  return (
    <>
      <PageHeader
        title="Triage"
        description={
          <>
            Tickets and survey answers nobody has tagged or linked yet, oldest first.{' '}
            <span className="keyboard-hint">
              Press <kbd>1</kbd>–<kbd>9</kbd> to tag the whole item, <kbd>t</kbd> to type any tag, <kbd>l</kbd> to link it to a problem or backlog item, <kbd>s</kbd> to skip,{' '}
              <kbd>u</kbd> to undo.
            </span>
          </>
        }
      />
      <TriageQueue
        ws={ws}
        canTag={workspace.can('contributor')}
        canLink={workspace.can('contributor')}
        sourceQuery={sourceQuery}
        renderSource={(source) => <SourceBody source={source} marks={source.highlights} />}
        tagWhole={(sourceId, tagId) => createHighlight.mutateAsync({ sourceId, body: { whole: true, tagIds: [tagId] } })}
        trashHighlight={(highlight) => deleteHighlight.mutateAsync({ id: highlight.id, sourceId: highlight.sourceId })}
        renderTagPicker={({ onPick, onEscape, busy }) => (
          <TagCombobox
            ws={ws}
            label="Tag the whole item"
            busy={busy || createTag.isPending}
            onPick={(tagId) => tagId && onPick(tagId)}
            onCreate={(name) => void createTag.mutateAsync({ name }).then((tag) => onPick(tag.id), (error: Error) => toast.show(error.message, 'error'))}
            onEscape={onEscape}
          />
        )}
        renderLinkDialog={({ item, getHighlightIds, onLinked, onClose }) => (
          <LinkEvidenceDialog
            ws={ws}
            open
            count={1}
            intro={`The whole of “${item.title}” becomes evidence of what you choose, and counts among its customers and score. The queue then moves on.`}
            getHighlightIds={getHighlightIds}
            onLinked={({ target, changed }) => onLinked({ target, changed })}
            onClose={onClose}
          />
        )}
        createTag={workspace.can('contributor') ? (name) => createTag.mutateAsync({ name }) : undefined}
        unlinkEvidence={(target, highlightId) =>
          target.type === 'insight'
            ? unlinkInsight.mutateAsync({ id: target.id, body: { highlightIds: [highlightId] } })
            : unlinkBacklogItem.mutateAsync({ id: target.id, body: { highlightIds: [highlightId] } })
        }
      />
    </>
  );
}
