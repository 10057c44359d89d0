import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { INSIGHT_STATUSES, type HighlightListItem, type InsightStatus } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Select } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useDeleteInsight } from '../api/delete-insight';
import { useInsight } from '../api/get-insight';
import { useLinkBacklogEvidence } from '../api/link-backlog-evidence';
import { useLinkInsightEvidence } from '../api/link-insight-evidence';
import { useRestoreInsight } from '../api/restore-insight';
import { useUnlinkBacklogEvidence } from '../api/unlink-backlog-evidence';
import { useUnlinkInsightEvidence } from '../api/unlink-insight-evidence';
import { useUpdateInsight } from '../api/update-insight';
import { useMayUnlink } from '../hooks/use-may-unlink';
import { useTrashWithUndo, useUnlinkWithUndo } from '../hooks/use-undo-toast';
import { childTypeOf, INSIGHT_STATUS_LABELS } from '../lib/labels';
import { companyCount } from '../lib/segments';
import { AddEvidence, AddEvidenceHint, type RenderEvidencePicker } from './add-evidence';
import { BacklogStatusBadge, InsightStatusBadge, InsightTypeBadge } from './badges';
import { AddedBy, NotLoaded } from './detail-page';
import { EvidenceCustomers } from './evidence-customers';
import { EvidenceList, quotePreview, useEvidenceFilter, type RenderEvidenceActions } from './evidence-list';
import { InsightFormDialog } from './insight-form-dialog';
import { LinkInsightBacklogDialog } from './link-evidence-button';
import { MergeInsightDialog } from './merge-insight-dialog';
import { WhereToLinkEvidence } from './where-to-link-evidence';

type Open = 'edit' | 'child' | 'backlog' | 'trash' | 'merge' | null;

type InsightDetailProps = {
  ws: string;
  id: string;
  /** Copy the quotes, export them: those the evidence list shows. */
  evidenceActions?: RenderEvidenceActions;
  /** The dialog behind "Add evidence", which finds highlights to link here. */
  renderEvidencePicker?: RenderEvidencePicker;
};

/**
 * One problem, opportunity or solution: its statement and status, where it sits in the tree,
 * the quotes and customers behind it, and the backlog items it argues for. What works on
 * highlights (copy, export, pick them) comes from the page, which composes other features.
 * Contributors add evidence here with "Add evidence" or `l`, as they link it with `l` elsewhere.
 */
export function InsightDetail({ ws, id, evidenceActions, renderEvidencePicker }: InsightDetailProps) {
  const workspace = useWorkspace();
  const insight = useInsight(ws, id);
  const update = useUpdateInsight(ws);
  const remove = useDeleteInsight(ws);
  const restore = useRestoreInsight(ws);
  const unlink = useUnlinkInsightEvidence(ws);
  const relink = useLinkInsightEvidence(ws);
  const unlinkBacklog = useUnlinkBacklogEvidence(ws);
  const relinkBacklog = useLinkBacklogEvidence(ws);
  const trash = useTrashWithUndo(remove, restore);
  const unlinkEvidence = useUnlinkWithUndo(unlink, relink);
  const unlinkFromBacklog = useUnlinkWithUndo(unlinkBacklog, relinkBacklog);
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const canEdit = workspace.can('researcher');
  const canLink = workspace.can('contributor');
  const mayUnlink = useMayUnlink();
  const evidenceFilter = useEvidenceFilter(ws, { insightId: id });
  const canAddEvidence = canLink && !!renderEvidencePicker;

  if (insight.isPending) return <Loading label="Loading…" />;
  if (!insight.data) return <NotLoaded error={insight.error} back={paths.problems(ws)}>Back to Problems</NotLoaded>;
  const data = insight.data;
  const kind = INSIGHT_TYPE_LABELS[data.type].one.toLowerCase();
  const childType = childTypeOf(data.type);

  const changeStatus = (status: InsightStatus) =>
    update.mutate(
      { id, body: { status } },
      { onSuccess: () => toast.show(`Marked “${data.title}” ${INSIGHT_STATUS_LABELS[status].toLowerCase()}`, 'success'), onError: (error) => toast.show(error.message, 'error') },
    );
  const moveToTrash = () => trash(id, `Moved the ${kind} “${data.title}” to Trash, on the Problems page`, { list: paths.problems(ws), page: paths.problem(ws, id) });
  // Its children stay live, so the tree shows them on their own: say so before it happens.
  const children = childType ? countOf(data.children.length, INSIGHT_TYPE_LABELS[childType].one.toLowerCase(), INSIGHT_TYPE_LABELS[childType].many.toLowerCase()) : '';
  const unlinkHighlight = (highlight: HighlightListItem) => unlinkEvidence(id, { highlightIds: [highlight.id], importance: highlight.importance }, `Unlinked “${quotePreview(highlight.quote)}”`);
  const unlinkItem = (item: { id: string; title: string }) => unlinkFromBacklog(item.id, { insightIds: [id] }, `Unlinked from “${item.title}”`);
  // Copying or exporting no quotes does nothing.
  const quoteActions = data.evidenceCount > 0 && evidenceFilter.shown?.count !== 0 ? evidenceActions?.(evidenceFilter.shown) : null;
  const addEvidenceButton = canLink && renderEvidencePicker && (
    <AddEvidence
      ws={ws}
      target={{ type: 'insight', id, title: data.title }}
      addedTo={{ insightId: id }}
      intro={`Each quote you pick becomes evidence of this ${kind} and counts among the customers behind it.`}
      renderPicker={renderEvidencePicker}
    />
  );

  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.problems(ws)}>Problems</Link>
          </li>
          {data.parent && (
            <li>
              <Link to={paths.problem(ws, data.parent.id)}>{data.parent.title}</Link>
            </li>
          )}
          <li aria-current="page">{data.title}</li>
        </ol>
      </nav>
      <PageHeader
        title={data.title}
        actions={
          canEdit && (
            <>
              <Button onClick={() => setOpen('edit')}>Edit</Button>
              <Button onClick={() => setOpen('merge')}>Merge into…</Button>
              <Button variant="danger" busy={remove.isPending} onClick={data.children.length ? () => setOpen('trash') : moveToTrash}>
                Move to trash
              </Button>
            </>
          )
        }
      />
      <div className="insight-facts">
        <InsightTypeBadge type={data.type} />
        {canEdit ? (
          <Select aria-label="Status" value={data.status} aria-busy={update.isPending || undefined} onChange={(event) => changeStatus(event.target.value as InsightStatus)}>
            {INSIGHT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {INSIGHT_STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        ) : (
          <InsightStatusBadge status={data.status} />
        )}
        <span>{countOf(data.evidenceCount, 'highlight')}</span>
        <span>{countOf(data.customerCount, 'customer')}</span>
        <span>{countOf(companyCount(data.customers), 'company', 'companies')}</span>
        <AddedBy entity={data} />
      </div>
      {data.statement ? (
        <p className="insight-statement">{data.statement}</p>
      ) : (
        <p className="muted insight-statement">
          No statement yet: say in one paragraph who struggles, with what, and why it matters.{' '}
          {canEdit && (
            <Button size="sm" variant="ghost" onClick={() => setOpen('edit')}>
              Write it
            </Button>
          )}
        </p>
      )}

      <div className="insight-layout">
        <section className="stack" aria-labelledby="insight-evidence">
          <div className="section-header">
            <h2 id="insight-evidence">Evidence</h2>
            {(addEvidenceButton || quoteActions) && (
              <div className="row">
                {addEvidenceButton}
                {quoteActions}
              </div>
            )}
          </div>
          <EvidenceList
            ws={ws}
            owner={{ insightId: id }}
            filter={evidenceFilter}
            onUnlink={canLink ? unlinkHighlight : undefined}
            unlinkingId={unlink.isPending ? unlink.variables?.body.highlightIds[0] : null}
            empty={
              <p className="muted card">
                No evidence yet.{' '}
                {canAddEvidence && <AddEvidenceHint />}
                <WhereToLinkEvidence ws={ws} />
              </p>
            }
          />
        </section>
        <aside className="stack insight-side" aria-label={`About this ${kind}`}>
          <section className="card" aria-labelledby="insight-customers">
            <h2 id="insight-customers">Customers behind it</h2>
            <EvidenceCustomers ws={ws} customers={data.customers} />
          </section>
          {(childType || data.children.length > 0) && (
            <section className="card" aria-labelledby="insight-children">
              <div className="section-header">
                <h2 id="insight-children">{childType ? INSIGHT_TYPE_LABELS[childType].many : 'Under it'}</h2>
                {canEdit && childType && (
                  <Button size="sm" onClick={() => setOpen('child')}>
                    + {INSIGHT_TYPE_LABELS[childType].one}
                  </Button>
                )}
              </div>
              {data.children.length ? (
                <ul className="linked-list">
                  {data.children.map((child) => (
                    <li key={child.id}>
                      <Link to={paths.problem(ws, child.id)}>{child.title}</Link>
                      <span className="linked-list-meta">
                        <InsightStatusBadge status={child.status} />
                        <span className="muted small">{countOf(child.evidenceCount, 'highlight')}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">
                  {childType === 'opportunity' ? 'What would change for customers if this were solved? Add it as an opportunity.' : 'What could we build? Add it as a solution.'}
                </p>
              )}
            </section>
          )}
          <section className="card" aria-labelledby="insight-backlog">
            <div className="section-header">
              <h2 id="insight-backlog">Backlog items</h2>
              {canLink && (
                <Button size="sm" onClick={() => setOpen('backlog')}>
                  Link to backlog item…
                </Button>
              )}
            </div>
            {data.backlogItems.length || data.familyBacklogItems.length ? (
              <ul className="linked-list">
                {data.backlogItems.map((item) => (
                  <li key={item.id}>
                    <Link to={paths.backlogItem(ws, item.id)}>{item.title}</Link>
                    <span className="linked-list-meta">
                      {item.externalKey && <span className="muted small">{item.externalKey}</span>}
                      <BacklogStatusBadge status={item.status} />
                      {mayUnlink(item) && (
                        <Button
                          size="sm"
                          variant="ghost"
                          busy={unlinkBacklog.isPending && unlinkBacklog.variables?.id === item.id}
                          onClick={() => unlinkItem(item)}
                          aria-label={`Unlink from “${item.title}”`}
                        >
                          Unlink
                        </Button>
                      )}
                    </span>
                  </li>
                ))}
                {/* Unlinked where it is linked: on the relative's page. */}
                {data.familyBacklogItems.map((item) => (
                  <li key={item.id}>
                    <div>
                      <Link to={paths.backlogItem(ws, item.id)}>{item.title}</Link>
                      <div className="muted small">
                        Through{' '}
                        {item.through.map((relative, index) => (
                          <Fragment key={relative.id}>
                            {index > 0 && (index === item.through.length - 1 ? ' and ' : ', ')}
                            the {INSIGHT_TYPE_LABELS[relative.type].one.toLowerCase()} <Link to={paths.problem(ws, relative.id)}>“{relative.title}”</Link>
                          </Fragment>
                        ))}
                      </div>
                    </div>
                    <span className="linked-list-meta">
                      {item.externalKey && <span className="muted small">{item.externalKey}</span>}
                      <BacklogStatusBadge status={item.status} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Not on the backlog yet. Link it to what might be built: its evidence then ranks that item.</p>
            )}
          </section>
        </aside>
      </div>

      {open === 'edit' && <InsightFormDialog ws={ws} insight={data} onClose={() => setOpen(null)} onSaved={() => setOpen(null)} />}
      {open === 'merge' && <MergeInsightDialog ws={ws} insight={data} onClose={() => setOpen(null)} />}
      {open === 'child' && childType && (
        <InsightFormDialog ws={ws} preset={{ type: childType, parent: { id, title: data.title } }} onClose={() => setOpen(null)} onSaved={() => setOpen(null)} />
      )}
      <ConfirmDialog
        open={open === 'trash'}
        title={`Move the ${kind} to the trash?`}
        confirmLabel="Move to trash"
        busy={remove.isPending}
        // A failure shows in a toast, as when there is nothing to confirm.
        error={null}
        onConfirm={moveToTrash}
        onClose={() => setOpen(null)}
      >
        Its {children} will show at the top of the tree until it is restored.
      </ConfirmDialog>
      <LinkInsightBacklogDialog
        ws={ws}
        open={open === 'backlog'}
        from={{ type: 'insight', id, title: data.title }}
        excludeIds={data.backlogItems.map((item) => item.id)}
        onClose={() => setOpen(null)}
      />
    </div>
  );
}
