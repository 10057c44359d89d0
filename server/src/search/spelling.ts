import { ENGLISH_STOP_WORDS } from './stop-words.js';
import { wordsOf, positiveTerms, type ParsedQuery } from './query.js';

/**
 * Typo tolerance. The vocabulary holds the workspace's English stems (what the index holds), so
 * a typed word is stemmed too ("recieved" → "reciev") and compared stem to stem. pg_trgm finds
 * vocabulary stems sharing trigrams with it (cheap, indexed, but blind to transpositions:
 * "reciev" is as close to "recip" as to "receiv"); we then rank those candidates by edit
 * distance, transpositions counting as one edit, and by how many sources use them. The
 * correction is finally spelled as a word again (`spellCorrection`).
 */

/** Words shorter than this are left alone: too many real words are one edit apart. */
export const SPELLING_MIN_LENGTH = 4;
/** A stem this common in the workspace is taken as meant, whatever it looks like. */
export const KNOWN_WORD_MIN_SOURCES = 3;
/** A rarer stem that the workspace does use is only questioned next to one this many times as common. */
const RARE_WORD_RATIO = 10;

/** One typed word, its stem, how many sources use that stem, and one similar vocabulary stem (if any). */
export type SpellingCandidate = { word: string; stem: string; ownCount: number; term: string | null; docCount: number };
export type StemCorrection = { word: string; stem: string; correctedStem: string; clear: boolean };

/** The words of a query worth checking: looked for (not excluded), not stop words, long enough, letters only. */
export function wordsToCheck(query: ParsedQuery): string[] {
  const words = positiveTerms(query).flatMap((term) => wordsOf(term.text));
  return [...new Set(words.filter((word) => word.length >= SPELLING_MIN_LENGTH && !ENGLISH_STOP_WORDS.has(word) && /^\p{L}+$/u.test(word)))];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits a stem of this length may be away from its correction. */
const allowedEdits = (stem: string) => (stem.length <= 5 ? 1 : stem.length <= 9 ? 2 : 3);

/**
 * The best correction of each word from its trigram candidates. A word the workspace never uses
 * gets the closest, most used stem; a word it rarely uses only one far more common. A correction
 * is `clear` — searched for automatically — when the typed word is used nowhere and no other
 * candidate is as close, or the best is far more used than an equally close one.
 */
export function chooseCorrections(candidates: readonly SpellingCandidate[]): StemCorrection[] {
  const byWord = new Map<string, SpellingCandidate[]>();
  for (const candidate of candidates) byWord.set(candidate.word, [...(byWord.get(candidate.word) ?? []), candidate]);
  const corrections: StemCorrection[] = [];
  for (const [word, rows] of byWord) {
    const { stem, ownCount } = rows[0]!;
    if (ownCount >= KNOWN_WORD_MIN_SOURCES) continue;
    const ranked = rows
      .flatMap((row) => (row.term && row.term !== stem ? [{ term: row.term, docCount: row.docCount, distance: editDistance(stem, row.term) }] : []))
      .filter((row) => row.distance <= allowedEdits(stem) && row.docCount >= Math.max(1, RARE_WORD_RATIO * ownCount))
      .sort((a, b) => a.distance - b.distance || b.docCount - a.docCount || a.term.localeCompare(b.term));
    const [best, runnerUp] = ranked;
    if (!best) continue;
    const clear = ownCount === 0 && (!runnerUp || runnerUp.distance > best.distance || best.docCount >= 5 * runnerUp.docCount);
    corrections.push({ word, stem, correctedStem: best.term, clear });
  }
  return corrections;
}

/**
 * The corrected stem written as the user wrote the word: stems are mostly prefixes of their
 * words, so the typed word's ending goes back on (recieved: reciev|ed → receiv|ed). Null when
 * the typed word does not start with its stem (moeny → moeni); the caller then asks the
 * database for a real word with that stem.
 */
export function guessSpelling(correction: Pick<StemCorrection, 'word' | 'stem' | 'correctedStem'>): string | null {
  return correction.word.startsWith(correction.stem) ? correction.correctedStem + correction.word.slice(correction.stem.length) : null;
}
