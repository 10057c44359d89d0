import { describe, expect, it } from 'vitest';
import { CURRENT_FIND_RUN, FIND_RUN, formatTimestamp, PASSAGE_RUN, PENDING_RUN, runClassName, savedIds, splitRuns, trimRange } from './highlight-runs';

describe('splitRuns', () => {
  it('returns one plain run when nothing is highlighted', () => {
    expect(splitRuns(0, 10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it('cuts overlapping highlights into runs that know every highlight they belong to', () => {
    const runs = splitRuns(0, 20, [
      { id: 'a', start: 2, end: 10 },
      { id: 'b', start: 5, end: 15 },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 10, ids: ['a', 'b'] },
      { start: 10, end: 15, ids: ['b'] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it('clips highlights to the part of the body being drawn (one speaker turn)', () => {
    expect(splitRuns(10, 20, [{ id: 'a', start: 0, end: 12 }, { id: 'b', start: 25, end: 30 }])).toEqual([
      { start: 10, end: 12, ids: ['a'] },
      { start: 12, end: 20, ids: [] },
    ]);
  });
});

describe('runClassName', () => {
  const highlight = '7f1c2d3e-0000-4000-8000-000000000001';

  it('keeps the search passage’s class under a find match, so both are drawn', () => {
    const runs = splitRuns(0, 30, [
      { id: PASSAGE_RUN, start: 5, end: 20 },
      { id: FIND_RUN, start: 0, end: 8 },
      { id: CURRENT_FIND_RUN, start: 15, end: 25 },
    ]);
    expect(runs.map((run) => runClassName(run.ids))).toEqual(['find-match', 'find-match search-passage', 'search-passage', 'find-match find-current search-passage', 'find-match find-current', '']);
  });

  it('marks saved highlights, their overlap and the active one apart from the passage being tagged', () => {
    expect(runClassName([highlight, 'other'], highlight)).toBe('hl hl-overlap hl-active');
    expect(runClassName([PENDING_RUN])).toBe('hl hl-pending');
    expect(savedIds([highlight, PENDING_RUN, FIND_RUN, CURRENT_FIND_RUN, PASSAGE_RUN])).toEqual([highlight]);
  });
});

describe('trimRange', () => {
  it('drops whitespace at both edges and refuses a range of only whitespace', () => {
    expect(trimRange('  hello \n', 0, 9)).toEqual({ start: 2, end: 7 });
    expect(trimRange('a   b', 1, 4)).toBeNull();
  });
});

describe('formatTimestamp', () => {
  it('writes mm:ss, with hours past the first', () => {
    expect(formatTimestamp(65_000)).toBe('01:05');
    expect(formatTimestamp(3_725_000)).toBe('1:02:05');
  });
});
