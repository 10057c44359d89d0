import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchResponseSchema, type SearchResponse, type SearchResult, type SearchSort } from '@cairn/shared';
import { anonymous, errorPaths, useTestApp, type Caller } from '../../../test/app.js';
import { createHighlight, createMember, createSource, createTag, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

let workspace: TestWorkspace;
let other: TestWorkspace;
let tagId: string;
/** Every match of `refund`, as the date order must list it: id, type and the source's date. */
type Expected = { id: string; type: SearchResult['type']; at: string };
const matches: Expected[] = [];
const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2024, 0, 1);

/**
 * 30 refund tickets over 30 days, two pairs sharing a date, every fifth with a highlight (which
 * shares its source's date, so types tie), and noise that does not match.
 */
beforeAll(async () => {
  workspace = await createWorkspace(context);
  other = await createWorkspace(context);
  const tag = await createTag(context, workspace, { name: 'Refunds' });
  tagId = tag.id;
  for (let i = 0; i < 30; i++) {
    const day = i === 7 || i === 21 ? i - 1 : i;
    const occurredAt = new Date(START + day * DAY);
    const source = await createSource(context, workspace, { title: `Refund question ${i}`, body: `Customer ${i} asks for a refund of the annual plan.`, occurredAt });
    matches.push({ id: source.id, type: 'source', at: occurredAt.toISOString() });
    if (i % 5 === 0) {
      const highlight = await createHighlight(context, workspace, source, { tagIds: [tagId] });
      matches.push({ id: highlight.id, type: 'highlight', at: occurredAt.toISOString() });
    }
  }
  await createSource(context, workspace, { title: 'Login trouble', body: 'I cannot sign in since Monday.', occurredAt: new Date(START + 40 * DAY) });
  await createSource(context, other, { title: 'Their refund', body: 'A refund in another workspace.', occurredAt: new Date(START + 50 * DAY) });
});

const descending = (a: string, b: string) => (a === b ? 0 : a > b ? -1 : 1);
const newestFirst = (a: Expected, b: Expected) => descending(a.at, b.at) || descending(a.type, b.type) || descending(a.id, b.id);

async function search(caller: Caller, params: Record<string, string | number>, ws = workspace.id): Promise<SearchResponse> {
  const response = await caller.get(`/api/workspaces/${ws}/search?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`);
  expect(response.statusCode, response.body).toBe(200);
  return SearchResponseSchema.parse(response.json());
}

async function searchAll(params: Record<string, string | number>) {
  const pages: SearchResponse[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchResponse = await search(workspace.owner.as, cursor ? { ...params, cursor } : params);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return { pages, items: pages.flatMap((page) => page.items) };
}

const keyOf = (item: SearchResult) => ({ id: item.id, type: item.type, at: item.occurredAt });

describe('search sorted by date', () => {
  it('lists every match newest first across pages, a source before its highlights of the same date, each once', async () => {
    const { pages, items } = await searchAll({ q: 'refund', sort: 'newest', limit: 4 });
    expect(items.map(keyOf)).toEqual([...matches].sort(newestFirst));
    expect(pages.length).toBe(Math.ceil(matches.length / 4));
    // The last page says it is the last: no cursor to an empty page.
    expect(pages.at(-1)!.items.length).toBeGreaterThan(0);
  });

  it('lists oldest first as the exact reverse', async () => {
    const { items } = await searchAll({ q: 'refund', sort: 'oldest', limit: 3 });
    expect(items.map(keyOf)).toEqual([...matches].sort(newestFirst).reverse());
  });

  it('keeps the total, estimate flag and facets of the relevance order, on every page', async () => {
    const byRelevance = await search(workspace.owner.as, { q: 'refund' });
    const { pages } = await searchAll({ q: 'refund', sort: 'newest', limit: 10 });
    expect(pages[0]!).toMatchObject({ total: matches.length, totalIsEstimate: false, facets: byRelevance.facets });
    expect(byRelevance.total).toBe(matches.length);
    for (const page of pages.slice(1)) {
      expect(page).toMatchObject({ total: matches.length, totalIsEstimate: false });
      expect(page.facets).toBeUndefined();
    }
  });

  it('filters in date order as by relevance: type, tag, dates', async () => {
    const highlights = await searchAll({ q: 'refund', sort: 'newest', type: 'highlight', limit: 2 });
    expect(highlights.items.map(keyOf)).toEqual(matches.filter((match) => match.type === 'highlight').sort(newestFirst));
    const tagged = await searchAll({ q: 'refund', sort: 'oldest', tagId, limit: 2 });
    expect(tagged.items.map(keyOf)).toEqual(matches.filter((match) => match.type === 'highlight').sort(newestFirst).reverse());
    const from = new Date(START + 20 * DAY).toISOString();
    const to = new Date(START + 25 * DAY).toISOString();
    const ranged = await searchAll({ q: 'refund', sort: 'newest', from, to, limit: 3 });
    expect(ranged.items.map(keyOf)).toEqual(matches.filter((match) => match.at >= from && match.at <= to).sort(newestFirst));
  });

  it('keeps later pages stable when matches arrive between pages: nothing twice, what sorts later still comes', async () => {
    const ws = await createWorkspace(context);
    const dated = (day: number) => ({ body: `A refund on day ${day}.`, occurredAt: new Date(START + day * DAY) });
    for (const day of [10, 8, 6, 4, 2]) await createSource(context, ws, dated(day));
    const first = await search(ws.owner.as, { q: 'refund', sort: 'newest', limit: 2 }, ws.id);
    const newer = await createSource(context, ws, dated(20));
    const older = await createSource(context, ws, dated(1));
    const rest: SearchResult[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await search(ws.owner.as, { q: 'refund', sort: 'newest', limit: 2, cursor }, ws.id);
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const days = [...first.items, ...rest].map((item) => (Date.parse(item.occurredAt) - START) / DAY);
    expect(days).toEqual([10, 8, 6, 4, 2, 1]);
    expect(rest.map((item) => item.id)).toContain(older.id);
    expect(rest.map((item) => item.id)).not.toContain(newer.id);
  });

  it('pages one result at a time through dates a microsecond apart, which JavaScript dates cannot tell apart', async () => {
    const ws = await createWorkspace(context);
    const ids: string[] = [];
    for (const micros of ['000003', '000002', '000001']) {
      const source = await createSource(context, ws, { body: 'A refund, to the microsecond.', occurredAt: sql`${`2024-03-01 12:00:00.${micros}+00`}::timestamptz` as unknown as Date });
      ids.push(source.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchResponse = await search(ws.owner.as, { q: 'refund', sort: 'newest', limit: 1, ...(cursor ? { cursor } : {}) }, ws.id);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('searches with a clear correction in date order too', async () => {
    const result = await search(workspace.owner.as, { q: 'refnud', sort: 'newest', type: 'source', limit: 5 });
    expect(result.includesCorrection).toBe(true);
    expect(result.items.map(keyOf)).toEqual(matches.filter((match) => match.type === 'source').sort(newestFirst).slice(0, 5));
  });

  it("never shows another workspace's matches", async () => {
    const { items } = await searchAll({ q: 'refund', sort: 'newest', limit: 50 });
    expect(items.map((item) => item.title)).not.toContain('Their refund');
    const theirs = await search(other.owner.as, { q: 'refund', sort: 'oldest' }, other.id);
    expect(theirs.items.map((item) => item.title)).toEqual(['Their refund']);
  });

  it('refuses a cursor made for another order with 422 naming the cursor, and an unknown sort with 400 naming it', async () => {
    const pageOf = async (sort: SearchSort) => (await search(workspace.owner.as, { q: 'refund', sort, limit: 2 })).nextCursor!;
    const cases: Array<[SearchSort, SearchSort]> = [
      ['relevance', 'newest'],
      ['newest', 'oldest'],
      ['oldest', 'relevance'],
    ];
    for (const [made, asked] of cases) {
      const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?q=refund&sort=${asked}&limit=2&cursor=${await pageOf(made)}`);
      expect(response.statusCode, `${made} → ${asked}`).toBe(422);
      expect(errorPaths(response)).toEqual(['query.cursor']);
    }
    // A date cursor of another query is another search's (400), whatever its order.
    const otherQuery = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?q=plan&sort=newest&cursor=${await pageOf('newest')}`);
    expect(otherQuery.statusCode).toBe(400);
    expect(errorPaths(otherQuery)).toEqual(['query.cursor']);
    const unknown = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?q=refund&sort=popular`);
    expect(unknown.statusCode).toBe(400);
    expect(errorPaths(unknown)).toEqual(['query.sort']);
  });

  it('answers viewers and viewer tokens, and nobody without credentials', async () => {
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await search(viewer.as, { q: 'refund', sort: 'newest', limit: 1 })).items).toHaveLength(1);
    const token = await createTokenCaller(context, workspace, 'viewer');
    expect((await search(token, { q: 'refund', sort: 'oldest', limit: 1 })).items).toHaveLength(1);
    expect((await anonymous(context).get(`/api/workspaces/${workspace.id}/search?q=refund&sort=newest`)).statusCode).toBe(401);
    expect((await other.owner.as.get(`/api/workspaces/${workspace.id}/search?q=refund&sort=newest`)).statusCode).toBe(404);
  });
});
