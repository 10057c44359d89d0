import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_FILTER_VALUES_MAX, SearchCountSchema, SearchResponseSchema, type SearchCount, type SearchFacets, type SearchResponse, type SourceKind } from '@cairn/shared';
import { companies, customers, highlights, sources } from '../../db/schema/index.js';
import { useTestApp } from '../../../test/app.js';
import { createHighlight, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { countEvidence, SEARCH_COUNT_TIMEOUT_MS, SEARCH_WINDOW } from './search.service.js';

const context = useTestApp();

/**
 * More matches of each type than a first window holds, so that the first page's facets are a
 * sample: 260 sources say "wombat" (among 130 that do not), 150 highlights quote them. Kinds,
 * customers (a company per segment, a company without one, a customer without a company, no
 * customer) and tags (none, one, two) rotate at different periods, so no window is a small copy
 * of the whole. Another workspace holds the same word, segment names and tag names.
 */
const WORD = 'wombat';
const MATCHING = 260;
const NOT_MATCHING = MATCHING / 2;
const HIGHLIGHTED = 150;
const TRASHED_SOURCES = 4;
const KINDS: SourceKind[] = ['ticket', 'survey_response', 'note'];

let workspace: TestWorkspace;
let other: TestWorkspace;
const tagIds: Record<'rates' | 'churn' | 'praise', string> = { rates: '', churn: '', praise: '' };
let otherTagId: string;

/** Companies by segment (and one without), customers of each and one of none. */
async function createCustomers(ws: TestWorkspace) {
  const rows = await context.db
    .insert(companies)
    .values([
      { workspaceId: ws.id, name: 'Globex', segment: 'Enterprise' },
      { workspaceId: ws.id, name: 'Corner Shop', segment: 'SMB' },
      { workspaceId: ws.id, name: 'Unsorted Ltd', segment: null },
    ])
    .returning();
  const people = await context.db
    .insert(customers)
    .values([
      { workspaceId: ws.id, companyId: rows[0]!.id, email: 'ada@globex.example', name: 'Ada' },
      { workspaceId: ws.id, companyId: rows[1]!.id, email: 'bo@shop.example', name: 'Bo' },
      { workspaceId: ws.id, companyId: rows[2]!.id, email: 'cy@unsorted.example', name: 'Cy' },
      { workspaceId: ws.id, companyId: null, email: 'dee@example.com', name: 'Dee' },
    ])
    .returning();
  return [...people.map((person) => person.id), null];
}

beforeAll(async () => {
  workspace = await createWorkspace(context);
  other = await createWorkspace(context);
  const people = await createCustomers(workspace);
  const values = Array.from({ length: MATCHING + NOT_MATCHING }, (_, i) => {
    const matching = i % 3 !== 2;
    return {
      workspaceId: workspace.id,
      kind: KINDS[i % 7 % 3]!,
      title: `Note ${i}`,
      body: matching ? `A ${WORD} chewed through cable ${i}.` : `The cable ${i} is fine.`,
      customerId: people[i % 5] ?? null,
      createdBy: workspace.owner.id,
    };
  });
  const inserted = await context.db.insert(sources).values(values).returning();
  const matching = inserted.filter((source) => source.body.includes(WORD));
  expect(matching).toHaveLength(MATCHING);

  tagIds.rates = (await createTag(context, workspace, { name: 'Rates' })).id;
  tagIds.churn = (await createTag(context, workspace, { name: 'Churn' })).id;
  tagIds.praise = (await createTag(context, workspace, { name: 'Praise' })).id;
  const tagsOf = [[], [tagIds.rates], [tagIds.rates, tagIds.churn], [tagIds.praise]];
  const highlightIds: string[] = [];
  for (const [j, source] of matching.slice(0, HIGHLIGHTED).entries()) {
    highlightIds.push((await createHighlight(context, workspace, source, { tagIds: tagsOf[j % 4] })).id);
  }
  // The trash: sources (and so their highlights) and a highlight of its own are never counted.
  await context.db.update(sources).set({ deletedAt: new Date() }).where(inArray(sources.id, matching.slice(0, TRASHED_SOURCES).map((source) => source.id)));
  await context.db.update(highlights).set({ deletedAt: new Date() }).where(eq(highlights.id, highlightIds.at(-1)!));

  // Another workspace with the same word, segments and tag names: none of it may be counted.
  const theirPeople = await createCustomers(other);
  const theirs = await context.db
    .insert(sources)
    .values(Array.from({ length: 30 }, (_, i) => ({ workspaceId: other.id, kind: 'review' as const, title: `Theirs ${i}`, body: `Their ${WORD} ${i}.`, customerId: theirPeople[i % 2]!, createdBy: other.owner.id })))
    .returning();
  otherTagId = (await createTag(context, other, { name: 'Rates' })).id;
  for (const source of theirs.slice(0, 20)) await createHighlight(context, other, source, { tagIds: [otherTagId] });
  await context.db.execute(sql`analyze sources, highlights`);
});

type Filters = { kind?: SourceKind[]; segment?: string[]; tagId?: string[]; type?: 'source' | 'highlight' };
/** Each filter's values, repeated in the query string. */
const queryOf = (params: Filters & { q?: string; cursor?: string }) =>
  new URLSearchParams(Object.entries({ q: WORD, ...params }).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => [key, v] as [string, string])));
type Facets = Pick<SearchFacets, 'kind' | 'segment'> & { tag: Array<{ id: string; name: string; count: number }> };

/**
 * The facets of every match, counted straight from the tables: a highlight's kind, customer and
 * liveness from its source and its tags from `highlight_tags` (not the copies search reads), and
 * each customer's company's segment. `workspaceId` null counts every workspace: the premise that
 * another workspace's rows would change the counts.
 */
async function directFacets(workspaceId: string | null, filters: Filters = {}): Promise<Facets> {
  const conditions: SQL[] = [sql`s.deleted_at is null`];
  if (workspaceId) conditions.push(sql`s.workspace_id = ${workspaceId}`);
  const anyOf = (column: SQL, values: string[]) => sql`${column} in (${sql.join(values.map((value) => sql`${value}`), sql`, `)})`;
  if (filters.kind) conditions.push(anyOf(sql`s.kind::text`, filters.kind));
  if (filters.segment) conditions.push(anyOf(sql`lower(co.segment)`, filters.segment.map((segment) => segment.toLowerCase())));
  const where = sql.join(conditions, sql` and `);
  const matches = sql`plainto_tsquery('english', ${WORD})`;
  const wantSources = filters.type !== 'highlight' && !filters.tagId;
  const wantHighlights = filters.type !== 'source';
  const tagged = filters.tagId ? sql`exists (select 1 from highlight_tags ht where ht.highlight_id = h.id and ${anyOf(sql`ht.tag_id::text`, filters.tagId)})` : sql`true`;
  const { rows } = (await context.db.execute(sql`
    select s.kind, co.segment, null::uuid as highlight_id from sources s
      left join customers c on c.id = s.customer_id left join companies co on co.id = c.company_id
      where ${where} and s.search @@ ${matches} and ${wantSources}
    union all
    select s.kind, co.segment, h.id from highlights h join sources s on s.id = h.source_id
      left join customers c on c.id = s.customer_id left join companies co on co.id = c.company_id
      where ${where} and h.deleted_at is null and h.search @@ ${matches} and ${tagged} and ${wantHighlights}`)) as unknown as {
    rows: Array<{ kind: SourceKind; segment: string | null; highlight_id: string | null }>;
  };
  const highlightIds = rows.flatMap((row) => (row.highlight_id ? [row.highlight_id] : []));
  const { rows: tagRows } = (await context.db.execute(sql`
    select t.id, t.name from highlight_tags ht join tags t on t.id = ht.tag_id
    where ht.highlight_id in (select value::uuid from json_array_elements_text(${JSON.stringify(highlightIds)}::json))`)) as unknown as { rows: Array<{ id: string; name: string }> };
  const facets: Facets = { kind: {}, segment: {}, tag: [] };
  for (const row of rows) {
    facets.kind[row.kind] = (facets.kind[row.kind] ?? 0) + 1;
    if (row.segment) facets.segment[row.segment] = (facets.segment[row.segment] ?? 0) + 1;
  }
  const tags = new Map<string, { id: string; name: string; count: number }>();
  for (const tag of tagRows) tags.set(tag.id, { ...tag, count: (tags.get(tag.id)?.count ?? 0) + 1 });
  facets.tag = [...tags.values()].sort((a, b) => a.id.localeCompare(b.id));
  return facets;
}

const sumOf = (counts: Record<string, number | undefined>) => Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
/** A response's facets as `directFacets` has them: tags by id, without their color and group. */
const comparable = (facets: SearchFacets): Facets => ({
  kind: facets.kind,
  segment: facets.segment,
  tag: facets.tag.map(({ id, name, count }) => ({ id, name, count })).sort((a, b) => a.id.localeCompare(b.id)),
});

async function count(params: Filters, ws: TestWorkspace = workspace): Promise<SearchCount> {
  const response = await ws.owner.as.get(`/api/workspaces/${ws.id}/search/count?${queryOf(params)}`);
  expect(response.statusCode, response.body).toBe(200);
  return SearchCountSchema.parse(response.json());
}

const owner = () => ({ workspaceId: workspace.id, role: 'owner' as const, userId: workspace.owner.id, tokenId: null });

describe('facets counted by GET /api/workspaces/:ws/search/count', () => {
  it('counts the kinds, tags and segments of every match, where the first page counts those of its first window', async () => {
    const direct = await directFacets(workspace.id);
    const total = sumOf(direct.kind);
    // The premise: more matches of each type than a window holds, so the page's facets are a sample.
    expect(total).toBeGreaterThan(2 * SEARCH_WINDOW);
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?q=${WORD}`);
    const page = SearchResponseSchema.parse(response.json());
    expect(page.facets).toMatchObject({ sampleSize: 2 * SEARCH_WINDOW, exact: false });
    expect(sumOf(page.facets!.kind)).toBe(2 * SEARCH_WINDOW);

    const counted = await count({});
    expect(counted).toMatchObject({ total, capped: false, facets: { sampleSize: total, exact: true } });
    expect(comparable(counted.facets!)).toEqual(direct);
    // All three tags, both segments; no customer's company without a segment, no customer without a company.
    expect(counted.facets!.tag.map((tag) => tag.name)).toEqual(['Rates', 'Churn', 'Praise']);
    expect(Object.keys(counted.facets!.segment).sort()).toEqual(['Enterprise', 'SMB']);
    expect(comparable(page.facets!)).not.toEqual(direct);
  });

  it('counts the facets of what each filter lets through, and of what they let through together', async () => {
    const cases: Filters[] = [
      { kind: ['survey_response'] },
      { segment: ['smb'] },
      { tagId: [tagIds.rates] },
      { type: 'source' },
      { type: 'highlight' },
      { kind: ['ticket'], segment: ['Enterprise'], type: 'highlight' },
      // Any of a filter's values, and every filter.
      { kind: ['ticket', 'note'] },
      { segment: ['SMB', 'enterprise'] },
      { tagId: [tagIds.churn, tagIds.praise] },
      { kind: ['note', 'survey_response'], segment: ['Enterprise', 'smb'], tagId: [tagIds.rates, tagIds.praise] },
    ];
    for (const filters of cases) {
      const direct = await directFacets(workspace.id, filters);
      const total = sumOf(direct.kind);
      expect(total, JSON.stringify(filters)).toBeGreaterThan(0);
      const counted = await count(filters);
      expect(counted.total, JSON.stringify(filters)).toBe(total);
      expect(comparable(counted.facets!), JSON.stringify(filters)).toEqual(direct);
    }
  });

  it("never counts another workspace's sources, highlights, tags or companies", async () => {
    // The premise: the other workspace's rows would change every facet.
    const everywhere = await directFacets(null);
    const ours = await directFacets(workspace.id);
    expect(everywhere.kind.review).toBeGreaterThan(ours.kind.review ?? 0);
    expect(everywhere.segment.Enterprise).toBeGreaterThan(ours.segment.Enterprise!);
    expect(everywhere.tag.map((tag) => tag.id)).toContain(otherTagId);

    const counted = (await count({})).facets!;
    expect(comparable(counted)).toEqual(ours);
    expect(counted.tag.map((tag) => tag.id)).not.toContain(otherTagId);
    // And theirs, counted by them, hold only their own.
    const theirs = (await count({}, other)).facets!;
    expect(comparable(theirs)).toEqual(await directFacets(other.id));
    expect(theirs.kind).toEqual({ review: 50 });
    expect(theirs.tag).toEqual([expect.objectContaining({ id: otherTagId, count: 20 })]);
  });

  it('counts the facets of the first matches of each type up to the cap, and says they are not every match', async () => {
    const direct = await directFacets(workspace.id);
    const sourceMatches = sumOf((await directFacets(workspace.id, { type: 'source' })).kind);
    const highlightMatches = sumOf((await directFacets(workspace.id, { type: 'highlight' })).kind);
    const max = 120;
    expect(sourceMatches).toBeGreaterThan(max);
    expect(highlightMatches).toBeGreaterThan(max);
    const capped = await countEvidence(context.db, owner(), { q: WORD }, { max, timeoutMs: SEARCH_COUNT_TIMEOUT_MS, atOnce: 1 });
    expect(capped).toMatchObject({ total: max, capped: true, facets: { sampleSize: 2 * max, exact: false } });
    expect(sumOf(capped.facets!.kind)).toBe(2 * max);
    // A count of some of the matches: never more than every match has.
    for (const [kind, n] of Object.entries(capped.facets!.kind)) expect(n).toBeLessThanOrEqual(direct.kind[kind as SourceKind]!);
    for (const tag of capped.facets!.tag) expect(tag.count).toBeLessThanOrEqual(direct.tag.find((t) => t.id === tag.id)!.count);

    // One type past the cap is enough for the facets to be a sample, though the other is whole.
    const sourcesPast = await countEvidence(context.db, owner(), { q: WORD }, { max: highlightMatches + 1, timeoutMs: SEARCH_COUNT_TIMEOUT_MS, atOnce: 1 });
    expect(sourcesPast.facets).toMatchObject({ sampleSize: 2 * highlightMatches + 1, exact: false });
    const whole = await countEvidence(context.db, owner(), { q: WORD }, { max: sourceMatches + 1, timeoutMs: SEARCH_COUNT_TIMEOUT_MS, atOnce: 1 });
    expect(whole.facets).toMatchObject({ sampleSize: sourceMatches + highlightMatches, exact: true });
    expect(comparable(whole.facets!)).toEqual(direct);
  });

  it('answers no facets when it answers no total', async () => {
    const limits = { max: 10_000, timeoutMs: SEARCH_COUNT_TIMEOUT_MS, atOnce: 1 };
    const first = countEvidence(context.db, owner(), { q: WORD }, limits);
    expect(await countEvidence(context.db, owner(), { q: WORD }, limits)).toEqual({ total: null, capped: false });
    expect((await first).facets).toBeDefined();
  });
});

describe('filters of several values on GET /api/workspaces/:ws/search', () => {
  const search = (params: Filters & { cursor?: string; limit?: string }) => workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?${queryOf(params)}`);

  /** Every result of a search, page after page, each page asked with the cursor of the one before. */
  async function everyPage(filters: Filters, reorder = (cursor: string) => cursor) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await search({ ...filters, limit: '100', ...(cursor ? { cursor: reorder(cursor) } : {}) });
      expect(response.statusCode, response.body).toBe(200);
      const page = SearchResponseSchema.parse(response.json());
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      // The next pages of a search with several values in its filters, asked with them in another order.
      filters = { ...filters, kind: filters.kind && [...filters.kind].reverse(), segment: filters.segment && [...filters.segment].reverse() };
    } while (cursor);
    return ids;
  }

  it('finds what matches any value of a filter and every filter, through every page of its cursor', async () => {
    const filters: Filters = { kind: ['ticket', 'note'], segment: ['SMB', 'enterprise'] };
    const expected = sumOf((await directFacets(workspace.id, filters)).kind);
    // The premise: more than one value of each filter matches, and more than one page's worth.
    const single = sumOf((await directFacets(workspace.id, { kind: ['ticket'], segment: ['SMB', 'enterprise'] })).kind);
    expect(single).toBeGreaterThan(0);
    expect(expected).toBeGreaterThan(single);
    expect(expected).toBeGreaterThan(100);
    const ids = await everyPage(filters);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
  });

  it('takes one value as before, alone or repeated', async () => {
    const one = await search({ kind: ['review'] });
    expect(one.statusCode).toBe(200);
    expect(SearchResponseSchema.parse(one.json()).total).toBe(0);
    const byTag = await everyPage({ tagId: [tagIds.churn] });
    expect(byTag).toHaveLength(sumOf((await directFacets(workspace.id, { tagId: [tagIds.churn] })).kind));
  });

  it('refuses an unknown kind, too many values, and a tag of another workspace among several', async () => {
    const unknown = await search({ kind: ['ticket', 'tweet' as SourceKind] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((error: { path: string }) => error.path)).toEqual(['query.kind']);

    const tooMany = await search({ segment: Array.from({ length: SEARCH_FILTER_VALUES_MAX + 1 }, (_, i) => `Segment ${i}`) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ path: 'query.segment' })]);

    // A tag no highlight of ours carries, beside one of ours: nothing matches, and it says why.
    for (const path of ['search', 'search/count']) {
      const foreign = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/${path}?${queryOf({ tagId: [tagIds.praise, otherTagId], q: 'nothingmatchesthis' })}`);
      expect(foreign.statusCode, path).toBe(404);
      expect(foreign.json().errors).toEqual([{ path: 'query.tagId', message: 'Tag not found' }]);
    }
  });
});

describe('each facet in use counted without its own filter (facetsWithout=true)', () => {
  const without = (filters: Filters, facet: 'kind' | 'tagId' | 'segment'): Filters => ({ ...filters, [facet]: undefined });
  const firstPage = async (filters: Filters, ask = true) => {
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?${queryOf(filters)}${ask ? '&facetsWithout=true' : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return SearchResponseSchema.parse(response.json());
  };
  /** Each facet in use, as `directFacets` counts it with every filter but its own. */
  async function expectedWithout(filters: Filters) {
    const expected: Record<string, unknown> = {};
    for (const facet of ['kind', 'tagId', 'segment'] as const) {
      if (!filters[facet]) continue;
      const direct = await directFacets(workspace.id, without(filters, facet));
      const sample = { sampleSize: sumOf(direct.kind), exact: true };
      if (facet === 'kind') expected.kind = { kind: direct.kind, ...sample };
      if (facet === 'tagId') expected.tagId = { tag: direct.tag, ...sample };
      if (facet === 'segment') expected.segment = { segment: direct.segment, ...sample };
    }
    return expected;
  }
  const tagsById = (facets: NonNullable<SearchResponse['facetsWithout']>) =>
    facets.tagId ? { ...facets, tagId: { ...facets.tagId, tag: comparable({ kind: {}, segment: {}, tag: facets.tagId.tag, sampleSize: 0, exact: true }).tag } } : facets;

  // Narrow enough that each search without one filter fits in a first window: the page's counts are then exact (`exact: true` below).
  const narrow = (): Filters[] => [
    { kind: ['survey_response'], segment: ['smb'] },
    { tagId: [tagIds.rates], kind: ['note'] },
    { kind: ['note', 'ticket'], segment: ['SMB'], tagId: [tagIds.churn, tagIds.praise] },
  ];

  it("lists a facet in use as the search without its own filter finds it, on the first page, in the same response", async () => {
    for (const filters of narrow()) {
      const expected = await expectedWithout(filters);
      const page = await firstPage(filters);
      expect(tagsById(page.facetsWithout!), JSON.stringify(filters)).toEqual(expected);
      // The page's own facets still count what every filter lets through.
      expect(comparable(page.facets!), JSON.stringify(filters)).toEqual(await directFacets(workspace.id, filters));
    }
  });

  it('says when a facet without its own filter was counted on a first window only', async () => {
    const page = await firstPage({ kind: ['ticket'] });
    // Without the kind filter every match is searched: more than a window of each type.
    expect(page.facetsWithout).toEqual({ kind: { kind: expect.any(Object), sampleSize: 2 * SEARCH_WINDOW, exact: false } });
    expect(sumOf(page.facetsWithout!.kind!.kind)).toBe(2 * SEARCH_WINDOW);
    // Every kind the search without the filter met, not only the one ticked.
    expect(Object.keys(page.facetsWithout!.kind!.kind).sort()).toEqual([...KINDS].sort());
  });

  it('answers nothing more unless asked, with no facet in use, and on later pages', async () => {
    expect((await firstPage({ kind: ['ticket'] }, false)).facetsWithout).toBeUndefined();
    expect((await firstPage({ type: 'source' })).facetsWithout).toBeUndefined();
    const first = await firstPage({ segment: ['Enterprise'] });
    expect(first.facetsWithout?.segment).toBeDefined();
    const next = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?${queryOf({ segment: ['Enterprise'], cursor: first.nextCursor! })}&facetsWithout=true`);
    expect(next.statusCode, next.body).toBe(200);
    expect(SearchResponseSchema.parse(next.json()).facetsWithout).toBeUndefined();
    // The cursor does not depend on it: a page asked without it continues the search.
    const plain = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?${queryOf({ segment: ['Enterprise'], cursor: first.nextCursor! })}`);
    expect(plain.statusCode, plain.body).toBe(200);
  });

  it('counts each facet in use without its own filter over every match from GET …/search/count', async () => {
    const cases: Filters[] = [...narrow(), { kind: ['ticket'] }, { segment: ['SMB', 'enterprise'], type: 'highlight' }, { tagId: [tagIds.rates] }];
    for (const filters of cases) {
      const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search/count?${queryOf(filters)}&facetsWithout=true`);
      expect(response.statusCode, response.body).toBe(200);
      const counted = SearchCountSchema.parse(response.json());
      expect(counted.total, JSON.stringify(filters)).toBe(sumOf((await directFacets(workspace.id, filters)).kind));
      expect(tagsById(counted.facetsWithout!), JSON.stringify(filters)).toEqual(await expectedWithout(filters));
    }
    expect((await count({ kind: ['ticket'] })).facetsWithout).toBeUndefined();
  });

  it('counts a facet without its own filter up to the cap, and says so', async () => {
    const max = 120;
    const capped = await countEvidence(context.db, owner(), { q: WORD, kind: ['note'], facetsWithout: true }, { max, timeoutMs: SEARCH_COUNT_TIMEOUT_MS, atOnce: 1 });
    expect(capped.facetsWithout).toEqual({ kind: { kind: expect.any(Object), sampleSize: 2 * max, exact: false } });
  });
});
