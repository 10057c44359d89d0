import type { CharRange } from '@cairn/shared';

/**
 * Snippets are plain text plus match ranges, never HTML: PostgreSQL's `ts_headline` marks the
 * matches with two control characters (STX, ETX) that have no business in text (we replace
 * them in the text first), and we turn the marks into `[start, end)` ranges of the snippet.
 * (Private-use characters would do on PostgreSQL, but PGlite's option parser drops them.)
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MinWords=18, MaxWords=40, ShortWord=2`;

/**
 * `ts_headline` reads the whole text it is given, so long transcripts are cut to a window
 * around the likeliest match first; a ticket usually fits whole.
 */
export const SNIPPET_WINDOW_LENGTH = 1_500;

/** Replaces the marker characters (same length, so offsets stay true). */
export function neutralizeMarkers(text: string): string {
  return text.replace(/[\u0002\u0003]/g, '\uFFFD');
}

/** The unmarked text and where the marks were. */
export function readMarkedText(marked: string): { text: string; matches: CharRange[] } {
  let text = '';
  const matches: CharRange[] = [];
  let open: number | null = null;
  for (const char of marked) {
    if (char === MATCH_START) open = text.length;
    else if (char === MATCH_END) {
      if (open !== null && text.length > open) {
        const previous = matches.at(-1);
        // "credit card" comes back as two marked words; one range reads better.
        if (previous && /^\s*$/.test(text.slice(previous[1], open))) previous[1] = text.length;
        else matches.push([open, text.length]);
      }
      open = null;
    } else text += char;
  }
  return { text, matches };
}

/**
 * What a stem looks like at the start of the words it came from: English stems are prefixes of
 * their words except for a final `i` (happy → happi) or an added `e` (hoping → hope).
 */
export function stemPrefixes(lexemes: readonly string[]): string[] {
  const prefixes = lexemes.map((lexeme) => (lexeme.length > 3 && /[ie]$/.test(lexeme) ? lexeme.slice(0, -1) : lexeme));
  return [...new Set(prefixes.filter((prefix) => prefix.length >= 2))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The `[start, end)` window of `text` most worth showing: where the most different query stems
 * start a word within half a window. A cheap guess for `ts_headline`, which then marks exactly.
 */
export function chooseSnippetWindow(text: string, prefixes: readonly string[], length = SNIPPET_WINDOW_LENGTH): CharRange {
  if (text.length <= length) return [0, text.length];
  const hits: Array<{ at: number; prefix: number }> = [];
  prefixes.forEach((prefix, index) => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(prefix)}`, 'giu');
    for (const match of text.matchAll(pattern)) hits.push({ at: match.index, prefix: index });
  });
  hits.sort((a, b) => a.at - b.at);
  let best = hits[0]?.at ?? 0;
  let bestCount = 0;
  const reach = length / 2;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.at < hits[i]!.at + reach) j++;
    const distinct = new Set(hits.slice(i, j).map((hit) => hit.prefix)).size;
    if (distinct > bestCount) {
      bestCount = distinct;
      best = hits[i]!.at;
    }
  }
  let start = Math.max(0, Math.min(best - Math.floor(length / 4), text.length - length));
  // Start on a word boundary, and never inside a surrogate pair.
  const space = text.lastIndexOf(' ', start);
  if (space !== -1 && start - space < 40) start = space + 1;
  else if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start += 1;
  return [start, Math.min(text.length, start + length)];
}

/** Where the snippet sits in the window it was cut from (ts_headline returns a contiguous piece of it). */
export function locateSnippet(window: string, snippet: string): number {
  const at = window.indexOf(snippet);
  return at === -1 ? 0 : at;
}
