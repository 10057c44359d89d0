import type { QueryClient } from '@tanstack/react-query';
import type { Highlight, Source } from '@cairn/shared';
import { invalidateEvidence } from '../../../lib/evidence';
import { sourceKey } from './get-source';

/** Orders a source's highlights as the server does: by position. */
const byPosition = (a: Highlight, b: Highlight) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);

/**
 * Shows the change in the open source at once, then lets everything derived from highlights
 * (lists, untagged sources, tag usage counts, search results) catch up in the background.
 */
export async function applyHighlightChange(queryClient: QueryClient, ws: string, sourceId: string, change: (highlights: Highlight[]) => Highlight[]) {
  // A fetch of the source begun before the change (a tag just created refetches the evidence) would answer without it, over it.
  await queryClient.cancelQueries({ queryKey: sourceKey(ws, sourceId) });
  queryClient.setQueryData<Source>(sourceKey(ws, sourceId), (source) => source && { ...source, highlights: change(source.highlights).sort(byPosition) });
  void invalidateEvidence(queryClient, ws, { keep: sourceKey(ws, sourceId) });
}

export const upsertHighlight = (highlight: Highlight) => (highlights: Highlight[]) => [...highlights.filter((h) => h.id !== highlight.id), highlight];
export const withoutHighlight = (id: string) => (highlights: Highlight[]) => highlights.filter((h) => h.id !== id);
