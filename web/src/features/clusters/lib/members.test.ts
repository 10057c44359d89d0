import { describe, expect, it } from 'vitest';
import { customerWords, distinctMembers, memberPath } from './members';

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
    expect(customerWords({ id: 'p1', name: 'Ada', email: 'ada@globex.example', externalId: null, company })).toBe('Ada · Globex');
    expect(customerWords({ id: 'p1', name: null, email: 'ada@globex.example', externalId: null, company: null })).toBe('ada@globex.example');
    expect(customerWords({ id: 'p1', name: null, email: null, externalId: '20014182', company })).toBe('Customer 20014182 · Globex');
    expect(customerWords(null)).toBeNull();
  });
});

describe('distinctMembers', () => {
  it('leaves out a text already shown, whatever its case and spacing, and stops at the count', () => {
    const members = [{ text: 'I want to transfer money.' }, { text: 'i want to  transfer money.' }, { text: 'Why was money taken?' }, { text: 'Where is it?' }, { text: 'More' }];
    expect(distinctMembers(members, 3).map((member) => member.text)).toEqual(['I want to transfer money.', 'Why was money taken?', 'Where is it?']);
  });
});
