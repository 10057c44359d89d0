import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { BACKLOG_STATUSES, type BacklogEvidenceBody, type BacklogStatus, type HighlightListItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Select } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/dates';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useDeleteBacklogItem } from '../api/delete-backlog-item';
import { useBacklogItem } from '../api/get-backlog-item';
import { evidencePackUrl, useCopyEvidencePack } from '../api/get-evidence-pack';
import { useLinkBacklogEvidence } from '../api/link-backlog-evidence';
import { useRestoreBacklogItem } from '../api/restore-backlog-item';
import { useUnlinkBacklogEvidence } from '../api/unlink-backlog-evidence';
import { useUpdateBacklogItem } from '../api/update-backlog-item';
import { useLinkInsightToBacklogItem, type LinkTarget } from '../hooks/use-link-evidence';
import { useUndoToast } from '../hooks/use-undo-toast';
import { BACKLOG_STATUS_LABELS, countOf } from '../lib/labels';
import { BacklogStatusBadge, InsightStatusBadge, InsightTypeBadge } from './badges';
import { TrackerLink } from './backlog-board';
import { BacklogFormDialog } from './backlog-form-dialog';
import { EvidenceCustomers } from './evidence-customers';
import { EvidenceList } from './evidence-list';
import { targetPath } from './link-evidence-button';
import { ScoreExplained } from './score';
import { TargetDialog } from './target-picker';

const QUOTE_PREVIEW = 60;

/**
 * One backlog item: why it ranks where it does (its score, in parts and in words), the problems
 * and quotes behind it, who said them, and its evidence pack to paste into a tracker.
 */
export function BacklogItemDetail({ ws, id }: { ws: string; id: string }) {
  const workspace = useWorkspace();
  const item = useBacklogItem(ws, id);
  const update = useUpdateBacklogItem(ws);
  const remove = useDeleteBacklogItem(ws);
  const restore = useRestoreBacklogItem(ws);
  const link = useLinkBacklogEvidence(ws);
  const unlink = useUnlinkBacklogEvidence(ws);
  const linkInsight = useLinkInsightToBacklogItem(ws);
  const copyPack = useCopyEvidencePack(ws);
  const toast = useToast();
  const undoable = useUndoToast();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const canEdit = workspace.can('researcher');
  const canLink = workspace.can('contributor');

  if (item.isPending) return <Loading label="Loading…" />;
  if (!item.data) {
    return (
      <div className="stack">
        <ErrorMessage error={item.error} />
        <p>
          <Link to={paths.backlog(ws)}>Back to the backlog</Link>
        </p>
      </div>
    );
  }
  const data = item.data;
  const self: LinkTarget = { type: 'backlogItem', id: data.id, title: data.title };
  const failed = (error: Error) => toast.show(error.message, 'error');

  const changeStatus = (status: BacklogStatus) =>
    update.mutate({ id, body: { status } }, { onSuccess: () => toast.show(`Marked “${data.title}” ${BACKLOG_STATUS_LABELS[status].toLowerCase()}`, 'success'), onError: failed });
  const moveToTrash = () =>
    remove.mutate(id, {
      onSuccess: () => {
        undoable(`Moved “${data.title}” to the trash`, () => restore.mutateAsync(id).then(() => navigate(paths.backlogItem(ws, id))));
        navigate(paths.backlog(ws));
      },
      onError: failed,
    });
  /** Takes highlights or problems off the item, with an Undo that links them again. */
  const unlinkEvidence = (body: BacklogEvidenceBody, what: string) =>
    unlink.mutate({ id, body }, { onSuccess: () => undoable(`Unlinked “${what}”`, () => link.mutateAsync({ id, body })), onError: failed });
  const unlinkHighlight = (highlight: HighlightListItem) => unlinkEvidence({ highlightIds: [highlight.id] }, highlight.quote.slice(0, QUOTE_PREVIEW));
  const unlinkInsight = (insight: LinkTarget) => unlinkEvidence({ insightIds: [insight.id] }, insight.title);
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
          <Select aria-label="Status" value={data.status} disabled={update.isPending} onChange={(event) => changeStatus(event.target.value as BacklogStatus)}>
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
        <span className="muted">
          {data.createdBy ? `Added by ${data.createdBy.name} on ` : 'Added on '}
          <time dateTime={data.createdAt}>{formatDate(data.createdAt)}</time>
        </span>
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
                      {canLink && (
                        <Button
                          size="sm"
                          variant="ghost"
                          busy={unlinking?.body.insightIds?.[0] === insight.id}
                          onClick={() => unlinkInsight({ type: 'insight', id: insight.id, title: insight.title })}
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
            <h2 id="backlog-evidence">Evidence linked to it directly</h2>
            <EvidenceList
              ws={ws}
              owner={{ backlogItemId: id }}
              onUnlink={canLink ? unlinkHighlight : undefined}
              unlinkingId={unlinking?.body.highlightIds?.[0] ?? null}
              empty={
                <p className="muted card">
                  No highlight linked to the item itself{data.insights.length ? ': its evidence comes through its problems' : ''}. From Search, the Highlights page or a
                  source, select passages and choose <strong>Link to problem or backlog…</strong>.
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
      <TargetDialog
        ws={ws}
        open={linking}
        title={`Link a problem to “${data.title}”`}
        intro={<p className="muted target-intro">Its evidence then counts for this item: customers, companies, revenue.</p>}
        label="Problem"
        types={['insight']}
        canCreate={canEdit}
        excludeIds={data.insights.map((insight) => insight.id)}
        busy={linkInsight.isPending}
        error={linkInsight.error}
        onClose={() => {
          linkInsight.reset();
          setLinking(false);
        }}
        onChoose={(insight) =>
          linkInsight.mutate(
            { insight, backlogItem: self },
            {
              onSuccess: (linked) => {
                toast.show(`Linked “${linked.insight.title}”`, 'success', { label: 'Open', onClick: () => navigate(targetPath(ws, linked.insight)) });
                setLinking(false);
              },
            },
          )
        }
      />
    </div>
  );
}
