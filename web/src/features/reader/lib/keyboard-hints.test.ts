import { describe, expect, it } from 'vitest';
import { keyboardTarget, readerHelp } from './keyboard-hints';

const transcript = { kind: 'interview' as const, segments: [{ speaker: 'Ana', startMs: null, endMs: null, start: 0, end: 10 }] };

describe('keyboardTarget', () => {
  it('names what ↓ reaches in each kind of source: a turn, the customer’s message, the answer, a paragraph', () => {
    expect(keyboardTarget(transcript)).toBe('a turn');
    expect(keyboardTarget({ kind: 'ticket', segments: null })).toBe('the customer’s message');
    expect(keyboardTarget({ kind: 'survey_response', segments: null })).toBe('the answer');
    expect(keyboardTarget({ kind: 'note', segments: null })).toBe('a paragraph');
    // An interview pasted without speakers has no turns.
    expect(keyboardTarget({ kind: 'interview', segments: [] })).toBe('a paragraph');
  });
});

describe('readerHelp', () => {
  it('tells a mouse user the tag box opens by itself, and asks for h only after a keyboard move', () => {
    const help = readerHelp({ kind: 'ticket', segments: null });
    expect(help).toMatch(/^Select text with the mouse and the tag box opens\. Or press the down arrow or Tab to move to the customer’s message, then press h to tag it/);
    expect(help).not.toMatch(/turn/);
    expect(readerHelp(transcript)).toContain('move to a turn with the arrow keys (the down arrow goes to the first turn in view) or Tab, then press h');
  });
});
