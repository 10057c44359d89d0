const lastTagKey = (ws: string) => `cairn:last-tag:${ws}`;

/** The tag `t` applies: the last one used in this workspace, on this device. */
export function rememberLastTag(ws: string, tagId: string) {
  localStorage.setItem(lastTagKey(ws), tagId);
}

export function readLastTag(ws: string): string | null {
  return localStorage.getItem(lastTagKey(ws));
}
