import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { formatSearchQuery, parseSearchQuery, positiveTerms, replaceWords, requiredTerms, widenWithCorrections } from './query.js';

const issuePath = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.issues?.[0]?.path;
  }
  return undefined;
};

describe('parseSearchQuery', () => {
  it('reads words, phrases, OR and exclusions', () => {
    const query = parseSearchQuery('export "csv file" OR spreadsheet -"dark mode" -beta');
    expect(query.clauses).toEqual([
      { type: 'any', terms: [{ kind: 'word', text: 'export' }] },
      { type: 'any', terms: [{ kind: 'phrase', text: 'csv file' }, { kind: 'word', text: 'spreadsheet' }] },
      { type: 'not', term: { kind: 'phrase', text: 'dark mode' } },
      { type: 'not', term: { kind: 'word', text: 'beta' } },
    ]);
    expect(formatSearchQuery(query)).toBe('export "csv file" OR spreadsheet -"dark mode" -beta');
  });

  it('treats OR in any case as the operator, and a dangling OR as nothing', () => {
    expect(formatSearchQuery(parseSearchQuery('refund or chargeback OR'))).toBe('refund OR chargeback');
    expect(formatSearchQuery(parseSearchQuery('OR refund'))).toBe('refund');
  });

  it('drops stop words and punctuation but keeps phrases that contain them', () => {
    expect(formatSearchQuery(parseSearchQuery('the card , "top up my card"'))).toBe('card "top up my card"');
  });

  it('closes an unterminated phrase at the end of the query', () => {
    expect(positiveTerms(parseSearchQuery('"password reset'))).toEqual([{ kind: 'phrase', text: 'password reset' }]);
  });

  it('keeps a hyphen inside a word as part of the word', () => {
    expect(positiveTerms(parseSearchQuery('e-mail re-send'))).toEqual([
      { kind: 'word', text: 'e-mail' },
      { kind: 'word', text: 're-send' },
    ]);
  });

  it('refuses a query of exclusions only, or of stop words only, naming q', () => {
    expect(issuePath(() => parseSearchQuery('-card -"top up"'))).toBe('query.q');
    expect(issuePath(() => parseSearchQuery('the and of "to be"'))).toBe('query.q');
    expect(issuePath(() => parseSearchQuery('…  !!'))).toBe('query.q');
    expect(issuePath(() => parseSearchQuery('the', 'body.query'))).toBe('body.query');
  });

  it('refuses more than 32 terms', () => {
    expect(issuePath(() => parseSearchQuery(Array.from({ length: 33 }, (_, i) => `word${i}`).join(' ')))).toBe('query.q');
  });

  it('tells the terms every match must contain: not either side of an OR, not an exclusion', () => {
    expect(requiredTerms(parseSearchQuery('"credit card" declined lost OR stolen -mobile'))).toEqual([
      { kind: 'phrase', text: 'credit card' },
      { kind: 'word', text: 'declined' },
    ]);
  });
});

describe('corrections', () => {
  const corrections = new Map([['transfr', 'transfer']]);

  it('replaces whole words only, in any case', () => {
    expect(replaceWords('Transfr "bank transfr" transfrs', corrections)).toBe('transfer "bank transfer" transfrs');
  });

  it('widens each term containing a misspelling with its corrected form', () => {
    const widened = widenWithCorrections(parseSearchQuery('transfr "bank transfr" -fee'), corrections);
    expect(formatSearchQuery(widened)).toBe('transfr OR transfer "bank transfr" OR "bank transfer" -fee');
  });
});
