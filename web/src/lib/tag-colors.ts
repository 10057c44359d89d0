/*
 * A tag's colour is picked once, for any theme: these keep its hue and move its lightness (OKLCH)
 * just enough to read on the theme in use. light-dark() follows the root's color-scheme (styles.css).
 */

/** The tag's colour as text: at most mid-dark on the light theme, at least light on the dark one (WCAG AA on the chip's tint). */
export function tagTextColor(color: string): string {
  return `light-dark(oklch(from ${color} min(l, 0.5) c h), oklch(from ${color} max(l, 0.8) c h))`;
}

/** The tag's colour as a line or dot: as picked on the light theme, lifted on the dark one so that a dark colour still shows. */
export function tagLineColor(color: string): string {
  return `light-dark(${color}, oklch(from ${color} max(l, 0.7) c h))`;
}
