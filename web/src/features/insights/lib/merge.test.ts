import { describe, expect, it } from 'vitest';
import { describeMergeMoves, describeMergeUndo } from './merge';

describe('describeMergeMoves', () => {
  it("counts a problem's highlights, backlog links and opportunities", () => {
    expect(describeMergeMoves('problem', { highlights: 3, backlogItems: 1, children: 2 })).toBe('3 highlights, 1 backlog link and 2 opportunities');
  });

  it('names the children by the type under it, and a solution has none to name', () => {
    expect(describeMergeMoves('opportunity', { highlights: 1, backlogItems: 0, children: 1 })).toBe('1 highlight, 0 backlog links and 1 solution');
    expect(describeMergeMoves('solution', { highlights: 0, backlogItems: 2, children: 0 })).toBe('0 highlights and 2 backlog links');
  });
});

describe('describeMergeUndo', () => {
  const merge = { into: { id: 'kept', title: 'Exports fail' }, intoMergedSince: false, highlights: 12, backlogItems: 2, children: 1 };

  it('says what a restore takes back from the insight it was merged into', () => {
    expect(describeMergeUndo('problem', merge)).toBe('Restoring puts back the 12 highlights, 2 backlog links and 1 opportunity it gave to “Exports fail”');
  });

  it('asks to restore that insight first once it has been merged in turn', () => {
    expect(describeMergeUndo('problem', { ...merge, intoMergedSince: true })).toBe('Merged into “Exports fail”, which has since been merged too: restore “Exports fail” first');
  });
});
