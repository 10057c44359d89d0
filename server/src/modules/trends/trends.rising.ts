import { RISING_MIN_HIGHLIGHTS, RISING_TAGS_MAX, type RisingTag, type TagRef } from '@cairn/shared';

/** Shares and changes leave the API to 4 decimals (a hundredth of a percent). */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Tags whose share of the tagged highlights grew from the bucket before the latest to the latest
 * (docs/decisions/015-trends.md). Shares, not counts: the latest bucket is often still running
 * (this week so far), and a share compares a half-finished week fairly with a whole one. A tag
 * needs RISING_MIN_HIGHLIGHTS in the latest bucket, so that one highlight after none is not
 * "new" and two after one not "+100%". Tags used in the latest bucket and not in the one before
 * are new (`change` null) and come first, most used first; then the rest by growth.
 *
 * `totals[i]` is the tagged highlights of bucket i, `tags[].highlights[i]` the tag's.
 */
export function risingTags(totals: number[], tags: Array<{ tag: TagRef; highlights: number[] }>): RisingTag[] {
  const last = totals.length - 1;
  if (last < 1) return [];
  const [previousTotal, currentTotal] = [totals[last - 1]!, totals[last]!];
  const rising: Array<RisingTag & { exactChange: number | null }> = [];
  for (const { tag, highlights } of tags) {
    const [previous, current] = [highlights[last - 1] ?? 0, highlights[last] ?? 0];
    if (current < RISING_MIN_HIGHLIGHTS) continue;
    // current > 0, so currentTotal > 0; previous > 0 means previousTotal > 0.
    const currentShare = current / currentTotal;
    const previousShare = previous ? previous / previousTotal : 0;
    const exactChange = previous ? currentShare / previousShare - 1 : null;
    if (exactChange !== null && exactChange <= 0) continue;
    rising.push({
      tag,
      previous,
      current,
      previousShare: round(previousShare),
      currentShare: round(currentShare),
      change: exactChange === null ? null : round(exactChange),
      highlights,
      exactChange,
    });
  }
  rising.sort(
    (a, b) =>
      Number(b.exactChange === null) - Number(a.exactChange === null) ||
      (b.exactChange ?? 0) - (a.exactChange ?? 0) ||
      b.current - a.current ||
      a.tag.name.localeCompare(b.tag.name) ||
      a.tag.id.localeCompare(b.tag.id),
  );
  return rising.slice(0, RISING_TAGS_MAX).map(({ exactChange: _, ...tag }) => tag);
}
