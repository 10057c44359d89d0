import { describe, expect, it } from 'vitest';
import { interviewerOnlySpeakers, interviewerWordsMessage } from './interviewer-turns.js';

// "Intro\n\nHow do you export?\n\nBy hand.\n\nEvery week?\n\nYes.": a leading line, then turns.
const parts = ['Intro', 'How do you export?', 'By hand.', 'Every week?', 'Yes.'];
const body = parts.join('\n\n');
const at = (index: number) => parts.slice(0, index).join('\n\n').length + (index ? 2 : 0);
const turn = (index: number, speaker: string, interviewer?: boolean) => ({ speaker, start: at(index), end: at(index) + parts[index]!.length, ...(interviewer ? { interviewer } : {}) });
const segments = [turn(1, 'Maya', true), turn(2, 'Ana'), turn(3, 'Sam', true), turn(4, 'Ana')];
const question = segments[0]!;
const answer = segments[1]!;
const followUp = segments[2]!;

describe('interviewerOnlySpeakers', () => {
  it('names the interviewer of a range inside one of their turns, or all of it', () => {
    expect(interviewerOnlySpeakers(body, segments, question.start + 4, question.end - 1)).toEqual(['Maya']);
    expect(interviewerOnlySpeakers(body, segments, question.start, question.end)).toEqual(['Maya']);
  });

  it('names each interviewer of a range over their turns and the white space around them', () => {
    const twoInterviewers = [turn(1, 'Maya', true), turn(2, 'Sam', true)];
    expect(interviewerOnlySpeakers(body, twoInterviewers, question.start - 1, answer.end)).toEqual(['Maya', 'Sam']);
    expect(interviewerOnlySpeakers(body, segments, question.end, question.end + 1)).toEqual(['Maya']);
  });

  it('lets a range through once it holds a customer’s word, or a word of no turn', () => {
    expect(interviewerOnlySpeakers(body, segments, question.start, answer.start + 1)).toBeNull();
    expect(interviewerOnlySpeakers(body, segments, question.start, followUp.end)).toBeNull();
    expect(interviewerOnlySpeakers(body, segments, answer.start, answer.end)).toBeNull();
    expect(interviewerOnlySpeakers(body, segments, 0, question.end)).toBeNull();
  });

  it('lets everything through in a transcript that marks no interviewer, or a text without turns', () => {
    const unmarked = segments.map(({ speaker, start, end }) => ({ speaker, start, end }));
    expect(interviewerOnlySpeakers(body, unmarked, question.start, question.end)).toBeNull();
    expect(interviewerOnlySpeakers(body, null, question.start, question.end)).toBeNull();
  });
});

describe('interviewerWordsMessage', () => {
  it('says whose words they are', () => {
    expect(interviewerWordsMessage(['Maya'])).toBe('Only the customer’s own words can be highlighted; this passage is all the interviewer’s (Maya)');
    expect(interviewerWordsMessage(['Maya', 'Sam'])).toBe('Only the customer’s own words can be highlighted; this passage is all the interviewers’ (Maya and Sam)');
  });
});
