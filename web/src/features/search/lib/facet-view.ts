import { SEARCH_COUNT_MAX, type SearchCount, type SearchFacets } from '@cairn/shared';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import type { SearchState } from '../search-params';

/** Tags shown by count; one filtered by stays shown besides. */
export const TAGS_SHOWN = 12;

/** One value of a facet: clicking it filters by it, clicking it while `active` clears the filter. */
export type FacetRow = { value: string; label: string; count: number | undefined; active: boolean };

export type FacetView = {
  kind: FacetRow[];
  tag: FacetRow[];
  segment: FacetRow[];
  /** Counts of the first window only: each is marked "~" (about). */
  approximate: boolean;
  /** What the counts were counted on, when not simply every match of the page's exact total. */
  note: string | null;
};

type Inputs = {
  state: SearchState;
  /** The first page's facets, counted on its first window. */
  page: SearchFacets | undefined;
  /** The count's answer: its facets, counted on every match (up to the cap), replace the page's. */
  counted: SearchCount | undefined;
  /** The count is on its way. */
  counting: boolean;
  /** A tag's name, for a tag filter the facets do not list (nothing matches it). */
  tagName: (id: string) => string | undefined;
};

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * The counted facets in the places the page's took: a value shown before the count keeps its
 * row (with its counted number, 0 if the count did not meet it), and values only the count found
 * follow, so that nothing moves under the pointer when the numbers change. `limit`: of those,
 * only the ones among the first `limit` of the count's order.
 */
function placeLike(shown: FacetRow[], counted: FacetRow[], limit = Infinity): FacetRow[] {
  const byValue = new Map(counted.map((row) => [row.value, row]));
  const kept = shown.map((row) => byValue.get(row.value) ?? { ...row, count: 0 });
  const keptValues = new Set(shown.map((row) => row.value));
  return [...kept, ...counted.slice(0, limit).filter((row) => !keptValues.has(row.value))];
}

/** The filter's own value when no row stands for it (nothing matches it): still shown, active, so it can be cleared. */
function withActive(rows: FacetRow[], active: FacetRow | null): FacetRow[] {
  return !active || rows.some((row) => row.active) ? rows : [...rows, active];
}

function rowsOf(facets: SearchFacets, state: SearchState, tagsShown: number) {
  const kinds = (Object.keys(SOURCE_KIND_LABELS) as Array<keyof typeof SOURCE_KIND_LABELS>).filter((kind) => facets.kind[kind]);
  return {
    kind: kinds.map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind].many, count: facets.kind[kind], active: state.kind === kind })),
    tag: facets.tag.slice(0, tagsShown).map((tag) => ({ value: tag.id, label: tag.name, count: tag.count, active: state.tagId === tag.id })),
    segment: Object.entries(facets.segment).map(([segment, count]) => ({ value: segment, label: segment, count, active: Boolean(state.segment && same(state.segment, segment)) })),
  };
}

/** What the counted facets were counted on: every match, or the first `SEARCH_COUNT_MAX` of each type searched. */
function countedNote(facets: SearchFacets, state: SearchState): string {
  if (facets.exact) return 'Counted on every match.';
  const max = SEARCH_COUNT_MAX.toLocaleString('en');
  if (state.type === 'source') return `Counted on the first ${max} matching sources, not every match.`;
  if (state.type === 'highlight' || state.tagId) return `Counted on the first ${max} matching highlights, not every match.`;
  return `Counted on the first ${max} matching sources and the first ${max} matching highlights, not every match.`;
}

/**
 * The facet panel's rows. First the page's facets, counted on its first window: when that held
 * every match they are exact; else each count is marked approximate while the count runs. Then,
 * once the count answers, its facets take their places (`placeLike`). A filter in use always has
 * a row, with 0 when nothing matches, so that it can be cleared where it was set.
 */
export function facetView({ state, page, counted, counting, tagName }: Inputs): FacetView {
  const known = Boolean(page);
  const zero = known ? 0 : undefined;
  const activeKind = state.kind ? { value: state.kind, label: SOURCE_KIND_LABELS[state.kind].many, count: zero, active: true } : null;
  const activeTag = state.tagId ? { value: state.tagId, label: tagName(state.tagId) ?? 'Selected tag', count: zero, active: true } : null;
  const activeSegment = state.segment ? { value: state.segment, label: state.segment, count: zero, active: true } : null;
  const finish = (rows: { kind: FacetRow[]; tag: FacetRow[]; segment: FacetRow[] }, approximate: boolean, note: string | null): FacetView => ({
    kind: withActive(rows.kind, activeKind),
    tag: withActive(rows.tag, activeTag),
    segment: withActive(rows.segment, activeSegment),
    approximate,
    note,
  });
  if (!page) return finish({ kind: [], tag: [], segment: [] }, false, null);

  const shown = rowsOf(page, state, TAGS_SHOWN);
  const countedFacets = counted?.total != null ? counted.facets : undefined;
  if (page.exact || !countedFacets) {
    const sample = page.sampleSize.toLocaleString('en');
    const note = page.exact ? null : counting ? `~ Counted on the first ${sample} matches only; counting them all…` : `~ Counted on the first ${sample} matches, not every match.`;
    return finish(shown, !page.exact, note);
  }
  const all = rowsOf(countedFacets, state, Infinity);
  return finish(
    { kind: placeLike(shown.kind, all.kind), tag: placeLike(shown.tag, all.tag, TAGS_SHOWN), segment: placeLike(shown.segment, all.segment) },
    false,
    countedNote(countedFacets, state),
  );
}
