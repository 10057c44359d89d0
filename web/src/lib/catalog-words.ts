/**
 * How names are cut into words and how many typos a typed word forgives: the rules of the
 * catalog index (in its own chunk, with MiniSearch) and of the palette's places (in the first
 * load, found before that chunk arrives). Kept apart from both so neither pulls in the other.
 */

/**
 * Typing "expor" finds "Export", and "exprot" still does: from six letters a typed word may be
 * two edits away, as a swapped pair is. A word of three letters or fewer is taken as typed (one
 * edit from "top" is "to", "tip" and "tap"), and so is the start of an email: one edit from
 * "dana@" is every Dana.
 */
export const typosForgiven = (word: string) => (word.includes('@') || word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercased once per name rather than once per word, so MiniSearch need not process terms. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** What was typed, lowercased: words, except that something with an @ is the start of an email. */
export function tokenizeQuery(text: string): string[] {
  return text.split(/\s+/).flatMap((part) => (part.includes('@') ? [part.toLowerCase()] : tokenize(part)));
}
