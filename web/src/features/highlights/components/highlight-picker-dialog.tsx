import { useEffect, useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { customerName, SEARCH_QUERY_MAX_LENGTH, titleRepeatsText, type HighlightListItem, type SearchResult } from '@cairn/shared';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { FormDialog } from '../../../components/form-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { formatDate } from '../../../lib/dates';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { textStart } from '../../../lib/source-titles';
import { useHighlightIdsMatching, useHighlights, type HighlightFilters } from '../api/list-highlights';
import { useHighlightSearch } from '../api/search-highlights';

/** Words are looked up once typing pauses, not on every key. */
const SEARCH_DEBOUNCE_MS = 300;

/** Where a quote comes from, in one line: its source (the kind alone when the title is the quote again), who said it, when. */
export function quoteOrigin(item: Pick<HighlightListItem, 'quote' | 'source' | 'customer'>): string {
  const kind = SOURCE_KIND_LABELS[item.source.kind].one;
  const source = titleRepeatsText(item.source.title, item.quote) ? kind : `${kind} “${item.source.title}”`;
  const customer = item.customer && [customerName(item.customer), item.customer.company?.name].filter(Boolean).join(' · ');
  return [source, customer, formatDate(item.source.occurredAt)].filter(Boolean).join(' · ');
}

/** A workspace without a highlight has nothing to pick: how highlights are made, each place a link away. */
function NoHighlightsYet({ ws }: { ws: string }) {
  return (
    <EmptyState title="No highlights yet" icon="✎">
      <p>Evidence is made of highlights: the passages that matter in what customers said.</p>
      <p>
        Open a source from the <Link to={paths.inbox(ws)}>Inbox</Link>, select a passage and press <kbd>h</kbd>; in the{' '}
        <Link to={paths.triage(ws)}>Triage queue</Link>, a number key tags a whole ticket or survey answer as one. Nothing to read yet?{' '}
        <Link to={paths.imports(ws)}>Import</Link> interviews, tickets or survey answers first.
      </p>
    </EmptyState>
  );
}

/** A quote to pick: its id, its text (or the found passage of it), and where it comes from. */
type Quote = { id: string; text: string; origin: string };

const quoteOfItem = (item: HighlightListItem): Quote => ({ id: item.id, text: item.quote, origin: quoteOrigin(item) });

/** A highlight found by search: the passage around its matches, with "…" where the quote goes on. */
function quoteOfResult(result: SearchResult): Quote {
  const [start, end] = result.range ?? [result.snippetStart, result.snippetStart + result.snippet.length];
  const text = `${result.snippetStart > start ? '…' : ''}${result.snippet}${result.snippetStart + result.snippet.length < end ? '…' : ''}`;
  const source = { id: result.sourceId, title: result.title, kind: result.kind, occurredAt: result.occurredAt };
  return { id: result.id, text, origin: quoteOrigin({ quote: result.snippet, source, customer: result.customer }) };
}

function PickableQuote({ item, added, picked, onToggle }: { item: Quote; added: boolean; picked: boolean; onToggle: () => void }) {
  const id = useId();
  return (
    <li className={`card highlight-card${picked || added ? ' selected' : ''}`}>
      <input
        id={id}
        type="checkbox"
        className="highlight-check"
        checked={picked || added}
        disabled={added}
        onChange={onToggle}
        aria-label={`Pick “${textStart(item.text.replace(/^…/, ''))}”`}
        aria-describedby={`${id}-origin${added ? ` ${id}-added` : ''}`}
      />
      <label htmlFor={id} className="highlight-card-body">
        <span className="highlight-quote">{item.text}</span>
        <span id={`${id}-origin`} className="muted small">
          {item.origin}
        </span>
      </label>
      {added && (
        <span id={`${id}-added`} className="badge highlight-pick-added">
          Linked
        </span>
      )}
    </li>
  );
}

export type HighlightPickerDialogProps = {
  ws: string;
  title: string;
  /** What becomes of the quotes picked, above the search box. */
  intro: ReactNode;
  /** The highlights that are there already, as a filter of the list (`{ insightId }`): shown as linked, not offered again. */
  addedTo: HighlightFilters;
  busy: boolean;
  error: unknown;
  onPick: (highlightIds: string[]) => void;
  onClose: () => void;
};

/**
 * Pick quotes from every highlight in the workspace, newest first, or found by their words
 * through search (quote, note and tag names): best match first, word forms and typos forgiven,
 * with its "did you mean"; each shown with its source and customer. ↓/↑ walk from the box
 * through the quotes, Space picks, Enter adds them all at once.
 */
export function HighlightPickerDialog({ ws, title, intro, addedTo, busy, error, onPick, onClose }: HighlightPickerDialogProps) {
  const [text, setText] = useState('');
  const [words, setWords] = useState('');
  // Picks outlive a new search: quotes found by different words are added together.
  const [picked, setPicked] = useState<readonly string[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setWords(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const newest = useHighlights(ws, {}, !words);
  const found = useHighlightSearch(ws, words);
  const highlights = words ? found : newest;
  const first = found.data?.pages[0];
  const items = words
    ? (found.data?.pages.flatMap((page) => page.items.map(quoteOfResult)) ?? [])
    : (newest.data?.pages.flatMap((page) => page.items.map(quoteOfItem)) ?? []);
  const total = (words ? first?.total : newest.data?.pages[0]?.total) ?? 0;
  const correct = (to: string) => {
    setText(to);
    setWords(to);
  };
  const added = useHighlightIdsMatching(ws, addedTo, items.map((item) => item.id));
  // One that shows as linked once its answer came is not sent again.
  const toAdd = picked.filter((id) => !added.has(id));
  const toggle = (id: string) => setPicked((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (toAdd.length && !busy) onPick(toAdd);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const stops = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="search"], .highlight-check:not(:disabled)')];
      const at = stops.indexOf(target as HTMLInputElement);
      const next = at === -1 ? undefined : stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
      if (!next) return;
      event.preventDefault();
      next.focus();
    } else if (event.key === 'Enter' && target.matches('.highlight-check')) {
      // A checkbox does not submit its form on Enter as a text box does.
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  return (
    <FormDialog
      title={title}
      submitLabel={toAdd.length ? `Add ${countOf(toAdd.length, 'highlight')}` : 'Add highlights'}
      busy={busy}
      submitDisabled={!toAdd.length}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onClose={onClose}
    >
      <p className="muted target-intro">{intro}</p>
      <Field label="Words">
        {(props) => (
          <TextInput
            {...props}
            type="search"
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            placeholder="quote, note or tag…"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      {words && first?.didYouMean && (
        <p className="muted small" role="status">
          {first.includesCorrection ? 'Including highlights for ' : 'Did you mean '}
          <Button variant="ghost" size="sm" onClick={() => correct(first.didYouMean!)}>
            {first.didYouMean}
          </Button>
          {first.includesCorrection ? '.' : '?'}
        </p>
      )}
      {highlights.isPending ? (
        <Loading label="Loading highlights…" />
      ) : !highlights.data ? (
        <ErrorMessage error={highlights.error} />
      ) : !items.length ? (
        words ? (
          <p className="muted">Nothing matches “{words}”: try fewer words, or other ones.</p>
        ) : (
          <NoHighlightsYet ws={ws} />
        )
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {words && first?.totalIsEstimate ? 'About ' : ''}
            {countOf(total, 'highlight')}
            {words ? (total === 1 ? ' matches' : ' match') : ', newest first'}
          </p>
          <ul className="highlight-list highlight-picker-list" aria-label="Highlights">
            {items.map((item) => (
              <PickableQuote key={item.id} item={item} added={added.has(item.id)} picked={picked.includes(item.id)} onToggle={() => toggle(item.id)} />
            ))}
          </ul>
          <LoadMore query={highlights} label="Load more highlights" />
        </>
      )}
      <p className="popover-hint muted" aria-live="polite">
        {busy ? (
          'Adding…'
        ) : (
          <span className="keyboard-hint">
            <kbd>↓</kbd> to the quotes · <kbd>Space</kbd> picks · <kbd>Enter</kbd> adds the picked · <kbd>Esc</kbd> closes
          </span>
        )}
      </p>
      <ErrorMessage error={error} />
    </FormDialog>
  );
}
