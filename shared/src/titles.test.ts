import { describe, expect, it } from 'vitest';
import { titleRepeatsText } from './titles.js';

describe('titleRepeatsText', () => {
  it('sees a title made from the start of the text, cut or not, whatever its spacing', () => {
    expect(titleRepeatsText('Where is my card?', 'Where is my card?')).toBe(true);
    expect(titleRepeatsText('I ordered a card two weeks ago and…', 'I ordered a card two weeks ago and it has still not come.')).toBe(true);
    expect(titleRepeatsText('Line one line two', 'Line one\n  line two, and more')).toBe(true);
  });

  it('keeps a real subject, and a highlight that quotes the middle of its source', () => {
    expect(titleRepeatsText('Card not arrived', 'I am still waiting on my card')).toBe(false);
    expect(titleRepeatsText('Interview with Ada', 'the export takes forever')).toBe(false);
    expect(titleRepeatsText('', 'anything')).toBe(false);
  });
});
