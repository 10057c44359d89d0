import { z } from 'zod';
import { SOURCE_KINDS } from '../enums.js';
import { NAME_MAX_LENGTH, SEARCH_QUERY_MAX_LENGTH } from '../limits.js';
import { DateRangeQuerySchema, IdSchema, PageQuerySchema, QueryBooleanSchema, TimestampSchema, pageOf, tooLongMessage } from './common.js';
import { CustomerRefSchema } from './customers.js';
import { TagRefSchema } from './highlights.js';

/** Search pages are smaller than other lists: every result carries a snippet built from its text. */
export const SEARCH_PAGE_SIZE_DEFAULT = 20;
export const SEARCH_PAGE_SIZE_MAX = 100;
export const SAVED_SEARCH_NAME_MAX_LENGTH = NAME_MAX_LENGTH;

export const SEARCH_RESULT_TYPES = ['source', 'highlight'] as const;
export type SearchResultType = (typeof SEARCH_RESULT_TYPES)[number];

/** Best matches first (the default), or every match by when its source occurred. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * New matches of a saved search are counted up to this many: the count stays cheap however
 * much arrived, and a count this high reads as "at least" (the sidebar shows "99+").
 */
export const SAVED_SEARCH_NEW_MATCHES_MAX = 100;
/** Saved searches of one page whose new matches are counted (each count is a statement): the sidebar's page. */
export const SAVED_SEARCHES_COUNTED_MAX = 100;

/**
 * Values one facet filter may list (`kind=ticket&kind=review`): a panel of checkboxes stays well
 * below it, and each value is one more term of the statement's `in (…)`.
 */
export const SEARCH_FILTER_VALUES_MAX = 20;

/** A facet filter's values: at least one, and OR between them. */
const facetValues = <T extends z.ZodType>(value: T, what: string) =>
  z.array(value).min(1).max(SEARCH_FILTER_VALUES_MAX, `Choose at most ${SEARCH_FILTER_VALUES_MAX} ${what}`);

const KIND = z.enum(SOURCE_KINDS);
const SEGMENT = z.string().trim().min(1).max(NAME_MAX_LENGTH);
const KindsSchema = facetValues(KIND, 'kinds');
const TagIdsSchema = facetValues(IdSchema, 'tags');
const SegmentsSchema = facetValues(SEGMENT, 'segments');

/**
 * The filters of a search, as a saved search returns them. Across filters they combine with
 * AND; within one (several kinds, tags or segments) with OR.
 */
export const SearchFiltersSchema = z.object({
  kind: KindsSchema.optional(),
  /** Highlights carrying any of these tags (tags live on highlights, so sources are left out). */
  tagId: TagIdsSchema.optional(),
  /** The segments of the customer's company, as written on the company (case-insensitive). */
  segment: SegmentsSchema.optional(),
  customerId: IdSchema.optional(),
  /** When the source (a highlight's source) occurred. */
  ...DateRangeQuerySchema.shape,
  type: z.enum(SEARCH_RESULT_TYPES).optional(),
});

/**
 * A facet filter given once or repeated in a query string (`kind=ticket&kind=review`), or as one
 * value in a search saved before filters took several: always read as a list. A wrong value is
 * said at the filter (`query.kind`), as it was when filters took one, not at its place in the list.
 */
function oneOrMany<T extends z.ZodType>(value: T, list: z.ZodArray<T>) {
  return z.preprocess((input, context) => {
    if (input === undefined) return input;
    const values = Array.isArray(input) ? input : [input];
    for (const each of values) {
      for (const issue of value.safeParse(each).error?.issues ?? []) context.addIssue({ ...issue, input: each, path: [] });
    }
    return values;
  }, list);
}

/** The filters as requests give them (and as saved searches are stored): each facet filter one value or several. */
export const SearchFiltersQuerySchema = SearchFiltersSchema.extend({
  kind: oneOrMany(KIND, KindsSchema).optional(),
  tagId: oneOrMany(IdSchema, TagIdsSchema).optional(),
  segment: oneOrMany(SEGMENT, SegmentsSchema).optional(),
});
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

export const SearchQueryTextSchema = z
  .string()
  .trim()
  .min(1, 'Type something to search for')
  .max(SEARCH_QUERY_MAX_LENGTH, tooLongMessage(SEARCH_QUERY_MAX_LENGTH));

export const SearchQuerySchema = SearchFiltersQuerySchema.extend({
  /** Words (all must match), `"exact phrases"`, `OR` between alternatives, `-excluded` words or phrases. */
  q: SearchQueryTextSchema,
  /** `newest`/`oldest` order every match by its source's date (then type and id); a cursor keeps the order it was made with. */
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_SIZE_MAX).default(SEARCH_PAGE_SIZE_DEFAULT),
  cursor: PageQuerySchema.shape.cursor,
  /**
   * Also answer `facetsWithout`: each facet in use counted without its own filter. Asked by a
   * facet panel; it costs a statement, so a search that shows no facets leaves it out.
   */
  facetsWithout: QueryBooleanSchema.optional(),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** `[start, end)` in UTF-16 code units (JavaScript string indices). */
export const CharRangeSchema = z.tuple([z.number().int(), z.number().int()]);
export type CharRange = z.infer<typeof CharRangeSchema>;

export const SearchResultSchema = z.object({
  type: z.enum(SEARCH_RESULT_TYPES),
  /** The source's id for a source result, the highlight's id for a highlight result. */
  id: IdSchema,
  sourceId: IdSchema,
  title: z.string(),
  kind: z.enum(SOURCE_KINDS),
  occurredAt: TimestampSchema,
  customer: CustomerRefSchema.nullable(),
  /** A highlight's tags; for a source, the tags of its highlights. */
  tags: z.array(TagRefSchema),
  /** Relevance; only comparable within one search. */
  score: z.number(),
  /** Plain text around the best match: render it as text, never as HTML. */
  snippet: z.string(),
  /** Where the query matched, as ranges into `snippet`. */
  matches: z.array(CharRangeSchema),
  /** Where `snippet` starts in the source body (UTF-16), so a link can open the source at that place. */
  snippetStart: z.number().int(),
  /** A highlight's range in the source body; null for source results. */
  range: CharRangeSchema.nullable(),
  /**
   * On a source result whose whole body is one live highlight (a ticket tagged as a whole): that
   * highlight, which a search matching the body finds as a result too. The Search page folds the
   * source into it when both are listed, so the same text is shown once.
   */
  wholeHighlightId: IdSchema.optional(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchFacetsSchema = z.object({
  kind: z.partialRecord(z.enum(SOURCE_KINDS), z.number().int()),
  /** Tags of the highlight candidates. */
  tag: z.array(TagRefSchema.extend({ count: z.number().int() })),
  segment: z.record(z.string(), z.number().int()),
  /**
   * How many matches the counts were taken from. On a search's first page: its first window of
   * candidates (up to 100 of each type), so that a word matching a million rows still answers in
   * milliseconds. From `/search/count`: every match, up to `SEARCH_COUNT_MAX` of each type.
   */
  sampleSize: z.number().int(),
  /** True when the sample held every match, so the counts are exact; false for a sample (a window, or a count past its cap). */
  exact: z.boolean(),
});
export type SearchFacets = z.infer<typeof SearchFacetsSchema>;

/**
 * For each facet filter in use (`kind`, `tagId`, `segment`), that facet's values counted on the
 * search with every filter but its own (the usual faceted-search reading): what ticking one more
 * value beside those ticked would add. Each has its own `sampleSize` and `exact`, as the facets do:
 * on a first page, the first window of the search without that filter; from `/search/count`, its
 * matches up to the cap of each type.
 */
export const SearchFacetsWithoutSchema = z.object({
  kind: SearchFacetsSchema.pick({ kind: true, sampleSize: true, exact: true }).optional(),
  tagId: SearchFacetsSchema.pick({ tag: true, sampleSize: true, exact: true }).optional(),
  segment: SearchFacetsSchema.pick({ segment: true, sampleSize: true, exact: true }).optional(),
});
export type SearchFacetsWithout = z.infer<typeof SearchFacetsWithoutSchema>;

export const SearchResponseSchema = z.object({
  items: z.array(SearchResultSchema),
  /** Exact while every match fits in the first window of candidates; beyond, the database's estimate (`totalIsEstimate`). */
  total: z.number().int(),
  totalIsEstimate: z.boolean(),
  nextCursor: z.string().nullable(),
  /** A corrected query when the words look misspelled and the query found little. */
  didYouMean: z.string().optional(),
  /** True when the results also include matches of `didYouMean` (the correction was clear). */
  includesCorrection: z.boolean(),
  /** Counts per kind, tag and segment; present on the first page only. */
  facets: SearchFacetsSchema.optional(),
  /** Asked with `facetsWithout=true`, on the first page, when a facet filter is in use. */
  facetsWithout: SearchFacetsWithoutSchema.optional(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

// --- exact totals ---

/**
 * Exact totals are counted up to this many matches: counting reads every matching row, so the
 * count stops here and reads as "at least" (`capped`, "10,000+ results").
 */
export const SEARCH_COUNT_MAX = 10_000;

/** What is counted: the search's query and filters; its order and pages change nothing. */
export const SearchCountQuerySchema = SearchQuerySchema.omit({ sort: true, limit: true, cursor: true });
export type SearchCountQuery = z.infer<typeof SearchCountQuerySchema>;

export const SearchCountSchema = z.object({
  /** Matching sources and highlights, exact up to `SEARCH_COUNT_MAX`; null when counting took too long (keep the estimate). */
  total: z.number().int().nullable(),
  /** True when there are at least `SEARCH_COUNT_MAX` matches: `total` is then that number. */
  capped: z.boolean(),
  /**
   * Counts per kind, tag and segment over the matches counted, to replace the first page's,
   * which are counted on its first window. `exact` is false when a type reached the cap: the
   * counts are then those of its first `SEARCH_COUNT_MAX` matches. Absent when `total` is null.
   */
  facets: SearchFacetsSchema.optional(),
  /** Asked with `facetsWithout=true`, when a facet filter is in use: counted as `facets` are. Absent when `total` is null. */
  facetsWithout: SearchFacetsWithoutSchema.optional(),
});
export type SearchCount = z.infer<typeof SearchCountSchema>;

// --- saved searches ---

export const SavedSearchSchema = z.object({
  id: IdSchema,
  name: z.string(),
  query: z.string(),
  filters: SearchFiltersSchema,
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: TimestampSchema,
  /**
   * Matches added since the caller last opened the search (since it was saved, if never),
   * counted up to `SAVED_SEARCH_NEW_MATCHES_MAX`. Null when not counted: for an API token,
   * which has no user to remember for, and past the first `SAVED_SEARCHES_COUNTED_MAX` items of a page.
   */
  newMatches: z.number().int().nullable(),
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

export const CreateSavedSearchBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name for the search').max(SAVED_SEARCH_NAME_MAX_LENGTH, tooLongMessage(SAVED_SEARCH_NAME_MAX_LENGTH)),
    query: SearchQueryTextSchema,
    filters: SearchFiltersQuerySchema.strict().default({}),
  })
  .strict();
export type CreateSavedSearchBody = z.input<typeof CreateSavedSearchBodySchema>;

export const SavedSearchPageSchema = pageOf(SavedSearchSchema);
