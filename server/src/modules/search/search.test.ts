import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchResponseSchema, type SearchResponse, type SearchResult } from '@cairn/shared';
import { companies, customers, sources } from '../../db/schema/index.js';
import { anonymous, type Caller, errorPaths } from '../../../test/app.js';
import { useTestApp } from '../../../test/app.js';
import { createHighlight, createMember, createSource, createTag, createTokenCaller, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { buildTsQuery } from '../../search/tsquery.js';
import { parseSearchQuery, requiredTerms } from '../../search/query.js';
import { estimateMatches, listCandidates, type SequentialRead } from './search.repository.js';
import { SEARCH_WINDOW } from './search.service.js';

const context = useTestApp();
const DATASETS = new URL('../../../../../shared/datasets/', import.meta.url);
const BANKING_ROWS = 2_000;

type Row = typeof sources.$inferSelect;
let workspace: TestWorkspace;
let other: TestWorkspace;
let rows: Row[] = [];
let transcript: Row;
let tagId: string;
let enterpriseCustomerId: string;
const bodies = new Map<string, string>();

/** banking77 as tickets and survey answers from two customers over two years, plus one AMI meeting as an interview. */
beforeAll(async () => {
  workspace = await createWorkspace(context);
  other = await createWorkspace(context);
  const [enterprise] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Globex', segment: 'Enterprise' }).returning();
  const [smb] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Corner Shop', segment: 'SMB' }).returning();
  const people = await context.db
    .insert(customers)
    .values([
      { workspaceId: workspace.id, companyId: enterprise!.id, email: 'ada@globex.example', name: 'Ada' },
      { workspaceId: workspace.id, companyId: smb!.id, email: 'bo@shop.example', name: 'Bo' },
    ])
    .returning();
  enterpriseCustomerId = people[0]!.id;
  const records = parse(fs.readFileSync(new URL('banking77/train.csv', DATASETS)), { columns: true }) as Array<{ text: string; category: string }>;
  const values = records.slice(0, BANKING_ROWS * 5).filter((_, i) => i % 5 === 0).map((record, i) => ({
    workspaceId: workspace.id,
    kind: i % 4 === 0 ? ('survey_response' as const) : ('ticket' as const),
    title: record.category.replaceAll('_', ' '),
    body: record.text,
    occurredAt: new Date(Date.UTC(2023, 0, 1) + i * 8 * 3600 * 1000),
    customerId: people[i % 2]!.id,
    createdBy: workspace.owner.id,
  }));
  // One multi-row insert per 1,000 rows (PostgreSQL allows 65,535 parameters per statement).
  for (let i = 0; i < values.length; i += 1_000) rows.push(...(await context.db.insert(sources).values(values.slice(i, i + 1_000)).returning()));
  transcript = await createSource(context, workspace, {
    kind: 'interview',
    title: 'Functional design meeting IS1002b',
    body: fs.readFileSync(new URL('ami-meetings/IS1002b.txt', DATASETS), 'utf8'),
    occurredAt: new Date('2024-06-01T10:00:00Z'),
  });
  rows.push(transcript);
  for (const row of rows) bodies.set(row.id, `${row.title}\n${row.body}`);
  const tag = await createTag(context, workspace, { name: 'Exchange pain' });
  tagId = tag.id;
  const rated = rows.filter((row) => /exchange rate/i.test(row.body)).slice(0, 3);
  for (const row of rated) await createHighlight(context, workspace, row, { tagIds: [tag.id], note: 'rate complaint' });
  await createSource(context, other, { title: 'Other tenant', body: 'My card payment was declined at the zanzibar market.' });
});

async function search(caller: Caller, params: Record<string, string | number>, ws = workspace.id): Promise<SearchResponse> {
  const response = await caller.get(`/api/workspaces/${ws}/search?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`);
  expect(response.statusCode, response.body).toBe(200);
  return SearchResponseSchema.parse(response.json());
}

const marked = (item: SearchResult) => item.matches.map(([start, end]) => item.snippet.slice(start, end).toLowerCase());
const sourceText = (item: SearchResult) => bodies.get(item.sourceId)!.toLowerCase();

async function searchAll(params: Record<string, string | number>) {
  const items: SearchResult[] = [];
  let cursor: string | null = null;
  let first: SearchResponse | undefined;
  do {
    const page: SearchResponse = await search(workspace.owner.as, cursor ? { ...params, cursor } : params);
    first ??= page;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, first: first! };
}

describe('GET /api/workspaces/:ws/search', () => {
  it('finds a quoted phrase and marks it in the snippet, with an exact total', async () => {
    const result = await search(workspace.owner.as, { q: '"direct debit"', type: 'source', limit: 100 });
    const expected = rows.filter((row) => /direct debits?\b/i.test(row.body) || /direct debits?\b/i.test(row.title));
    expect(expected.length).toBeLessThan(SEARCH_WINDOW);
    expect(result.total).toBe(expected.length);
    expect(result.totalIsEstimate).toBe(false);
    expect(result.items.map((item) => item.id).sort()).toEqual(expected.map((row) => row.id).sort());
    for (const item of result.items) {
      // Titles match too (banking77's are its categories); the snippet comes from the body.
      const body = rows.find((row) => row.id === item.sourceId)!.body;
      if (/direct debit/i.test(body)) expect(marked(item).join(' ')).toMatch(/direct debit/);
    }
  });

  it('leaves out sources containing an excluded word', async () => {
    const { items } = await searchAll({ q: 'card -pin', type: 'source', limit: 100 });
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      expect(sourceText(item)).toMatch(/card/);
      expect(sourceText(item)).not.toMatch(/\bpin\b/);
    }
  });

  it('matches either side of OR, and OR binds tighter than the implicit AND', async () => {
    const count = async (q: string) => (await searchAll({ q, type: 'source', limit: 100 })).items.length;
    const [refund, cash, either] = [await count('refund'), await count('cash'), await count('refund OR cash')];
    expect(either).toBeGreaterThan(Math.max(refund, cash));
    const { items } = await searchAll({ q: 'card declined OR rejected', type: 'source', limit: 100 });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(sourceText(item)).toMatch(/card/);
    for (const item of items) expect(sourceText(item)).toMatch(/declin|reject/);
  });

  it('filters by kind, customer, segment and date, all combined', async () => {
    const { items } = await searchAll({ q: 'transfer', kind: 'survey_response', segment: 'enterprise', from: '2023-03-01', to: '2023-12-31', limit: 100 });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.kind).toBe('survey_response');
      expect(item.customer?.company?.segment).toBe('Enterprise');
      expect(item.occurredAt >= '2023-03-01' && item.occurredAt < '2024-01-01').toBe(true);
    }
    const byCustomer = await searchAll({ q: 'transfer', customerId: enterpriseCustomerId, limit: 100 });
    expect(byCustomer.items.length).toBeGreaterThan(0);
    expect(byCustomer.items.every((item) => item.customer?.id === enterpriseCustomerId)).toBe(true);
  });

  it('filters by date: a day as to includes that whole day, an instant includes itself, from after to is a 400 naming query.to', async () => {
    const dated = await createWorkspace(context);
    for (const [title, at] of [
      ['april 30', '2024-04-30T23:59:59.999Z'],
      ['may 1', '2024-05-01T00:00:00.000Z'],
      ['may 1 late', '2024-05-01T23:59:59.999Z'],
      ['may 2', '2024-05-02T00:00:00.000Z'],
    ] as const) {
      await createSource(context, dated, { title, body: 'The invoice came twice.', occurredAt: new Date(at) });
    }
    const found = async (params: Record<string, string>) => (await search(dated.owner.as, { q: 'invoice', type: 'source', ...params }, dated.id)).items.map((item) => item.title).sort();
    expect(await found({ from: '2024-05-01', to: '2024-05-01' })).toEqual(['may 1', 'may 1 late']);
    expect(await found({ to: '2024-04-30' })).toEqual(['april 30']);
    expect(await found({ from: '2024-05-01T23:59:59.999Z', to: '2024-05-02T00:00:00.000Z' })).toEqual(['may 1 late', 'may 2']);
    expect(await found({ from: '2024-05-01T02:00:00+02:00', to: '2024-05-01T00:00:00Z' })).toEqual(['may 1']);
    // Stored a microsecond past the time the API shows for it: that time still finds it.
    const undated = (await dated.owner.as.post(`/api/workspaces/${dated.id}/sources`, { kind: 'note', title: 'undated', body: 'The invoice has no date.' })).json();
    expect(await found({ from: undated.occurredAt, to: undated.occurredAt })).toEqual(['undated']);
    for (const reversed of [{ from: '2024-05-02', to: '2024-05-01' }, { from: '2024-05-01T00:00:00.001Z', to: '2024-05-01T00:00:00.000Z' }]) {
      const response = await dated.owner.as.get(`/api/workspaces/${dated.id}/search?${new URLSearchParams({ q: 'invoice', ...reversed })}`);
      expect(response.statusCode, JSON.stringify(reversed)).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(errorPaths(response)).toEqual(['query.to']);
    }
  });

  it('filters by tag and by type, and links highlights to their place in the source', async () => {
    const result = await search(workspace.owner.as, { q: 'rate', tagId });
    expect(result.items.map((item) => item.type)).toEqual(['highlight', 'highlight', 'highlight']);
    for (const item of result.items) expect(item.tags.map((tag) => tag.name)).toContain('Exchange pain');
    const facets = (await search(workspace.owner.as, { q: 'rate' })).facets!;
    expect(facets.tag).toEqual([expect.objectContaining({ id: tagId, name: 'Exchange pain', count: 3 })]);
    const onlyHighlights = await search(workspace.owner.as, { q: 'rate', type: 'highlight' });
    expect(onlyHighlights.items.length).toBeGreaterThan(0);
    expect(onlyHighlights.items.every((item) => item.type === 'highlight' && item.range !== null)).toBe(true);
    for (const item of onlyHighlights.items) {
      const body = rows.find((row) => row.id === item.sourceId)!.body;
      expect(body.slice(item.snippetStart, item.snippetStart + item.snippet.length)).toBe(item.snippet);
    }
  });

  it("filters a highlight by its source's kind, date, customer and trash as they change, whatever statement changes them", async () => {
    const tenant = await createWorkspace(context);
    const [company] = await context.db.insert(companies).values({ workspaceId: tenant.id, name: 'Initech', segment: 'Enterprise' }).returning();
    const [customer] = await context.db.insert(customers).values({ workspaceId: tenant.id, companyId: company!.id, email: 'peter@initech.example', name: 'Peter' }).returning();
    const source = await createSource(context, tenant, { kind: 'ticket', title: 'Printer', body: 'The printer jams on every tps report.', occurredAt: new Date('2024-03-10T12:00:00Z'), customerId: customer!.id });
    // Made by the API, which copies the fields from the source row it locks…
    const created = await tenant.owner.as.post(`/api/workspaces/${tenant.id}/sources/${source.id}/highlights`, { start: 4, end: 16 });
    expect(created.statusCode, created.body).toBe(201);
    const highlight = created.json() as { id: string };
    // …and by any other writer, for which the trigger copies them.
    const written = await createHighlight(context, tenant, source, { start: 4, end: 11 });
    const both = [highlight.id, written.id].sort();
    const found = async (params: Record<string, string>) => (await search(tenant.owner.as, { q: 'printer', type: 'highlight', ...params }, tenant.id)).items.map((item) => item.id).sort();

    expect(await found({ kind: 'ticket', segment: 'enterprise', customerId: customer!.id, from: '2024-03-01', to: '2024-03-31' })).toEqual(both);
    expect(await found({ kind: 'note' })).toEqual([]);
    // An edit of the source through the API.
    const edited = await tenant.owner.as.patch(`/api/workspaces/${tenant.id}/sources/${source.id}`, { occurredAt: '2025-01-05T00:00:00.000Z', customer: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await found({ from: '2024-03-01', to: '2024-03-31' })).toEqual([]);
    expect(await found({ from: '2025-01-01', to: '2025-01-31' })).toEqual(both);
    expect(await found({ segment: 'enterprise' })).toEqual([]);
    // Any statement: the kind (the API does not edit it), and a customer's deletion through ON DELETE SET NULL.
    await context.db.update(sources).set({ kind: 'note', customerId: customer!.id }).where(eq(sources.id, source.id));
    expect(await found({ kind: 'note', customerId: customer!.id })).toEqual(both);
    await context.db.delete(customers).where(eq(customers.id, customer!.id));
    expect(await found({ kind: 'note' })).toEqual(both);
    expect((await tenant.owner.as.get(`/api/workspaces/${tenant.id}/search?q=printer&customerId=${customer!.id}`)).statusCode).toBe(404);
    // The trash and back.
    expect((await tenant.owner.as.delete(`/api/workspaces/${tenant.id}/sources/${source.id}`)).statusCode).toBe(204);
    expect(await found({})).toEqual([]);
    expect((await tenant.owner.as.post(`/api/workspaces/${tenant.id}/sources/${source.id}/restore`, {})).statusCode).toBe(200);
    expect(await found({})).toEqual(both);
  });

  it('cuts the snippet of a long transcript around the match and says where it starts', async () => {
    const result = await search(workspace.owner.as, { q: '"remote control"', kind: 'interview' });
    const [item] = result.items;
    expect(item?.sourceId).toBe(transcript.id);
    expect(item!.snippet.length).toBeLessThan(600);
    expect(transcript.body.slice(item!.snippetStart, item!.snippetStart + item!.snippet.length)).toBe(item!.snippet);
    expect(marked(item!)).toContain('remote control');
  });

  it('suggests the right word for a misspelling and searches with it when the correction is clear', async () => {
    const transfer = await search(workspace.owner.as, { q: 'transfr' });
    expect(transfer.didYouMean).toBe('transfer');
    expect(transfer.includesCorrection).toBe(true);
    expect(transfer.items.length).toBeGreaterThan(0);
    // One banking77 customer did write "recieved": the word is only questioned, not replaced.
    const receive = await search(workspace.owner.as, { q: 'recieve money' });
    expect(receive.didYouMean).toBe('receive money');
    expect(receive.includesCorrection).toBe(false);
  });

  it("finds a contraction typed without its apostrophe, and never suggests half of one", async () => {
    const ids = (result: SearchResponse) => result.items.map((item) => item.id);
    const typed = await search(workspace.owner.as, { q: 'card hasnt arrived', limit: 100 });
    expect(typed.total).toBeGreaterThan(0);
    expect(typed.didYouMean).toBeUndefined();
    expect(ids(typed)).toEqual(ids(await search(workspace.owner.as, { q: "card hasn't arrived", limit: 100 })));
    expect(ids(await search(workspace.owner.as, { q: '"card hasnt arrived"' }))).toEqual(ids(await search(workspace.owner.as, { q: `"card hasn’t arrived"` })));
    // "don't" is two stop words to the index: typed "dont" narrows nothing down.
    expect((await search(workspace.owner.as, { q: 'dont transfer' })).total).toBe((await search(workspace.owner.as, { q: 'transfer' })).total);
    // The index holds "hasn" for "hasn't": a typo near it is corrected to the word, not to "hasn".
    const typo = await search(workspace.owner.as, { q: 'hasnn' });
    expect(typo.didYouMean).toBe("hasn't");
  });

  it('suggests nothing when the words are spelled right', async () => {
    const result = await search(workspace.owner.as, { q: 'transfer' });
    expect(result.didYouMean).toBeUndefined();
    expect(result.includesCorrection).toBe(false);
  });

  it('pages through every match once, ranked within windows, and reports facets on the first page', async () => {
    const { items, first } = await searchAll({ q: 'card', type: 'source', limit: 45 });
    const expected = rows.filter((row) => /\bcards?\b/i.test(row.body) || /\bcards?\b/i.test(row.title)).length;
    // More matches than one window holds: the total is the planner's estimate.
    expect(expected).toBeGreaterThan(SEARCH_WINDOW);
    expect(first.totalIsEstimate).toBe(true);
    expect(first.total).toBeGreaterThan(SEARCH_WINDOW);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(items).toHaveLength(expected);
    const facets = first.facets!;
    expect(facets.sampleSize).toBe(SEARCH_WINDOW);
    expect(facets.exact).toBe(false);
    expect(Object.values(facets.kind).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(SEARCH_WINDOW);
    expect(Object.keys(facets.segment).sort()).toEqual(['Enterprise', 'SMB']);
  });

  it('pages through scores tied within a type and across types one result at a time, each once, with what it shows', async () => {
    // Equal bodies rank equal: only the id orders them, in SQL (the rows a window shows) as in the service.
    const twins: Row[] = [];
    for (let i = 0; i < 4; i++) twins.push(await createSource(context, workspace, { title: 'Quokka', body: 'The quokkafied export stalls.' }));
    await createHighlight(context, workspace, twins[0]!);
    // A highlight quoting a source's title, with its body as the note, has the same search vector as the source: a tie across types.
    const holder = await createSource(context, workspace, { title: 'Holder', body: 'Quokka sighting' });
    const tie = await createHighlight(context, workspace, holder, { start: 0, end: 6, note: 'The quokkafied export stalls.' });
    const { items, first } = await searchAll({ q: 'quokkafied', limit: 1 });
    expect(first.total).toBe(6);
    expect(new Set(items.map((item) => `${item.type}:${item.id}`)).size).toBe(6);
    const tied = items.find((item) => item.id === tie.id)!;
    expect(tied.score).toBe(items.find((item) => item.id === twins[0]!.id)!.score);
    expect(tied.title).toBe('Holder');
    for (const item of items.filter((item) => item !== tied)) {
      expect(item.title).toBe('Quokka');
      expect(marked(item)).toEqual(['quokkafied']);
    }
    const ranks = items.map((item) => item.score);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await context.db.delete(sources).where(inArray(sources.id, [...twins, holder].map((row) => row.id)));
  });

  it('keeps later pages stable when matching sources arrive between pages', async () => {
    const page1 = await search(workspace.owner.as, { q: 'card', type: 'source', limit: 10 });
    const newcomer = await createSource(context, workspace, { title: 'Brand new', body: 'My card card card stopped working today.', occurredAt: new Date() });
    const page2 = await search(workspace.owner.as, { q: 'card', type: 'source', limit: 10, cursor: page1.nextCursor! });
    const ids = [...page1.items, ...page2.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(20);
    expect(ids).not.toContain(newcomer.id);
    await context.db.delete(sources).where(eq(sources.id, newcomer.id));
  });

  it('never returns trashed sources', async () => {
    const trashed = await createSource(context, workspace, { title: 'Trashed', body: 'The quetzalcoatl feature is gone.', deletedAt: new Date() });
    const result = await search(workspace.owner.as, { q: 'quetzalcoatl' });
    expect(result.items.map((item) => item.id)).not.toContain(trashed.id);
    expect(result.total).toBe(0);
  });

  it("never returns another workspace's sources, and suggests none of its words", async () => {
    const mine = await search(workspace.owner.as, { q: 'zanzibar' });
    expect(mine.total).toBe(0);
    expect(mine.didYouMean).toBeUndefined();
    const theirs = await search(other.owner.as, { q: 'card' }, other.id);
    expect(theirs.items.map((item) => item.title)).toEqual(['Other tenant']);
  });

  it('answers viewers and viewer tokens', async () => {
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await search(viewer.as, { q: 'card' })).total).toBeGreaterThan(0);
    const token = await createTokenCaller(context, workspace, 'viewer');
    expect((await search(token, { q: 'card' })).total).toBeGreaterThan(0);
  });

  it('returns 400 naming the field for a query that cannot be searched', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'query.q'],
      [{ q: 'the and of' }, 'query.q'],
      [{ q: '-card -pin' }, 'query.q'],
      // Superscript digits are characters of a word to JavaScript, nothing to PostgreSQL's parser:
      // left with only an exclusion, the query must not match every other source.
      [{ q: '²²' }, 'query.q'],
      [{ q: '²² -card' }, 'query.q'],
      [{ q: 'x'.repeat(501) }, 'query.q'],
      [{ q: 'card', limit: '1000' }, 'query.limit'],
      [{ q: 'card', kind: 'tweet' }, 'query.kind'],
      [{ q: 'card', from: 'yesterday' }, 'query.from'],
      [{ q: 'card', from: '2024-02-01', to: '2024-01-01' }, 'query.to'],
      [{ q: 'card', cursor: 'not-a-cursor' }, 'query.cursor'],
      [{ q: 'card', type: 'source', tagId: '00000000-0000-4000-8000-000000000000' }, 'query.tagId'],
    ];
    for (const [params, path] of cases) {
      const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?${new URLSearchParams(params)}`);
      expect(response.statusCode, JSON.stringify(params)).toBe(400);
      expect(errorPaths(response)).toContain(path);
    }
  });

  it('refuses a cursor from another search', async () => {
    const page = await search(workspace.owner.as, { q: 'card', limit: 5 });
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?q=transfer&cursor=${page.nextCursor}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('query.cursor');
  });

  it("returns 404 for another workspace's tag or customer, and for a workspace the caller is not in", async () => {
    const foreignTag = await createTag(context, other);
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/search?q=card&tagId=${foreignTag.id}`)).statusCode).toBe(404);
    expect((await other.owner.as.get(`/api/workspaces/${other.id}/search?q=card&customerId=${enterpriseCustomerId}`)).statusCode).toBe(404);
    expect((await other.owner.as.get(`/api/workspaces/${workspace.id}/search?q=card`)).statusCode).toBe(404);
  });

  it('returns 401 without a session or token', async () => {
    expect((await anonymous(context).get(`/api/workspaces/${workspace.id}/search?q=card`)).statusCode).toBe(401);
  });

  it('keeps the vocabulary in step with edits and the trash', async () => {
    const source = await createSource(context, workspace, { title: 'Vocabulary', body: 'xylophonic wobbling' });
    // The vocabulary holds English stems, as the index does.
    const count = async (word: string) =>
      ((await context.db.execute(sql`select doc_count from search_terms where workspace_id = ${workspace.id} and term = (tsvector_to_array(to_tsvector('english', ${word})))[1]`)) as unknown as { rows: Array<{ doc_count: number }> }).rows[0]?.doc_count ?? 0;
    expect(await count('xylophonic')).toBe(1);
    await context.db.update(sources).set({ body: 'marimbaphonic wobbling' }).where(eq(sources.id, source.id));
    expect([await count('xylophonic'), await count('marimbaphonic'), await count('wobbling')]).toEqual([0, 1, 1]);
    await context.db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, source.id));
    expect(await count('marimbaphonic')).toBe(0);
  });
});

describe('candidate windows of a phrase of common words', () => {
  const phrase = '"card payment"';
  const conditions = () => {
    const parsed = parseSearchQuery(phrase);
    return { workspaceId: workspace.id, query: buildTsQuery(parsed), required: requiredTerms(parsed) };
  };
  /** What a window is: the first matches in table order past its start. */
  const firstMatches = async (after: string | null, count: number) =>
    (
      (await context.db.execute(sql`select ctid::text as tid from sources s
        where workspace_id = ${workspace.id} and deleted_at is null and search @@ phraseto_tsquery('english', 'card payment')
          and (${after}::tid is null or ctid > ${after}::tid)
        order by ctid limit ${count}`)) as unknown as { rows: Array<{ tid: string }> }
    ).rows.map((row) => row.tid);
  const window = async (after: string | null, sequentialRead: SequentialRead) =>
    (await listCandidates(context.db, conditions(), { source: { after, upto: null }, highlight: null }, SEARCH_WINDOW, { limit: 0, after: null, positive: conditions().query }, { withFacets: false, orderByTid: false, sequentialRead })).source!.map((candidate) => candidate.tid);

  it('returns the same rows whether the first pages are read in order, the index is asked, or both', async () => {
    const first = await firstMatches(null, SEARCH_WINDOW);
    // The fixture must make the read stop mid-window, or this test could not fail.
    const lastPage = Number(/^\((\d+),/.exec(first.at(-1)!)![1]);
    expect(lastPage).toBeGreaterThan(3);
    for (const read of [{ pages: 2, minShare: 0, minMatches: 0 }, { pages: 1_000_000, minShare: 0, minMatches: 0 }, { pages: 2, minShare: 0, minMatches: 1_000_000 }]) {
      expect(await window(null, read)).toEqual(first);
      // A later window starts its read at its own start.
      expect(await window(first[40]!, read)).toEqual(await firstMatches(first[40]!, SEARCH_WINDOW));
    }
  });

  it('pages through every match of the phrase once', async () => {
    const { items } = await searchAll({ q: phrase, type: 'source', limit: 45 });
    const expected = await firstMatches(null, 10_000);
    expect(expected.length).toBeGreaterThan(SEARCH_WINDOW);
    expect(new Set(items.map((item) => item.id)).size).toBe(expected.length);
  });
});

describe('the estimate of a total', () => {
  it('estimates each type on its own in one statement, with a segment as without', async () => {
    const parsed = parseSearchQuery('rate');
    for (const segment of [undefined, 'Enterprise']) {
      const conditions = { workspaceId: workspace.id, query: buildTsQuery(parsed), required: requiredTerms(parsed), ...(segment ? { segment } : {}) };
      const both = await estimateMatches(context.db, conditions, { source: true, highlight: true });
      const sourcesAlone = await estimateMatches(context.db, conditions, { source: true, highlight: false });
      const highlightsAlone = await estimateMatches(context.db, conditions, { source: false, highlight: true });
      expect(both.source).toBeGreaterThan(0);
      expect(both.highlight).toBeGreaterThan(0);
      expect(both).toEqual({ source: sourcesAlone.source, highlight: highlightsAlone.highlight });
    }
  });
});

describe('spelling corrections whose stems tie', () => {
  let verifying: TestWorkspace;

  /** The banking77 tickets about verifying: "verify" and "verified" (stem "verifi") outnumber "verification" ("verif"). */
  beforeAll(async () => {
    verifying = await createWorkspace(context);
    const records = parse(fs.readFileSync(new URL('banking77/train.csv', DATASETS)), { columns: true }) as Array<{ text: string; category: string }>;
    const tickets = records.filter((record) => /verif/i.test(record.text));
    expect(tickets.length).toBeGreaterThan(200);
    await context.db.insert(sources).values(
      tickets.map((record, i) => ({
        workspaceId: verifying.id,
        kind: 'ticket' as const,
        title: record.category.replaceAll('_', ' '),
        body: record.text,
        occurredAt: new Date(Date.UTC(2023, 0, 1) + i * 3600 * 1000),
        createdBy: verifying.owner.id,
      })),
    );
  });

  it('suggests the real word closest to the typed one, not a stem glued to the typed ending', async () => {
    const result = await search(verifying.owner.as, { q: 'verifcation' }, verifying.id);
    expect(result.didYouMean).toBe('verification');
    expect(result.includesCorrection).toBe(true);
    expect(result.items.length).toBeGreaterThan(0);
  });
});
