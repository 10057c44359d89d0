import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './query.js';
import { chooseCorrections, editDistance, guessSpelling, wordsToCheck } from './spelling.js';

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('reciev', 'receiv')).toBe(1);
    expect(editDistance('recieve', 'recipe')).toBe(2);
    expect(editDistance('transfr', 'transfer')).toBe(1);
  });
});

describe('wordsToCheck', () => {
  it('checks the words looked for, not exclusions, stop words, short words or numbers', () => {
    expect(wordsToCheck(parseSearchQuery('recieve "bank transfr" -cardd the 2024 pin'))).toEqual(['recieve', 'bank', 'transfr']);
  });
});

describe('chooseCorrections', () => {
  const candidate = (term: string | null, docCount: number, ownCount = 0) => ({ word: 'recieved', stem: 'reciev', ownCount, term, docCount });

  it('prefers the closest stem over the one sharing more trigrams', () => {
    const corrections = chooseCorrections([candidate('recip', 40), candidate('receiv', 30), candidate('reliev', 2)]);
    expect(corrections).toEqual([{ word: 'recieved', stem: 'reciev', correctedStem: 'receiv', clear: true }]);
  });

  it('calls a correction unclear when an equally close stem is about as common', () => {
    expect(chooseCorrections([candidate('receiv', 10), candidate('reliev', 8)])[0]?.clear).toBe(false);
    expect(chooseCorrections([candidate('receiv', 100), candidate('reliev', 8)])[0]?.clear).toBe(true);
  });

  it('questions a word the workspace rarely uses only next to a far more common one, and never searches for it', () => {
    expect(chooseCorrections([candidate('receiv', 5, 1)])).toEqual([]);
    expect(chooseCorrections([candidate('receiv', 50, 1)])).toEqual([{ word: 'recieved', stem: 'reciev', correctedStem: 'receiv', clear: false }]);
  });

  it('leaves words the workspace uses alone, and words with no close stem', () => {
    expect(chooseCorrections([candidate('receiv', 500, 12)])).toEqual([]);
    expect(chooseCorrections([candidate(null, 0)])).toEqual([]);
    expect(chooseCorrections([candidate('blanket', 90)])).toEqual([]);
  });
});

describe('guessSpelling', () => {
  it('puts the typed ending back on the corrected stem', () => {
    expect(guessSpelling({ word: 'recieved', stem: 'reciev', correctedStem: 'receiv' })).toBe('received');
    expect(guessSpelling({ word: 'transfr', stem: 'transfr', correctedStem: 'transfer' })).toBe('transfer');
  });

  it('gives up when the stem is not a prefix of the word', () => {
    expect(guessSpelling({ word: 'moeny', stem: 'moeni', correctedStem: 'money' })).toBeNull();
  });
});
