import { describe, expect, it } from 'vitest';
import { paragraphRanges } from './paragraphs';

const texts = (body: string) => paragraphRanges(body).map(({ start, end }) => body.slice(start, end));

describe('paragraphRanges', () => {
  it('parts a body at blank lines, however many and with spaces on them, into ranges of that body', () => {
    const body = 'Export fails.\nEvery time.\n\n  Steps: open the report.\n \n\n\nThanks, Ana\n';
    expect(texts(body)).toEqual(['Export fails.\nEvery time.', '  Steps: open the report.', 'Thanks, Ana']);
    expect(paragraphRanges(body)[1]).toEqual({ start: body.indexOf('  Steps'), end: body.indexOf('report.') + 'report.'.length });
  });

  it('keeps a single long line, or lines with no blank one between, as one paragraph', () => {
    const line = 'word '.repeat(2000).trim();
    expect(paragraphRanges(line)).toEqual([{ start: 0, end: line.length }]);
    expect(texts('one\ntwo\nthree')).toEqual(['one\ntwo\nthree']);
  });

  it('leaves out blank lines before the first paragraph and Windows line ends, and makes a body of no words one block', () => {
    expect(texts('\n\n  \nFirst\r\n\r\nSecond')).toEqual(['First', 'Second']);
    expect(paragraphRanges('  \n\n ')).toEqual([{ start: 0, end: 5 }]);
  });
});
