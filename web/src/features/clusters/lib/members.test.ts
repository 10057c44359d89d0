import { describe, expect, it } from 'vitest';
import { customerWords, memberPath, memberPreview } from './members';

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
