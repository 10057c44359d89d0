import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { customerName, EVIDENCE_IMPORTANCES, titleRepeatsText, type EvidenceImportance, type HighlightListItem } from '@cairn/shared';
import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Segmented } from '../../../components/segmented';
import { Loading } from '../../../components/spinner';
import { TagChips } from '../../../components/tag-chip';
import { formatDate } from '../../../lib/dates';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import type { ShownEvidence } from '../../../lib/shown-evidence';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { SourceLinkLabel } from '../../../lib/source-titles';
import { rememberSourceOrder } from '../../../lib/source-order';
import { useChangeEvidenceImportance } from '../api/change-evidence-importance';
import { useEvidence, type EvidenceOwner } from '../api/list-evidence';
import { useMayUnlink } from '../hooks/use-may-unlink';
import { EVIDENCE_IMPORTANCE_LABELS, importanceInWords } from '../lib/labels';
import { EvidenceImportanceControl } from './evidence-importance';

const QUOTE_PREVIEW = 60;

/** The rows after the one at `index`, then those before it, nearest first. */
const nearestIds = (items: readonly HighlightListItem[], index: number) => [...items.slice(index + 1), ...items.slice(0, index).reverse()].map((item) => item.id);

/** How a quote is named in buttons and toasts: its start. */
export const quotePreview = (quote: string) => quote.slice(0, QUOTE_PREVIEW);

type EvidenceListProps = {
  ws: string;
  owner: EvidenceOwner;
  /** Its importance filter, which the page holds (`useEvidenceFilter`) so that what it exports follows it. */
  filter: EvidenceFilter;
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

type ImportanceFilter = EvidenceImportance | 'all';

/** Most first, as one scans for what matters. */
const IMPORTANCE_FILTERS: ReadonlyArray<readonly [ImportanceFilter, string]> = [
  ['all', 'All'],
  ...[...EVIDENCE_IMPORTANCES].reverse().map((importance) => [importance, EVIDENCE_IMPORTANCE_LABELS[importance]] as const),
];

/** Copy, export: given what the list shows, so that they take out the same (undefined: all of it). */
export type RenderEvidenceActions = (shown: ShownEvidence | undefined) => ReactNode;

/** The evidence list's importance filter, held by its page, and what it shows under it. */
export function useEvidenceFilter(ws: string, owner: EvidenceOwner) {
  const [filter, setFilter] = useState<ImportanceFilter>('all');
  const importance = filter === 'all' ? undefined : filter;
  // The list asks for the same page: one request answers both.
  const filtered = useEvidence(ws, owner, importance);
  const shown: ShownEvidence | undefined = importance && { importance, words: importanceInWords(importance), count: filtered.data?.pages[0]?.total };
  return { filter, setFilter, shown };
}

export type EvidenceFilter = ReturnType<typeof useEvidenceFilter>;

/** Where the focus was when a row left the list: its row, and the rows around it, nearest first. */
type LeavingRow = { id: string; nearest: string[] };

/** The quotes behind a problem or backlog item, newest first, each opening its exact place in the source; filtered by how much they matter there. */
export function EvidenceList({ ws, owner, filter: { filter, setFilter }, onUnlink, unlinkingId, empty }: EvidenceListProps) {
  const filterRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const leaving = useRef<LeavingRow | null>(null);
  const importance = filter === 'all' ? undefined : filter;
  // The whole list stays loaded under a filter: its total says what the filter hides.
  const all = useEvidence(ws, owner);
  const filtered = useEvidence(ws, owner, importance);
  const evidence = importance ? filtered : all;
  const loadedIds = (evidence.data?.pages.flatMap((page) => page.items.map((item) => item.id)) ?? []).join(' ');
  // A row whose new importance the filter hides leaves the list when it is fetched again, and the
  // focus on its select would fall to the page: it goes to the next row's select instead (the one
  // before it at the end of the list), else to the filter.
  useEffect(() => {
    const row = leaving.current;
    if (!row || loadedIds.split(' ').includes(row.id)) return;
    leaving.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    const selects = row.nearest.map((id) => listRef.current?.querySelector<HTMLSelectElement>(`[data-highlight-id="${id}"] .evidence-importance select`));
    (selects.find(Boolean) ?? filterRef.current?.querySelector<HTMLInputElement>('input:checked'))?.focus();
  }, [loadedIds]);
  const mayUnlink = useMayUnlink();
  const changeImportance = useChangeEvidenceImportance(ws);
  const toast = useToast();
  // A backlog item's own links change here; what comes through a problem changes on the problem.
  const importanceOwner = 'insightId' in owner ? owner : { backlogItemId: owner.evidenceOfBacklogItemId };
  if (all.isPending) return <Loading label="Loading evidence…" />;
  if (!all.data) return <ErrorMessage error={all.error} />;
  const allTotal = all.data.pages[0]?.total ?? 0;
  if (!all.data.pages[0]?.items.length) return <>{empty}</>;
  const items = evidence.data?.pages.flatMap((page) => page.items) ?? [];
  const total = evidence.data?.pages[0]?.total;
  // `j`/`k` in the reader then walk the sources of this evidence, in its order.
  const rememberOrder = () => rememberSourceOrder(ws, items.map((item) => item.sourceId));
  // The button goes with the empty state: the focus goes where the filter is chosen.
  const showAll = () => {
    filterRef.current?.querySelector<HTMLInputElement>('input[value="all"]')?.focus();
    setFilter('all');
  };
  return (
    <div className="stack">
      <div className="evidence-filter" ref={filterRef}>
        <Segmented legend="Importance" name={`evidence-importance-${Object.values(owner)[0]}`} options={IMPORTANCE_FILTERS} value={filter} onChange={setFilter} />
        {total !== undefined && (
          <p className="muted evidence-total" aria-live="polite">
            {importance ? `${countOf(total, `${importanceInWords(importance)} highlight`)} of ${allTotal}` : countOf(total, 'highlight')}
          </p>
        )}
      </div>
      {evidence.isPending ? (
        <Loading label="Loading evidence…" />
      ) : !evidence.data ? (
        <ErrorMessage error={evidence.error} />
      ) : importance && !items.length ? (
        <div className="card stack evidence-filtered-out">
          <p>
            None of this evidence is marked {importanceInWords(importance)}: the filter hides all {countOf(allTotal, 'highlight')}.
          </p>
          <div>
            <Button size="sm" onClick={showAll}>
              Show all evidence
            </Button>
          </div>
        </div>
      ) : (
        <ul className="evidence-list" ref={listRef}>
          {items.map((item, index) => {
            const { customer } = item;
            // Only a link to this item itself can be undone here; what comes through a problem is unlinked on the problem.
            const linkedHere = !item.via || item.via.direct;
            // Who may unlink a link may change how much it matters there (ADR 009).
            const mayChangeLink = Boolean(onUnlink) && linkedHere && mayUnlink(item);
            // Until the list is fetched again, the importance just chosen.
            const changing = changeImportance.isPending && changeImportance.variables.body.highlightIds[0] === item.id ? changeImportance.variables.body.importance : undefined;
            const setImportance = mayChangeLink
              ? (chosen: EvidenceImportance) => {
                  // Said as the row goes, since the filter no longer shows it.
                  const leaves = importance && chosen !== importance ? `Marked “${quotePreview(item.quote)}” ${importanceInWords(chosen)}: the list shows ${importanceInWords(importance)} evidence only` : null;
                  if (leaves) leaving.current = { id: item.id, nearest: nearestIds(items, index) };
                  changeImportance.mutate(
                    { owner: importanceOwner, body: { highlightIds: [item.id], importance: chosen } },
                    {
                      onSuccess: () => leaves && toast.show(leaves, 'success'),
                      onError: (error) => {
                        leaving.current = null;
                        toast.show(error.message, 'error');
                      },
                    },
                  );
                }
              : undefined;
            return (
              <li key={item.id} className="card evidence-item" data-highlight-id={item.id}>
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
      )}
      {evidence.data && items.length > 0 && <LoadMore query={evidence} label="Load more evidence" />}
    </div>
  );
}
