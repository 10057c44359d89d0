import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { findInTexts, findMatches, foldForFind, matchIndexFrom, type FindMatch, type FindPosition, type SearchedText, type TextRange } from '../lib/find-in-text';
import { BODY_TEXT, type ContextText, type ContextTexts } from '../lib/reader-texts';

export type FindInSource = {
  open: boolean;
  query: string;
  setQuery: (query: string) => void;
  /** Matches in the texts shown, in reading order (at most `FIND_MATCHES_MAX`; `capped` when there were more). */
  matches: FindMatch[];
  capped: boolean;
  /** The match stepped to, and its index in `matches`. */
  current: FindMatch | null;
  index: number;
  /** Matches in turns the speaker filter hides, not counted in `matches`. */
  hidden: number;
  /** Opens the bar; the first match at or after `from` becomes the current one. */
  start: (from: FindPosition, query?: string) => void;
  step: (by: 1 | -1) => void;
  close: () => void;
};

const NO_RESULT = { matches: [] as FindMatch[], capped: false };

const searchedWhole = ({ id, text }: ContextText): SearchedText => ({ id, folded: foldForFind(text), blocks: [{ start: 0, end: text.length }] });

/**
 * The reader's find bar: matches of the query in the body's blocks `shown` (of `all`, the rest
 * being turns filtered out) and in the context texts drawn around the body (a ticket's replies),
 * in the order they are drawn. Matching follows a deferred copy of the query, so typing stays
 * quick on a long transcript and only the turns whose matches change draw again.
 */
export function useFindInSource(body: string, shown: readonly TextRange[], all: readonly TextRange[], context: ContextTexts): FindInSource {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  // The current match is the first at or after this place: where find opened, then each match
  // stepped to; typing on narrows the query from there, as a browser's find does.
  const [from, setFrom] = useState<FindPosition>({ text: BODY_TEXT, offset: 0 });
  const deferredQuery = useDeferredValue(query);
  const folded = useMemo(() => (open ? foldForFind(body) : null), [open, body]);
  const texts = useMemo(
    () => (folded === null ? null : [...context.before.map(searchedWhole), { id: BODY_TEXT, folded, blocks: shown }, ...context.after.map(searchedWhole)]),
    [folded, context, shown],
  );
  const order = useMemo(() => [...context.before.map((text) => text.id), BODY_TEXT, ...context.after.map((text) => text.id)], [context]);
  const result = useMemo(() => (texts ? findInTexts(texts, deferredQuery) : NO_RESULT), [texts, deferredQuery]);
  const everywhere = useMemo(() => (folded && shown !== all ? findMatches(folded, deferredQuery, all) : null), [folded, deferredQuery, shown, all]);
  const shownInBody = everywhere ? result.matches.filter((match) => match.text === BODY_TEXT).length : 0;
  const hidden = everywhere && !everywhere.capped && !result.capped ? everywhere.matches.length - shownInBody : 0;
  const index = matchIndexFrom(result.matches, from, order);
  const { matches } = result;

  const step = useCallback(
    (by: 1 | -1) => {
      const next = matches[(index + by + matches.length) % matches.length];
      if (next) setFrom({ text: next.text, offset: next.start });
    },
    [index, matches],
  );
  const start = useCallback((position: FindPosition, text?: string) => {
    setOpen(true);
    setFrom(position);
    if (text !== undefined) setQuery(text);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  return { open, query, setQuery, matches, capped: result.capped, current: matches[index] ?? null, index, hidden, start, step, close };
}
