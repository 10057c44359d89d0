import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseSnippetWindow, locateSnippet, MATCH_END, MATCH_START, neutralizeMarkers, readMarkedText, stemPrefixes } from './snippet.js';

const mark = (text: string) => `${MATCH_START}${text}${MATCH_END}`;

describe('readMarkedText', () => {
  it('turns marks into ranges of the unmarked text', () => {
    const result = readMarkedText(`My ${mark('card')} was ${mark('declined')} twice`);
    expect(result.text).toBe('My card was declined twice');
    expect(result.matches).toEqual([
      [3, 7],
      [12, 20],
    ]);
  });

  it('joins the words of a phrase into one range', () => {
    const result = readMarkedText(`a ${mark('credit')} ${mark('card')} fee`);
    expect(result.matches).toEqual([[2, 13]]);
    expect(result.text.slice(2, 13)).toBe('credit card');
  });

  it('counts UTF-16 code units, as JavaScript indexes strings', () => {
    const result = readMarkedText(`😀 ${mark('café')}`);
    expect(result.text.slice(...result.matches[0]!)).toBe('café');
  });

  it('never lets marker characters from the text pass for marks', () => {
    const text = neutralizeMarkers(`evil ${MATCH_START}text${MATCH_END}`);
    expect(text).toHaveLength(11);
    expect(readMarkedText(text).matches).toEqual([]);
  });
});

describe('stemPrefixes', () => {
  it('undoes the stemmer endings that are not prefixes of the words', () => {
    expect(stemPrefixes(['happi', 'hope', 'card', 'receiv'])).toEqual(['happ', 'hop', 'card', 'receiv']);
  });
});

describe('chooseSnippetWindow', () => {
  const transcript = fs.readFileSync(new URL('../../../../shared/datasets/ami-meetings/IS1002b.txt', import.meta.url), 'utf8');

  it('keeps a short text whole', () => {
    expect(chooseSnippetWindow('short ticket', ['ticket'])).toEqual([0, 12]);
  });

  it('centres a long transcript on the stretch where the most query words meet', () => {
    const [start, end] = chooseSnippetWindow(transcript, ['teletext', 'internet']);
    const window = transcript.slice(start, end).toLowerCase();
    expect(end - start).toBeLessThanOrEqual(1_500);
    expect(window).toContain('teletext');
    expect(window).toContain('internet');
  });

  it('falls back to the start when no word is found', () => {
    expect(chooseSnippetWindow(transcript, ['zzzz'])[0]).toBe(0);
  });

  it('locates the snippet inside its window', () => {
    expect(locateSnippet('one two three', 'two three')).toBe(4);
  });
});
