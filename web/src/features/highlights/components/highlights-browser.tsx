import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { customerName, HIGHLIGHT_IDS_MAX, type HighlightListItem, type TagRef } from '@cairn/shared';
import { Button } from '../../../components/button';
import { DateRangeFields, ReversedRangeNote } from '../../../components/date-range-fields';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Field, TextInput } from '../../../components/field';
import { SourceKindSelect } from '../../../components/source-kind-select';
import { Loading } from '../../../components/spinner';
import { TagChips } from '../../../components/tag-chip';
import { TagSearchInput } from '../../../components/tag-search-input';
import { useDismissUndoOfLeaving, useToast } from '../../../components/toast';
import { useCatalog } from '../../../lib/catalog';
import { formatDate, isReversedRange } from '../../../lib/dates';
import { GoneFilterState, filterName, goneFilterOf } from '../../../lib/gone-filter';
import { useListKeys } from '../../../lib/list-keys';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { rememberSourceOrder } from '../../../lib/source-order';
import { withParams } from '../../../lib/url-params';
import { useWorkspace } from '../../../lib/workspace';
import { useBulkTagHighlights } from '../api/bulk-tag-highlights';
import { useCompanyName } from '../api/get-company-name';
import { useFilteredCustomerName } from '../../customers/api/get-customer';
import { useHighlights, type HighlightFilters } from '../api/list-highlights';
import { CatalogPicker } from './catalog-picker';
import { CopyQuotesButton } from './copy-quotes-button';
import { ExportCsvLink } from './export-csv-link';
import { HighlightTrashEmpty, HighlightTrashList, type HighlightTrashExtras } from './highlight-trash';
import { useUrlParams } from '../../../lib/use-url-params';

/** `trash` is the view rather than a filter: the trash (`true`) instead of the live highlights, as the Inbox switches to its own. */
const FILTER_KEYS = ['tagId', 'insightId', 'sourceKind', 'customerId', 'companyId', 'segment', 'from', 'to', 'q', 'trash'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const SEARCH_DEBOUNCE_MS = 300;
/** The dates are of when the customer said it. */
const SAID_LABELS = { from: 'Said from', to: 'to' };

function HighlightCard({ ws, item, selected, onToggle, onOpen }: { ws: string; item: HighlightListItem; selected: boolean; onToggle: () => void; onOpen: () => void }) {
  const customer = item.customer && [customerName(item.customer), item.customer.company?.name].filter(Boolean).join(' · ');
  return (
    <li className={`card highlight-card${selected ? ' selected' : ''}`} tabIndex={-1}>
      <input type="checkbox" className="highlight-check" checked={selected} onChange={onToggle} aria-label={`Select “${item.quote.slice(0, 60)}”`} />
      <div className="highlight-card-body">
        <blockquote className="highlight-quote">{item.quote}</blockquote>
        {item.note && <p className="panel-note">{item.note}</p>}
        <TagChips tags={item.tags} />
        <p className="muted highlight-source">
          <Link to={`${paths.source(ws, item.sourceId)}#h-${item.id}`} onClick={onOpen}>
            {item.source.title}
          </Link>{' '}
          · {SOURCE_KIND_LABELS[item.source.kind].one} {customer && <>· {customer} </>}· {formatDate(item.source.occurredAt)}
        </p>
      </div>
    </li>
  );
}

/**
 * Every highlight, filtered by tag, kind, customer, segment, date and text; select many to tag them at once, or to take just those out.
 * Its Trash lists those trashed on their own, with the same filters, to restore them.
 */
export type HighlightsBrowserProps = {
  /** Actions on the selected highlights besides tagging, handed in by the page; `done` clears the selection. */
  renderBulkActions?: (highlightIds: string[], done: () => void) => ReactNode;
  /** In the trash: a bar above it (how long it keeps things, Empty trash), a note under each row and actions beside Restore, from the page. */
  trashExtras?: HighlightTrashExtras;
  /** Creates a tag typed into Add tag that no tag is named; absent when the member may not create tags. */
  createTag?: (name: string) => Promise<TagRef>;
};

export function HighlightsBrowser({ renderBulkActions, trashExtras, createTag }: HighlightsBrowserProps) {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const [params, setParams] = useUrlParams();
  const filters: HighlightFilters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]).filter(([, value]) => value));
  const inTrash = filters.trash === 'true';
  const filtered = Object.keys(filters).some((key) => key !== 'trash');
  const reversed = isReversedRange(filters);
  const highlights = useHighlights(ws, filters, !reversed);
  const catalog = useCatalog(ws);
  const bulk = useBulkTagHighlights(ws);
  const toast = useToast();
  const [selected, setSelected] = useState<string[]>([]);
  // Viewers select only to take quotes out: no bulk changes, which the server would refuse.
  const canChange = workspace.can('contributor');
  const [text, setText] = useState(filters.q ?? '');

  const setFilters = (change: Partial<Record<FilterKey, string | null | undefined>>) => {
    setParams(withParams(params, change), { replace: true });
    setSelected([]);
  };
  const setFilter = (key: FilterKey, value: string | null | undefined) => setFilters({ [key]: value });
  useEffect(() => {
    const timer = setTimeout(() => text !== (filters.q ?? '') && setFilter('q', text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });

  const loaded = useMemo(() => highlights.data?.pages.flatMap((page) => page.items), [highlights.data]);
  // The trash as these filters show it: the reader's Undo of a highlight trashed there goes once it is restored or deleted for good here.
  useDismissUndoOfLeaving(inTrash ? loaded : undefined, JSON.stringify(filters));
  const items = loaded ?? [];
  const total = highlights.data?.pages[0]?.total ?? 0;
  const tagName = (id: string | undefined) => catalog.data?.tags.find((tag) => tag.id === id)?.name;
  const insightTitle = (id: string | undefined) => catalog.data?.insights.find((insight) => insight.id === id)?.title;
  // The customer and the company filtered to are named from the catalog, else asked for: the catalog may predate them.
  const customerInCatalog = catalog.data?.customers.find((customer) => customer.id === filters.customerId);
  const chosenCustomerName = useFilteredCustomerName(ws, filters.customerId, customerInCatalog && customerName(customerInCatalog), !catalog.isPending);
  // A company page links here.
  const companyInCatalog = catalog.data?.companies.find((company) => company.id === filters.companyId)?.name;
  const companyAskedFor = useCompanyName(ws, filters.companyId, !catalog.isPending && !companyInCatalog);
  const companyName = filterName(companyInCatalog, companyAskedFor, { gone: 'A company since merged or deleted', unknown: 'This company' });
  const goneFilter = goneFilterOf(highlights.error, FILTER_KEYS);
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  // The name is handed in: a tag just created is not in this render's catalog.
  const applyBulk = (change: 'addTagIds' | 'removeTagIds', tag: { id: string; name: string | undefined }) =>
    bulk.mutate(
      { highlightIds: selected, [change]: [tag.id] },
      {
        onSuccess: ({ updated }) => toast.show(`${change === 'addTagIds' ? 'Added' : 'Removed'} “${tag.name}” on ${updated} highlight${updated === 1 ? '' : 's'}`, 'success'),
        onError: (error) => toast.show(error.message, 'error'),
      },
    );
  const pickBulk = (change: 'addTagIds' | 'removeTagIds') => (tagIds: string[]) => tagIds[0] && applyBulk(change, { id: tagIds[0], name: tagName(tagIds[0]) });
  const createAndAdd = (name: string) =>
    createTag?.(name).then(
      (tag) => applyBulk('addTagIds', tag),
      (error: Error) => toast.show(error.message, 'error'),
    );
  // `j`/`k` in the reader then walk the sources in the order of this list.
  const rememberOrder = () => rememberSourceOrder(ws, items.map((item) => item.sourceId));
  const wordsBox = useRef<HTMLInputElement>(null);
  const listKeys = useListKeys<HTMLUListElement>({
    rowSelector: '.highlight-card',
    searchBox: wordsBox,
    onSelect: (index) => items[index] && toggle(items[index].id),
    // The row's link to the reader, which also remembers this list's order.
    onOpen: (row) => row.querySelector<HTMLAnchorElement>('.highlight-source a')?.click(),
    // The page does not start in its search box, as Search does: j finds the list from anywhere.
    fromAnywhere: true,
  });
  const keysHintId = useId();
  const bulkId = useId();

  return (
    <div className="stack">
      <form className="card highlight-filters" role="search" aria-label="Filter highlights" onSubmit={(event) => event.preventDefault()}>
        <Field label="Words">
          {(props) => (
            <input
              {...props}
              ref={wordsBox}
              className="input"
              type="search"
              placeholder="quote, note or tag…"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={listKeys.onSearchBoxKeyDown}
            />
          )}
        </Field>
        <CatalogPicker ws={ws} label="Tag" types={['tag']} placeholder="Any tag" selectedName={tagName(filters.tagId)} onPick={(entry) => setFilter('tagId', entry?.id)} />
        <CatalogPicker ws={ws} label="Problem" types={['insight']} placeholder="Any problem" selectedName={insightTitle(filters.insightId)} onPick={(entry) => setFilter('insightId', entry?.id)} />
        <SourceKindSelect value={filters.sourceKind} onChange={(kind) => setFilter('sourceKind', kind)} />
        <CatalogPicker ws={ws} label="Customer" types={['customer']} placeholder="Anyone" selectedName={chosenCustomerName} onPick={(entry) => setFilter('customerId', entry?.id)} />
        {filters.companyId && (
          <div className="field">
            <span className="field-label">Company</span>
            <span className="company-filter">
              <strong>{companyName}</strong>
              <Button size="sm" variant="ghost" onClick={() => setFilter('companyId', null)}>
                Any company
              </Button>
            </span>
          </div>
        )}
        <Field label="Segment">
          {(props) => <TextInput {...props} placeholder="e.g. Enterprise" defaultValue={filters.segment ?? ''} onBlur={(event) => setFilter('segment', event.target.value.trim())} />}
        </Field>
        <DateRangeFields label="When it was said" boundLabels={SAID_LABELS} range={{ from: filters.from, to: filters.to }} onChange={(range) => setFilters({ from: range.from, to: range.to })} />
        <label className="checkbox highlight-filter-trash">
          <input type="checkbox" checked={inTrash} onChange={(event) => setFilter('trash', event.target.checked ? 'true' : null)} /> Trash
        </label>
      </form>

      {inTrash && trashExtras?.bar}

      {/* What is in the trash is restored one by one: no selection there. */}
      {!inTrash && selected.length > 0 && (
        <div className="card bulk-bar" role="region" aria-label="The selected highlights">
          <strong>{selected.length} selected</strong>
          {canChange && (
            <>
              {/* The reader's rule (lib/tag-picker-options.ts): Enter takes a tag only when every typed word matches its name; else Add tag creates the tag typed. */}
              <div className="catalog-picker">
                <label htmlFor={`${bulkId}-add`}>Add tag</label>
                <TagSearchInput ws={ws} tagIds={[]} onChange={pickBulk('addTagIds')} onCreate={createTag && createAndAdd} placeholder="Tag to add…" fieldProps={{ id: `${bulkId}-add` }} />
              </div>
              <div className="catalog-picker">
                <label htmlFor={`${bulkId}-remove`}>Remove tag</label>
                <TagSearchInput ws={ws} tagIds={[]} onChange={pickBulk('removeTagIds')} placeholder="Tag to remove…" fieldProps={{ id: `${bulkId}-remove` }} />
              </div>
              {renderBulkActions?.(selected, () => setSelected([]))}
            </>
          )}
          {/* The selection goes by id in the query string, which holds only so many (limits.ts). */}
          {selected.length <= HIGHLIGHT_IDS_MAX ? (
            <>
              <CopyQuotesButton ws={ws} size="sm" label="Copy selected as Markdown" request={{ filters: { ids: selected } }} />
              <ExportCsvLink
                ws={ws}
                size="sm"
                label="Export selected as CSV"
                filters={{ ids: selected }}
                description={`The ${countOf(selected.length, 'selected highlight')}, with their sources, customers and links back, as a spreadsheet (CSV)`}
              />
            </>
          ) : (
            <span className="muted small">Copy and export take up to {HIGHLIGHT_IDS_MAX} selected highlights: select fewer, or export what the filters show.</span>
          )}
          <Button size="sm" variant="ghost" onClick={() => setSelected([])}>
            Clear selection
          </Button>
        </div>
      )}

      {reversed ? (
        <ReversedRangeNote />
      ) : highlights.isPending ? (
        <Loading />
      ) : !highlights.data ? (
        goneFilter ? (
          <GoneFilterState filter={goneFilter} items={{ one: 'highlight', many: 'highlights' }} icon="✎" onClear={() => setFilter(goneFilter, null)} />
        ) : (
          <ErrorMessage error={highlights.error} />
        )
      ) : !items.length ? (
        inTrash ? (
          <HighlightTrashEmpty filtered={filtered} />
        ) : (
          <EmptyState title={filtered ? 'No highlight matches these filters' : 'No highlights yet'} icon="✎">
            {filtered
              ? 'Loosen a filter, or clear them all.'
              : 'Open any source from the Inbox, select a passage and press h to tag it: it becomes a highlight, the atomic unit of evidence, and shows up here.'}
          </EmptyState>
        )
      ) : inTrash ? (
        <>
          <HighlightTrashList ws={ws} items={items} total={total} extras={trashExtras} />
          <LoadMore query={highlights} />
        </>
      ) : (
        <>
          <div className="row">
            <p className="muted" aria-live="polite">
              {total} highlight{total === 1 ? '' : 's'}
            </p>
            <Button size="sm" variant="ghost" onClick={() => setSelected(selected.length === items.length ? [] : items.map((item) => item.id))}>
              {selected.length === items.length ? 'Select none' : `Select all ${items.length} shown`}
            </Button>
            <ExportCsvLink
              ws={ws}
              filters={filters}
              size="sm"
              description={`Every highlight${filtered ? ' these filters match' : ''}, with its source, customer and a link back, as a spreadsheet (CSV)`}
            />
          </div>
          <p id={keysHintId} className="field-hint keyboard-hint">
            Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> selects, <kbd>Enter</kbd> opens in the reader, <kbd>/</kbd> to Words.
          </p>
          <ul className="highlight-list" aria-describedby={keysHintId} {...listKeys.listProps}>
            {items.map((item) => (
              <HighlightCard key={item.id} ws={ws} item={item} selected={selected.includes(item.id)} onToggle={() => toggle(item.id)} onOpen={rememberOrder} />
            ))}
          </ul>
          <LoadMore query={highlights} />
        </>
      )}
    </div>
  );
}
