import type { TextRange } from './find-in-text';
import { trimRange } from './highlight-runs';

/** A blank line (spaces allowed on it) ends a paragraph; a run of them is one break. */
const BLANK_LINES = /\n(?:[^\S\n]*\n)+/g;

/**
 * The paragraphs of a body without speaker turns, as ranges of that body: parted by blank lines,
 * from the start of a paragraph's first line (its indent kept) to its last word. The blank lines
 * between are no paragraph. A body with no blank line, or no words, is one paragraph.
 */
export function paragraphRanges(body: string): TextRange[] {
  const paragraphs: TextRange[] = [];
  let from = 0;
  for (const cut of [...body.matchAll(BLANK_LINES), { index: body.length, 0: '' }]) {
    const words = trimRange(body, from, cut.index);
    if (words) paragraphs.push({ start: Math.max(from, body.lastIndexOf('\n', words.start - 1) + 1), end: words.end });
    from = cut.index + cut[0].length;
  }
  return paragraphs.length ? paragraphs : [{ start: 0, end: body.length }];
}
