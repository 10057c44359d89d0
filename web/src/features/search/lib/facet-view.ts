import { SEARCH_COUNT_MAX, type SearchCount, type SearchFacets, type SearchFacetsWithout } from '@cairn/shared';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { sameValue, type SearchState } from '../search-params';

/** Tags shown by count; those filtered by stay shown besides. */
export const TAGS_SHOWN = 12;

/** One value of a facet: ticking it adds it to the filter's values (any of them matches), unticking it takes it out. */
export type FacetRow = {
  value: string;
  label: string;
  count: number | undefined;
  active: boolean;
  /** Counted on another search's window than the view's (`FacetView.approximate`): an unticked value of a facet in use. */
  approximate?: boolean;
};

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
  /** The first page's `facetsWithout`: each facet in use counted without its own filter; the count's replace them. */
  without?: SearchFacetsWithout;
};

/** Whether the filter's values hold this one. */
const chosen = (values: string[] | undefined, value: string) => Boolean(values?.some((each) => sameValue(each, value)));

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

/** The filter's own values no row stands for (nothing matches them): still shown, active, so they can be cleared. */
function withActive(rows: FacetRow[], active: FacetRow[]): FacetRow[] {
  return [...rows, ...active.filter((value) => !rows.some((row) => sameValue(row.value, value.value)))];
}

/**
 * A facet in use, listed as the search without its own filter counts it (`without`, in its
 * order), so that a value can be ticked beside those ticked: each unticked value with what
 * ticking it would add ("~" when counted on a sample), and each ticked one as this search counts it.
 */
function besideOthers(rows: FacetRow[], without: Partial<SearchFacets> | undefined, pick: (rows: ReturnType<typeof rowsOf>) => FacetRow[], state: SearchState): FacetRow[] {
  if (!without) return rows;
  const others = pick(rowsOf({ kind: {}, tag: [], segment: {}, sampleSize: 0, exact: false, ...without }, state, TAGS_SHOWN));
  const ticked = rows.filter((row) => row.active);
  const listed = others.map((other) => ticked.find((row) => sameValue(row.value, other.value)) ?? { ...other, approximate: !without.exact });
  return [...listed, ...ticked.filter((row) => !others.some((other) => sameValue(other.value, row.value)))];
}

function rowsOf(facets: SearchFacets, state: SearchState, tagsShown: number) {
  const kinds = (Object.keys(SOURCE_KIND_LABELS) as Array<keyof typeof SOURCE_KIND_LABELS>).filter((kind) => facets.kind[kind]);
  return {
    kind: kinds.map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind].many, count: facets.kind[kind], active: chosen(state.kind, kind) })),
    tag: facets.tag.filter((tag, i) => i < tagsShown || chosen(state.tagId, tag.id)).map((tag) => ({ value: tag.id, label: tag.name, count: tag.count, active: chosen(state.tagId, tag.id) })),
    segment: Object.entries(facets.segment).map(([segment, count]) => ({ value: segment, label: segment, count, active: chosen(state.segment, segment) })),
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
 * once the count answers, its facets take their places (`placeLike`). Each value of a filter in
 * use always has a row, with 0 when nothing matches, so that it can be cleared where it was set.
 */
export function facetView({ state, page, counted, counting, tagName, without: pageWithout }: Inputs): FacetView {
  const known = Boolean(page);
  const without = (counted?.total != null ? counted.facetsWithout : undefined) ?? pageWithout ?? {};
  const zero = known ? 0 : undefined;
  const activeKind = (state.kind ?? []).map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind].many, count: zero, active: true }));
  const activeTag = (state.tagId ?? []).map((id) => ({ value: id, label: tagName(id) ?? 'Selected tag', count: zero, active: true }));
  const activeSegment = (state.segment ?? []).map((segment) => ({ value: segment, label: segment, count: zero, active: true }));
  const finish = (rows: { kind: FacetRow[]; tag: FacetRow[]; segment: FacetRow[] }, approximate: boolean, note: string | null): FacetView => ({
    kind: besideOthers(withActive(rows.kind, activeKind), without.kind, (each) => each.kind, state),
    tag: besideOthers(withActive(rows.tag, activeTag), without.tagId, (each) => each.tag, state),
    segment: besideOthers(withActive(rows.segment, activeSegment), without.segment, (each) => each.segment, state),
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
