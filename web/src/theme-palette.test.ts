import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The colour tokens of styles.css's :root, each as its [light, dark] pair of hex colours. */
function readPalette(): Map<string, [string, string]> {
  const css = fs.readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
  const root = /^:root \{([^}]*)\}/m.exec(css)?.[1] ?? '';
  const tokens = root.matchAll(/--([\w-]+): light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/gi);
  return new Map([...tokens].map(([, name, light, dark]) => [name!, [light!, dark!]]));
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter! + 0.05) / (darker! + 0.05);
}

const AA_TEXT = 4.5;
/** Focus rings and the like: WCAG's 3:1 for what is not text. */
const AA_NON_TEXT = 3;

// [foreground, background, minimum]: every pair of tokens that rules put text (or a ring) on.
const PAIRS: Array<[string, string, number]> = [
  ['text', 'bg', AA_TEXT],
  ['text', 'surface', AA_TEXT],
  ['text', 'surface-2', AA_TEXT],
  ['text-muted', 'bg', AA_TEXT],
  ['text-muted', 'surface', AA_TEXT],
  ['text-muted', 'surface-2', AA_TEXT],
  ['accent', 'bg', AA_TEXT],
  ['accent', 'surface', AA_TEXT],
  ['accent-strong', 'accent-soft', AA_TEXT],
  ['on-fill', 'accent', AA_TEXT],
  ['on-fill', 'accent-strong', AA_TEXT],
  ['on-fill', 'success', AA_TEXT],
  ['on-fill', 'danger', AA_TEXT],
  ['danger', 'surface', AA_TEXT],
  ['danger', 'danger-soft', AA_TEXT],
  ['success', 'surface', AA_TEXT],
  ['success', 'success-soft', AA_TEXT],
  ['warning', 'surface', AA_TEXT],
  ['warning', 'warning-soft', AA_TEXT],
  ['purple', 'purple-soft', AA_TEXT],
  ['text', 'selected', AA_TEXT],
  ['text', 'mark', AA_TEXT],
  ['text', 'mark-strong', AA_TEXT],
  ['mark-text', 'mark', AA_TEXT],
  ['text', 'pending', AA_TEXT],
  ['text', 'find-match', AA_TEXT],
  ['text', 'find-current', AA_TEXT],
  ['focus', 'bg', AA_NON_TEXT],
  ['focus', 'surface', AA_NON_TEXT],
  // The sidebar is dark on both themes, and its links and switcher take the same ring.
  ['focus', 'sidebar-bg', AA_NON_TEXT],
];

describe('the colour palette', () => {
  const palette = readPalette();

  it('gives every token a light and a dark colour', () => {
    for (const [foreground, background] of PAIRS) {
      expect(palette.get(foreground), foreground).toBeDefined();
      expect(palette.get(background), background).toBeDefined();
    }
  });

  it.each([
    ['light', 0],
    ['dark', 1],
  ] as const)('keeps text readable on its backgrounds in the %s theme (WCAG AA)', (_theme, side) => {
    const failing = PAIRS.flatMap(([foreground, background, minimum]) => {
      const ratio = contrast(palette.get(foreground)![side], palette.get(background)![side]);
      return ratio < minimum ? [`${foreground} on ${background}: ${ratio.toFixed(2)} < ${minimum}`] : [];
    });
    expect(failing).toEqual([]);
  });
});
