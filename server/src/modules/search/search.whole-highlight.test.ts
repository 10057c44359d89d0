import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SearchResponseSchema, type SearchResponse } from '@cairn/shared';
import { highlights } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { createHighlight, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

async function search(ws: TestWorkspace, params: string): Promise<SearchResponse> {
  const response = await ws.owner.as.get(`/api/workspaces/${ws.id}/search?${params}`);
  expect(response.statusCode, response.body).toBe(200);
  return SearchResponseSchema.parse(response.json());
}

describe('a source highlighted as a whole, in GET /api/workspaces/:ws/search', () => {
  it('names the highlight that covers the whole body on the source result, in every order, and only while it is live', async () => {
    const ws = await createWorkspace(context);
    const tag = await createTag(context, ws, { name: 'Refunds' });
    // An emoji before the word: the body's length in UTF-16 is not its length in characters.
    const whole = await createSource(context, ws, { title: 'Refund', body: '😡 The refund never arrived.' });
    const partly = await createSource(context, ws, { title: 'Late refund', body: 'My refund came late. Otherwise fine.' });
    const wholeHighlight = await createHighlight(context, ws, whole, { tagIds: [tag.id] });
    const partHighlight = await createHighlight(context, ws, partly, { start: 0, end: 20, tagIds: [tag.id] });

    for (const sort of ['relevance', 'newest']) {
      const page = await search(ws, `q=refund&sort=${sort}`);
      const byId = new Map(page.items.map((item) => [item.id, item]));
      expect([...byId.keys()].sort(), sort).toEqual([whole.id, partly.id, wholeHighlight.id, partHighlight.id].sort());
      expect(byId.get(whole.id)!.wholeHighlightId, sort).toBe(wholeHighlight.id);
      // Its highlights' tags, as before.
      expect(byId.get(whole.id)!.tags.map((t) => t.id)).toEqual([tag.id]);
      for (const id of [partly.id, wholeHighlight.id, partHighlight.id]) expect(byId.get(id)!.wholeHighlightId, `${sort} ${id}`).toBeUndefined();
    }

    await context.db.update(highlights).set({ deletedAt: new Date() }).where(eq(highlights.id, wholeHighlight.id));
    const afterTrash = await search(ws, 'q=refund');
    const source = afterTrash.items.find((item) => item.id === whole.id)!;
    expect(source.wholeHighlightId).toBeUndefined();
    expect(source.tags).toEqual([]);
  });
});
