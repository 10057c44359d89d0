import { describe, expect, it } from 'vitest';
import { TEXT_MAX_CHARS, wordRuns } from './tokenize.js';

describe('wordRuns', () => {
  it('keeps lowercased content words and drops stop words and chat filler, which end a run', () => {
    expect(wordRuns('Hi team, thanks! I would like to CANCEL my Subscription please')).toEqual([['team'], ['cancel'], ['subscription']]);
    // A pair of words spans no dropped word: "exchange the rate" gives no "exchange rate".
    expect(wordRuns('exchange rate, exchange the rate')).toEqual([['exchange', 'rate', 'exchange'], ['rate']]);
  });

  it('drops links, emails, numbers and anything with a digit, and one-letter words', () => {
    expect(wordRuns('Invoice 4711 from https://pay.example.com/x?y=1 sent to ana@example.com on 2024-05-01 x 3ds refund')).toEqual([['invoice'], ['sent'], ['refund']]);
  });

  it('drops possessive endings and contractions, whatever the apostrophe', () => {
    expect(wordRuns("The customer’s card doesn't work and I'm stuck, can't pay")).toEqual([['customer', 'card'], ['work'], ['stuck'], ['pay']]);
  });

  it('ends a run at sentence punctuation so bigrams never span two sentences', () => {
    expect(wordRuns('Card arrived broken. Refund needed; screen cracked\nshipping slow')).toEqual([['card', 'arrived', 'broken'], ['refund'], ['screen', 'cracked'], ['shipping', 'slow']]);
  });

  it('reads letters of any script and only the first TEXT_MAX_CHARS characters', () => {
    expect(wordRuns('Café crème déjà vu')).toEqual([['café', 'crème', 'déjà', 'vu']]);
    expect(wordRuns(`${'padding '.repeat(TEXT_MAX_CHARS / 8)}hidden`).flat()).not.toContain('hidden');
  });
});
