import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Highlight, Source, SourceKind, SourceSummary } from '@cairn/shared';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Select } from '../../../components/field';
import { ProgressBar } from '../../../components/progress-bar';
import { Loading } from '../../../components/spinner';
import { TagDot } from '../../../components/tag-chip';
import { frequentTags, useCatalog } from '../../../lib/catalog';
import { formatDate } from '../../../lib/dates';
import { isTypingTarget, useDocumentKeyDown } from '../../../lib/keyboard';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { TRIAGE_KINDS, useUntaggedSources } from '../api/list-untagged-sources';

/** Number keys 1–9: one per frequent tag. */
const TAG_KEYS = 9;
const KIND_FILTERS: Record<string, { label: string; kinds: readonly SourceKind[] }> = {
  all: { label: 'Tickets and survey answers', kinds: TRIAGE_KINDS },
  ticket: { label: 'Tickets', kinds: ['ticket'] },
  survey_response: { label: 'Survey answers', kinds: ['survey_response'] },
};

type Step = { kind: 'tag'; item: SourceSummary; highlight: Highlight } | { kind: 'skip'; sourceId: string };

export type TriageQueueProps = {
  ws: string;
  /** How to load one source (the reader's query, so a prefetched item is the one shown). */
  sourceQuery: (id: string) => { queryKey: readonly unknown[]; queryFn: () => Promise<Source> };
  renderSource: (source: Source) => ReactNode;
  /** Tags the whole source with one tag (a whole-source highlight). */
  tagWhole: (sourceId: string, tagId: string) => Promise<Highlight>;
  /** Undoes `tagWhole` (the highlight goes to the trash). */
  untag: (highlight: Highlight) => Promise<unknown>;
  canTag: boolean;
};

/**
 * One untagged ticket or survey answer at a time, oldest first: a number key tags it whole,
 * `s` or → skips, `u` undoes. The next item is fetched ahead so it shows at once.
 */
export function TriageQueue({ ws, sourceQuery, renderSource, tagWhole, untag, canTag }: TriageQueueProps) {
  const filterId = useId();
  const [filter, setFilter] = useState('all');
  const kinds = KIND_FILTERS[filter]!.kinds;
  const queue = useUntaggedSources(ws, kinds);
  const catalog = useCatalog(ws);
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [history, setHistory] = useState<Step[]>([]);
  /** Items whose tagging was undone: back at the front at once, before the queue is fetched again (it no longer holds them). */
  const [restored, setRestored] = useState<SourceSummary[]>([]);
  const [busy, setBusy] = useState(false);
  /** The last tag or undo that failed, shown until the next one works; the queue and the undo history stay as they were. */
  const [failure, setFailure] = useState<Error | null>(null);

  const queued = queue.data?.items ?? [];
  const waiting = [...restored.filter((item) => !queued.some((other) => other.id === item.id)), ...queued].filter(
    (item) => !done.includes(item.id) && !skipped.includes(item.id),
  );
  const current = waiting[0];
  const next = waiting[1];
  const source = useQuery({ ...sourceQuery(current?.id ?? ''), enabled: !!current });
  // The keys keep their tags for the whole session, even as usage counts change underneath.
  const [keyTagIds, setKeyTagIds] = useState<string[] | null>(null);
  useEffect(() => {
    if (!keyTagIds && catalog.data) setKeyTagIds(frequentTags(catalog.data, TAG_KEYS).map((t) => t.id));
  }, [catalog.data, keyTagIds]);
  const tags = (keyTagIds ?? []).map((id) => catalog.data?.tags.find((t) => t.id === id)).filter((t) => t !== undefined);

  useEffect(() => {
    if (next) void queryClient.prefetchQuery(sourceQuery(next.id));
  }, [next, queryClient, sourceQuery]);

  const tag = async (index: number) => {
    const chosen = tags[index];
    if (!current || !chosen || busy || !canTag) return;
    setBusy(true);
    try {
      const highlight = await tagWhole(current.id, chosen.id);
      setDone((ids) => [...ids, current.id]);
      setHistory((steps) => [...steps, { kind: 'tag', item: current, highlight }]);
      setFailure(null);
    } catch (error) {
      setFailure(new Error(`Could not tag “${current.title}”: ${(error as Error).message} Press ${index + 1} to try again.`));
    } finally {
      setBusy(false);
    }
  };
  const skip = () => {
    if (!current) return;
    setSkipped((ids) => [...ids, current.id]);
    setHistory((steps) => [...steps, { kind: 'skip', sourceId: current.id }]);
  };
  // The step leaves the history only once undone: a failed undo stays there, and u tries it again.
  const undo = async () => {
    const last = history.at(-1);
    if (!last || busy) return;
    if (last.kind === 'tag') {
      setBusy(true);
      try {
        await untag(last.highlight);
      } catch (error) {
        setFailure(new Error(`Could not undo tagging “${last.item.title}”: ${(error as Error).message} Press u to try again.`));
        return;
      } finally {
        setBusy(false);
      }
      setDone((ids) => ids.filter((id) => id !== last.item.id));
      setRestored((items) => [last.item, ...items.filter((item) => item.id !== last.item.id)]);
    } else {
      setSkipped((ids) => ids.filter((id) => id !== last.sourceId));
    }
    setHistory((steps) => steps.slice(0, -1));
    setFailure(null);
  };

  useDocumentKeyDown((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    const number = Number(event.key);
    if (Number.isInteger(number) && number >= 1 && number <= TAG_KEYS) void tag(number - 1);
    else if (event.key === 's' || event.key === 'ArrowRight') skip();
    else if (event.key === 'u') void undo();
    else return;
    event.preventDefault();
  });

  if (queue.isPending || catalog.isPending || !keyTagIds) return <Loading />;
  if (queue.error) return <ErrorMessage error={queue.error} />;

  const more = queue.data.nextCursor ? '+' : '';
  const handled = done.length;
  const filterControl = (
    <div className="row triage-filter">
      <label htmlFor={filterId}>Show</label>
      <Select id={filterId} value={filter} onChange={(event) => (setFilter(event.target.value), setDone([]), setSkipped([]), setHistory([]), setRestored([]))}>
        {Object.entries(KIND_FILTERS).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </div>
  );

  if (!tags.length) {
    return (
      <EmptyState title="Create a few tags first" icon="#">
        Triage applies your most used tags with the number keys 1–9. Add tags on the <Link to={paths.tags(ws)}>Tags page</Link>, or tag a few passages in any
        source.
      </EmptyState>
    );
  }

  return (
    <div className="triage">
      <div className="triage-bar">
        <p className="triage-left" aria-live="polite">
          <strong>
            {waiting.length}
            {more} left
          </strong>
          {skipped.length > 0 && <span className="muted"> · {skipped.length} skipped</span>}
          {handled > 0 && <span className="muted"> · {handled} tagged this session</span>}
        </p>
        {filterControl}
      </div>
      {handled > 0 && <ProgressBar value={handled / (handled + waiting.length)} label="Triage progress" />}
      <ErrorMessage error={failure} />
      {!current ? (
        <EmptyState title="Inbox zero" icon="✓" action={history.length ? <Button onClick={() => void undo()}>Undo last (u)</Button> : undefined}>
          {skipped.length
            ? `Nothing left but the ${skipped.length} you skipped; reload the page to see them again.`
            : 'Every ticket and survey answer carries a tag. New ones land here as they are imported.'}
        </EmptyState>
      ) : (
        <div className="triage-layout">
          <article className="card triage-item" aria-label={current.title}>
            <header className="triage-item-header">
              <h2>
                <Link to={paths.source(ws, current.id)}>{current.title}</Link>
              </h2>
              <p className="muted">
                {SOURCE_KIND_LABELS[current.kind].one}
                {current.customer && ` · ${current.customer.name ?? current.customer.email}`} · {formatDate(current.occurredAt)}
              </p>
            </header>
            {source.data && source.data.id === current.id ? renderSource(source.data) : source.error ? <ErrorMessage error={source.error} /> : <Loading />}
          </article>
          <aside className="card triage-keys" aria-label="Tag with one key">
            <h2>Tag it</h2>
            <ol className="key-list">
              {tags.map((candidate, index) => (
                <li key={candidate.id}>
                  <Button size="sm" className="key-button" disabled={!canTag || busy} onClick={() => void tag(index)} aria-keyshortcuts={String(index + 1)}>
                    <kbd>{index + 1}</kbd>
                    <TagDot color={candidate.color} />
                    {candidate.name}
                    <span className="muted">{candidate.usageCount ?? 0}</span>
                  </Button>
                </li>
              ))}
            </ol>
            <div className="row">
              <Button size="sm" onClick={skip} aria-keyshortcuts="s ArrowRight">
                <kbd>s</kbd> Skip
              </Button>
              <Button size="sm" onClick={() => void undo()} disabled={!history.length || busy} aria-keyshortcuts="u">
                <kbd>u</kbd> Undo
              </Button>
            </div>
          </aside>
        </div>
      )}
    </div>
  );
}
