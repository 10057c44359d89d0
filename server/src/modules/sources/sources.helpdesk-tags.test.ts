import { and, eq, inArray, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { HELPDESK_TAGS_SHOWN, SOURCES_TAGGED_WHOLE_MAX } from '@cairn/shared';
import { auditEvents, highlightTags, highlights, sources } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createHighlight, createMember, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const url = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/sources${rest}`;
const titles = (body: { items: Array<{ title: string }> }) => body.items.map((item) => item.title).sort();
const day = (month: number, date = 1) => new Date(Date.UTC(2024, month - 1, date));

/** A ticket as an import writes it: the helpdesk's tags in `metadata.tags`. */
function ticket(workspace: TestWorkspace, title: string, helpdeskTags: unknown, overrides: Parameters<typeof createSource>[2] = {}) {
  return createSource(context, workspace, { title, kind: 'ticket', body: `${title}: please help.`, occurredAt: day(3), metadata: { tags: helpdeskTags }, ...overrides });
}

async function listTitles(workspace: TestWorkspace, query: string) {
  const response = await workspace.owner.as.get(url(workspace, query));
  expect(response.statusCode, response.body).toBe(200);
  return titles(response.json());
}

/** A source's live highlights, shortest first: range, tag ids, id. */
async function highlightsOf(sourceId: string) {
  const rows = await context.db.select().from(highlights).where(and(eq(highlights.sourceId, sourceId), isNull(highlights.deletedAt)));
  const links = rows.length ? await context.db.select().from(highlightTags).where(inArray(highlightTags.highlightId, rows.map((row) => row.id))) : [];
  return rows
    .map((row) => ({ id: row.id, start: row.start, end: row.end, tagIds: links.filter((link) => link.highlightId === row.id).map((link) => link.tagId).sort() }))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

describe('GET /sources?helpdeskTag=…', () => {
  it('lists the sources carrying that helpdesk tag, ignoring case, with untriaged, kind and the other filters', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await ticket(workspace, 'lower case', ['billing', 'vip']);
    await ticket(workspace, 'capitalised', ['Billing']);
    await ticket(workspace, 'longer tag', ['billing-eu']);
    await ticket(workspace, 'no tags', []);
    await ticket(workspace, 'tags as text', 'billing');
    await ticket(workspace, 'in the trash', ['billing'], { deletedAt: new Date() });
    const triaged = await ticket(workspace, 'triaged', ['billing']);
    await createHighlight(context, workspace, triaged, { tagIds: [tag.id] });
    await ticket(workspace, 'survey answer', ['BILLING'], { kind: 'survey_response' });
    await ticket(workspace, 'last year', ['billing'], { occurredAt: new Date(Date.UTC(2023, 5, 1)) });

    expect(await listTitles(workspace, '?helpdeskTag=billing')).toEqual(['capitalised', 'last year', 'lower case', 'survey answer', 'triaged']);
    expect(await listTitles(workspace, '?helpdeskTag=%20BILLING%20&untriaged=true&from=2024-01-01')).toEqual(['capitalised', 'lower case', 'survey answer']);
    expect(await listTitles(workspace, '?helpdeskTag=Billing&untriaged=true&kind=ticket')).toEqual(['capitalised', 'last year', 'lower case']);
    expect(await listTitles(workspace, '?helpdeskTag=vip')).toEqual(['lower case']);
    // The queue's count follows the filter.
    const first = (await workspace.owner.as.get(url(workspace, '?helpdeskTag=billing&untriaged=true&kind=ticket&limit=2'))).json();
    expect(first.total).toBe(3);
  });

  it('refuses an empty helpdesk tag, naming query.helpdeskTag', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.get(url(workspace, '?helpdeskTag=%20'));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['query.helpdeskTag']);
  });
});

describe('GET /sources/helpdesk-tags', () => {
  it('counts the sources carrying each helpdesk tag, most first, one tag whatever its case, and only the untriaged when asked', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await ticket(workspace, 'a', ['billing', 'vip']);
    await ticket(workspace, 'b', ['Billing']);
    // Twice on one ticket, in two cases: it counts once. A number an API caller put there is its text.
    await ticket(workspace, 'c', ['billing', 'BILLING', 42]);
    await ticket(workspace, 'd', ['login']);
    const triaged = await ticket(workspace, 'e', ['login', 'vip']);
    await createHighlight(context, workspace, triaged, { tagIds: [tag.id] });
    await ticket(workspace, 'f', ['login'], { kind: 'survey_response' });
    await ticket(workspace, 'g', ['billing'], { deletedAt: new Date() });
    await ticket(workspace, 'h', { billing: true });
    // Another workspace's tags are theirs.
    await ticket(await createWorkspace(context), 'theirs', ['billing', 'theirs']);

    const counts = async (query = '') => {
      const response = await workspace.owner.as.get(url(workspace, `/helpdesk-tags${query}`));
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items;
    };
    expect(await counts()).toEqual([
      { name: 'BILLING', count: 3 },
      { name: 'login', count: 3 },
      { name: 'vip', count: 2 },
      { name: '42', count: 1 },
    ]);
    expect(await counts('?untriaged=true')).toEqual([
      { name: 'BILLING', count: 3 },
      { name: 'login', count: 2 },
      { name: '42', count: 1 },
      { name: 'vip', count: 1 },
    ]);
    expect(await counts('?untriaged=true&kind=ticket')).toEqual([
      { name: 'BILLING', count: 3 },
      { name: '42', count: 1 },
      { name: 'login', count: 1 },
      { name: 'vip', count: 1 },
    ]);
    expect(await counts('?kind=review')).toEqual([]);
  });

  it('counts only the sources of a date range, as the list filters them, and refuses a reversed one naming query.to', async () => {
    const workspace = await createWorkspace(context);
    await ticket(workspace, 'January', ['billing', 'vip'], { occurredAt: day(1, 15) });
    await ticket(workspace, 'March', ['billing'], { occurredAt: day(3, 1) });
    await ticket(workspace, 'end of March', ['Billing', 'login'], { occurredAt: new Date(Date.UTC(2024, 2, 31, 23, 59)) });
    await ticket(workspace, 'April', ['login'], { occurredAt: day(4, 1) });
    const counts = async (query: string) => {
      const response = await workspace.owner.as.get(url(workspace, `/helpdesk-tags${query}`));
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items;
    };
    // A day as `to` holds the whole day.
    expect(await counts('?untriaged=true&from=2024-03-01&to=2024-03-31')).toEqual([
      { name: 'Billing', count: 2 },
      { name: 'login', count: 1 },
    ]);
    expect(await counts('?to=2024-02-01')).toEqual([
      { name: 'billing', count: 1 },
      { name: 'vip', count: 1 },
    ]);
    expect(await listTitles(workspace, '?helpdeskTag=billing&from=2024-03-01&to=2024-03-31')).toEqual(['March', 'end of March']);
    const reversed = await workspace.owner.as.get(url(workspace, '/helpdesk-tags?from=2024-04-01&to=2024-03-01'));
    expect(reversed.statusCode).toBe(400);
    expect(errorPaths(reversed)).toEqual(['query.to']);
  });

  it(`lists the ${HELPDESK_TAGS_SHOWN} most used, then by name`, async () => {
    const workspace = await createWorkspace(context);
    const names = Array.from({ length: HELPDESK_TAGS_SHOWN + 10 }, (_, index) => `tag-${String(index).padStart(2, '0')}`);
    await ticket(workspace, 'all of them', names);
    await ticket(workspace, 'the last one', [names.at(-1)]);
    const { items } = (await workspace.owner.as.get(url(workspace, '/helpdesk-tags'))).json();
    expect(items).toHaveLength(HELPDESK_TAGS_SHOWN);
    expect(items[0]).toEqual({ name: names.at(-1), count: 2 });
    expect(items.slice(1).map((item: { name: string }) => item.name)).toEqual(names.slice(0, HELPDESK_TAGS_SHOWN - 1));
  });

  it('refuses an unknown kind, naming query.kind', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.get(url(workspace, '/helpdesk-tags?kind=email'));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)[0]).toMatch(/^query\.kind/);
  });
});

describe('POST /sources/tag-whole', () => {
  it('highlights and tags each matching source whole, as the queue tags one, so that they leave the queue', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    const [first, second, other] = [await createTag(context, workspace, { name: 'Billing' }), await createTag(context, workspace, { name: 'Invoices' }), await createTag(context, workspace)];
    const plain = await ticket(workspace, 'plain', ['billing']);
    // Highlighted whole already, without a tag: that highlight is the one tagged.
    const wholeBefore = await ticket(workspace, 'whole before', ['Billing']);
    const kept = await createHighlight(context, workspace, wholeBefore);
    // A passage is not the whole: a whole highlight is added beside it.
    const passage = await ticket(workspace, 'passage before', ['billing']);
    const part = await createHighlight(context, workspace, passage, { end: 5 });
    const triaged = await ticket(workspace, 'triaged', ['billing']);
    await createHighlight(context, workspace, triaged, { tagIds: [other.id] });
    const login = await ticket(workspace, 'login', ['login']);
    const lastYear = await ticket(workspace, 'last year', ['billing'], { occurredAt: new Date(Date.UTC(2023, 5, 1)) });
    const interview = await ticket(workspace, 'interview', ['billing'], { kind: 'interview' });
    const untouched = [triaged, login, lastYear, interview];
    const before = await Promise.all(untouched.map((source) => highlightsOf(source.id)));

    const response = await researcher.as.post(url(workspace, '/tag-whole'), {
      filters: { helpdeskTag: 'BILLING', untriaged: true, from: '2024-01-01' },
      tagIds: [first.id, second.id, first.id],
    });
    expect(response.statusCode, response.body).toBe(200);
    const { highlighted, run } = response.json();
    expect(highlighted).toBe(3);

    const both = [first.id, second.id].sort();
    expect(await highlightsOf(plain.id)).toEqual([{ id: expect.any(String), start: 0, end: plain.body.length, tagIds: both }]);
    expect(await highlightsOf(wholeBefore.id)).toEqual([{ id: kept.id, start: 0, end: wholeBefore.body.length, tagIds: both }]);
    expect(await highlightsOf(passage.id)).toEqual([
      { id: part.id, start: 0, end: 5, tagIds: [] },
      { id: expect.any(String), start: 0, end: passage.body.length, tagIds: both },
    ]);
    expect(await Promise.all(untouched.map((source) => highlightsOf(source.id)))).toEqual(before);
    // What it wrote, for an undo: the two highlights it made, and the tags it gave the one it reused (it had none).
    const made = [(await highlightsOf(plain.id))[0]!.id, (await highlightsOf(passage.id))[1]!.id].sort();
    expect({ ...run, createdHighlightIds: [...run.createdHighlightIds].sort() }).toEqual({
      at: expect.any(String),
      tagIds: [first.id, second.id],
      createdHighlightIds: made,
      addedTags: [
        { tagId: first.id, highlightIds: [kept.id] },
        { tagId: second.id, highlightIds: [kept.id] },
      ],
    });
    // Triaged now: out of the queue, and out of the next bulk tagging.
    expect(await listTitles(workspace, '?untriaged=true&helpdeskTag=billing')).toEqual(['interview', 'last year']);
    const tagged = (await workspace.owner.as.get(url(workspace, `/${plain.id}`))).json();
    expect(tagged.highlights[0].tags.map((tag: { name: string }) => tag.name).sort()).toEqual(['Billing', 'Invoices']);

    const events = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'highlight.create_many')));
    expect(events.map((event) => event.summary)).toEqual([
      'Highlighted 3 sources whole (helpdesk tag “BILLING”, not triaged, from 2024-01-01, ticket, survey response, review, note), 1 of them highlighted whole already, tagged “Billing”, “Invoices”',
    ]);
    expect(events[0]!.actorUserId).toBe(researcher.id);

    const again = await researcher.as.post(url(workspace, '/tag-whole'), { filters: { helpdeskTag: 'billing', untriaged: true, from: '2024-01-01' }, tagIds: [first.id] });
    expect(again.json()).toEqual({ highlighted: 0, run: { at: expect.any(String), tagIds: [first.id], createdHighlightIds: [], addedTags: [] } });
    expect(await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'highlight.create_many')))).toHaveLength(1);
  });

  it(`tags up to ${SOURCES_TAGGED_WHOLE_MAX.toLocaleString('en')} sources at once, and refuses more with a 422 saying how many, writing nothing`, async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await context.db.insert(sources).values(
      Array.from({ length: SOURCES_TAGGED_WHOLE_MAX + 1 }, (_, index) => ({
        workspaceId: workspace.id,
        kind: 'ticket' as const,
        title: `Ticket ${index}`,
        body: `Ticket ${index}: the invoice is wrong.`,
        occurredAt: index === SOURCES_TAGGED_WHOLE_MAX ? day(6) : day(1),
        metadata: { tags: ['invoices'] },
      })),
    );
    const tagAll = (filters: Record<string, unknown>) => workspace.owner.as.post(url(workspace, '/tag-whole'), { filters, tagIds: [tag.id] });

    const tooMany = await tagAll({ helpdeskTag: 'invoices', untriaged: true });
    expect(tooMany.statusCode).toBe(422);
    expect(errorPaths(tooMany)).toEqual(['body.filters']);
    expect(tooMany.json().detail).toContain(`match ${(SOURCES_TAGGED_WHOLE_MAX + 1).toLocaleString('en')} sources`);
    expect(await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id))).toEqual([]);

    const narrowed = await tagAll({ helpdeskTag: 'invoices', untriaged: true, to: '2024-05-31' });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json()).toMatchObject({ highlighted: SOURCES_TAGGED_WHOLE_MAX });
    expect(narrowed.json().run.createdHighlightIds).toHaveLength(SOURCES_TAGGED_WHOLE_MAX);
    expect((await workspace.owner.as.get(url(workspace, '?untriaged=true'))).json().items.map((item: { title: string }) => item.title)).toEqual([`Ticket ${SOURCES_TAGGED_WHOLE_MAX}`]);

    // Undone at once, as big as it was: every one waits again.
    const undone = await workspace.owner.as.post(url(workspace, '/tag-whole/undo'), narrowed.json().run);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toEqual({ trashed: SOURCES_TAGGED_WHOLE_MAX, kept: 0, untagged: 0 });
    expect((await workspace.owner.as.get(url(workspace, '?untriaged=true&limit=1'))).json().total).toBe(SOURCES_TAGGED_WHOLE_MAX + 1);
  });

  it('refuses interviews (422), a reversed date range (400), no tag (400) and tags of another workspace (404), each naming its field, writing nothing', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    const theirTag = await createTag(context, await createWorkspace(context));
    await ticket(workspace, 'waiting', ['billing']);
    const tagAll = (body: Record<string, unknown>) => workspace.owner.as.post(url(workspace, '/tag-whole'), body);

    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ filters: { kinds: ['ticket', 'interview'] }, tagIds: [tag.id] }, 422, 'body.filters.kinds'],
      [{ filters: { from: '2024-05-01', to: '2024-04-01' }, tagIds: [tag.id] }, 400, 'body.filters.to'],
      [{ filters: {}, tagIds: [] }, 400, 'body.tagIds'],
      [{ filters: { helpdeskTag: 'billing' }, tagIds: [tag.id, theirTag.id] }, 404, 'body.tagIds'],
      [{ filters: { label: 'billing' }, tagIds: [tag.id] }, 400, 'body.filters'],
    ];
    for (const [body, status, path] of cases) {
      const response = await tagAll(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(errorPaths(response)).toEqual([path]);
    }
    expect(await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id))).toEqual([]);
  });

  it('is for researchers and up: contributors and viewers get 403 and nothing changes', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await ticket(workspace, 'waiting', ['billing']);
    for (const role of ['contributor', 'viewer'] as const) {
      const member = await createMember(context, workspace, role);
      const response = await member.as.post(url(workspace, '/tag-whole'), { filters: { helpdeskTag: 'billing' }, tagIds: [tag.id] });
      expect(response.statusCode, role).toBe(403);
    }
    expect(await listTitles(workspace, '?untriaged=true')).toEqual(['waiting']);
  });
});
