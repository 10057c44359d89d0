import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { customerName, titleRepeatsText, type SearchResult } from '@cairn/shared';
import { TagChips } from '../../../components/tag-chip';
import { formatDate } from '../../../lib/dates';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { SourceLinkLabel } from '../../../lib/source-titles';
import { MarkedSnippet } from './marked-snippet';

/**
 * Where a result opens: the highlight itself, or the source at its first marked match
 * (`#at-<start>-<end>`, body offsets), or where the snippet starts when nothing in it is marked.
 */
export function resultLink(ws: string, result: SearchResult): string {
  const [first] = result.matches;
  const place = first ? `${result.snippetStart + first[0]}-${result.snippetStart + first[1]}` : String(result.snippetStart);
  return `${paths.source(ws, result.sourceId)}#${result.type === 'highlight' ? `h-${result.id}` : `at-${place}`}`;
}

/**
 * The checkbox's name: a source and a highlight in it share a title, as do highlights of one
 * source, so it says which kind the result is and how its text begins (and the title only when
 * it is not that text again: a ticket without a subject).
 */
function selectLabel(result: SearchResult): string {
  const kind = SOURCE_KIND_LABELS[result.kind].one.toLowerCase();
  const text = result.snippet.replace(/\s+/g, ' ').trim().slice(0, 60);
  if (titleRepeatsText(result.title, result.snippet)) return `Select ${result.type === 'highlight' ? `the highlight in the ${kind}` : `the ${kind}`}: ${text}`;
  const what = result.type === 'highlight' ? 'the highlight in' : `the ${kind}`;
  return `Select ${what} “${result.title}”: ${text}`;
}

type Props = {
  ws: string;
  result: SearchResult;
  selectable: boolean;
  selected: boolean;
  onSelect: (event: MouseEvent<HTMLInputElement>) => void;
  /** Called as the result opens in the reader. */
  onOpen: () => void;
  /** Results sorted by date lead with it. */
  dated?: boolean;
  /** A highlight of its source's whole body (`foldWholeHighlights`): it stands for the source too. */
  whole?: boolean;
};

export function ResultItem({ ws, result, selectable, selected, onSelect, onOpen, dated = false, whole = false }: Props) {
  const customer = result.customer && customerName(result.customer);
  const date = (
    <time dateTime={result.occurredAt} className={dated ? 'search-result-date' : undefined}>
      {formatDate(result.occurredAt)}
    </time>
  );
  return (
    <article className={`search-result${selected ? ' search-result-selected' : ''}`} tabIndex={-1} data-result-id={result.id}>
      {selectable && (
        <input type="checkbox" className="search-result-check" checked={selected} onClick={onSelect} onChange={() => {}} aria-label={selectLabel(result)} />
      )}
      <div className="search-result-body">
        <header className="search-result-header">
          {dated && date}
          <span className={`badge search-type search-type-${result.type}`}>{result.type === 'highlight' ? 'Highlight' : SOURCE_KIND_LABELS[result.kind].one}</span>
          <Link to={resultLink(ws, result)} className="search-result-title" onClick={onOpen}>
            <SourceLinkLabel source={result} text={result.snippet} />
          </Link>
        </header>
        <MarkedSnippet text={result.snippet} matches={result.matches} clipped={result.snippetStart > 0 && result.type === 'source'} />
        <footer className="search-result-meta">
          {customer && <span>{customer}{result.customer?.company ? ` · ${result.customer.company.name}` : ''}</span>}
          {!dated && date}
          {result.type === 'highlight' && (
            <span className="muted">
              {whole ? 'the whole' : 'in'} {SOURCE_KIND_LABELS[result.kind].one.toLowerCase()}
            </span>
          )}
          {result.wholeHighlightId && <span className="muted">highlighted as a whole</span>}
          <TagChips tags={result.tags} />
        </footer>
      </div>
    </article>
  );
}
