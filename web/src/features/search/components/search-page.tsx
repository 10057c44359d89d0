import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { SearchResult, TagRef } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ReversedRangeNote } from '../../../components/date-range-fields';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Select } from '../../../components/field';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { useCatalog } from '../../../lib/catalog';
import { isReversedRange } from '../../../lib/dates';
import { useListKeys } from '../../../lib/list-keys';
import { NARROW_SCREEN, useMediaQuery } from '../../../lib/media-query';
import { paths } from '../../../lib/paths';
import { rememberSourceOrder } from '../../../lib/source-order';
import { useWorkspace } from '../../../lib/workspace';
import { useSearchCount } from '../api/count-search-matches';
import { useSearchEvidence } from '../api/search-evidence';
import { foldWholeHighlights } from '../lib/fold-results';
import { describeTotal } from '../lib/total-words';
import { readSearchState, toSearchParams, type SearchState } from '../search-params';
import { BulkTagBar, type LinkAction } from './bulk-tag-bar';
import { FacetPanel } from './facet-panel';
import { ResultItem } from './result-item';
import { SaveSearchDialog } from './save-search-dialog';
import { SearchSyntax } from './search-syntax';
import { useUrlParams } from '../../../lib/use-url-params';

const SORTS: Array<{ value: SearchState['sort']; label: string }> = [
  { value: undefined, label: 'Relevance' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];

/** Selection by click, shift-click ranges, and `x` on the focused result. */
function useSelection(results: SearchResult[]) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const toggle = (index: number, range: boolean) => {
    const result = results[index];
    if (!result) return;
    setSelected((current) => {
      const next = new Set(current);
      const on = !current.has(result.id);
      const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
      const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
      for (let i = from; i <= to; i++) {
        if (on) next.add(results[i]!.id);
        else next.delete(results[i]!.id);
      }
      return next;
    });
    anchor.current = index;
  };
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, toggle, clear };
}

export type SearchPageProps = {
  /**
   * Actions on the selected results besides tagging, handed in by the page; `done` clears the
   * selection; `link` is the link action's dialog, which `l` opens.
   */
  renderBulkActions?: (selected: SearchResult[], done: () => void, link: LinkAction) => ReactNode;
  /** Creates a tag typed into the selection's tag picker that no tag is named; absent when the member may not create tags. */
  createTag?: (name: string) => Promise<TagRef>;
};

export function SearchPage({ renderBulkActions, createTag }: SearchPageProps) {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const [params, setParams] = useUrlParams();
  const state = useMemo(() => readSearchState(params), [params]);
  const [draft, setDraft] = useState(state.q);
  const [saving, setSaving] = useState(false);
  const reversed = isReversedRange(state);
  const search = useSearchEvidence(ws, state, !reversed);
  const { results, wholeHighlights, folded } = useMemo(() => foldWholeHighlights(search.data?.pages.flatMap((page) => page.items) ?? []), [search.data]);
  const first = search.data?.pages[0];
  // Counted too when a facet in use was listed from a sample of the search without its filter.
  const sampledWithout = Object.values(first?.facetsWithout ?? {}).some((facet) => !facet.exact);
  const count = useSearchCount(ws, state, Boolean(first?.totalIsEstimate) || sampledWithout);
  const catalog = useCatalog(ws);
  const tagName = (id: string) => catalog.data?.tags.find((tag) => tag.id === id)?.name;
  const { selected, toggle, clear } = useSelection(results);
  const input = useRef<HTMLInputElement>(null);
  const canTag = workspace.can('contributor');
  const listKeys = useListKeys<HTMLOListElement>({ rowSelector: '.search-result', searchBox: input, onSelect: canTag ? toggle : undefined });
  // On a phone the filters follow the count and sort, behind a Filters button: above the results they pushed the first one below the fold.
  const narrow = useMediaQuery(NARROW_SCREEN);

  const searchText = params.toString();
  useEffect(() => setDraft(state.q), [state.q]);
  // A new search starts a new selection.
  useEffect(clear, [searchText, clear]);

  const go = (next: SearchState) => setParams(toSearchParams(next));
  const facetPanel = <FacetPanel state={state} facets={first?.facets} counted={count.data} counting={count.counting} tagName={tagName} without={first?.facetsWithout} onChange={go} collapsible={narrow} />;
  const linkTo = (q: string) => `${paths.search(ws)}?${toSearchParams({ ...state, q })}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ ...state, q: draft.trim() });
  };

  // `j`/`k` in the reader then walk the sources of these results, in their order.
  const rememberOrder = () => rememberSourceOrder(ws, results.map((result) => result.sourceId));
  const selectedResults = results.filter((result) => selected.has(result.id));
  return (
    <>
      <PageHeader
        title="Search"
        description="Everything customers said, across interviews, tickets, surveys and highlights. To jump to a tag, problem or customer by name, use Ctrl-K instead."
        actions={
          canTag && state.q ? (
            <Button size="sm" onClick={() => setSaving(true)}>
              Save search
            </Button>
          ) : undefined
        }
      />
      <form role="search" aria-label="Search evidence" className="search-form" onSubmit={submit}>
        <label htmlFor="search-query" className="visually-hidden">
          Search query
        </label>
        <input
          id="search-query"
          ref={input}
          className="input search-input"
          type="search"
          value={draft}
          autoFocus
          placeholder='Words, "exact phrases", OR, -exclusions'
          aria-describedby="search-hint"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={listKeys.onSearchBoxKeyDown}
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
      <p id="search-hint" className="field-hint search-hint">
        <code>"exact phrase"</code> · <code>refund OR chargeback</code> · <code>-exclude</code> — all other words must appear.{' '}
        <span className="keyboard-hint">
          Keys: <kbd>↓</kbd> to the results, <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> selects
          {canTag && <> (then <kbd>t</kbd> tags, <kbd>l</kbd> links, <kbd>Esc</kbd> clears)</>}, <kbd>/</kbd> back here.
        </span>
      </p>
      {!state.q ? (
        <EmptyState title="Search everything customers said" icon="⌕">
          <p>Type words to find every source and highlight that contains them all — word forms count too (export finds exported).</p>
          <SearchSyntax to={linkTo} />
        </EmptyState>
      ) : (
        <div className="search-layout">
          {!narrow && facetPanel}
          <section className="search-results" aria-label="Results" aria-busy={search.isFetching}>
            {first?.didYouMean && (
              <p className="search-correction" role="status">
                {first.includesCorrection ? 'Including results for ' : 'Did you mean '}
                <Link to={linkTo(first.didYouMean)}>{first.didYouMean}</Link>
                {first.includesCorrection ? '.' : '?'}
              </p>
            )}
            <div className="search-results-bar">
              {first && (
                <p className="search-count" role="status">
                  {describeTotal(first, count.data, folded)}
                  {count.counting && ' · counting…'}
                </p>
              )}
              <label className="search-sort">
                Sort
                <Select value={state.sort ?? ''} onChange={(event) => go({ ...state, sort: SORTS.find((sort) => (sort.value ?? '') === event.target.value)?.value })}>
                  {SORTS.map((sort) => (
                    <option key={sort.label} value={sort.value ?? ''}>
                      {sort.label}
                    </option>
                  ))}
                </Select>
              </label>
            </div>
            {narrow && facetPanel}
            {canTag && selectedResults.length > 0 && (
              <BulkTagBar ws={ws} selected={selectedResults} onDone={clear} actions={renderBulkActions && ((link) => renderBulkActions(selectedResults, clear, link))} createTag={createTag} />
            )}
            {reversed ? <ReversedRangeNote /> : search.isPending ? <Loading label="Searching…" /> : !search.data && <ErrorMessage error={search.error} />}
            {first && results.length === 0 && (
              <EmptyState title="No matches" icon="∅">
                <p>Every word must appear somewhere. Try fewer words, OR between alternatives, or remove a filter.</p>
                <SearchSyntax to={linkTo} />
              </EmptyState>
            )}
            <ol className="search-result-list" {...listKeys.listProps}>
              {results.map((result, index) => (
                <li key={`${result.type}:${result.id}`}>
                  <ResultItem
                    ws={ws}
                    result={result}
                    whole={wholeHighlights.has(result.id)}
                    selectable={canTag}
                    selected={selected.has(result.id)}
                    onSelect={(event: MouseEvent<HTMLInputElement>) => toggle(index, event.shiftKey)}
                    onOpen={rememberOrder}
                    dated={Boolean(state.sort)}
                  />
                </li>
              ))}
            </ol>
            {/* Its error is a next page's: a first page's shows once, above. */}
            {first && <LoadMore query={search} />}
          </section>
        </div>
      )}
      <SaveSearchDialog ws={ws} state={state} open={saving} onClose={() => setSaving(false)} />
    </>
  );
}
