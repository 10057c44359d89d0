import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { findMatches, foldForFind, matchIndexFrom, NO_MATCHES, type TextRange } from '../lib/find-in-text';

export type FindInSource = {
  open: boolean;
  query: string;
  setQuery: (query: string) => void;
  /** Matches in the text shown, in order (at most `FIND_MATCHES_MAX`; `capped` when there were more). */
  matches: TextRange[];
  capped: boolean;
  /** The match stepped to, and its index in `matches`. */
  current: TextRange | null;
  index: number;
  /** Matches in turns the speaker filter hides, not counted in `matches`. */
  hidden: number;
  /** Opens the bar; the first match at or after `from` (a body offset) becomes the current one. */
  start: (from: number, query?: string) => void;
  step: (by: 1 | -1) => void;
  close: () => void;
};

/**
 * The reader's find bar: matches of the query in the blocks `shown` (of `all`, the rest being
 * turns filtered out). Matching follows a deferred copy of the query, so typing stays quick on a
 * long transcript and only the turns whose matches change draw again.
 */
export function useFindInSource(body: string, shown: readonly TextRange[], all: readonly TextRange[]): FindInSource {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  // The current match is the first at or after this offset: where find opened, then each match
  // stepped to; typing on narrows the query from there, as a browser's find does.
  const [from, setFrom] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const folded = useMemo(() => (open ? foldForFind(body) : null), [open, body]);
  const result = useMemo(() => (folded ? findMatches(folded, deferredQuery, shown) : NO_MATCHES), [folded, deferredQuery, shown]);
  const everywhere = useMemo(() => (folded && shown !== all ? findMatches(folded, deferredQuery, all) : null), [folded, deferredQuery, shown, all]);
  const hidden = everywhere && !everywhere.capped && !result.capped ? everywhere.matches.length - result.matches.length : 0;
  const index = matchIndexFrom(result.matches, from);
  const { matches } = result;

  const step = useCallback(
    (by: 1 | -1) => {
      const next = matches[(index + by + matches.length) % matches.length];
      if (next) setFrom(next.start);
    },
    [index, matches],
  );
  const start = useCallback((offset: number, text?: string) => {
    setOpen(true);
    setFrom(offset);
    if (text !== undefined) setQuery(text);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  return { open, query, setQuery, matches, capped: result.capped, current: matches[index] ?? null, index, hidden, start, step, close };
}
