import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { customerName, titleRepeatsText, type EvidenceImportance, type HighlightListItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { TagChips } from '../../../components/tag-chip';
import { formatDate } from '../../../lib/dates';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { SourceLinkLabel } from '../../../lib/source-titles';
import { rememberSourceOrder } from '../../../lib/source-order';
import { useChangeEvidenceImportance } from '../api/change-evidence-importance';
import { useEvidence, type EvidenceOwner } from '../api/list-evidence';
import { useMayUnlink } from '../hooks/use-may-unlink';
import { EvidenceImportanceControl } from './evidence-importance';

const QUOTE_PREVIEW = 60;

/** How a quote is named in buttons and toasts: its start. */
export const quotePreview = (quote: string) => quote.slice(0, QUOTE_PREVIEW);

type EvidenceListProps = {
  ws: string;
  owner: EvidenceOwner;
  /** Takes one highlight off; absent for members who may not (contributors are offered only the links they made). */
  onUnlink?: (highlight: HighlightListItem) => void;
  /** Which highlight is being unlinked now. */
  unlinkingId?: string | null;
  /** What to show when nothing is linked: how to link some. */
  empty: ReactNode;
};

/** How a quote reaches a backlog item: linked to it directly, through its problems, or both. */
function EvidenceVia({ ws, via }: { ws: string; via: NonNullable<HighlightListItem['via']> }) {
  const ways: ReactNode[] = via.insights.map((insight) => (
    <Fragment key={insight.id}>
      Via the {INSIGHT_TYPE_LABELS[insight.type].one.toLowerCase()} <Link to={paths.problem(ws, insight.id)}>{insight.title}</Link>
    </Fragment>
  ));
  if (via.direct) ways.unshift(<Fragment key="direct">Linked directly</Fragment>);
  return (
    <p className="muted evidence-via">
      {ways.map((way, index) => (
        <Fragment key={index}>
          {index > 0 && ' · '}
          {way}
        </Fragment>
      ))}
    </p>
  );
}

/** The quotes behind a problem or backlog item, newest first, each opening its exact place in the source. */
export function EvidenceList({ ws, owner, onUnlink, unlinkingId, empty }: EvidenceListProps) {
  const evidence = useEvidence(ws, owner);
  const mayUnlink = useMayUnlink();
  const changeImportance = useChangeEvidenceImportance(ws);
  const toast = useToast();
  // A backlog item's own links change here; what comes through a problem changes on the problem.
  const importanceOwner = 'insightId' in owner ? owner : { backlogItemId: owner.evidenceOfBacklogItemId };
  if (evidence.isPending) return <Loading label="Loading evidence…" />;
  if (!evidence.data) return <ErrorMessage error={evidence.error} />;
  const items = evidence.data.pages.flatMap((page) => page.items);
  if (!items.length) return <>{empty}</>;
  const total = evidence.data.pages[0]?.total;
  // `j`/`k` in the reader then walk the sources of this evidence, in its order.
  const rememberOrder = () => rememberSourceOrder(ws, items.map((item) => item.sourceId));
  return (
    <div className="stack">
      {total !== undefined && <p className="muted evidence-total">{countOf(total, 'highlight')}</p>}
      <ul className="evidence-list">
        {items.map((item) => {
          const { customer } = item;
          // Only a link to this item itself can be undone here; what comes through a problem is unlinked on the problem.
          const linkedHere = !item.via || item.via.direct;
          // Who may unlink a link may change how much it matters there (ADR 009).
          const mayChangeLink = Boolean(onUnlink) && linkedHere && mayUnlink(item);
          // Until the list is fetched again, the importance just chosen.
          const changing = changeImportance.isPending && changeImportance.variables.body.highlightIds[0] === item.id ? changeImportance.variables.body.importance : undefined;
          const setImportance = mayChangeLink
            ? (importance: EvidenceImportance) =>
                changeImportance.mutate({ owner: importanceOwner, body: { highlightIds: [item.id], importance } }, { onError: (error) => toast.show(error.message, 'error') })
            : undefined;
          return (
            <li key={item.id} className="card evidence-item">
              {item.via && <EvidenceVia ws={ws} via={item.via} />}
              <blockquote className="highlight-quote">{item.quote}</blockquote>
              {item.note && <p className="panel-note">{item.note}</p>}
              <TagChips tags={item.tags} />
              <div className="evidence-meta">
                <p className="muted highlight-source">
                  <Link to={`${paths.source(ws, item.sourceId)}#h-${item.id}`} onClick={rememberOrder}>
                    <SourceLinkLabel source={item.source} text={item.quote} />
                  </Link>
                  {!titleRepeatsText(item.source.title, item.quote) && ` · ${SOURCE_KIND_LABELS[item.source.kind].one}`}
                  {customer && (
                    <>
                      {' '}
                      · <Link to={paths.customer(ws, customer.id)}>{customerName(customer)}</Link>
                      {customer.company && ` · ${customer.company.name}`}
                    </>
                  )}{' '}
                  ·{' '}
                  <time dateTime={item.source.occurredAt}>{formatDate(item.source.occurredAt)}</time>
                </p>
                <div className="evidence-actions">
                  {item.importance && <EvidenceImportanceControl importance={changing ?? item.importance} quote={quotePreview(item.quote)} onChange={setImportance} busy={changing !== undefined} />}
                  {onUnlink && mayChangeLink && (
                    <Button size="sm" variant="ghost" busy={unlinkingId === item.id} onClick={() => onUnlink(item)} aria-label={`Unlink “${quotePreview(item.quote)}”`}>
                      Unlink
                    </Button>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <LoadMore query={evidence} label="Load more evidence" />
    </div>
  );
}
