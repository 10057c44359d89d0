import { editDistance } from '@cairn/shared';
import { withoutContractions } from './contractions.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';
import { wordsOf, positiveTerms, type ParsedQuery } from './query.js';

/**
 * Typo tolerance. The vocabulary holds the workspace's English stems (what the index holds), so
 * a typed word is stemmed too ("recieved" → "reciev") and compared stem to stem. pg_trgm finds
 * vocabulary stems sharing trigrams with it (cheap, indexed, but blind to transpositions:
 * "reciev" is as close to "recip" as to "receiv"); we keep the few closest by edit distance,
 * transpositions counting as one edit. Stems alone cannot choose between them ("verifc" is one
 * edit from both "verif" and "verifi"), so the database spells each as the real words that use
 * it, and the correction is the real word closest to the typed one ("verification").
 */

/** Words shorter than this are left alone: too many real words are one edit apart. */
export const SPELLING_MIN_LENGTH = 4;
/** A stem this common in the workspace is taken as meant, whatever it looks like. */
export const KNOWN_WORD_MIN_SOURCES = 3;
/** A rarer stem that the workspace does use is only questioned next to one this many times as common. */
const RARE_WORD_RATIO = 10;

/** Stems of one typed word compared as real words: the closest few, enough to break ties between stems. */
const STEMS_COMPARED_PER_WORD = 3;

/** One typed word, its stem, how many sources use that stem, and one similar vocabulary stem (if any). */
export type SpellingCandidate = { word: string; stem: string; ownCount: number; term: string | null; docCount: number };
type StemOption = { term: string; docCount: number; distance: number };
/** A typed word worth correcting and its closest vocabulary stems, best first. */
export type Misspelling = { word: string; stem: string; ownCount: number; options: StemOption[] };
export type Correction = { word: string; correction: string; clear: boolean };

/** The words of a query worth checking: looked for (not excluded), not in a contraction, not stop words, long enough, letters only. */
export function wordsToCheck(query: ParsedQuery): string[] {
  const words = positiveTerms(query).flatMap((term) => wordsOf(withoutContractions(term.text)));
  return [...new Set(words.filter((word) => word.length >= SPELLING_MIN_LENGTH && !ENGLISH_STOP_WORDS.has(word) && /^\p{L}+$/u.test(word)))];
}

/** How many edits a stem of this length may be away from its correction. */
const allowedEdits = (stem: string) => (stem.length <= 5 ? 1 : stem.length <= 9 ? 2 : 3);

/**
 * The words worth correcting with their closest stems. A word the workspace never uses gets
 * the stems within a few edits; a word it rarely uses only stems far more common.
 */
export function findMisspellings(candidates: readonly SpellingCandidate[]): Misspelling[] {
  const byWord = new Map<string, SpellingCandidate[]>();
  for (const candidate of candidates) byWord.set(candidate.word, [...(byWord.get(candidate.word) ?? []), candidate]);
  const misspellings: Misspelling[] = [];
  for (const [word, rows] of byWord) {
    const { stem, ownCount } = rows[0]!;
    if (ownCount >= KNOWN_WORD_MIN_SOURCES) continue;
    const options = rows
      .flatMap((row) => (row.term && row.term !== stem ? [{ term: row.term, docCount: row.docCount, distance: editDistance(stem, row.term) }] : []))
      .filter((row) => row.distance <= allowedEdits(stem) && row.docCount >= Math.max(1, RARE_WORD_RATIO * ownCount))
      .sort((a, b) => a.distance - b.distance || b.docCount - a.docCount || a.term.localeCompare(b.term))
      .slice(0, STEMS_COMPARED_PER_WORD);
    if (options.length) misspellings.push({ word, stem, ownCount, options });
  }
  return misspellings;
}

/**
 * The correction of each misspelling: of the real words spelling its stems (`wordsByStem`), the
 * closest to the typed word, then the one whose stem ranked first. Stems without a real word
 * are never offered — a word glued from a stem and a typed ending may not exist. A correction
 * is `clear` — searched for automatically — when the typed word is used nowhere and no other
 * stem's word is as close, or the best is far more used than an equally close one.
 */
export function chooseCorrections(misspellings: readonly Misspelling[], wordsByStem: ReadonlyMap<string, readonly string[]>): Correction[] {
  return misspellings.flatMap(({ word, ownCount, options }) => {
    const ranked = options
      .map((option, rank) => {
        const spellings = (wordsByStem.get(option.term) ?? []).filter((spelling) => spelling !== word);
        const [closest] = spellings.map((spelling) => ({ spelling, distance: editDistance(word, spelling) })).sort((a, b) => a.distance - b.distance || a.spelling.localeCompare(b.spelling));
        return closest && { ...closest, rank, docCount: option.docCount };
      })
      .filter((option) => option !== undefined)
      .sort((a, b) => a.distance - b.distance || a.rank - b.rank);
    const [best, runnerUp] = ranked;
    if (!best) return [];
    const clear = ownCount === 0 && (!runnerUp || runnerUp.distance > best.distance || best.docCount >= 5 * runnerUp.docCount);
    return [{ word, correction: best.spelling, clear }];
  });
}
