/**
 * Contractions typed without their apostrophe. PostgreSQL's parser splits "hasn't" into "hasn"
 * and "t" (a stop word), so the index holds `hasn`, while a typed "hasnt" is the stem `hasnt`,
 * which no text contains. The parts before `'t` of the English negative contractions, whose
 * apostrophe-less spelling is not itself a common word ("cant" and "wont" are, rarely: customers
 * mean can't and won't).
 */
const NEGATIVE_CONTRACTIONS = ['ain', 'aren', 'can', 'couldn', 'didn', 'doesn', 'don', 'hadn', 'hasn', 'haven', 'isn', 'mightn', 'mustn', 'needn', 'shouldn', 'wasn', 'weren', 'won', 'wouldn'];

const apostropheLess = new RegExp(`(?<![\\p{L}\\p{N}'’])(${NEGATIVE_CONTRACTIONS.join('|')})t(?![\\p{L}\\p{N}'’])`, 'giu');

/** The text with each known contraction typed without its apostrophe written with it (`hasnt` → `hasn't`), in the case it was typed. */
export function restoreApostrophes(text: string): string {
  return text.replace(apostropheLess, "$1't");
}

/** Any word with `'t` (or `’t`) after it: the parts of a contraction, which are not words of their own. */
const contraction = /(?<![\p{L}\p{N}])\p{L}+['’]t(?![\p{L}\p{N}])/giu;

/** The text without its contractions: what is left to check for typos ("hasn" is no misspelling of "has"). */
export function withoutContractions(text: string): string {
  return text.replace(contraction, ' ');
}
