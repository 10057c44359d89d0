import { HighlightPassagesBodySchema, HighlightPassagesResultSchema } from '@cairn/shared';
import { apiRequest } from '../../../lib/api-client';

/**
 * A highlight of the whole source, to link it as evidence: the one already covering the whole
 * text is reused (`created: false`), else one is made, untagged. Undoing the link takes away only
 * what the link made.
 */
export async function highlightWholeSource(ws: string, sourceId: string): Promise<{ id: string; created: boolean }> {
  const { items } = await apiRequest(`/workspaces/${ws}/highlights/passages`, HighlightPassagesResultSchema, {
    method: 'POST',
    body: HighlightPassagesBodySchema.parse({ passages: [{ sourceId, whole: true }] }),
  });
  const [item] = items;
  if (!item) throw new Error('The server highlighted nothing.');
  return { id: item.id, created: item.created };
}
