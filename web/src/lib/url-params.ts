/**
 * The params with a change written in: a value set, an empty or absent one removed, the others
 * kept. One URL update for a whole change (both ends of a range, say): two in a row would each
 * start from the same old params.
 */
export function withParams(params: URLSearchParams, change: Record<string, string | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
