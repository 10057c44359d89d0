import { stemmer } from 'stemmer';
import type { Pacer } from './pacer.js';
import { wordRuns } from './tokenize.js';

/** A term must be in at least this many texts: one text's term groups nothing. */
const MIN_DOCUMENT_FREQUENCY = 2;
/** A term in more than this share of the texts groups everything, so nothing. */
const MAX_DOCUMENT_SHARE = 0.5;
/** The most frequent terms kept: rarer ones weigh little and only cost time. */
const VOCABULARY_MAX = 20_000;
/** Bigram keys pack two stem ids in one exact integer (ids stay far below 2^26). */
const BIGRAM_KEY_SHIFT = 2 ** 26;

/**
 * The texts as sparse TF-IDF rows (compressed sparse rows): unigrams and bigrams of
 * consecutive kept stems, sublinear term frequency, smoothed idf, each row L2-normalized.
 */
export type TermMatrix = {
  /** The input index of each row; texts with no kept term have no row. */
  rowTexts: Int32Array;
  unclustered: number[];
  columns: number;
  indptr: Int32Array;
  indices: Int32Array;
  weights: Float32Array;
  /** How many times each term occurs in its text, for the cluster labels. */
  counts: Uint16Array;
  /** Each column's stems (one, or two for a bigram) and how the texts spell it most often. */
  termStems: number[][];
  termNames: string[];
};

export async function buildTermMatrix(texts: readonly string[], pacer: Pacer): Promise<TermMatrix> {
  const terms = await countTerms(texts, pacer);
  const kept = await chooseVocabulary(terms.documentFrequency, texts.length, pacer);
  const columnOf = new Int32Array(terms.documentFrequency.length).fill(-1);
  kept.forEach((term, column) => (columnOf[term] = column));
  const idf = Float64Array.from(kept, (term) => Math.log((1 + texts.length) / (1 + terms.documentFrequency[term]!)) + 1);

  const rowTexts: number[] = [];
  const unclustered: number[] = [];
  const indptr = [0];
  // A text has at most as many distinct kept terms as term occurrences: allocate once, trim at the end.
  const indices = new Int32Array(terms.textTerms.length);
  const weights = new Float32Array(terms.textTerms.length);
  const counts = new Uint16Array(terms.textTerms.length);
  let filled = 0;
  const countOf = new Int32Array(kept.length);
  for (let text = 0; text < texts.length; text++) {
    if (pacer.due()) await pacer.pause(0.8 + (0.2 * text) / texts.length);
    const columns: number[] = [];
    for (let i = terms.textStart[text]!; i < terms.textStart[text + 1]!; i++) {
      const column = columnOf[terms.textTerms[i]!]!;
      if (column < 0) continue;
      if (countOf[column] === 0) columns.push(column);
      countOf[column]!++;
    }
    if (!columns.length) {
      unclustered.push(text);
      continue;
    }
    columns.sort((a, b) => a - b);
    const start = filled;
    let squares = 0;
    for (const column of columns) {
      const weight = (1 + Math.log(countOf[column]!)) * idf[column]!;
      indices[filled] = column;
      weights[filled] = weight;
      counts[filled] = Math.min(countOf[column]!, 0xffff);
      squares += weight * weight;
      countOf[column] = 0;
      filled++;
    }
    const norm = Math.sqrt(squares);
    for (let i = start; i < filled; i++) weights[i]! /= norm;
    rowTexts.push(text);
    indptr.push(filled);
  }

  const termStems = Array.from(kept, (term) => (terms.second[term]! < 0 ? [terms.first[term]!] : [terms.first[term]!, terms.second[term]!]));
  const spellings = new Map<number, string>();
  const spell = (stem: number) => spellings.get(stem) ?? spellings.set(stem, mostFrequent(terms.spellings[stem]!)).get(stem)!;
  return {
    rowTexts: Int32Array.from(rowTexts),
    unclustered,
    columns: kept.length,
    indptr: Int32Array.from(indptr),
    indices: indices.slice(0, filled),
    weights: weights.slice(0, filled),
    counts: counts.slice(0, filled),
    termStems,
    termNames: termStems.map((stems) => stems.map(spell).join(' ')),
  };
}

/**
 * The terms kept as columns, in order of first appearance: those in enough texts but not too
 * many, at most VOCABULARY_MAX, the most frequent first (among equally frequent ones, the first
 * seen). A histogram of frequencies finds the cut, without sorting up to millions of terms.
 */
async function chooseVocabulary(documentFrequency: number[], textCount: number, pacer: Pacer): Promise<Int32Array> {
  const maxDocuments = Math.max(MIN_DOCUMENT_FREQUENCY, Math.floor(MAX_DOCUMENT_SHARE * textCount));
  const histogram = new Int32Array(maxDocuments + 1);
  for (const frequency of documentFrequency) if (frequency >= MIN_DOCUMENT_FREQUENCY && frequency <= maxDocuments) histogram[frequency]!++;
  let cut = MIN_DOCUMENT_FREQUENCY;
  let atCut = Infinity;
  let room = VOCABULARY_MAX;
  for (let frequency = maxDocuments; frequency >= MIN_DOCUMENT_FREQUENCY; frequency--) {
    if (histogram[frequency]! >= room) {
      cut = frequency;
      atCut = room;
      break;
    }
    room -= histogram[frequency]!;
  }
  const kept: number[] = [];
  for (let term = 0; term < documentFrequency.length; term++) {
    if (pacer.dueAt(term)) await pacer.pause(0.8);
    const frequency = documentFrequency[term]!;
    if (frequency < cut || frequency > maxDocuments) continue;
    if (frequency === cut && atCut-- <= 0) continue;
    kept.push(term);
  }
  return Int32Array.from(kept);
}

type TermCounts = {
  /** Every text's term ids (repeated as often as they occur), text after text. */
  textTerms: number[];
  textStart: Int32Array;
  documentFrequency: number[];
  /** A term's stem ids: a unigram is its own first stem with no second (-1). */
  first: number[];
  second: number[];
  /** For a stem id: each lowercased spelling of it in the texts, with its count. */
  spellings: Array<Map<string, number> | undefined>;
};

async function countTerms(texts: readonly string[], pacer: Pacer): Promise<TermCounts> {
  const counts: TermCounts = { textTerms: [], textStart: new Int32Array(texts.length + 1), documentFrequency: [], first: [], second: [], spellings: [] };
  const lastText: number[] = [];
  const stemIds = new Map<string, number>();
  const wordStems = new Map<string, number>();
  const bigramIds = new Map<number, number>();
  const newTerm = (first: number, second: number) => {
    const id = counts.first.length;
    counts.first.push(first < 0 ? id : first);
    counts.second.push(second);
    counts.documentFrequency.push(0);
    lastText.push(-1);
    return id;
  };
  const addTerm = (term: number, text: number) => {
    counts.textTerms.push(term);
    if (lastText[term] === text) return;
    lastText[term] = text;
    counts.documentFrequency[term]!++;
  };

  for (let text = 0; text < texts.length; text++) {
    if (pacer.due()) await pacer.pause((0.8 * text) / texts.length);
    for (const run of wordRuns(texts[text]!)) {
      let previous = -1;
      for (const word of run) {
        let stem = wordStems.get(word);
        if (stem === undefined) {
          const form = stemmer(word);
          stem = stemIds.get(form) ?? stemIds.set(form, newTerm(-1, -1)).get(form)!;
          wordStems.set(word, stem);
        }
        const spellings = (counts.spellings[stem] ??= new Map());
        spellings.set(word, (spellings.get(word) ?? 0) + 1);
        addTerm(stem, text);
        if (previous >= 0 && previous !== stem) {
          const key = previous * BIGRAM_KEY_SHIFT + stem;
          addTerm(bigramIds.get(key) ?? bigramIds.set(key, newTerm(previous, stem)).get(key)!, text);
        }
        previous = stem;
      }
    }
    counts.textStart[text + 1] = counts.textTerms.length;
  }
  return counts;
}

/** The most frequent spelling; on a tie the alphabetically first, so the choice never depends on text order. */
function mostFrequent(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
