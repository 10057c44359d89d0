/** Between the popover and the passage, and the popover and the window's edges. */
export const POPOVER_GAP = 6;
/** Less room than this on either side of a passage and the popover's box, list and buttons would not be usable scrolled inside it: it goes over the passage instead. */
export const POPOVER_MIN_HEIGHT = 160;

/** Where the tag popover goes, in window pixels: its top, and the most it may take of the window's height (past it, it scrolls inside). */
export type PopoverPlacement = { top: number; maxHeight: number };

/**
 * Places the popover of `height` for a passage spanning `top` to `bottom` in a window
 * `viewportHeight` high: under the passage, else above it; when it fits on neither side, on the
 * side with more room, against the passage, scrolling inside, so that it never floats away from
 * what it tags. A passage scrolled out of the window gets it at the window's edge nearest to it.
 */
export function placePopover(passage: { top: number; bottom: number }, height: number, viewportHeight: number): PopoverPlacement {
  const floor = viewportHeight - POPOVER_GAP;
  const belowTop = Math.max(POPOVER_GAP, passage.bottom + POPOVER_GAP);
  const aboveBottom = Math.min(floor, passage.top - POPOVER_GAP);
  const roomBelow = floor - belowTop;
  const roomAbove = aboveBottom - POPOVER_GAP;
  if (height <= roomBelow) return { top: belowTop, maxHeight: roomBelow };
  if (height <= roomAbove) return { top: aboveBottom - height, maxHeight: roomAbove };
  if (Math.max(roomBelow, roomAbove) >= POPOVER_MIN_HEIGHT) return roomBelow >= roomAbove ? { top: belowTop, maxHeight: roomBelow } : { top: POPOVER_GAP, maxHeight: roomAbove };
  // The passage fills the window: over it, at the window's bottom, as far up as it needs.
  const maxHeight = Math.min(height, floor - POPOVER_GAP);
  return { top: floor - maxHeight, maxHeight };
}
