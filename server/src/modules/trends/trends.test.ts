import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { RISING_MIN_HIGHLIGHTS, TagTrendsSchema, TRENDS_BUCKETS_MAX, TRENDS_TAGS_MAX, type TagRef, type TagTrends } from '@cairn/shared';
import { companies, highlights } from '../../db/schema/index.js';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createCustomer, createHighlight, createMember, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { risingTags } from './trends.rising.js';

const context = useTestApp();

const trendsUrl = (ws: string, query: string) => `/api/workspaces/${ws}/tags/trends?${query}`;

async function trends(workspace: TestWorkspace, query: string): Promise<TagTrends> {
  const response = await workspace.owner.as.get(trendsUrl(workspace.id, query));
  expect(response.statusCode, response.body).toBe(200);
  return TagTrendsSchema.parse(response.json());
}

/** A source said at `occurredAt`, highlighted whole with `tagIds`. */
async function saidAt(workspace: TestWorkspace, occurredAt: string, tagIds: string[], overrides: { customerId?: string; kind?: 'ticket' | 'interview' } = {}) {
  const source = await createSource(context, workspace, { occurredAt: new Date(occurredAt), ...overrides });
  return { source, highlight: await createHighlight(context, workspace, source, { tagIds }) };
}

const seriesOf = (answer: TagTrends, name: string) => answer.series.find((series) => series.tag.name === name);

describe('GET /tags/trends: counting', () => {
  it('counts live highlights of live sources per UTC week of the source’s date, a highlight with two tags once in the bucket total', async () => {
    const workspace = await createWorkspace(context);
    const exports = await createTag(context, workspace, { name: 'Exports', color: '#aa3344', groupName: 'Area' });
    const billing = await createTag(context, workspace, { name: 'Billing' });
    // Monday 2024-05-06 starts a week; Sunday 2024-05-12 23:59:59.999 is its last moment.
    await saidAt(workspace, '2024-05-06T00:00:00.000Z', [exports.id, billing.id]);
    await saidAt(workspace, '2024-05-12T23:59:59.999Z', [exports.id]);
    await saidAt(workspace, '2024-05-13T00:00:00.000Z', [exports.id]);
    await saidAt(workspace, '2024-05-20T10:00:00.000Z', [billing.id]);
    // Left out: a trashed highlight, a highlight of a trashed source, an untagged highlight, and what was said outside the range.
    const trashed = await saidAt(workspace, '2024-05-07T09:00:00.000Z', [exports.id]);
    await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/highlights/${trashed.highlight.id}`);
    const ofTrashedSource = await saidAt(workspace, '2024-05-07T09:00:00.000Z', [exports.id]);
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/sources/${ofTrashedSource.source.id}`)).statusCode).toBe(204);
    await saidAt(workspace, '2024-05-08T09:00:00.000Z', []);
    await saidAt(workspace, '2024-05-05T23:59:59.999Z', [exports.id]);
    await saidAt(workspace, '2024-05-27T00:00:00.000Z', [exports.id]);

    // A Wednesday and a Monday widen to the whole weeks that hold them.
    const answer = await trends(workspace, `from=2024-05-08&to=2024-05-20&interval=week&tagId=${exports.id}&tagId=${billing.id}`);
    expect(answer).toMatchObject({ interval: 'week', from: '2024-05-06T00:00:00.000Z', to: '2024-05-27T00:00:00.000Z', selection: 'chosen' });
    expect(answer.buckets).toEqual([
      { start: '2024-05-06T00:00:00.000Z', end: '2024-05-13T00:00:00.000Z', highlights: 2 },
      { start: '2024-05-13T00:00:00.000Z', end: '2024-05-20T00:00:00.000Z', highlights: 1 },
      { start: '2024-05-20T00:00:00.000Z', end: '2024-05-27T00:00:00.000Z', highlights: 1 },
    ]);
    expect(answer.series).toEqual([
      { tag: { id: exports.id, name: 'Exports', color: '#aa3344', group: 'Area' }, total: 3, highlights: [2, 1, 0], customers: [0, 0, 0] },
      { tag: { id: billing.id, name: 'Billing', color: null, group: null }, total: 2, highlights: [1, 0, 1], customers: [0, 0, 0] },
    ]);
  });

  it('dates a highlight by when its source was said, not when it was highlighted, and follows a change of that date', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace, { name: 'Onboarding' });
    const { source, highlight } = await saidAt(workspace, '2024-01-15T12:00:00.000Z', [tag.id]);
    await context.db.update(highlights).set({ createdAt: new Date('2024-03-02T00:00:00.000Z') }).where(eq(highlights.id, highlight.id));
    const query = `from=2024-01-01&to=2024-03-31&interval=month&tagId=${tag.id}`;
    expect(seriesOf(await trends(workspace, query), 'Onboarding')?.highlights).toEqual([1, 0, 0]);

    const moved = await workspace.owner.as.patch(`/api/workspaces/${workspace.id}/sources/${source.id}`, { occurredAt: '2024-02-29T23:59:59.999Z' });
    expect(moved.statusCode).toBe(200);
    expect(seriesOf(await trends(workspace, query), 'Onboarding')?.highlights).toEqual([0, 1, 0]);
  });

  it('splits months at midnight UTC on the 1st, and counts distinct customers of each tag per bucket', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace, { name: 'Pricing' });
    const [ada, bo] = [await createCustomer(context, workspace), await createCustomer(context, workspace)];
    await saidAt(workspace, '2024-01-31T23:59:59.999Z', [tag.id], { customerId: ada.id });
    await saidAt(workspace, '2024-01-02T08:00:00.000Z', [tag.id], { customerId: ada.id });
    await saidAt(workspace, '2024-02-01T00:00:00.000Z', [tag.id], { customerId: ada.id });
    await saidAt(workspace, '2024-02-10T00:00:00.000Z', [tag.id], { customerId: bo.id });
    await saidAt(workspace, '2024-02-11T00:00:00.000Z', [tag.id]);
    const answer = await trends(workspace, 'from=2024-01-20T10:00:00Z&to=2024-02-01T00:00:00Z&interval=month');
    expect(answer.buckets.map((bucket) => [bucket.start, bucket.highlights])).toEqual([
      ['2024-01-01T00:00:00.000Z', 2],
      ['2024-02-01T00:00:00.000Z', 3],
    ]);
    expect(answer.to).toBe('2024-03-01T00:00:00.000Z');
    expect(seriesOf(answer, 'Pricing')).toMatchObject({ total: 5, highlights: [2, 3], customers: [1, 2] });
  });

  it('draws the range’s five most used tags without tagId, and a chosen tag without highlights as zeros', async () => {
    const workspace = await createWorkspace(context);
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const tags = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await createTag(context, workspace, { name })] as const)));
    // f is used most, then e, …; a least; c and d tie, c first by name.
    const uses: Record<string, number> = { a: 1, b: 2, c: 3, d: 3, e: 4, f: 5 };
    for (const name of names) for (let i = 0; i < uses[name]!; i++) await saidAt(workspace, '2024-06-03T10:00:00Z', [tags[name]!.id]);
    const top = await trends(workspace, 'from=2024-06-01&to=2024-06-30&interval=month');
    expect(top.selection).toBe('top');
    expect(top.series.map((series) => [series.tag.name, series.total])).toEqual([['f', 5], ['e', 4], ['c', 3], ['d', 3], ['b', 2]]);

    const unused = await createTag(context, workspace, { name: 'unused' });
    const chosen = await trends(workspace, `from=2024-06-01&to=2024-06-30&interval=month&tagId=${unused.id}&tagId=${tags.a!.id}&tagId=${unused.id}`);
    expect(chosen.series.map((series) => [series.tag.name, series.highlights])).toEqual([['unused', [0]], ['a', [1]]]);
  });

  it('filters by kind and by the segment of the customer’s company', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace, { name: 'Speed' });
    const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Big Co', segment: 'Enterprise' }).returning();
    const big = await createCustomer(context, workspace, { companyId: company!.id });
    await saidAt(workspace, '2024-06-03T10:00:00Z', [tag.id], { customerId: big.id, kind: 'interview' });
    await saidAt(workspace, '2024-06-04T10:00:00Z', [tag.id], { kind: 'ticket' });
    const count = async (filter: string) => (await trends(workspace, `from=2024-06-03&to=2024-06-09&tagId=${tag.id}&${filter}`)).series[0]!.highlights;
    expect(await count('kind=interview')).toEqual([1]);
    expect(await count('kind=ticket,interview')).toEqual([2]);
    expect(await count('segment=enterprise')).toEqual([1]);
    expect(await count('segment=SMB')).toEqual([0]);
  });

  it('defaults to the 12 weeks up to today', async () => {
    const workspace = await createWorkspace(context);
    const answer = await trends(workspace, '');
    expect(answer.interval).toBe('week');
    expect(answer.buckets).toHaveLength(12);
    expect(Date.parse(answer.to)).toBeGreaterThan(Date.now());
    expect(Date.parse(answer.to) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(new Date(answer.from).getUTCDay()).toBe(1);
    expect(answer).toMatchObject({ series: [], rising: [], selection: 'top' });
  });
});

describe('GET /tags/trends: rising', () => {
  it('lists tags whose share grew into the latest bucket, new ones first, leaving out the rare and the falling', async () => {
    const workspace = await createWorkspace(context);
    const tags = Object.fromEntries(
      await Promise.all(['growing', 'new', 'rare', 'falling'].map(async (name) => [name, await createTag(context, workspace, { name })] as const)),
    );
    const add = async (name: string, occurredAt: string, count: number) => {
      for (let i = 0; i < count; i++) await saidAt(workspace, occurredAt, [tags[name]!.id]);
    };
    // Week of 3 June: 10 tagged highlights; week of 10 June (the latest): 20.
    await add('growing', '2024-06-04T10:00:00Z', 2);
    await add('falling', '2024-06-04T10:00:00Z', 8);
    await add('growing', '2024-06-11T10:00:00Z', 5);
    await add('new', '2024-06-11T10:00:00Z', RISING_MIN_HIGHLIGHTS);
    await add('rare', '2024-06-11T10:00:00Z', RISING_MIN_HIGHLIGHTS - 1);
    // More highlights than the week before, but a smaller share of a busier week.
    await add('falling', '2024-06-16T23:00:00Z', 6);

    const answer = await trends(workspace, 'from=2024-06-03&to=2024-06-16');
    expect(answer.buckets.map((bucket) => bucket.highlights)).toEqual([10, 20]);
    expect(answer.rising).toEqual([
      { tag: expect.objectContaining({ name: 'new' }), previous: 0, current: 5, previousShare: 0, currentShare: 0.25, change: null, highlights: [0, 5] },
      // 2 of 10 (20%) to 5 of 20 (25%): +25%.
      { tag: expect.objectContaining({ name: 'growing' }), previous: 2, current: 5, previousShare: 0.2, currentShare: 0.25, change: 0.25, highlights: [2, 5] },
    ]);
  });

  it('computes rising from shares, by the rules of its definition', () => {
    const tag = (name: string): TagRef => ({ id: `00000000-0000-4000-8000-00000000000${name.length}`, name, color: null, group: null });
    expect(risingTags([10], [{ tag: tag('one'), highlights: [10] }])).toEqual([]);
    // A half-finished latest week: fewer highlights, a larger share.
    const [rising] = risingTags([40, 10], [{ tag: tag('x'), highlights: [8, 5] }]);
    expect(rising).toMatchObject({ previousShare: 0.2, currentShare: 0.5, change: 1.5 });
    // A steady share is not rising; growth ranks by change, then by count.
    const ranked = risingTags([100, 100], [
      { tag: tag('flat'), highlights: [10, 10] },
      { tag: tag('fast'), highlights: [5, 10] },
      { tag: tag('slowly'), highlights: [10, 12] },
      { tag: tag('newer'), highlights: [0, 6] },
      { tag: tag('newest'), highlights: [0, 9] },
    ]);
    expect(ranked.map((item) => [item.tag.name, item.change])).toEqual([['newest', null], ['newer', null], ['fast', 1], ['slowly', 0.2]]);
  });
});

describe('GET /tags/trends: refusals', () => {
  it('answers 400 naming the field for bad input', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    const refused = async (query: string) => {
      const response = await workspace.owner.as.get(trendsUrl(workspace.id, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      return errorPaths(response);
    };
    expect(await refused('from=2024-06-02&to=2024-06-01')).toEqual(['query.to']);
    expect(await refused(`from=2020-01-01&to=2024-01-01&interval=week`)).toEqual(['query.from']);
    expect(await refused('from=3024-01-01')).toEqual(['query.from']);
    expect(await refused('interval=day')).toEqual(['query.interval']);
    expect(await refused('kind=podcast')).toEqual([expect.stringMatching(/^query\.kind/)]);
    expect(await refused('from=yesterday')).toEqual([expect.stringMatching(/^query\.from/)]);
    expect(await refused('tagId=not-a-tag')).toEqual([expect.stringMatching(/^query\.tagId/)]);
    const tooMany = Array.from({ length: TRENDS_TAGS_MAX + 1 }, () => `tagId=${tag.id}`).join('&');
    expect(await refused(tooMany)).toEqual(['query.tagId']);
    // The cap, exactly: 120 months is ten years.
    expect((await workspace.owner.as.get(trendsUrl(workspace.id, 'from=2015-01-01&to=2024-12-31&interval=month'))).json().buckets).toHaveLength(TRENDS_BUCKETS_MAX);
  });

  it('answers 404 naming tagId for a tag of another workspace', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const foreign = await createTag(context, other);
    const response = await workspace.owner.as.get(trendsUrl(workspace.id, `tagId=${foreign.id}`));
    expect(response.statusCode).toBe(404);
    expect(errorPaths(response)).toEqual(['query.tagId']);
  });

  it('lets viewers read, and answers 404 to a member of another workspace and 401 to nobody', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.get(trendsUrl(workspace.id, ''))).statusCode).toBe(200);
    expect((await other.owner.as.get(trendsUrl(workspace.id, ''))).statusCode).toBe(404);
    expect((await anonymous(context).get(trendsUrl(workspace.id, ''))).statusCode).toBe(401);
  });
});
