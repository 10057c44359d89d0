import { describe, expect, it } from 'vitest';
import { describeMergeMoves } from './merge';

const linked = (count: number) => Array.from({ length: count }, () => ({}) as never);

describe('describeMergeMoves', () => {
  it("counts a problem's highlights, backlog links and opportunities", () => {
    expect(describeMergeMoves({ type: 'problem', evidenceCount: 3, backlogItems: linked(1), children: linked(2) })).toBe('3 highlights, 1 backlog link and 2 opportunities');
  });

  it('names the children by the type under it, and a solution has none to name', () => {
    expect(describeMergeMoves({ type: 'opportunity', evidenceCount: 1, backlogItems: [], children: linked(1) })).toBe('1 highlight, 0 backlog links and 1 solution');
    expect(describeMergeMoves({ type: 'solution', evidenceCount: 0, backlogItems: linked(2), children: [] })).toBe('0 highlights and 2 backlog links');
  });
});
