import { describe, expect, it } from 'vitest';
import { clipAtHiddenTurns, collapsedRowAt, countSpeakers, drawnBlocks, LINES_PER_PAGE, textOutsideTurns, turnKeyTarget, turnRows, turnToEnter } from './speakers';
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

describe('textOutsideTurns', () => {
  it('finds a title before the first turn, as the sample interview has, cut to its words', () => {
    const title = 'Copperleaf Coffee Roasters — customer interview\nResearch round "Getting money in", in person at the roastery.';
    const body = `${title}\n\nThanks for having me here.\n\nThree ways, really.`;
    const first = body.indexOf('Thanks');
    const second = body.indexOf('Three');
    expect(textOutsideTurns(body, [{ start: first, end: second - 2 }, { start: second, end: body.length }])).toEqual([{ start: 0, end: title.length }]);
  });

  it('finds words between and after turns, but not the blank lines between them', () => {
    const body = 'Ana says.\n\n[pause]\n\nBo says.\n\nRecorded in Lyon.\n';
    const stretches = textOutsideTurns(body, [{ start: 0, end: 9 }, { start: body.indexOf('Bo'), end: body.indexOf('Bo') + 8 }]);
    expect(stretches.map(({ start, end }) => body.slice(start, end))).toEqual(['[pause]', 'Recorded in Lyon.']);
    expect(textOutsideTurns('Ana says.\n\nBo says.', [{ start: 0, end: 9 }, { start: 11, end: 19 }])).toEqual([]);
  });
});

describe('turnRows with text outside turns', () => {
  // Text [0, 5), then turns every 10 from 10 (Ana, Bo, Cy, Ana), with text at [29, 30) (between Bo and Cy) and [60, 65) after the last.
  const segments = turns('Ana', 'Bo', 'Cy', 'Ana').map((turn) => ({ ...turn, start: turn.start + 10, end: turn.end + 10 }));
  const outside = [
    { start: 0, end: 5 },
    { start: 29, end: 30 },
    { start: 60, end: 65 },
  ];

  it('puts each text where it is read, between the turns around it', () => {
    const rows = turnRows(segments, new Set(), new Set(), outside);
    expect(rows.map((row) => (row.kind === 'text' ? `text ${row.start}` : row.kind === 'turn' ? `turn ${row.index}` : 'hidden'))).toEqual([
      'text 0',
      'turn 0',
      'turn 1',
      'text 29',
      'turn 2',
      'turn 3',
      'text 60',
    ]);
    expect(drawnBlocks(rows, segments).map((block) => block.start)).toEqual([0, 10, 20, 29, 30, 40, 60]);
  });

  it('folds a text between two hidden turns with them, and shows it again when their line opens', () => {
    const onlyAna = turnRows(segments, new Set(['Ana']), new Set(), outside);
    expect(onlyAna).toEqual([
      { kind: 'text', start: 0, end: 5 },
      { kind: 'turn', index: 0, revealed: false },
      { kind: 'hidden', from: 1, count: 2, expanded: false },
      { kind: 'turn', index: 3, revealed: false },
      { kind: 'text', start: 60, end: 65 },
    ]);
    expect(collapsedRowAt(onlyAna, segments, 29)).toEqual({ kind: 'hidden', from: 1, count: 2, expanded: false });
    expect(drawnBlocks(onlyAna, segments).map((block) => block.start)).toEqual([0, 10, 40, 60]);
    const opened = turnRows(segments, new Set(['Ana']), new Set([1]), outside);
    expect(drawnBlocks(opened, segments).map((block) => block.start)).toEqual([0, 10, 20, 29, 30, 40, 60]);
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

  it('moves a page of lines with PageUp and PageDown, stopping at the ends, and nowhere from an end', () => {
    expect(turnKeyTarget('PageDown', 2, 30)).toBe(2 + LINES_PER_PAGE);
    expect(turnKeyTarget('PageUp', 25, 30)).toBe(25 - LINES_PER_PAGE);
    expect(turnKeyTarget('PageDown', 25, 30)).toBe(29);
    expect(turnKeyTarget('PageUp', 3, 30)).toBe(0);
    expect(turnKeyTarget('PageDown', 29, 30)).toBeNull();
    expect(turnKeyTarget('PageUp', 0, 30)).toBeNull();
  });
});

describe('clipAtHiddenTurns', () => {
  // Turns of 8 characters every 10: Ana [0, 8), Bo [10, 18), Cy [20, 28), Ana [30, 38), Bo [40, 48).
  const segments = turns('Ana', 'Bo', 'Cy', 'Ana', 'Bo');
  const onlyAna = turnRows(segments, new Set(['Ana']), new Set());

  it('leaves a selection inside the turns shown as it is', () => {
    expect(clipAtHiddenTurns({ start: 2, end: 6 }, onlyAna, segments)).toEqual({ start: 2, end: 6, clipped: false });
    expect(clipAtHiddenTurns({ start: 2, end: 46 }, turnRows(segments, new Set(), new Set()), segments)).toEqual({ start: 2, end: 46, clipped: false });
  });

  it('stops a selection going on over a line of hidden turns before the first of them', () => {
    expect(clipAtHiddenTurns({ start: 2, end: 35 }, onlyAna, segments)).toEqual({ start: 2, end: 10, clipped: true });
  });

  it('stops at the first of several lines of hidden turns', () => {
    const onlyCy = turnRows(segments, new Set(['Cy']), new Set());
    expect(clipAtHiddenTurns({ start: 22, end: 45 }, onlyCy, segments)).toEqual({ start: 22, end: 30, clipped: true });
  });

  it('lets a selection run over hidden turns shown on request', () => {
    const opened = turnRows(segments, new Set(['Ana']), new Set([1]));
    expect(clipAtHiddenTurns({ start: 2, end: 35 }, opened, segments)).toEqual({ start: 2, end: 35, clipped: false });
    // The next line, still closed, stops it.
    expect(clipAtHiddenTurns({ start: 2, end: 47 }, opened, segments)).toEqual({ start: 2, end: 40, clipped: true });
  });

  it('gives nothing for a selection starting inside a hidden turn', () => {
    expect(clipAtHiddenTurns({ start: 12, end: 35 }, onlyAna, segments)).toBeNull();
  });

  it('stops a selection over a real meeting where the shown speaker’s turn ends, before the others’', () => {
    const { body, segments: meeting } = readMeetingTranscript();
    const rows = turnRows(meeting, new Set(['Marketing']), new Set());
    const shown = rows.flatMap((row) => (row.kind === 'turn' ? [row.index] : []));
    const pair = shown.findIndex((index, at) => at > 0 && index - shown[at - 1]! > 1);
    const first = meeting[shown[pair - 1]!]!;
    const next = meeting[shown[pair]!]!;
    const clipped = clipAtHiddenTurns({ start: first.start, end: next.end }, rows, meeting)!;
    expect(clipped.clipped).toBe(true);
    expect(body.slice(clipped.start, clipped.end).trimEnd()).toBe(body.slice(first.start, first.end));
  });
});

describe('turnToEnter', () => {
  const inView = (visible: boolean[]) => (index: number) => visible[index]!;

  it('goes from no focused turn to the first turn in view with ↓, the last in view with ↑, the first and last turns with Home and End', () => {
    const visible = inView([false, false, true, true, false]);
    expect(turnToEnter('ArrowDown', 5, visible)).toBe(2);
    expect(turnToEnter('ArrowUp', 5, visible)).toBe(3);
    expect(turnToEnter('Home', 5, visible)).toBe(0);
    expect(turnToEnter('End', 5, visible)).toBe(4);
  });

  it('leaves other keys, arrows with no turn in view and a text without turns to the page', () => {
    expect(turnToEnter('j', 1, inView([true]))).toBeNull();
    expect(turnToEnter('ArrowDown', 2, inView([false, false]))).toBeNull();
    expect(turnToEnter('ArrowUp', 2, inView([false, false]))).toBeNull();
    expect(turnToEnter('Home', 0, inView([]))).toBeNull();
  });
});
