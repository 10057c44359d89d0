import { describe, expect, it } from 'vitest';
import { placePopover, POPOVER_GAP, POPOVER_MIN_HEIGHT } from './popover-placement';

/** A window 800 pixels high, and a popover 300 high. */
const WINDOW = 800;
const HEIGHT = 300;

describe('placePopover', () => {
  it('puts the popover under the passage when it fits there', () => {
    expect(placePopover({ top: 100, bottom: 120 }, HEIGHT, WINDOW)).toEqual({ top: 120 + POPOVER_GAP, maxHeight: WINDOW - 120 - 2 * POPOVER_GAP });
  });

  it('puts it above the passage, its bottom against it, when the window’s bottom would cut it off', () => {
    const placed = placePopover({ top: 600, bottom: 620 }, HEIGHT, WINDOW);
    expect(placed.top + HEIGHT).toBe(600 - POPOVER_GAP);
    expect(placed.maxHeight).toBeGreaterThanOrEqual(HEIGHT);
  });

  it('fitting on neither side, takes the side with more room, against the passage, and scrolls inside', () => {
    // 594 - 406 = 188 below, 394 - 6 = 388 above: above, its bottom at the passage.
    const above = placePopover({ top: 400, bottom: 400 }, 500, 600);
    expect(above).toEqual({ top: POPOVER_GAP, maxHeight: 400 - 2 * POPOVER_GAP });
    expect(above.top + above.maxHeight).toBe(400 - POPOVER_GAP);
    // The other way round: under it, from its bottom to the window's.
    expect(placePopover({ top: 200, bottom: 200 }, 500, 600)).toEqual({ top: 200 + POPOVER_GAP, maxHeight: 600 - 200 - 2 * POPOVER_GAP });
  });

  it('goes over a passage that leaves too little room on either side, inside the window', () => {
    const placed = placePopover({ top: 20, bottom: WINDOW - 20 }, HEIGHT, WINDOW);
    expect(20 - 2 * POPOVER_GAP).toBeLessThan(POPOVER_MIN_HEIGHT);
    expect(placed).toEqual({ top: WINDOW - POPOVER_GAP - HEIGHT, maxHeight: HEIGHT });
    // Taller than the window: all of it, scrolling inside.
    expect(placePopover({ top: 20, bottom: WINDOW - 20 }, 2000, WINDOW)).toEqual({ top: POPOVER_GAP, maxHeight: WINDOW - 2 * POPOVER_GAP });
  });

  it('keeps the popover of a passage scrolled out of the window at the window’s edge nearest to it', () => {
    expect(placePopover({ top: -400, bottom: -300 }, HEIGHT, WINDOW).top).toBe(POPOVER_GAP);
    expect(placePopover({ top: 1200, bottom: 1300 }, HEIGHT, WINDOW).top).toBe(WINDOW - POPOVER_GAP - HEIGHT);
  });
});
