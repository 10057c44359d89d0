// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Source } from '@cairn/shared';
import { mountRoot } from '../../../testing/mount';
import { turnRows } from '../lib/speakers';
import { SourceBody } from './source-body';

const { render } = mountRoot();

const TURNS = ['Ana', 'Bo', 'Ana', 'Bo', 'Ana'].map((speaker, index) => ({ speaker, text: `Turn ${index} by ${speaker}.` }));
const TRANSCRIPT_BODY = TURNS.map((turn) => turn.text).join('\n\n');
let offset = 0;
const SEGMENTS = TURNS.map(({ speaker, text }) => {
  const segment = { speaker, startMs: null, endMs: null, start: offset, end: offset + text.length };
  offset += text.length + 2;
  return segment;
});
const transcript = { kind: 'interview', title: 'Interview', body: TRANSCRIPT_BODY, segments: SEGMENTS, customer: null, metadata: {}, highlights: [] } as Partial<Source> as Source;

const NOTE_BODY = 'Exports fail every Monday.\nSince the upgrade.\n\n\n  Steps: open the report, press Export.\n \nThanks, Ana';
const note = { kind: 'note', title: 'Exports', body: NOTE_BODY, segments: null, customer: null, metadata: {}, highlights: [] } as Partial<Source> as Source;

/** The lines of the list the keys move between, and which of them Tab stops at. */
const lines = () => [...document.querySelectorAll<HTMLElement>('[data-stop]')];
const tabStops = () => lines().filter((line) => line.tabIndex === 0);
const focusedStart = () => (document.activeElement as HTMLElement | null)?.dataset.blockStart;

/** Presses `key` on whatever has focus, as the browser sends it. */
const press = (key: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
const focus = (element: HTMLElement) => act(() => element.focus());

describe('SourceBody by keyboard', () => {
  it('makes a transcript one Tab stop that moves with the focus between turns, by arrows, Home, End and pages', async () => {
    await render(<SourceBody source={transcript} marks={[]} />);
    expect(document.querySelector('ol')!.getAttribute('aria-label')).toBe('Transcript, 5 turns');
    expect(lines()).toHaveLength(5);
    // Before any turn had focus, Tab stops at the first.
    expect(tabStops().map((line) => line.dataset.blockStart)).toEqual([String(SEGMENTS[0]!.start)]);

    await focus(lines()[0]!);
    await press('ArrowDown');
    await press('ArrowDown');
    expect(focusedStart()).toBe(String(SEGMENTS[2]!.start));
    // The turn last focused is the one Tab comes back to, the only one.
    expect(tabStops()).toEqual([document.activeElement]);
    await press('End');
    expect(focusedStart()).toBe(String(SEGMENTS[4]!.start));
    await press('PageUp');
    expect(focusedStart()).toBe(String(SEGMENTS[0]!.start));
    await press('PageDown');
    expect(focusedStart()).toBe(String(SEGMENTS[4]!.start));
    expect(tabStops()).toEqual([document.activeElement]);
  });

  it('counts a line of hidden turns as a line of the list, and gives the Tab stop back to the first line when the one focused goes', async () => {
    const onlyAna = turnRows(SEGMENTS, new Set(['Ana']), new Set());
    await render(<SourceBody source={transcript} marks={[]} rows={onlyAna} />);
    // Ana, Bo's line, Ana, Bo's line, Ana.
    expect(lines().map((line) => line.tagName)).toEqual(['LI', 'BUTTON', 'LI', 'BUTTON', 'LI']);
    await focus(lines()[0]!);
    await press('ArrowDown');
    expect(document.activeElement).toBe(lines()[1]);
    expect(tabStops()).toEqual([lines()[1]]);
    await press('ArrowDown');
    expect(focusedStart()).toBe(String(SEGMENTS[2]!.start));

    // Every turn shown again: the line of hidden turns that had been the Tab stop is gone, the turn focused last stays it.
    await render(<SourceBody source={transcript} marks={[]} rows={turnRows(SEGMENTS, new Set(), new Set())} />);
    expect(tabStops().map((line) => line.dataset.blockStart)).toEqual([String(SEGMENTS[2]!.start)]);
    await render(<SourceBody source={transcript} marks={[]} rows={turnRows(SEGMENTS, new Set(['Bo']), new Set())} />);
    expect(tabStops()).toEqual([lines()[0]]);
  });

  it('draws a text without turns as its paragraphs, at the body’s offsets, one Tab stop moved through by the arrows', async () => {
    await render(<SourceBody source={note} marks={[{ id: 'h1', start: NOTE_BODY.indexOf('Monday'), end: NOTE_BODY.indexOf('Steps') + 5 }]} />);
    expect(document.querySelector('ol')!.getAttribute('aria-label')).toBe('Text, 3 paragraphs');
    const paragraphs = lines().map((line) => [Number(line.dataset.blockStart), Number(line.dataset.blockEnd), line.textContent]);
    expect(paragraphs.map(([start, end]) => NOTE_BODY.slice(start as number, end as number))).toEqual(['Exports fail every Monday.\nSince the upgrade.', '  Steps: open the report, press Export.', 'Thanks, Ana']);
    // Each paragraph draws exactly its stretch of the body, a highlight across two cut at the blank lines.
    expect(paragraphs.map(([start, end, text]) => text === NOTE_BODY.slice(start as number, end as number))).toEqual([true, true, true]);
    expect([...document.querySelectorAll<HTMLElement>('mark[data-ids="h1"]')].map((mark) => [Number(mark.dataset.start), mark.textContent])).toEqual([
      [NOTE_BODY.indexOf('Monday'), 'Monday.\nSince the upgrade.'],
      [NOTE_BODY.indexOf('  Steps'), '  Steps'],
    ]);

    expect(tabStops()).toEqual([lines()[0]]);
    await focus(lines()[0]!);
    await press('ArrowDown');
    expect(focusedStart()).toBe(String(NOTE_BODY.indexOf('  Steps')));
    expect(tabStops()).toEqual([document.activeElement]);
    await press('ArrowDown');
    await press('ArrowDown');
    expect(focusedStart()).toBe(String(NOTE_BODY.indexOf('Thanks')));
  });

  describe('with part of the page covered', () => {
    afterEach(() => void vi.restoreAllMocks());

    it('scrolls the line the arrows move to out from under a bar stuck over the page, and up from the window’s bottom', async () => {
      await render(<SourceBody source={transcript} marks={[]} />);
      // Lines 40 pixels high every 50 from -30, under a bar 48 high at the top of a window 150 high.
      const BAR = document.createElement('header');
      const top = (line: number) => -30 + line * 50;
      vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
        const line = lines().indexOf(this);
        return { top: top(line), bottom: top(line) + 40, left: 0, right: 600, x: 0, y: top(line), width: 600, height: 40 } as DOMRect;
      });
      vi.spyOn(document, 'elementFromPoint').mockImplementation((_x, y) => {
        if (y < 48) return BAR;
        return y < 150 ? (lines().find((_, line) => y >= top(line) && y < top(line) + 40)?.firstElementChild ?? null) : null;
      });
      const scrolled: Array<[string | undefined, unknown]> = [];
      vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement, options) {
        scrolled.push([this.dataset.blockStart, options]);
      });

      await focus(lines()[0]!);
      await press('ArrowDown');
      // Its top under the bar: to the top, below the bar (the line's scroll margin).
      expect(scrolled).toEqual([[String(SEGMENTS[1]!.start), { block: 'start' }]]);
      await press('ArrowDown');
      // Seen whole: where it is.
      expect(scrolled).toHaveLength(1);
      await press('ArrowDown');
      // Its bottom past the window's: just enough.
      expect(scrolled.at(-1)).toEqual([String(SEGMENTS[3]!.start), { block: 'nearest' }]);
      expect(focusedStart()).toBe(String(SEGMENTS[3]!.start));
    });
  });

  it('keeps a single long line one paragraph', async () => {
    const line = 'The export spinner never stops, '.repeat(200).trim();
    await render(<SourceBody source={{ ...note, body: line }} marks={[]} />);
    expect(document.querySelector('ol')!.getAttribute('aria-label')).toBe('Text, 1 paragraph');
    expect(lines().map((block) => [block.dataset.blockStart, block.dataset.blockEnd])).toEqual([['0', String(line.length)]]);
  });
});
