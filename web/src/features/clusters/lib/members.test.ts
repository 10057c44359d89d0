import { describe, expect, it } from 'vitest';
import { customerWords, distinctMembers, memberPath, memberPreview, titleRepeatsText } from './members';

const WS = 'w1';
const SOURCE = { id: 's1', title: 'Card not arrived', kind: 'ticket' as const };

describe('memberPath', () => {
  it('opens a highlight at its passage in the reader, and a source at its top', () => {
    expect(memberPath(WS, { id: 'h1', type: 'highlight', source: SOURCE })).toBe('/w/w1/sources/s1#h-h1');
    expect(memberPath(WS, { id: 's1', type: 'source', source: SOURCE })).toBe('/w/w1/sources/s1');
  });
});

describe('customerWords', () => {
  it('names the customer and their company, by email when they have no name', () => {
    const company = { id: 'c1', name: 'Globex', segment: null };
    expect(customerWords({ id: 'p1', name: 'Ada', email: 'ada@globex.example', company })).toBe('Ada · Globex');
    expect(customerWords({ id: 'p1', name: null, email: 'ada@globex.example', company: null })).toBe('ada@globex.example');
    expect(customerWords(null)).toBeNull();
  });
});

describe('memberPreview', () => {
  it('cuts a long text short, with an ellipsis', () => {
    expect(memberPreview('short')).toBe('short');
    expect(memberPreview('I am still waiting on my card, it has been two weeks now', 30)).toBe('I am still waiting on my card,…');
  });
});

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

describe('distinctMembers', () => {
  it('leaves out a text already shown, whatever its case and spacing, and stops at the count', () => {
    const members = [{ text: 'I want to transfer money.' }, { text: 'i want to  transfer money.' }, { text: 'Why was money taken?' }, { text: 'Where is it?' }, { text: 'More' }];
    expect(distinctMembers(members, 3).map((member) => member.text)).toEqual(['I want to transfer money.', 'Why was money taken?', 'Where is it?']);
  });
});
