import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { customerName, titleRepeatsText, type SourceSummary } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ReversedRangeNote } from '../../../components/date-range-fields';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { formatDate, isReversedRange } from '../../../lib/dates';
import { GoneFilterState, goneFilterOf } from '../../../lib/gone-filter';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { ScorePill } from '../../../lib/score-pill';
import { rememberSourceOrder } from '../../../lib/source-order';
import { useWorkspace } from '../../../lib/workspace';
import { SOURCE_FILTER_KEYS, useSources, type SourceFilterKey, type SourceFilters } from '../api/list-sources';
import { useRestoreSource } from '../api/restore-source';
import { describeSourceTotal } from '../lib/source-total';
import { KindBadge } from './kind-badge';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';

function CustomerCell({ ws, customer }: { ws: string; customer: SourceSummary['customer'] }) {
  if (!customer) return <span className="muted">No customer</span>;
  const company = customer.company && [customer.company.name, customer.company.segment].filter(Boolean).join(' · ');
  return (
    <>
      <Link to={paths.customer(ws, customer.id)}>{customerName(customer)}</Link>
      {company && <span className="muted source-row-company">{company}</span>}
    </>
  );
}

/**
 * Where a source stands, in the words of the triage queue (ADR 014): triaged once a highlight of
 * it carries a tag or is linked as evidence; a linked one without tags says so, else it would
 * look as untouched as the rest.
 */
function EvidenceCell({ item }: { item: SourceSummary }) {
  if (!item.triaged) return <span className="untriaged-marker">not triaged</span>;
  const highlights = countOf(item.highlightCount, 'highlight');
  return <span className="muted">{item.tagged ? highlights : `${highlights}, linked`}</span>;
}

type SourceListProps = {
  ws: string;
  filters: SourceFilters;
  /** What to show when nothing matches: it should say how to get sources in. */
  empty: ReactNode;
  /** Accessible name of the list. */
  label: string;
  /** The customer column is noise on a customer's own profile. */
  showCustomer?: boolean;
  /** In the trash: a note under each row (when it goes for good) and actions beside Restore (Delete forever), from the page. */
  trashExtras?: { note: (item: SourceSummary) => ReactNode; actions: (item: SourceSummary) => ReactNode };
  /** Leaves out a filter the list's 404 names (an id of nothing in this workspace, from a link); absent, the 404 shows as an error. */
  onClearFilter?: (filter: SourceFilterKey) => void;
};

/**
 * A dense list of sources, newest first, under how many match, with "Load more". `j`/`k` (or ↑/↓ inside the list)
 * move between rows and Enter opens one in the reader, which then walks this list's order.
 */
export function SourceList({ ws, filters, empty, label, showCustomer = true, trashExtras, onClearFilter }: SourceListProps) {
  const workspace = useWorkspace();
  const reversed = isReversedRange(filters);
  const sources = useSources(ws, filters, !reversed);
  const restore = useRestoreSource(ws);
  const toast = useToast();
  const navigate = useNavigate();
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(-1);
  const items = sources.data?.pages.flatMap((page) => page.items) ?? [];
  const inTrash = filters.trash === 'true';

  const rememberOrder = useCallback(() => rememberSourceOrder(ws, items.map((item) => item.id)), [ws, items]);
  const focusRow = useCallback((index: number) => {
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('a.source-row-title');
    if (!links?.length) return;
    const next = Math.max(0, Math.min(links.length - 1, index));
    setActive(next);
    links[next]!.focus();
  }, []);

  useDocumentKeyDown((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    const inList = !!listRef.current?.contains(document.activeElement);
    if (event.key === 'j' || (inList && event.key === 'ArrowDown')) {
      event.preventDefault();
      focusRow(inList || active >= 0 ? active + 1 : 0);
    } else if (event.key === 'k' || (inList && event.key === 'ArrowUp')) {
      event.preventDefault();
      focusRow(Math.max(0, active - 1));
    } else if (event.key === 'Enter' && !inList && document.activeElement === document.body && items[active]) {
      // Focus on a row link opens it natively; this covers a row chosen before focus moved away.
      event.preventDefault();
      rememberOrder();
      navigate(paths.source(ws, items[active]!.id));
    }
  });

  const restoreSource = (item: SourceSummary) =>
    restore.mutate(item.id, {
      onSuccess: () => toast.show(`Restored “${item.title}”`, 'success'),
      onError: (error) => toast.show(error.message, 'error'),
    });

  if (reversed) return <ReversedRangeNote />;
  if (sources.isPending) return <Loading label="Loading sources…" />;
  if (!sources.data) {
    const gone = onClearFilter && goneFilterOf(sources.error, SOURCE_FILTER_KEYS);
    return gone ? <GoneFilterState filter={gone} items={{ one: 'source', many: 'sources' }} icon="⌕" onClear={() => onClearFilter(gone)} /> : <ErrorMessage error={sources.error} />;
  }
  if (!items.length) return <>{empty}</>;
  const total = describeSourceTotal(sources.data.pages[0]!);

  return (
    <div className="stack">
      {total && (
        <p className="muted source-list-total" aria-live="polite">
          {total}
          {inTrash ? ' in the trash' : ''}
        </p>
      )}
      <ul ref={listRef} className={`source-list${showCustomer ? '' : ' source-list-no-customer'}${inTrash && trashExtras ? ' source-list-trash' : ''}`} aria-label={label}>
        {items.map((item, index) => {
          // A ticket without a subject is titled by its text: the title line shows the text, once.
          const untitled = titleRepeatsText(item.title, item.preview);
          return (
            <li key={item.id} className={`source-row${index === active ? ' active' : ''}`}>
              <KindBadge kind={item.kind} />
              <div className="source-row-main">
                <div className="source-row-heading">
                  <Link className="source-row-title" to={paths.source(ws, item.id)} onClick={rememberOrder} onFocus={() => setActive(index)}>
                    {untitled ? item.preview : item.title}
                  </Link>
                  {item.score !== null && <ScorePill score={item.score} scale={item.scoreScale} />}
                </div>
                {!untitled && <span className="source-row-preview">{item.preview}</span>}
                {inTrash && item.deletedAt && trashExtras?.note(item)}
              </div>
              {showCustomer && (
                <div className="source-row-customer">
                  <CustomerCell ws={ws} customer={item.customer} />
                </div>
              )}
              <time className="source-row-date muted" dateTime={item.occurredAt}>
                {formatDate(item.occurredAt)}
              </time>
              <div className="source-row-evidence">
                {inTrash && item.deletedAt ? (
                  workspace.can('contributor') ? (
                    <div className="source-row-trash-actions">
                      <Button size="sm" onClick={() => restoreSource(item)} busy={restore.isPending && restore.variables === item.id}>
                        Restore
                      </Button>
                      {trashExtras?.actions(item)}
                    </div>
                  ) : (
                    <span className="muted">in the trash</span>
                  )
                ) : (
                  <EvidenceCell item={item} />
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="row source-list-footer">
        <LoadMore query={sources} />
        <p className="muted source-list-keys keyboard-hint">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> opens
        </p>
      </div>
    </div>
  );
}
