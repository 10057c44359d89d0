import { editDistance } from '@cairn/shared';
import { tokenize, tokenizeQuery, typosForgiven } from '../../lib/catalog-words';

/** Somewhere the palette goes that is not in the catalog: a page, a Settings page, a saved search, an action. */
export type Place = { name: string; detail?: string | null };

/** A word of the name counts twice a word of the second line, as the catalog index boosts names. */
const NAME_WEIGHT = 2;

/** A typed word against the words of a name or second line: each word it is, starts or is a few typos from counts, in that order of worth. */
function wordsScore(typed: string, words: string[]): number {
  const edits = typosForgiven(typed);
  let score = 0;
  for (const word of words) {
    if (word === typed) score += 3;
    else if (word.startsWith(typed)) score += 2;
    else if (edits > 0 && Math.abs(typed.length - word.length) <= edits && editDistance(typed, word) <= edits) score += 1;
  }
  return score;
}

/** How well a place matches every typed word (by a word of its name or of its second line), or 0 if one word matches nothing. */
function placeScore(place: Place, typedWords: string[]): number {
  const name = tokenize(place.name);
  const detail = tokenize(place.detail ?? '');
  let total = 0;
  for (const typed of typedWords) {
    const score = NAME_WEIGHT * wordsScore(typed, name) + wordsScore(typed, detail);
    if (score === 0) return 0;
    total += score;
  }
  return total;
}

/**
 * The palette's places (a few dozen, held by the page: the server sends no list of them) that
 * every typed word matches, by the catalog index's rules for words and typos, best first. A plain
 * scan in the first load rather than an index in the catalog's chunk: pages are found the moment
 * the palette opens, whether the catalog has loaded, is loading or failed.
 * `leading`: those whose name begins with what was typed ("sett", "audit l"): that page was
 * meant, and the palette keeps it above the catalog's names when they arrive.
 */
export function findPlaces<P extends Place>(places: readonly P[], text: string): { leading: P[]; others: P[] } {
  const typedWords = tokenizeQuery(text);
  if (!typedWords.length) return { leading: [], others: [] };
  const found = places
    .map((place) => ({ place, score: placeScore(place, typedWords) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score)
    .map(({ place }) => place);
  const typed = typedWords.join(' ');
  const leads = (place: P) => tokenize(place.name).join(' ').startsWith(typed);
  return { leading: found.filter(leads), others: found.filter((place) => !leads(place)) };
}
