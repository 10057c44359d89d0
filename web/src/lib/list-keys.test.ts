import { describe, expect, it } from 'vitest';
import { listKeyAction } from './list-keys';

const press = (key: string, held: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => listKeyAction({ key, ctrlKey: false, metaKey: false, altKey: false, ...held });

describe('listKeyAction', () => {
  it('moves down with j or ↓ and up with k or ↑', () => {
    expect([press('j'), press('ArrowDown'), press('k'), press('ArrowUp')]).toEqual([{ move: 1 }, { move: 1 }, { move: -1 }, { move: -1 }]);
  });

  it('selects with x, and with Shift-x, whose key is a capital X', () => {
    expect([press('x'), press('X')]).toEqual(['select', 'select']);
  });

  it('opens with Enter and goes to the search box with /', () => {
    expect([press('Enter'), press('/')]).toEqual(['open', 'search']);
  });

  it('leaves a key held with Ctrl, ⌘ or Alt to the browser and the app (Ctrl-K opens the palette, not the row above)', () => {
    expect([press('k', { ctrlKey: true }), press('k', { metaKey: true }), press('j', { altKey: true }), press('x', { ctrlKey: true })]).toEqual([null, null, null, null]);
  });

  it('does nothing for other keys', () => {
    expect([press('h'), press(' '), press('Escape')]).toEqual([null, null, null]);
  });
});
