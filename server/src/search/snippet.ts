import type { CharRange } from '@cairn/shared';

/**
 * Snippets are plain text plus match ranges, never HTML. They are cut here rather than by
 * `ts_headline`, which re-parses and re-stems every word of every result (~300 µs for a
 * 600-character ticket, seconds for a long transcript): we look for words that start like a
 * query stem (cheap, in JavaScript), have PostgreSQL stem only those distinct words, keep the
 * ones whose stem is in the query, and cut the snippet around the densest run of them.
 */
export const SNIPPET_LENGTH = 280;
/** Context kept before the first match of a snippet. */
const LEAD = 60;

export type WordAt = { word: string; start: number; end: number };

/**
 * What a stem looks like at the start of the words it came from: English stems are prefixes of
 * their words except for a final `i` (happy → happi) or an added `e` (hoping → hope).
 */
export function stemPrefixes(lexemes: readonly string[]): string[] {
  const prefixes = lexemes.map((lexeme) => (lexeme.length > 3 && /[ie]$/.test(lexeme) ? lexeme.slice(0, -1) : lexeme));
  return [...new Set(prefixes.filter((prefix) => prefix.length >= 2))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** At a word's start: no letter or digit, of any script, right before (sticky: tested at `lastIndex`). */
const AT_WORD_START = /(?<![\p{L}\p{N}])/uy;
/** The letters and digits from `lastIndex` on: the rest of a word (sticky). */
const REST_OF_WORD = /[\p{L}\p{N}]*/uy;

/**
 * Finds the words of a text that begin with one of the prefixes (lower-cased), where they are.
 * One pattern serves a whole page of results, and it holds only the prefixes: a pattern with
 * Unicode letter classes costs ~0.8 ms to compile, and each query has its own prefixes (ADR 005),
 * so word boundaries are checked with the two patterns above, compiled once.
 */
export function candidateWordFinder(prefixes: readonly string[]): (text: string) => WordAt[] {
  if (!prefixes.length) return () => [];
  const pattern = new RegExp(prefixes.map(escapeRegExp).join('|'), 'giu');
  return (text) => {
    const words: WordAt[] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      AT_WORD_START.lastIndex = start;
      if (!AT_WORD_START.test(text)) {
        // Inside a word: look again from the next character, where another word may start.
        pattern.lastIndex = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
        continue;
      }
      REST_OF_WORD.lastIndex = start + match[0].length;
      REST_OF_WORD.test(text);
      const end = REST_OF_WORD.lastIndex;
      words.push({ word: text.slice(start, end).toLowerCase(), start, end });
      pattern.lastIndex = end;
    }
    return words;
  };
}

/** Moves `at` back (or forward) to the nearest word boundary, never into a surrogate pair. */
function snapToBoundary(text: string, at: number, direction: -1 | 1): number {
  let position = Math.max(0, Math.min(text.length, at));
  const limit = 30;
  for (let step = 0; step < limit && position > 0 && position < text.length; step++) {
    if (/\s/.test(text[position - 1]!) || /\s/.test(text[position]!)) break;
    position += direction;
  }
  if (/[\uDC00-\uDFFF]/.test(text[position] ?? '')) position += direction === 1 ? 1 : -1;
  return position;
}

/**
 * The snippet: `length` characters around the stretch where the most different matches meet,
 * preferring matches side by side (the start of the text when nothing matched), with the
 * matches as ranges into it. Adjacent matches ("credit card") become one range.
 */
export function cutSnippet(text: string, matches: readonly WordAt[], length = SNIPPET_LENGTH): { snippet: string; snippetStart: number; matches: CharRange[] } {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  // Words next to each other are likely the phrase that was searched for.
  const adjacent = sorted.map((match, k): number => {
    const next = sorted[k + 1];
    return next !== undefined && /^\s+$/.test(text.slice(match.end, next.start)) ? 1 : 0;
  });
  let best = 0;
  let bestScore = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]!.end <= sorted[i]!.start + length - LEAD) j++;
    const inside = sorted.slice(i, j);
    const pairs = adjacent.slice(i, Math.max(i, j - 1)).reduce((sum, pair) => sum + pair, 0);
    const score = new Set(inside.map((m) => m.word)).size * 10_000 + pairs * 100 + inside.length;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const anchor = sorted[best]?.start ?? 0;
  const start = text.length <= length ? 0 : snapToBoundary(text, Math.min(Math.max(0, anchor - LEAD), text.length - length), 1);
  const end = start + length >= text.length ? text.length : snapToBoundary(text, start + length, -1);
  const snippet = text.slice(start, end);
  const ranges: CharRange[] = [];
  for (const match of sorted) {
    if (match.start < start || match.end > end) continue;
    const range: CharRange = [match.start - start, match.end - start];
    const previous = ranges.at(-1);
    if (previous && /^\s+$/.test(snippet.slice(previous[1], range[0]))) previous[1] = range[1];
    else ranges.push(range);
  }
  return { snippet, snippetStart: start, matches: ranges };
}
