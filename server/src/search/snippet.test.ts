import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutSnippet, candidateWordFinder, stemPrefixes } from './snippet.js';

describe('stemPrefixes', () => {
  it('undoes the stemmer endings that are not prefixes of the words', () => {
    expect(stemPrefixes(['happi', 'hope', 'card', 'receiv'])).toEqual(['happ', 'hop', 'card', 'receiv']);
  });
});

describe('candidateWordFinder', () => {
  it('finds whole words starting with a prefix, in UTF-16 offsets', () => {
    const text = '😀 Cards and the cardboard; discard';
    expect(candidateWordFinder(['card'])(text)).toEqual([
      { word: 'cards', start: 3, end: 8 },
      { word: 'cardboard', start: 17, end: 26 },
    ]);
  });

  it('takes a word start only where no letter or digit of any script comes before, and looks again inside a word', () => {
    const find = candidateWordFinder(['card', 'e-mail']);
    // 'é', '7' and the astral letter '𝐀' (U+1D400) continue a word; '-' and '😀' do not.
    expect(find('écard 7card 𝐀card -card 😀CARD').map((word) => word.word)).toEqual(['card', 'card']);
    // A prefix found inside a word must not hide a word that starts within that stretch.
    expect(candidateWordFinder(['e-mail', 'mail'])('xe-mail e-mails')).toEqual([
      { word: 'mail', start: 3, end: 7 },
      { word: 'e-mails', start: 8, end: 15 },
    ]);
  });
});

describe('cutSnippet', () => {
  const transcript = fs.readFileSync(new URL('../../../../shared/datasets/ami-meetings/IS1002b.txt', import.meta.url), 'utf8');

  it('keeps a short text whole and marks its matches', () => {
    const text = 'My card was declined twice';
    const result = cutSnippet(text, [
      { word: 'card', start: 3, end: 7 },
      { word: 'declined', start: 12, end: 20 },
    ]);
    expect(result).toEqual({ snippet: text, snippetStart: 0, matches: [[3, 7], [12, 20]] });
  });

  it('joins the words of a phrase into one range', () => {
    const text = 'a credit card fee';
    expect(cutSnippet(text, candidateWordFinder(['credit', 'card'])(text)).matches).toEqual([[2, 13]]);
  });

  it('cuts a long transcript around the stretch where the most query words meet', () => {
    const words = candidateWordFinder(['teletext', 'internet'])(transcript);
    const result = cutSnippet(transcript, words);
    expect(result.snippet.length).toBeLessThanOrEqual(280);
    expect(transcript.slice(result.snippetStart, result.snippetStart + result.snippet.length)).toBe(result.snippet);
    const marked = result.matches.map(([start, end]) => result.snippet.slice(start, end).toLowerCase());
    expect(marked.some((word) => word.startsWith('teletext'))).toBe(true);
    expect(marked.some((word) => word.startsWith('internet'))).toBe(true);
  });

  it('starts at the beginning when nothing matched, and never cuts a word', () => {
    const result = cutSnippet(transcript, []);
    expect(result.snippetStart).toBe(0);
    expect(/\S/.test(transcript[result.snippet.length] ?? ' ') && /\S/.test(result.snippet.at(-1)!)).toBe(false);
  });
});
