import { vi } from 'vitest';
import type { Catalog, CreateHighlightBody, Highlight, Tag } from '@cairn/shared';
import { json, WS } from '../../../testing/mount';
import { aHighlight, aNoteSource, NOTE_ID } from './source';

/** The id the server gives the highlight a test makes. */
export const MADE_ID = '00000000-0000-4000-8000-0000000001ff';

const NOT_FOUND = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Highlight not found', code: 'not_found' };
const BROKEN = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong', code: 'internal' };

/**
 * The server reader tests talk to: the note NOTE_ID with `body` and its live highlights, and the
 * catalog with `tags`. A highlight made (as MADE_ID, with the tags asked for) is live at once, one
 * deleted goes to the trash (`trash`), one restored comes back; anything else (the source's
 * neighbours and evidence, which the reader does without; a highlight no longer there) is not
 * found. `trashed` and `restored` list the highlights trashed and restored through it, in order.
 * `trashElsewhere` trashes one as another page or person would, `eraseForGood` takes one out of
 * the trash for good, and `breakDown` has every change fail from then on.
 */
export function fakeReaderServer({ body, highlights, tags = [] }: { body: string; highlights: Highlight[]; tags?: Tag[] }) {
  const live = new Map(highlights.map((highlight) => [highlight.id, highlight]));
  const trash = new Map<string, Highlight>();
  const trashed: string[] = [];
  const restored: string[] = [];
  let broken = false;
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const { pathname } = new URL(url, 'http://cairn.test');
    const id = /\/highlights\/([^/]+)/.exec(pathname)?.[1] ?? '';
    if (pathname === '/api/auth/csrf') return json({ token: 'csrf' });
    if (broken && method !== 'GET') return json(BROKEN, 500);
    if (pathname === `/api/workspaces/${WS}/sources/${NOTE_ID}`) return json(aNoteSource({ id: NOTE_ID, body, highlights: [...live.values()] }));
    if (pathname === `/api/workspaces/${WS}/catalog`) {
      const catalog: Catalog = { tags, customers: [], companies: [], insights: [], backlogItems: [] };
      return json(catalog);
    }
    if (method === 'POST' && pathname === `/api/workspaces/${WS}/sources/${NOTE_ID}/highlights`) {
      const { start, end, tagIds = [] } = JSON.parse(String(init!.body)) as CreateHighlightBody & { start: number; end: number };
      const tagRefs = tags.filter((tag) => tagIds.includes(tag.id)).map(({ id, name, group, color }) => ({ id, name, group, color }));
      const made: Highlight = { ...aHighlight(0, body, body.slice(start, end)), id: MADE_ID, start, end, tags: tagRefs };
      live.set(made.id, made);
      return json(made, 201);
    }
    if (method === 'DELETE' && live.has(id)) {
      trashed.push(id);
      trashElsewhere(id);
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && pathname.endsWith('/restore') && trash.has(id)) {
      restored.push(id);
      live.set(id, trash.get(id)!);
      trash.delete(id);
      return json(live.get(id));
    }
    return json(NOT_FOUND, 404);
  });
  function trashElsewhere(highlightId: string) {
    trash.set(highlightId, live.get(highlightId)!);
    live.delete(highlightId);
  }
  return Object.assign(fetch, {
    trash: trash as ReadonlyMap<string, Highlight>,
    trashed,
    restored,
    trashElsewhere,
    eraseForGood: (highlightId: string) => trash.delete(highlightId),
    breakDown: () => void (broken = true),
  });
}
