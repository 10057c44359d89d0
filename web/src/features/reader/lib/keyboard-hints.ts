import type { Source } from '@cairn/shared';

type HintedSource = Pick<Source, 'kind' | 'segments'>;

/**
 * What ↓ takes focus to while nothing in the text has it (as when the reader opens), for h, t and
 * l to act on: a transcript's turns, else the paragraphs `SourceBody` draws the body as (those of
 * a ticket's message or a survey's answer named by what they are part of).
 */
export function keyboardTarget(source: HintedSource): string {
  if (source.segments?.length) return 'a turn';
  if (source.kind === 'ticket') return 'the customer’s message';
  if (source.kind === 'survey_response') return 'the answer';
  return 'a paragraph';
}

/**
 * How to highlight, as a screen reader hears it on the text. Two ways, told apart: a selection
 * made with the mouse opens the tag box by itself (an h typed then names a tag), while the
 * keyboard moves to a block first and presses h.
 */
export function readerHelp(source: HintedSource): string {
  const move = source.segments?.length
    ? 'move to a turn with the arrow keys (the down arrow goes to the first turn in view) or Tab'
    : `press the down arrow or Tab to move to ${keyboardTarget(source)}`;
  return `Select text with the mouse and the tag box opens. Or ${move}, then press h to tag it, t to apply the last tag used, or l to link it to a problem or backlog item. Ctrl+F finds words in the text.`;
}
