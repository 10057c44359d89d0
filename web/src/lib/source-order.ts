/**
 * The order `j`/`k` walk through sources in the reader: the list the person came from (the
 * Inbox, the Highlights page, a search), kept per workspace in sessionStorage. A list page calls
 * `rememberSourceOrder` with its source ids when someone opens one of them.
 */
const orderKey = (ws: string) => `cairn:source-order:${ws}`;

/** `ids` in the list's order; a source listed more than once (several of its highlights) is walked through once. */
export function rememberSourceOrder(ws: string, ids: string[]) {
  sessionStorage.setItem(orderKey(ws), JSON.stringify([...new Set(ids)]));
}

export function readSourceOrder(ws: string): string[] {
  try {
    const ids = JSON.parse(sessionStorage.getItem(orderKey(ws)) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
