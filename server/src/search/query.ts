import { invalidField } from '../errors.js';
import { restoreApostrophes } from './contractions.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

/**
 * The search syntax, parsed in plain TypeScript so that it can be validated, explained and
 * corrected before any SQL runs:
 * - words: every one must match (`export csv`);
 * - `"exact phrases"`: the words in this order;
 * - `OR` between two terms: either matches (`refund OR chargeback`); it binds tighter than the
 *   implicit AND, so `card lost OR stolen` means card AND (lost OR stolen);
 * - `-word` or `-"a phrase"`: leaves out what contains it.
 * Words are matched by their English stem (`exports` finds `exported`), as PostgreSQL's
 * `english` text-search configuration does; a contraction typed without its apostrophe is
 * read with it (`hasnt` finds "hasn't").
 */

export type SearchTerm = { kind: 'word' | 'phrase'; text: string };
/** One AND-ed part of a query: alternatives joined by OR, or an exclusion. */
export type SearchClause = { type: 'any'; terms: SearchTerm[] } | { type: 'not'; term: SearchTerm };
export type ParsedQuery = { clauses: SearchClause[] };

/** More terms than anyone types; bounds the size of the SQL built from a query. */
export const SEARCH_TERMS_MAX = 32;

type Token = { type: 'term'; term: SearchTerm; negated: boolean } | { type: 'or' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const negated = char === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!);
    if (negated) i++;
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      const phrase = restoreApostrophes(text.slice(i + 1, end).trim());
      if (phrase) tokens.push({ type: 'term', term: { kind: 'phrase', text: phrase }, negated });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]!) && text[end] !== '"') end++;
    const word = text.slice(i, end);
    i = end;
    if (!negated && word.toUpperCase() === 'OR') tokens.push({ type: 'or' });
    else if (word) tokens.push({ type: 'term', term: { kind: 'word', text: restoreApostrophes(word) }, negated });
  }
  return tokens;
}

/** The parts PostgreSQL's parser makes of a term, lower-cased: letters and digits between separators. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether a term can match anything: a stop word alone (`the`) is dropped by the index. */
function isMeaningful(term: SearchTerm): boolean {
  return wordsOf(term.text).some((word) => !ENGLISH_STOP_WORDS.has(word));
}

/**
 * Parses a query, drops what cannot match (stop words, lone punctuation) and refuses, with a
 * 400 naming the field, a query that is left with nothing to look for.
 */
export function parseSearchQuery(text: string, field = 'query.q'): ParsedQuery {
  const tokens = tokenize(text);
  const clauses: SearchClause[] = [];
  let joinNext = false;
  let sawExclusion = false;
  let terms = 0;
  for (const token of tokens) {
    if (token.type === 'or') {
      joinNext = clauses.at(-1)?.type === 'any';
      continue;
    }
    terms++;
    if (!isMeaningful(token.term)) {
      // "cats OR the" keeps cats; the OR has nothing left to join.
      joinNext = false;
      continue;
    }
    const previous = clauses.at(-1);
    if (token.negated) {
      sawExclusion = true;
      clauses.push({ type: 'not', term: token.term });
    } else if (joinNext && previous?.type === 'any') {
      previous.terms.push(token.term);
    } else {
      clauses.push({ type: 'any', terms: [token.term] });
    }
    joinNext = false;
  }
  if (terms > SEARCH_TERMS_MAX) throw invalidField(field, `Use at most ${SEARCH_TERMS_MAX} words and phrases`);
  if (!clauses.some((clause) => clause.type === 'any')) {
    throw invalidField(
      field,
      sawExclusion
        ? 'Add a word to look for: -exclusions only narrow down what the other words find'
        : 'Those words are too common to search for (like "the" or "and"); add a more specific word',
    );
  }
  return { clauses };
}

/** Every term the query looks for (not the exclusions): what snippets mark and typos are checked on. */
export function positiveTerms(query: ParsedQuery): SearchTerm[] {
  return query.clauses.flatMap((clause) => (clause.type === 'any' ? clause.terms : []));
}

/** The terms every match must contain: an OR clause can be met by either of its terms. */
export function requiredTerms(query: ParsedQuery): SearchTerm[] {
  return query.clauses.flatMap((clause) => (clause.type === 'any' && clause.terms.length === 1 ? clause.terms : []));
}

const formatTerm = (term: SearchTerm) => (term.kind === 'phrase' ? `"${term.text}"` : term.text);

/** The query written back in the search syntax (after stop words were dropped). */
export function formatSearchQuery(query: ParsedQuery): string {
  return query.clauses
    .map((clause) => (clause.type === 'not' ? `-${formatTerm(clause.term)}` : clause.terms.map(formatTerm).join(' OR ')))
    .join(' ');
}

const wordPattern = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');

/** `text` with each misspelled word replaced by its correction, wherever it appears as a whole word. */
export function replaceWords(text: string, corrections: ReadonlyMap<string, string>): string {
  let result = text;
  for (const [word, correction] of corrections) result = result.replace(wordPattern(word), correction);
  return result;
}

/**
 * The query widened with corrections: each term containing a misspelled word also matches its
 * corrected form (`transfr` → `transfr OR transfer`), so one ranked, paginated search covers both.
 */
export function widenWithCorrections(query: ParsedQuery, corrections: ReadonlyMap<string, string>): ParsedQuery {
  const widen = (term: SearchTerm): SearchTerm[] => {
    const corrected = replaceWords(term.text, corrections);
    return corrected === term.text ? [term] : [term, { kind: term.kind, text: corrected }];
  };
  return {
    clauses: query.clauses.map((clause) => (clause.type === 'any' ? { type: 'any', terms: clause.terms.flatMap(widen) } : clause)),
  };
}
