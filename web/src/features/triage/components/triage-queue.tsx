import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { customerName, type Highlight, type Source, type SourceKind, type SourceSummary, type TagRef } from '@cairn/shared';
import { Button } from '../../../components/button';
import { DateRangeFields, ReversedRangeNote } from '../../../components/date-range-fields';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Select } from '../../../components/field';
import { FiltersDisclosure } from '../../../components/filters-disclosure';
import { ProgressBar } from '../../../components/progress-bar';
import { Loading } from '../../../components/spinner';
import { TagDot } from '../../../components/tag-chip';
import { useCatalog } from '../../../lib/catalog';
import { formatDate, isReversedRange } from '../../../lib/dates';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';
import { NARROW_SCREEN, useMediaQuery } from '../../../lib/media-query';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { roundEstimate } from '../../sources/lib/source-total';
import { highlightWholeSource } from '../api/highlight-whole-source';
import { HELPDESK_TAG_KINDS } from '../api/list-helpdesk-tags';
import { untriagedSourcesKey, useUntriagedSources, type UntriagedSources } from '../api/list-untriaged-sources';
import { useTriageFilters } from '../hooks/use-triage-filters';
import { untitledItemHeading } from '../lib/item-heading';
import { TAG_KEYS, keyChoiceValue, keyTags, parseKeyChoice, readKeyChoice, rememberKeyChoice, tagGroups, type KeyChoice } from '../lib/key-tags';
import { SHOW_CHOICES, countTriageFilters, describeRange, type ShowChoice } from '../lib/triage-filters';
import { HelpdeskTagFilter } from './helpdesk-tag-filter';
import { TagAllButton } from './tag-all-button';

/** The next page is fetched while this many items still wait, so the queue never runs dry under a fast typist. */
const FETCH_AHEAD = 10;
/** Items whose text is fetched before they come up, so a tag key shows the next one at once. */
const PREFETCH_AHEAD = 3;

/** One item of what the Show select shows, for the empty state: "No ticket or survey answer waits…". */
const ONE_OF: Record<ShowChoice, string> = { all: 'ticket or survey answer', ticket: 'ticket', survey_response: 'survey answer' };

/** A problem (or other insight) or backlog item an item was linked to. */
export type TriageLinkTarget = { type: 'insight' | 'backlogItem'; id: string; title: string };

/** What linking one item did, so that undo takes away that and nothing more. */
export type TriageLink = {
  target: TriageLinkTarget;
  highlight: Pick<Highlight, 'id' | 'sourceId'>;
  /** False when the whole text was highlighted already (that highlight stays on undo). */
  highlightCreated: boolean;
  /** False when the highlight was that target's evidence already (the link stays on undo). */
  linkCreated: boolean;
};

type Step = { kind: 'tag'; item: SourceSummary; highlight: Highlight } | { kind: 'link'; item: SourceSummary; link: TriageLink } | { kind: 'skip'; sourceId: string };

/** What the page's link dialog gets: the item, its highlight to link (made when first asked for), and what to say back. */
export type TriageLinkDialog = {
  item: SourceSummary;
  getHighlightIds: () => Promise<string[]>;
  /** After the link was made: `changed` is 0 when it was there already. */
  onLinked: (result: { target: TriageLinkTarget; changed: number }) => void;
  onClose: () => void;
};

export type TriageQueueProps = {
  ws: string;
  /** How to load one source (the reader's query, so a prefetched item is the one shown). */
  sourceQuery: (id: string) => { queryKey: readonly unknown[]; queryFn: () => Promise<Source> };
  renderSource: (source: Source) => ReactNode;
  /** Tags the whole source with one tag (a whole-source highlight). */
  tagWhole: (sourceId: string, tagId: string) => Promise<Highlight>;
  /** Moves a highlight to the trash: undoes `tagWhole`, or the highlight a link made. */
  trashHighlight: (highlight: Pick<Highlight, 'id' | 'sourceId'>) => Promise<unknown>;
  canTag: boolean;
  /** The workspace's tag picker (type to filter, Enter to pick), for tags that are not on a key. */
  renderTagPicker: (picker: { onPick: (tagId: string) => void; onEscape: () => void; busy: boolean }) => ReactNode;
  /** Contributors and up: link the whole item to a problem or backlog item. */
  canLink: boolean;
  /** The workspace's "link to a problem or backlog item" dialog, open. */
  renderLinkDialog: (dialog: TriageLinkDialog) => ReactNode;
  /** Takes the highlight off the target's evidence (undoing a link). */
  unlinkEvidence: (target: TriageLinkTarget, highlightId: string) => Promise<unknown>;
  /** Creates a tag typed into Tag all's picker that no tag is named; absent when the member may not create tags. */
  createTag?: (name: string) => Promise<TagRef>;
};

/**
 * One ticket or survey answer nobody has triaged at a time, oldest first: a number key tags it
 * whole, `t` or `/` picks any tag by typing, `l` links it whole to a problem or backlog item,
 * `s` or → skips, `u` undoes. The next items are fetched ahead so they show at once.
 */
export function TriageQueue({ ws, sourceQuery, renderSource, tagWhole, trashHighlight, canTag, renderTagPicker, canLink, renderLinkDialog, unlinkEvidence, createTag }: TriageQueueProps) {
  const filterId = useId();
  const keysId = useId();
  const { filters, setFilters } = useTriageFilters();
  const kinds: readonly SourceKind[] = SHOW_CHOICES[filters.show].kinds;
  /** Only the tickets the helpdesk tagged so, whatever the kind filter says (helpdesk tags come with tickets). */
  const helpdeskTag = kinds.includes('ticket') ? filters.helpdeskTag : null;
  const { range } = filters;
  const reversed = isReversedRange(range);
  const narrow = useMediaQuery(NARROW_SCREEN);
  const queue = useUntriagedSources(ws, helpdeskTag ? HELPDESK_TAG_KINDS : kinds, helpdeskTag, range, !reversed);
  const catalog = useCatalog(ws);
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [history, setHistory] = useState<Step[]>([]);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  /** The item the link dialog is open for. */
  const [linking, setLinking] = useState<SourceSummary | null>(null);
  /** The whole-text highlight the open link dialog asked for, and whether asking made it: kept across a failed link and a second try. */
  const linkHighlight = useRef<{ id: string; sourceId: string; created: boolean } | null>(null);
  /** The last tag or undo that failed, shown until the next one works; the queue and the undo history stay as they were. */
  const [failure, setFailure] = useState<Error | null>(null);
  /** Another filter is another queue: this session's counts and undo history start again, whatever changed the URL. */
  const restart = () => (setDone([]), setSkipped([]), setHistory([]), setPicking(false));
  const queueKey = JSON.stringify([kinds, helpdeskTag, range.from, range.to]);
  const [shownKey, setShownKey] = useState(queueKey);
  if (queueKey !== shownKey) {
    setShownKey(queueKey);
    restart();
  }

  // Items stay on the pages (only a Tag all or its Undo fetches them again, and then u fetches an item it undoes back), so an undone item is back in its place: the front.
  const pages = queue.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const waiting = items.filter((item) => !done.includes(item.id) && !skipped.includes(item.id));
  /** How many of these this session did since the pages were fetched: a fetch after that (a Tag all, its Undo) counted the others out already. */
  const onPages = new Set(items.map((item) => item.id));
  const sinceFetch = (ids: string[]) => ids.filter((id) => onPages.has(id)).length;
  const current = waiting[0];
  // A string, so the effect below runs when the items ahead change, not on every render.
  const aheadIds = waiting
    .slice(1, 1 + PREFETCH_AHEAD)
    .map((item) => item.id)
    .join(' ');
  const total = pages[0]?.total;
  // Exact: the first page's count, less what this session tagged or skipped since (items tagged elsewhere meanwhile are not known until the next fetch).
  const left = queue.hasNextPage && total !== undefined ? Math.max(waiting.length, total - sinceFetch(done) - sinceFetch(skipped)) : waiting.length;
  // Past the count's cap the total is the server's estimate, and says so as the Inbox does.
  const leftWords = queue.hasNextPage && pages[0]?.totalIsEstimate ? `About ${roundEstimate(left).toLocaleString('en')}` : left.toLocaleString('en');
  const source = useQuery({ ...sourceQuery(current?.id ?? ''), enabled: !!current });
  // The keys keep their tags for the whole session, even as usage counts change underneath.
  const [keyChoice, setKeyChoice] = useState<KeyChoice>(() => readKeyChoice(ws));
  const [keyTagIds, setKeyTagIds] = useState<string[] | null>(null);
  useEffect(() => {
    if (!keyTagIds && catalog.data) setKeyTagIds(keyTags(catalog.data, keyChoice).map((t) => t.id));
  }, [catalog.data, keyTagIds, keyChoice]);
  const tags = (keyTagIds ?? []).map((id) => catalog.data?.tags.find((t) => t.id === id)).filter((t) => t !== undefined);
  const groups = catalog.data ? tagGroups(catalog.data) : [];
  const chooseKeys = (choice: KeyChoice) => {
    rememberKeyChoice(ws, choice);
    setKeyChoice(choice);
    setKeyTagIds(null);
  };

  useEffect(() => {
    for (const id of aheadIds.split(' ').filter(Boolean)) void queryClient.prefetchQuery(sourceQuery(id));
  }, [aheadIds, queryClient, sourceQuery]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = queue;
  useEffect(() => {
    if (waiting.length < FETCH_AHEAD && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [waiting.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  /** `retry` says how to try again if it fails: the key pressed, or the picker. */
  const tag = async (tagId: string | undefined, retry: string) => {
    if (!current || !tagId || busy || !canTag) return;
    setBusy(true);
    try {
      const highlight = await tagWhole(current.id, tagId);
      setDone((ids) => [...ids, current.id]);
      setHistory((steps) => [...steps, { kind: 'tag', item: current, highlight }]);
      setFailure(null);
    } catch (error) {
      setFailure(new Error(`Could not tag “${current.title}”: ${(error as Error).message} ${retry}`));
    } finally {
      setBusy(false);
    }
  };
  const openLink = () => {
    if (!current || !canLink || busy) return;
    linkHighlight.current = null;
    setLinking(current);
  };
  const linkDialog = (item: SourceSummary): TriageLinkDialog => ({
    item,
    getHighlightIds: async () => {
      const made = await highlightWholeSource(ws, item.id);
      const before = linkHighlight.current;
      const createdBefore = before?.sourceId === item.id && before.id === made.id && before.created;
      linkHighlight.current = { id: made.id, sourceId: item.id, created: made.created || createdBefore };
      return [made.id];
    },
    onLinked: ({ target, changed }) => {
      const highlight = linkHighlight.current;
      if (!highlight) return;
      const link: TriageLink = { target, highlight: { id: highlight.id, sourceId: highlight.sourceId }, highlightCreated: highlight.created, linkCreated: changed > 0 };
      setDone((ids) => [...ids, item.id]);
      setHistory((steps) => [...steps, { kind: 'link', item, link }]);
      setFailure(null);
    },
    onClose: () => setLinking(null),
  });
  const skip = () => {
    if (!current) return;
    setSkipped((ids) => [...ids, current.id]);
    setHistory((steps) => [...steps, { kind: 'skip', sourceId: current.id }]);
  };
  // The step leaves the history only once undone: a failed undo stays there, and u tries it again.
  const undo = async () => {
    const last = history.at(-1);
    if (!last || busy) return;
    if (last.kind === 'tag' || last.kind === 'link') {
      setBusy(true);
      try {
        if (last.kind === 'tag') await trashHighlight(last.highlight);
        else {
          // The link first: a highlight in the trash is evidence of nothing, but its link would come back with it.
          if (last.link.linkCreated) await unlinkEvidence(last.link.target, last.link.highlight.id);
          if (last.link.highlightCreated) await trashHighlight(last.link.highlight);
        }
        // Fetched again since it was done (a Tag all ended, or was undone), the queue no longer has it: once more, and it is back.
        if (!onPages.has(last.item.id)) await queue.refetch();
      } catch (error) {
        const what = last.kind === 'tag' ? 'tagging' : 'linking';
        setFailure(new Error(`Could not undo ${what} “${last.item.title}”: ${(error as Error).message} Press u to try again.`));
        return;
      } finally {
        setBusy(false);
      }
      setDone((ids) => ids.filter((id) => id !== last.item.id));
    } else {
      setSkipped((ids) => ids.filter((id) => id !== last.sourceId));
    }
    setHistory((steps) => steps.slice(0, -1));
    setFailure(null);
  };

  useDocumentKeyDown((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target) || linking) return;
    const number = Number(event.key);
    if (Number.isInteger(number) && number >= 1 && number <= TAG_KEYS) void tag(tags[number - 1]?.id, `Press ${number} to try again.`);
    else if ((event.key === 't' || event.key === '/') && current && canTag) setPicking(true);
    else if (event.key === 'l' && current && canLink) openLink();
    else if (event.key === 's' || event.key === 'ArrowRight') skip();
    else if (event.key === 'u') void undo();
    else return;
    event.preventDefault();
  });

  const handled = done.length;
  const untitledHeading = current ? untitledItemHeading(current) : null;
  const tagged = history.filter((step) => step.kind === 'tag').length;
  const linked = history.filter((step) => step.kind === 'link').length;
  const filtered = helpdeskTag !== null || !!range.from || !!range.to;
  /**
   * After a "Tag all", that helpdesk tag's tickets in those dates are gone. A run over some dates
   * leaves the tag's others to do, so the dates go; over all of them, none, so the tag goes. Only
   * while the queue shows the run's filters, and nothing waits there (one undone with u while it
   * ran does): filters chosen since are the person's. A filter that changes by itself says so: what
   * this returns ends the run's toast. Focus is the dialog's to give back: to Tag all when it is
   * still there, else to the page, where the number keys tag the next item.
   */
  const afterRun = (run: { helpdeskTag: string; range: typeof range }) => {
    if (run.helpdeskTag !== helpdeskTag || run.range.from !== range.from || run.range.to !== range.to) return null;
    // The run fetched the queue again before it ended; this render has not seen that yet.
    const now = queryClient.getQueryData<UntriagedSources>(untriagedSourcesKey(ws, HELPDESK_TAG_KINDS, helpdeskTag, range));
    if (now?.pages[0]?.total !== 0) return null;
    const dated = Boolean(run.range.from || run.range.to);
    setFilters(dated ? { range: {} } : { helpdeskTag: null });
    return dated
      ? `The dates are cleared, for the helpdesk tag “${run.helpdeskTag}” on other days.`
      : `None with the helpdesk tag “${run.helpdeskTag}” is left, so the Helpdesk tag filter is back to Any.`;
  };
  const showControl = (
    <div className="row triage-filter">
      <label htmlFor={filterId}>Show</label>
      <Select id={filterId} value={filters.show} onChange={(event) => setFilters({ show: event.target.value as ShowChoice, helpdeskTag: null })}>
        {Object.entries(SHOW_CHOICES).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </div>
  );
  const filterControls = (
    <>
      {showControl}
      {kinds.includes('ticket') && <HelpdeskTagFilter ws={ws} value={helpdeskTag} range={range} enabled={!reversed} onChange={(tag) => setFilters({ helpdeskTag: tag })} />}
      <DateRangeFields label="Waiting since" range={range} onChange={(next) => setFilters({ range: next })} />
    </>
  );
  const emptyState = filtered ? (
    <EmptyState
      title="Nothing waits here"
      icon="✓"
      action={
        <Button onClick={() => setFilters({ helpdeskTag: null, range: {} })}>
          Show every one
        </Button>
      }
    >
      {`No ${helpdeskTag ? `ticket with the helpdesk tag “${helpdeskTag}”` : ONE_OF[filters.show]} waits to be triaged${range.from || range.to ? ` ${describeRange(range)}` : ''}${skipped.length ? ` but the ${skipped.length} you skipped` : ''}. Choose other dates or another helpdesk tag, or show every one.`}
    </EmptyState>
  ) : (
    <EmptyState title="Inbox zero" icon="✓" action={history.length ? <Button onClick={() => void undo()}>Undo last (u)</Button> : undefined}>
      {skipped.length
        ? `Nothing left but the ${skipped.length} you skipped; reload the page to see them again.`
        : 'Every ticket and survey answer carries a tag or is linked to a problem or backlog item. New ones land here as they are imported.'}
    </EmptyState>
  );

  // The bar stays put while the queue loads: the select or date just changed keeps the focus. On a narrow
  // screen the filters fold behind a Filters button, as Search's do: open, they filled a phone's first screen.
  return (
    <div className="triage">
      <div className="triage-bar">
        <p className="triage-left" aria-live="polite">
          {queue.data && <strong>{leftWords} left</strong>}
          {skipped.length > 0 && <span className="muted"> · {skipped.length} skipped</span>}
          {handled > 0 && <span className="muted"> · {[tagged > 0 && `${tagged} tagged`, linked > 0 && `${linked} linked`].filter(Boolean).join(', ')} this session</span>}
        </p>
        <div className="row">
          {narrow ? (
            <FiltersDisclosure active={countTriageFilters({ ...filters, helpdeskTag })} panelClassName="row">
              {filterControls}
            </FiltersDisclosure>
          ) : (
            filterControls
          )}
          <TagAllButton
            ws={ws}
            helpdeskTag={helpdeskTag}
            range={range}
            count={queue.data && !reversed ? Math.max(0, (total ?? 0) - sinceFetch(done)) : null}
            onRangeChange={(next) => setFilters({ range: next })}
            onTagged={afterRun}
            createTag={createTag}
          />
        </div>
      </div>
      {handled > 0 && <ProgressBar value={handled / (handled + left)} label="Triage progress" />}
      <ErrorMessage error={failure} />
      {linking && renderLinkDialog(linkDialog(linking))}
      {reversed ? (
        <ReversedRangeNote />
      ) : queue.error ? (
        <ErrorMessage error={queue.error} />
      ) : queue.isPending || catalog.isPending || !keyTagIds || (!current && hasNextPage) ? (
        <Loading />
      ) : !current ? (
        emptyState
      ) : (
        <div className="triage-layout">
          {/* Over the item, not under the keys, so they stay in view. Named by what they show, key included: without the "l" a name is not the visible label (WCAG 2.5.3). */}
          <div className="triage-actions">
            <Button size="sm" disabled={!canLink || busy} onClick={openLink} aria-keyshortcuts="l" aria-haspopup="dialog">
              <kbd className="keyboard-hint">l</kbd> Link to problem or backlog…
            </Button>
            <Button size="sm" onClick={skip} aria-keyshortcuts="s ArrowRight">
              <kbd className="keyboard-hint">s</kbd> Skip
            </Button>
            <Button size="sm" onClick={() => void undo()} disabled={!history.length || busy} aria-keyshortcuts="u">
              <kbd className="keyboard-hint">u</kbd> Undo
            </Button>
          </div>
          <article className="card triage-item" aria-label={current.title}>
            <header className="triage-item-header">
              <h2>
                <Link to={paths.source(ws, current.id)}>{untitledHeading ?? current.title}</Link>
              </h2>
              {/* An untitled item's heading says this already. */}
              {!untitledHeading && (
                <p className="muted">
                  {SOURCE_KIND_LABELS[current.kind].one}
                  {current.customer && ` · ${customerName(current.customer)}`} · {formatDate(current.occurredAt)}
                </p>
              )}
            </header>
            {source.data && source.data.id === current.id ? renderSource(source.data) : source.error ? <ErrorMessage error={source.error} /> : <Loading />}
          </article>
          <aside className="card triage-keys" aria-label="Tag with one key">
            <h2>Tag it</h2>
            {/* A codebook starts empty: the queue still works, by linking or by making the first tag with t. */}
            {!tags.length && (
              <p className="muted">
                No tags yet. Press <kbd>t</kbd> to make the first one, or add them on the <Link to={paths.tags(ws)}>Tags page</Link>; the most used go on the keys 1–9.
              </p>
            )}
            <ol className="key-list">
              {tags.map((candidate, index) => (
                <li key={candidate.id}>
                  <Button
                    size="sm"
                    className="key-button"
                    disabled={!canTag || busy}
                    onClick={() => void tag(candidate.id, `Press ${index + 1} to try again.`)}
                    aria-keyshortcuts={String(index + 1)}
                  >
                    <kbd className="keyboard-hint">{index + 1}</kbd>
                    <TagDot color={candidate.color} />
                    {candidate.name}
                    <span className="muted">{candidate.usageCount ?? 0}</span>
                  </Button>
                </li>
              ))}
            </ol>
            {picking ? (
              renderTagPicker({
                busy,
                onPick: (tagId) => {
                  setPicking(false);
                  void tag(tagId, 'Press t to choose the tag again.');
                },
                onEscape: () => setPicking(false),
              })
            ) : (
              <Button size="sm" disabled={!canTag || busy} onClick={() => setPicking(true)} aria-keyshortcuts="t /">
                <kbd className="keyboard-hint">t</kbd> Another tag…
              </Button>
            )}
            {/* Which tags the keys hold is chosen now and then, not for each item: below them, where a short screen may hide it. */}
            {groups.length > 0 && (
              <div className="triage-key-choice">
                <label htmlFor={keysId}>Keys 1–9</label>
                <Select id={keysId} value={keyChoiceValue(keyChoice)} onChange={(event) => chooseKeys(parseKeyChoice(event.target.value))}>
                  <option value="frequent">Most used tags</option>
                  {groups.map((group) => (
                    <option key={group} value={keyChoiceValue({ kind: 'group', group })}>
                      Group: {group}
                    </option>
                  ))}
                </Select>
              </div>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}
