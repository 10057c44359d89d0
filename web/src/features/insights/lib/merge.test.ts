import { describe, expect, it } from 'vitest';
import { describeMergeConfirm, describeMergeMoves, describeMergeUndo } from './merge';

describe('describeMergeMoves', () => {
  it("counts a problem's highlights, backlog links and opportunities", () => {
    expect(describeMergeMoves('problem', { highlights: 3, backlogItems: 1, children: 2 })).toBe('3 highlights, 1 backlog link and 2 opportunities');
  });

  it('names only what there is, children by the type under it, and a solution has none to name', () => {
    expect(describeMergeMoves('opportunity', { highlights: 1, backlogItems: 0, children: 1 })).toBe('1 highlight and 1 solution');
    expect(describeMergeMoves('solution', { highlights: 0, backlogItems: 2, children: 0 })).toBe('2 backlog links');
    expect(describeMergeMoves('problem', { highlights: 0, backlogItems: 0, children: 0 })).toBe('');
  });

  it('says how many of the moved highlights and backlog links the kept insight has already', () => {
    expect(describeMergeMoves('problem', { highlights: 12, highlightsAlreadyThere: 3, backlogItems: 2, backlogItemsAlreadyThere: 0, children: 0 })).toBe('12 highlights (3 of them already there) and 2 backlog links');
    expect(describeMergeMoves('problem', { highlights: 2, highlightsAlreadyThere: 2, backlogItems: 1, backlogItemsAlreadyThere: 1, children: 0 })).toBe('2 highlights (all already there) and 1 backlog link (already there)');
  });
});

describe('describeMergeConfirm', () => {
  it('says what moves from one to the other, agreeing with what there is', () => {
    expect(describeMergeConfirm('problem', { highlights: 12, highlightsAlreadyThere: 3, backlogItems: 0, children: 1 }, 'Exports time out', 'Exports fail')).toBe(
      '12 highlights (3 of them already there) and 1 opportunity move from “Exports time out” to “Exports fail”.',
    );
    expect(describeMergeConfirm('problem', { highlights: 1, backlogItems: 0, children: 0 }, 'A', 'B')).toBe('1 highlight moves from “A” to “B”.');
  });

  it('says so when nothing moves', () => {
    expect(describeMergeConfirm('problem', { highlights: 0, backlogItems: 0, children: 0 }, 'A', 'B')).toBe('Nothing backs “A” yet: nothing moves to “B”.');
  });
});

describe('describeMergeUndo', () => {
  const merge = { into: { id: 'kept', title: 'Exports fail' }, intoMergedSince: false, highlights: 12, backlogItems: 2, children: 1 };

  it('says what a restore takes back from the insight it was merged into, naming only what there is', () => {
    expect(describeMergeUndo('problem', merge)).toBe('Restoring puts back the 12 highlights, 2 backlog links and 1 opportunity it gave to “Exports fail”');
    expect(describeMergeUndo('problem', { ...merge, backlogItems: 0, children: 0 })).toBe('Restoring puts back the 12 highlights it gave to “Exports fail”');
    expect(describeMergeUndo('problem', { ...merge, highlights: 0, backlogItems: 0, children: 0 })).toBe('Merged into “Exports fail”; restoring takes nothing back from it');
  });

  it('asks to restore that insight first once it has been merged in turn', () => {
    expect(describeMergeUndo('problem', { ...merge, intoMergedSince: true })).toBe('Merged into “Exports fail”, which has since been merged too: restore “Exports fail” first');
  });
});
