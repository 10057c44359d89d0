import { WHOLE_SOURCE_KINDS, type SearchResult, type Source } from '@cairn/shared';

type Range = { start: number; end: number };

const SENTENCE_ENDS = /[.!?…](?=\s|$)/g;
const SENTENCE_END = /[.!?…](?=\s|$)/;

/** The range without the white space at its ends. */
function trimmed(body: string, { start, end }: Range): Range {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return { start, end };
}

/** The speaker turn holding `at`, or else its paragraph: a quote never runs from one person into another. */
function turnAround(source: Source, at: number): Range {
  const turn = source.segments?.find((segment) => segment.start <= at && at < segment.end);
  if (turn) return { start: turn.start, end: turn.end };
  const before = source.body.lastIndexOf('\n', at - 1);
  const after = source.body.indexOf('\n', at);
  return { start: before + 1, end: after === -1 ? source.body.length : after };
}

/**
 * The passage a source result stands for, as a highlight would quote it: the whole ticket or
 * answer; in an interview, the sentences the snippet shows around the first match, inside the
 * turn that holds it (not the interviewer's question before it, nor a half sentence).
 */
export function resultPassage(result: SearchResult, source: Source): Range {
  const { body } = source;
  if (WHOLE_SOURCE_KINDS.has(result.kind)) return trimmed(body, { start: 0, end: body.length });
  const [matchStart = 0] = result.matches[0] ?? [];
  const turn = turnAround(source, result.snippetStart + matchStart);
  let start = Math.max(turn.start, result.snippetStart);
  let end = Math.min(turn.end, result.snippetStart + result.snippet.length);
  // Back to the start of the sentence, on to its end, without leaving the turn.
  const earlier = [...body.slice(turn.start, start).matchAll(SENTENCE_ENDS)].at(-1);
  start = earlier ? turn.start + earlier.index + 1 : turn.start;
  if (!SENTENCE_END.test(body.slice(end - 1, end + 1))) {
    const later = SENTENCE_END.exec(body.slice(end, turn.end));
    end = later ? end + later.index + 1 : turn.end;
  }
  return trimmed(body, { start, end });
}
