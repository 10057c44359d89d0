import { describe, expect, it } from 'vitest';
import { FIND_MATCHES_MAX, findInTexts, findMatches, foldForFind, groupByBlock, matchIndexFrom } from './find-in-text';
import { readMeetingTranscript } from './test-transcript';

const whole = (text: string) => [{ start: 0, end: text.length }];
const quotes = (text: string, matches: Array<{ start: number; end: number }>) => matches.map((match) => text.slice(match.start, match.end));

describe('foldForFind', () => {
  it('drops case and accents one code unit for one, so offsets stay those of the text', () => {
    const text = 'Crème BRÛLÉE, İstanbul, Straße, ﬁne 👍 e\u0301';
    const folded = foldForFind(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('creme brulee, istanbul, straße, ﬁne 👍 e\u0301');
  });
});

describe('findMatches', () => {
  it('finds a word whatever its case and accents, at its offsets in the text', () => {
    const text = 'The Café opened. A cafe closed. CAFÉS everywhere.';
    const { matches } = findMatches(foldForFind(text), 'café', whole(text));
    expect(quotes(text, matches)).toEqual(['Café', 'cafe', 'CAFÉ']);
    expect(matches[0]).toEqual({ start: text.indexOf('Café'), end: text.indexOf('Café') + 4 });
  });

  it('finds nothing for an empty or blank query', () => {
    const text = 'some words';
    expect(findMatches(foldForFind(text), '', whole(text)).matches).toEqual([]);
    expect(findMatches(foldForFind(text), '  ', whole(text)).matches).toEqual([]);
  });

  it('does not count overlapping matches twice', () => {
    const text = 'aaaa';
    expect(findMatches(foldForFind(text), 'aa', whole(text)).matches).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('finds only inside the blocks given, never across two of them nor between them', () => {
    // Two turns "so the remote" and "control is" with a separator between them, and a hidden turn.
    const text = 'so the remote\n\ncontrol is\n\nremote again';
    const first = { start: 0, end: 13 };
    const second = { start: 15, end: 25 };
    const third = { start: 27, end: text.length };
    const folded = foldForFind(text);
    expect(findMatches(folded, 'remote\n\ncontrol', [first, second, third]).matches).toEqual([]);
    expect(quotes(text, findMatches(folded, 'remote', [first, second, third]).matches)).toEqual(['remote', 'remote']);
    expect(findMatches(folded, 'remote', [first, second]).matches).toEqual([{ start: 7, end: 13 }]);
    expect(findMatches(folded, 'remote', [second, third]).matches).toEqual([{ start: 27, end: 33 }]);
  });

  it('stops at the limit and says so', () => {
    const text = 'ab'.repeat(FIND_MATCHES_MAX + 5);
    const result = findMatches(foldForFind(text), 'a', whole(text));
    expect(result.matches).toHaveLength(FIND_MATCHES_MAX);
    expect(result.capped).toBe(true);
    expect(findMatches(foldForFind(text), 'a', whole(text), FIND_MATCHES_MAX + 5).capped).toBe(false);
  });

  it('finds every "remote" of a real meeting transcript in its turns, each slice reading "remote"', () => {
    const { body, segments } = readMeetingTranscript();
    const { matches, capped } = findMatches(foldForFind(body), 'Remote', segments);
    expect(capped).toBe(false);
    expect(matches).toHaveLength(body.match(/remote/gi)!.length);
    expect(new Set(quotes(body, matches).map((quote) => quote.toLowerCase()))).toEqual(new Set(['remote']));
  });
});

describe('findInTexts', () => {
  const searched = (id: string, text: string) => ({ id, folded: foldForFind(text), blocks: whole(text) });

  it('finds in every text in the order they are drawn, each match at offsets of its own text', () => {
    const body = 'The export spinner never stops.';
    const reply = 'Sorry about the Spinner; a fix for the spinner ships Monday.';
    const { matches, capped } = findInTexts([searched('body', body), searched('reply-0', reply)], 'spinner');
    expect(capped).toBe(false);
    expect(matches).toEqual([
      { text: 'body', start: body.indexOf('spinner'), end: body.indexOf('spinner') + 7 },
      { text: 'reply-0', start: reply.indexOf('Spinner'), end: reply.indexOf('Spinner') + 7 },
      { text: 'reply-0', start: reply.lastIndexOf('spinner'), end: reply.lastIndexOf('spinner') + 7 },
    ]);
  });

  it('counts the limit across all the texts, and says it was reached in whichever text it was', () => {
    const text = 'a a a';
    expect(findInTexts([searched('body', text), searched('reply-0', text)], 'a', 4)).toEqual({
      matches: [
        { text: 'body', start: 0, end: 1 },
        { text: 'body', start: 2, end: 3 },
        { text: 'body', start: 4, end: 5 },
        { text: 'reply-0', start: 0, end: 1 },
      ],
      capped: true,
    });
    expect(findInTexts([searched('body', text), searched('reply-0', 'b')], 'a', 3).capped).toBe(false);
  });
});

describe('matchIndexFrom', () => {
  const order = ['question', 'body', 'reply-0'];
  const matches = [
    { text: 'question', start: 3, end: 5 },
    { text: 'body', start: 10, end: 12 },
    { text: 'body', start: 40, end: 42 },
    { text: 'reply-0', start: 0, end: 2 },
  ];

  it('picks the first match at or after the place in reading order, wrapping round past the last', () => {
    expect(matchIndexFrom(matches, { text: 'body', offset: 0 }, order)).toBe(1);
    expect(matchIndexFrom(matches, { text: 'body', offset: 40 }, order)).toBe(2);
    expect(matchIndexFrom(matches, { text: 'body', offset: 41 }, order)).toBe(3);
    expect(matchIndexFrom(matches, { text: 'question', offset: 0 }, order)).toBe(0);
    expect(matchIndexFrom(matches, { text: 'reply-0', offset: 1 }, order)).toBe(0);
    expect(matchIndexFrom([], { text: 'body', offset: 5 }, order)).toBe(-1);
  });

  it('steps from a match to itself: the place of a match is that match', () => {
    matches.forEach((match, index) => expect(matchIndexFrom(matches, { text: match.text, offset: match.start }, order)).toBe(index));
  });
});

describe('groupByBlock', () => {
  it('hands each turn the matches inside it, keyed by the turn', () => {
    const { body, segments } = readMeetingTranscript();
    const { matches } = findMatches(foldForFind(body), 'remote control', segments);
    const groups = groupByBlock(matches, segments);
    expect([...groups.values()].flat()).toEqual(matches);
    for (const [turn, inside] of groups) {
      for (const match of inside) expect(match.start >= segments[turn]!.start && match.end <= segments[turn]!.end).toBe(true);
    }
  });
});
