import { describe, expect, it } from 'vitest';
import { editDistance } from '@cairn/shared';
import { parseSearchQuery } from './query.js';
import { chooseCorrections, findMisspellings, wordsToCheck, type Misspelling } from './spelling.js';

describe('wordsToCheck', () => {
  it('checks the words looked for, not exclusions, stop words, short words or numbers', () => {
    expect(wordsToCheck(parseSearchQuery('recieve "bank transfr" -cardd the 2024 pin'))).toEqual(['recieve', 'bank', 'transfr']);
  });
});

describe('findMisspellings', () => {
  const candidate = (term: string | null, docCount: number, ownCount = 0) => ({ word: 'recieved', stem: 'reciev', ownCount, term, docCount });
  const terms = (misspellings: Misspelling[]) => misspellings.map(({ word, options }) => ({ word, terms: options.map((option) => option.term) }));

  it('keeps the closest few stems, closest first, over the ones sharing more trigrams', () => {
    const candidates = [candidate('recip', 40), candidate('receiv', 30), candidate('reliev', 2), candidate('recit', 9), candidate('deceiv', 4)];
    expect(terms(findMisspellings(candidates))).toEqual([{ word: 'recieved', terms: ['receiv', 'reliev', 'recip'] }]);
  });

  it('questions a word the workspace rarely uses only next to a far more common one', () => {
    expect(findMisspellings([candidate('receiv', 5, 1)])).toEqual([]);
    expect(terms(findMisspellings([candidate('receiv', 50, 1)]))).toEqual([{ word: 'recieved', terms: ['receiv'] }]);
  });

  it('leaves words the workspace uses alone, and words with no close stem', () => {
    expect(findMisspellings([candidate('receiv', 500, 12)])).toEqual([]);
    expect(findMisspellings([candidate(null, 0)])).toEqual([]);
    expect(findMisspellings([candidate('blanket', 90)])).toEqual([]);
  });
});

describe('chooseCorrections', () => {
  const misspelling = (word: string, stem: string, options: Array<[term: string, docCount: number]>, ownCount = 0): Misspelling => ({
    word,
    stem,
    ownCount,
    options: options.map(([term, docCount]) => ({ term, docCount, distance: editDistance(stem, term) })),
  });

  it('picks the real word closest to the typed one, not the stem used most', () => {
    // banking77: "verifcation" stems to "verifc", one edit from "verif" (verification) and the more used "verifi" (verify, verified).
    const typed = misspelling('verifcation', 'verifc', [['verifi', 190], ['verif', 113]]);
    const words = new Map([['verifi', ['verify', 'verified']], ['verif', ['verification']]]);
    expect(chooseCorrections([typed], words)).toEqual([{ word: 'verifcation', correction: 'verification', clear: true }]);
  });

  it('spells the correction as the form the user meant', () => {
    const words = new Map([['receiv', ['receive', 'received', 'receiving']], ['money', ['money']]]);
    expect(chooseCorrections([misspelling('recieved', 'reciev', [['receiv', 30]]), misspelling('moeny', 'moeni', [['money', 80]])], words)).toEqual([
      { word: 'recieved', correction: 'received', clear: true },
      { word: 'moeny', correction: 'money', clear: true },
    ]);
  });

  it('offers no stem without a real word', () => {
    expect(chooseCorrections([misspelling('verifcation', 'verifc', [['verifi', 190]])], new Map())).toEqual([]);
  });

  it('calls a correction unclear when another stem spells an equally close, about as common word', () => {
    const words = new Map([['receiv', ['receive']], ['reliev', ['relieve']]]);
    expect(chooseCorrections([misspelling('recieve', 'reciev', [['receiv', 10], ['reliev', 8]])], words)[0]?.clear).toBe(false);
    expect(chooseCorrections([misspelling('recieve', 'reciev', [['receiv', 100], ['reliev', 8]])], words)[0]?.clear).toBe(true);
  });

  it('never searches for the correction of a word the workspace does use', () => {
    const words = new Map([['receiv', ['received']]]);
    expect(chooseCorrections([misspelling('recieved', 'reciev', [['receiv', 50]], 1)], words)).toEqual([{ word: 'recieved', correction: 'received', clear: false }]);
  });
});
