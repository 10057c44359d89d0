/** A stretch of the body, `[start, end)` in UTF-16 code units like every offset in the reader. */
export type TextRange = { start: number; end: number };

/**
 * Most matches the find bar marks and counts: one letter in a long transcript would draw
 * thousands of marks, and the count then says "1000+".
 */
export const FIND_MATCHES_MAX = 1000;

const COMBINING_MARKS = /\p{M}/gu;
const foldedUnits = new Map<string, string>();

/** One code unit in lower case without its accents, or only lower-cased (or as it is) when folding would change its length. */
function foldUnit(unit: string): string {
  let folded = foldedUnits.get(unit);
  if (folded === undefined) {
    const bare = unit.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    const lower = unit.toLowerCase();
    folded = bare.length === 1 ? bare : lower.length === 1 ? lower : unit;
    foldedUnits.set(unit, folded);
  }
  return folded;
}

const UPPER_A = 65;
const UPPER_Z = 90;
const ASCII_END = 128;

/**
 * The text as the find bar compares it: case and accents dropped ("Élan" finds "elan"), one
 * code unit for one, so an index in the folded text is the same index in the body. What cannot
 * fold to one unit (ß, a ligature, a combining accent typed separately) is compared as it is.
 */
export function foldForFind(text: string): string {
  const units: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < ASCII_END) units[i] = code >= UPPER_A && code <= UPPER_Z ? String.fromCharCode(code + 32) : text[i]!;
    else units[i] = foldUnit(text[i]!);
  }
  return units.join('');
}

export type FindResult = { matches: TextRange[]; capped: boolean };

export const NO_MATCHES: FindResult = { matches: [], capped: false };

/**
 * Where `query` occurs in the folded body, inside the given blocks (the turns shown; ordered, not
 * overlapping) and never across two of them, since no one reads those as one passage. Matches
 * come in order and do not overlap; past `limit` the result says it was capped.
 */
export function findMatches(folded: string, query: string, blocks: readonly TextRange[], limit = FIND_MATCHES_MAX): FindResult {
  const needle = foldForFind(query);
  if (!needle.trim() || !blocks.length) return NO_MATCHES;
  const matches: TextRange[] = [];
  let block = 0;
  let at = folded.indexOf(needle, blocks[0]!.start);
  while (at >= 0) {
    while (block < blocks.length && blocks[block]!.end <= at) block++;
    const inside = blocks[block];
    if (!inside) break;
    if (at < inside.start) {
      at = folded.indexOf(needle, inside.start);
      continue;
    }
    if (at + needle.length > inside.end) {
      at = folded.indexOf(needle, at + 1);
      continue;
    }
    if (matches.length === limit) return { matches, capped: true };
    matches.push({ start: at, end: at + needle.length });
    at = folded.indexOf(needle, at + needle.length);
  }
  return { matches, capped: false };
}

/** A match of the find bar in one of the texts it searches (`text`: that text's id), at offsets of that text. */
export type FindMatch = TextRange & { text: string };

/** A place in the texts find searches: an offset in one of them. */
export type FindPosition = { text: string; offset: number };

/** A text as find searches it: folded (`foldForFind`), and the blocks inside it to search. */
export type SearchedText = { id: string; folded: string; blocks: readonly TextRange[] };

/**
 * The matches of `query` in each text, in reading order: the texts come in the order they are
 * drawn, and the count ("n of m") runs through all of them. At most `limit` in all.
 */
export function findInTexts(texts: readonly SearchedText[], query: string, limit = FIND_MATCHES_MAX): { matches: FindMatch[]; capped: boolean } {
  const matches: FindMatch[] = [];
  for (const { id, folded, blocks } of texts) {
    const found = findMatches(folded, query, blocks, limit - matches.length);
    for (const match of found.matches) matches.push({ text: id, start: match.start, end: match.end });
    if (found.capped) return { matches, capped: true };
  }
  return { matches, capped: false };
}

/**
 * The index of the first match at or after `from` in reading order (`order`: the texts' ids as
 * drawn), wrapping round to the first (-1 when there is none).
 */
export function matchIndexFrom(matches: readonly FindMatch[], from: FindPosition, order: readonly string[]): number {
  if (!matches.length) return -1;
  const rank = (text: string) => order.indexOf(text);
  const fromRank = rank(from.text);
  const before = (match: FindMatch) => {
    const matchRank = rank(match.text);
    return matchRank < fromRank || (matchRank === fromRank && match.start < from.offset);
  };
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(matches[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low === matches.length ? 0 : low;
}

/** The matches inside each block, by the block's index (matches and blocks both in order). */
export function groupByBlock(matches: readonly TextRange[], blocks: readonly TextRange[]): Map<number, TextRange[]> {
  const groups = new Map<number, TextRange[]>();
  let block = 0;
  for (const match of matches) {
    while (block < blocks.length && blocks[block]!.end < match.end) block++;
    if (block === blocks.length) break;
    if (match.start < blocks[block]!.start) continue;
    const group = groups.get(block);
    if (group) group.push(match);
    else groups.set(block, [match]);
  }
  return groups;
}
