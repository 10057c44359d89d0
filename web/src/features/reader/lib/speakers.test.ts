import { describe, expect, it } from 'vitest';
import { collapsedRowAt, countSpeakers, turnKeyTarget, turnRows } from './speakers';
import { readMeetingTranscript } from './test-transcript';

const turns = (...speakers: string[]) => speakers.map((speaker, index) => ({ speaker, start: index * 10, end: index * 10 + 8 }));

describe('countSpeakers', () => {
  it('counts the turns of each speaker of a real meeting, in the order they first speak', () => {
    const { segments } = readMeetingTranscript();
    expect(countSpeakers(segments)).toEqual([
      { speaker: 'Project Manager', turns: 210 },
      { speaker: 'Industrial Designer', turns: 122 },
      { speaker: 'User Interface', turns: 173 },
      { speaker: 'Marketing', turns: 94 },
    ]);
  });

  it('keeps turns without a speaker together under the empty name', () => {
    expect(countSpeakers(turns('', 'Ana', ''))).toEqual([
      { speaker: '', turns: 2 },
      { speaker: 'Ana', turns: 1 },
    ]);
  });
});

describe('turnRows', () => {
  const segments = turns('Ana', 'Bo', 'Cy', 'Ana', 'Bo', 'Bo');

  it('shows every turn when no speaker is chosen', () => {
    expect(turnRows(segments, new Set(), new Set()).map((row) => row.kind === 'turn' && row.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('collapses each run of turns by the others into one line', () => {
    expect(turnRows(segments, new Set(['Ana']), new Set())).toEqual([
      { kind: 'turn', index: 0, revealed: false },
      { kind: 'hidden', from: 1, count: 2, expanded: false },
      { kind: 'turn', index: 3, revealed: false },
      { kind: 'hidden', from: 4, count: 2, expanded: false },
    ]);
  });

  it('shows the turns of an expanded run after its line, marked as revealed', () => {
    expect(turnRows(segments, new Set(['Ana', 'Cy']), new Set([1]))).toEqual([
      { kind: 'turn', index: 0, revealed: false },
      { kind: 'hidden', from: 1, count: 1, expanded: true },
      { kind: 'turn', index: 1, revealed: true },
      { kind: 'turn', index: 2, revealed: false },
      { kind: 'turn', index: 3, revealed: false },
      { kind: 'hidden', from: 4, count: 2, expanded: false },
    ]);
  });
});

describe('collapsedRowAt', () => {
  const segments = turns('Ana', 'Bo', 'Cy', 'Ana');
  const rows = turnRows(segments, new Set(['Ana']), new Set());

  it('finds the collapsed line hiding the turn that holds an offset', () => {
    expect(collapsedRowAt(rows, segments, 23)).toEqual({ kind: 'hidden', from: 1, count: 2, expanded: false });
  });

  it('finds none for a shown turn, a gap between turns or an expanded run', () => {
    expect(collapsedRowAt(rows, segments, 3)).toBeNull();
    expect(collapsedRowAt(rows, segments, 9)).toBeNull();
    expect(collapsedRowAt(turnRows(segments, new Set(['Ana']), new Set([1])), segments, 23)).toBeNull();
  });
});

describe('turnKeyTarget', () => {
  it('moves one line with the arrows, to the ends with Home and End, and nowhere past them', () => {
    expect(turnKeyTarget('ArrowDown', 2, 5)).toBe(3);
    expect(turnKeyTarget('ArrowUp', 2, 5)).toBe(1);
    expect(turnKeyTarget('Home', 2, 5)).toBe(0);
    expect(turnKeyTarget('End', 2, 5)).toBe(4);
    expect(turnKeyTarget('ArrowDown', 4, 5)).toBeNull();
    expect(turnKeyTarget('ArrowUp', 0, 5)).toBeNull();
    expect(turnKeyTarget('j', 2, 5)).toBeNull();
  });
});
