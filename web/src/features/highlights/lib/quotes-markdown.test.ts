import { describe, expect, it } from 'vitest';
import type { HighlightListItem } from '@cairn/shared';
import { quotesMarkdown } from './quotes-markdown';

const WS = '11111111-1111-4111-8111-111111111111';
const ORIGIN = 'https://cairn.example.com';
let next = 0;

function highlight(overrides: { quote?: string; title?: string; kind?: HighlightListItem['source']['kind']; occurredAt?: string; customer?: HighlightListItem['customer'] } = {}): HighlightListItem {
  const n = String(++next).padStart(12, '0');
  return {
    id: `aaaaaaaa-aaaa-4aaa-8aaa-${n}`,
    sourceId: `bbbbbbbb-bbbb-4bbb-8bbb-${n}`,
    start: 0,
    end: 5,
    quote: overrides.quote ?? 'Exports fail every month.',
    note: null,
    tags: [],
    createdBy: null,
    createdAt: '2024-06-01T12:00:00.000Z',
    updatedAt: '2024-06-01T12:00:00.000Z',
    source: { id: `bbbbbbbb-bbbb-4bbb-8bbb-${n}`, title: overrides.title ?? 'Interview with Dana', kind: overrides.kind ?? 'interview', occurredAt: overrides.occurredAt ?? '2024-03-01T23:30:00.000Z' },
    customer: overrides.customer === undefined ? null : overrides.customer,
  };
}

const dana = { id: 'cccccccc-cccc-4ccc-8ccc-000000000001', name: 'Dana Reyes', email: 'dana@acme.example', externalId: null, company: { id: 'dddddddd-dddd-4ddd-8ddd-000000000001', name: 'Acme', segment: 'Enterprise' } };

describe('quotesMarkdown', () => {
  it('writes each quote as a blockquote, then who said it, the source linked to the passage and the day', () => {
    const item = highlight({ customer: dana });
    expect(quotesMarkdown([item], { origin: ORIGIN, ws: WS })).toBe(
      [
        '> Exports fail every month.',
        '>',
        `> — Dana Reyes, Acme (Enterprise), [Interview with Dana](<${ORIGIN}/w/${WS}/sources/${item.sourceId}#h-${item.id}>), 2024-03-01`,
        '',
      ].join('\n'),
    );
  });

  it('names the source by its kind when its title only repeats the quote (a ticket without a subject), still linking the passage', () => {
    const item = highlight({ quote: 'I was overcharged a pound.', title: 'I was overcharged a pound.', kind: 'ticket', customer: dana });
    expect(quotesMarkdown([item], { origin: ORIGIN, ws: WS })).toBe(
      [
        '> I was overcharged a pound.',
        '>',
        `> — Dana Reyes, Acme (Enterprise), [Ticket](<${ORIGIN}/w/${WS}/sources/${item.sourceId}#h-${item.id}>), 2024-03-01`,
        '',
      ].join('\n'),
    );
    // A quote from the middle of that ticket keeps the title, which then says something the quote does not.
    expect(quotesMarkdown([highlight({ quote: 'a pound', title: 'I was overcharged a pound.', kind: 'ticket' })], { origin: ORIGIN, ws: WS })).toContain('[I was overcharged a pound.]');
  });

  it('separates quotes by a blank line and names what it knows of who said each', () => {
    const markdown = quotesMarkdown(
      [
        highlight({ customer: { ...dana, company: { ...dana.company, segment: null } } }),
        highlight({ customer: { ...dana, name: null, company: null } }),
        highlight({ customer: null, title: 'Ticket 7' }),
      ],
      { origin: ORIGIN, ws: WS },
    );
    const attributions = markdown.split('\n').filter((line) => line.startsWith('> —'));
    expect(attributions.map((line) => line.replace(/\[.*$/, ''))).toEqual(['> — Dana Reyes, Acme, ', '> — A customer, ', '> — ']);
    expect(markdown.split('\n\n')).toHaveLength(3);
    // The block leaves Cairn: no email, even for a customer known by email alone.
    expect(markdown).not.toContain('dana@acme.example');
  });

  it('keeps every line of a quote in the blockquote, and escapes what Markdown would read as markup', () => {
    const markdown = quotesMarkdown([highlight({ quote: '# Not a heading\n\n- not a list, *not bold* <b>no html</b> [no](link) @team #12', title: 'Ticket [urgent]', customer: { ...dana, name: '_Dana_' } })], {
      origin: ORIGIN,
      ws: WS,
    });
    const lines = markdown.split('\n');
    expect(lines.slice(0, 3)).toEqual(['> \\# Not a heading', '>', '> \\- not a list, \\*not bold\\* \\<b\\>no html\\</b\\> \\[no\\](link) @\u200bteam \\#\u200b12']);
    expect(lines[4]).toMatch(/^> — \\_Dana\\_, Acme \(Enterprise\), \[Ticket \\\[urgent\\\]\]\(<https:\/\/cairn\.example\.com\/w\/.+>\), 2024-03-01$/);
  });

  it('says how many it leaves out, linking to the page that lists them all', () => {
    const markdown = quotesMarkdown([highlight(), highlight()], { origin: ORIGIN, ws: WS, total: 1234, allUrl: `/w/${WS}/problems/p1` });
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(`_The newest 2 quotes of 1,234; [all of them in Cairn](<${ORIGIN}/w/${WS}/problems/p1>)._`);
    expect(quotesMarkdown([highlight()], { origin: ORIGIN, ws: WS, total: 1 })).not.toContain('_The newest');
  });

  it('is empty when there is nothing to quote', () => {
    expect(quotesMarkdown([], { origin: ORIGIN, ws: WS, total: 0 })).toBe('');
  });
});
