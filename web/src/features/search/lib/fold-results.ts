import type { SearchResult } from '@cairn/shared';

export type FoldedResults = {
  /** The results in their order, less each source listed as the highlight of its whole body too. */
  results: SearchResult[];
  /** The highlight results that stand for their whole source, folded into them or not. */
  wholeHighlights: Set<string>;
  /** How many sources were folded: the total counted them as results of their own. */
  folded: number;
};

/**
 * One result per text: a source whose whole body is one highlight (a ticket tagged as a whole)
 * matches wherever that highlight does, and the highlight says more (its tags, and it opens as
 * the highlight). So the source is left out when its highlight is listed; listed alone (the
 * highlight on a page not loaded yet, or not searched), it stays, and says it is highlighted.
 */
export function foldWholeHighlights(loaded: SearchResult[]): FoldedResults {
  const highlightIds = new Set(loaded.flatMap((result) => (result.type === 'highlight' ? [result.id] : [])));
  const wholeHighlights = new Set(loaded.flatMap((result) => (result.wholeHighlightId ? [result.wholeHighlightId] : [])));
  const results = loaded.filter((result) => !(result.wholeHighlightId && highlightIds.has(result.wholeHighlightId)));
  return { results, wholeHighlights, folded: loaded.length - results.length };
}
