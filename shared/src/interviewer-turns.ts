import type { SourceSegment } from './schemas/sources.js';
import { listOf } from './words.js';

type Turn = Pick<SourceSegment, 'speaker' | 'start' | 'end' | 'interviewer'>;

/**
 * The interviewers whose turns make up all of `[start, end)` of a transcript's body: the range
 * holds no character but white space outside the turns marked `interviewer`, and lies in or
 * against at least one of them. Evidence is the customer's own words (ADR 017), so such a range
 * cannot be a highlight; a range with the interviewer's question and the customer's answer can
 * (it keeps the context), and is the customer's. Null when the range holds some of the customer's
 * words, or the transcript marks no interviewer. Turns come in reading order, as stored.
 */
export function interviewerOnlySpeakers(body: string, segments: readonly Turn[] | null | undefined, start: number, end: number): string[] | null {
  const turns = (segments ?? []).filter((turn) => turn.interviewer && turn.start <= end && turn.end >= start);
  if (turns.length === 0) return null;
  let from = start;
  for (const turn of turns) {
    if (/\S/.test(body.slice(from, Math.min(turn.start, end)))) return null;
    from = Math.max(from, turn.end);
  }
  if (/\S/.test(body.slice(from, end))) return null;
  return [...new Set(turns.map((turn) => turn.speaker))];
}

/** Why a range of `interviewerOnlySpeakers` cannot be highlighted, naming them: the API's message and the reader's. */
export function interviewerWordsMessage(speakers: readonly string[]): string {
  const whose = speakers.length === 1 ? 'the interviewer’s' : 'the interviewers’';
  return `Only the customer’s own words can be highlighted; this passage is all ${whose} (${listOf([...speakers])})`;
}
