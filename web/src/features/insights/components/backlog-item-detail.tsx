import { useState } from 'react';
import { Link } from 'react-router';
import { BACKLOG_STATUSES, type BacklogStatus, type HighlightListItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Select } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useDeleteBacklogItem } from '../api/delete-backlog-item';
import { useBacklogItem } from '../api/get-backlog-item';
import { evidencePackUrl, useCopyEvidencePack } from '../api/get-evidence-pack';
import { useLinkBacklogEvidence } from '../api/link-backlog-evidence';
import { useRestoreBacklogItem } from '../api/restore-backlog-item';
import { useUnlinkBacklogEvidence } from '../api/unlink-backlog-evidence';
import { useUpdateBacklogItem } from '../api/update-backlog-item';
import { useMayUnlink } from '../hooks/use-may-unlink';
import { useTrashWithUndo, useUnlinkWithUndo } from '../hooks/use-undo-toast';
import { BACKLOG_STATUS_LABELS } from '../lib/labels';
import { AddEvidence, AddEvidenceHint, type RenderEvidencePicker } from './add-evidence';
import { BacklogStatusBadge, InsightStatusBadge, InsightTypeBadge } from './badges';
import { TrackerLink } from './backlog-board';
import { BacklogFormDialog } from './backlog-form-dialog';
import { AddedBy, NotLoaded } from './detail-page';
import { EvidenceCustomers } from './evidence-customers';
import { EvidenceList, quotePreview, useEvidenceFilter, type RenderEvidenceActions } from './evidence-list';
import { LinkInsightBacklogDialog } from './link-evidence-button';
import { ScoreExplained } from './score';
import { WhereToLinkEvidence } from './where-to-link-evidence';

type BacklogItemDetailProps = {
  ws: string;
  id: string;
  /** Copy the quotes, export them: those the evidence list shows. */
  evidenceActions?: RenderEvidenceActions;
  /** The dialog behind "Add evidence", which finds highlights to link here. */
  renderEvidencePicker?: RenderEvidencePicker;
};

/**
 * One backlog item: why it ranks where it does (its score, in parts and in words), the problems
 * and quotes behind it, who said them, and its evidence pack to paste into a tracker.
 * What works on highlights (copy, export, pick them) comes from the page, which composes other
 * features. Contributors add quotes here with "Add evidence" or `l`, as on a problem's page.
 */
export function BacklogItemDetail({ ws, id, evidenceActions, renderEvidencePicker }: BacklogItemDetailProps) {
  const workspace = useWorkspace();
  const item = useBacklogItem(ws, id);
  const update = useUpdateBacklogItem(ws);
  const remove = useDeleteBacklogItem(ws);
  const restore = useRestoreBacklogItem(ws);
  const link = useLinkBacklogEvidence(ws);
  const unlink = useUnlinkBacklogEvidence(ws);
  const copyPack = useCopyEvidencePack(ws);
  const trash = useTrashWithUndo(remove, restore);
  const unlinkEvidence = useUnlinkWithUndo(unlink, link);
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const canEdit = workspace.can('researcher');
  const canLink = workspace.can('contributor');
  const mayUnlink = useMayUnlink();
  const evidenceFilter = useEvidenceFilter(ws, { evidenceOfBacklogItemId: id });

  if (item.isPending) return <Loading label="Loading…" />;
  if (!item.data) return <NotLoaded error={item.error} back={paths.backlog(ws)}>Back to the backlog</NotLoaded>;
  const data = item.data;

  const changeStatus = (status: BacklogStatus) =>
    update.mutate(
      { id, body: { status } },
      { onSuccess: () => toast.show(`Marked “${data.title}” ${BACKLOG_STATUS_LABELS[status].toLowerCase()}`, 'success'), onError: (error) => toast.show(error.message, 'error') },
    );
  const moveToTrash = () => trash(id, `Moved “${data.title}” to Trash, on the Backlog page`, { list: paths.backlog(ws), page: paths.backlogItem(ws, id) });
  const unlinkHighlight = (highlight: HighlightListItem) => unlinkEvidence(id, { highlightIds: [highlight.id], importance: highlight.importance }, `Unlinked “${quotePreview(highlight.quote)}”`);
  const unlinkInsight = (insight: { id: string; title: string }) => unlinkEvidence(id, { insightIds: [insight.id] }, `Unlinked “${insight.title}”`);
  const copy = () =>
    copyPack.mutate(id, {
      onSuccess: () => toast.show('Copied the evidence pack: paste it into the issue in your tracker', 'success'),
      onError: (error) => toast.show(`Could not copy the evidence pack: ${error.message}`, 'error'),
    });
  const unlinking = unlink.isPending ? unlink.variables : null;

  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.backlog(ws)}>Backlog</Link>
          </li>
          <li aria-current="page">{data.title}</li>
        </ol>
      </nav>
      <PageHeader
        title={data.title}
        actions={
          <>
            <Button variant="primary" busy={copyPack.isPending} onClick={copy}>
              Copy evidence pack
            </Button>
            <a className="btn" href={evidencePackUrl(ws, id)} download>
              Download .md
            </a>
            {canEdit && <Button onClick={() => setEditing(true)}>Edit</Button>}
            {canEdit && (
              <Button variant="danger" busy={remove.isPending} onClick={moveToTrash}>
                Move to trash
              </Button>
            )}
          </>
        }
      />
      <div className="insight-facts">
        {canEdit ? (
          <Select aria-label="Status" value={data.status} aria-busy={update.isPending || undefined} onChange={(event) => changeStatus(event.target.value as BacklogStatus)}>
            {BACKLOG_STATUSES.map((status) => (
              <option key={status} value={status}>
                {BACKLOG_STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        ) : (
          <BacklogStatusBadge status={data.status} />
        )}
        {(data.externalKey || data.externalUrl) && (
          <span>
            Tracker: <TrackerLink item={data} />
          </span>
        )}
        <AddedBy entity={data} />
        {/* Copying or exporting no quotes does nothing. */}
        {data.score.highlights > 0 && evidenceFilter.shown?.count !== 0 && evidenceActions && <div className="row evidence-export-actions">{evidenceActions(evidenceFilter.shown)}</div>}
      </div>
      {data.description && <p className="insight-statement">{data.description}</p>}

      <div className="insight-layout">
        <div className="stack">
          <section className="card" aria-labelledby="backlog-problems">
            <div className="section-header">
              <h2 id="backlog-problems">Problems behind it</h2>
              {canLink && (
                <Button size="sm" onClick={() => setLinking(true)}>
                  Link a problem…
                </Button>
              )}
            </div>
            {data.insights.length ? (
              <ul className="linked-list">
                {data.insights.map((insight) => (
                  <li key={insight.id}>
                    <span className="linked-list-title">
                      <InsightTypeBadge type={insight.type} />
                      <Link to={paths.problem(ws, insight.id)}>{insight.title}</Link>
                    </span>
                    <span className="linked-list-meta">
                      <InsightStatusBadge status={insight.status} />
                      <span className="muted small">
                        {countOf(insight.evidenceCount, 'highlight')} · {countOf(insight.customerCount, 'customer')}
                      </span>
                      {mayUnlink(insight) && (
                        <Button
                          size="sm"
                          variant="ghost"
                          busy={unlinking?.body.insightIds?.[0] === insight.id}
                          onClick={() => unlinkInsight(insight)}
                          aria-label={`Unlink “${insight.title}”`}
                        >
                          Unlink
                        </Button>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No problem linked yet. Link the problems this item would solve: their evidence counts towards its score.</p>
            )}
          </section>
          <section className="stack" aria-labelledby="backlog-evidence">
            <div className="section-header">
              <h2 id="backlog-evidence">Evidence behind it</h2>
              {canLink && renderEvidencePicker && (
                <AddEvidence
                  ws={ws}
                  target={{ type: 'backlogItem', id, title: data.title }}
                  // Quotes that count through its problems show as linked too: linked here again, they would count no more.
                  addedTo={{ evidenceOfBacklogItemId: id }}
                  intro="Each quote you pick is linked to this item and counts towards its score, with the customer and company behind it."
                  renderPicker={renderEvidencePicker}
                />
              )}
            </div>
            {/* Every quote the score counts, each once, saying whether it is linked here or comes through a problem. */}
            <EvidenceList
              ws={ws}
              owner={{ evidenceOfBacklogItemId: id }}
              filter={evidenceFilter}
              onUnlink={canLink ? unlinkHighlight : undefined}
              unlinkingId={unlinking?.body.highlightIds?.[0] ?? null}
              empty={
                <p className="muted card">
                  No evidence yet{data.insights.length ? ': its problems have no highlights' : ''}. Link highlights to this item, or link a problem: its evidence counts here too.{' '}
                  {canLink && renderEvidencePicker && <AddEvidenceHint />}
                  <WhereToLinkEvidence ws={ws} />
                </p>
              }
            />
          </section>
        </div>
        <aside className="stack insight-side" aria-label="Score and customers">
          <section className="card" aria-labelledby="backlog-score">
            <h2 id="backlog-score">Why it ranks here</h2>
            <ScoreExplained score={data.score} />
          </section>
          <section className="card" aria-labelledby="backlog-customers">
            <h2 id="backlog-customers">Customers behind it</h2>
            <EvidenceCustomers ws={ws} customers={data.customers} />
          </section>
        </aside>
      </div>

      {editing && <BacklogFormDialog ws={ws} item={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      <LinkInsightBacklogDialog
        ws={ws}
        open={linking}
        from={{ type: 'backlogItem', id, title: data.title }}
        excludeIds={data.insights.map((insight) => insight.id)}
        onClose={() => setLinking(false)}
      />
    </div>
  );
}
