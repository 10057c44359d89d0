import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TagSourcesWholeRun } from '@cairn/shared';
import { auditEvents, highlightTags, highlights } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createHighlight, createInsight, createMember, createSource, createTag, createWorkspace, type TestUser, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const url = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/sources${rest}`;

/** A ticket as an import writes it: the helpdesk's tags in `metadata.tags`. */
function ticket(workspace: TestWorkspace, title: string, helpdeskTags: string[] = ['billing']) {
  return createSource(context, workspace, { title, kind: 'ticket', body: `${title}: please help.`, occurredAt: new Date(Date.UTC(2024, 2, 1)), metadata: { tags: helpdeskTags } });
}

/** Every highlight of the sources, in the trash or not: range, trashed, note, tag ids. */
async function highlightsOf(sourceIds: string[]) {
  const rows = await context.db.select().from(highlights).where(inArray(highlights.sourceId, sourceIds));
  const links = rows.length ? await context.db.select().from(highlightTags).where(inArray(highlightTags.highlightId, rows.map((row) => row.id))) : [];
  return Object.fromEntries(
    rows
      .sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.end - b.end || a.id.localeCompare(b.id))
      .map((row) => [row.id, { sourceId: row.sourceId, start: row.start, end: row.end, trashed: row.deletedAt !== null, note: row.note, tagIds: links.filter((link) => link.highlightId === row.id).map((link) => link.tagId).sort() }]),
  );
}

async function queueTitles(workspace: TestWorkspace) {
  const response = await workspace.owner.as.get(url(workspace, '?untriaged=true&helpdeskTag=billing&limit=100'));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { title: string }) => item.title).sort();
}

async function tagAll(caller: TestUser, workspace: TestWorkspace, filters: Record<string, unknown>, tagIds: string[]): Promise<TagSourcesWholeRun> {
  const response = await caller.as.post(url(workspace, '/tag-whole'), { filters, tagIds });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().run;
}

const undo = (caller: TestUser, workspace: TestWorkspace, run: object) => caller.as.post(url(workspace, '/tag-whole/undo'), run as Record<string, unknown>);

describe('POST /sources/tag-whole/undo', () => {
  it('takes back exactly what a run wrote: the highlights it made go to the trash, the tags it added come off, tags there before stay, and the queue is as it was', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    const [billing, invoices] = [await createTag(context, workspace, { name: 'Billing' }), await createTag(context, workspace, { name: 'Invoices' })];
    const plain = await ticket(workspace, 'plain');
    // Highlighted whole and tagged "Billing" before: the run adds "Invoices" alone, and undoing it takes that alone off.
    const taggedBefore = await ticket(workspace, 'tagged before');
    const taggedWhole = await createHighlight(context, workspace, taggedBefore, { tagIds: [billing.id] });
    // Highlighted whole without a tag: the highlight is reused and stays, untagged again.
    const wholeBefore = await ticket(workspace, 'whole before');
    const untaggedWhole = await createHighlight(context, workspace, wholeBefore);
    // A passage is not the whole: the run adds a whole highlight beside it, and the passage is left alone.
    const passage = await ticket(workspace, 'passage before');
    await createHighlight(context, workspace, passage, { end: 5, note: 'the first words' });
    const login = await ticket(workspace, 'login', ['login']);
    const all = [plain, taggedBefore, wholeBefore, passage, login].map((source) => source.id);
    const before = await highlightsOf(all);
    const queueBefore = await queueTitles(workspace);
    expect(queueBefore).toEqual(['passage before', 'plain', 'whole before']);

    const run = await tagAll(researcher, workspace, { helpdeskTag: 'billing' }, [billing.id, invoices.id]);
    expect(run.createdHighlightIds).toHaveLength(2);
    expect(run.addedTags).toEqual([
      { tagId: billing.id, highlightIds: [untaggedWhole.id] },
      { tagId: invoices.id, highlightIds: expect.arrayContaining([taggedWhole.id, untaggedWhole.id]) },
    ]);
    expect(await queueTitles(workspace)).toEqual([]);

    const response = await undo(researcher, workspace, run);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ trashed: 2, kept: 0, untagged: 2 });

    // Everything as it was, but for the two highlights the run made, now in the trash without their tags.
    const after = await highlightsOf(all);
    for (const id of run.createdHighlightIds) expect(after[id]).toMatchObject({ trashed: true, tagIds: [] });
    for (const id of run.createdHighlightIds) delete after[id];
    expect(after).toEqual(before);
    expect(await queueTitles(workspace)).toEqual(queueBefore);
    const tagged = (await workspace.owner.as.get(url(workspace, `/${taggedBefore.id}`))).json();
    expect(tagged.highlights.map((highlight: { tags: Array<{ name: string }> }) => highlight.tags.map((tag) => tag.name))).toEqual([['Billing']]);

    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'highlight.create_many_undo')));
    expect(event?.summary).toBe('Undid a bulk tagging of whole sources: moved 2 highlights it made to the trash, took its tags off 2 highlights highlighted whole before');
    expect(event?.actorUserId).toBe(researcher.id);
  });

  it('keeps a highlight the run made that someone has used since (a note, another tag, a link as evidence), without the run’s tags', async () => {
    const workspace = await createWorkspace(context);
    const [billing, other] = [await createTag(context, workspace, { name: 'Billing' }), await createTag(context, workspace, { name: 'Other' })];
    const problem = await createInsight(context, workspace);
    const sources = await Promise.all(['untouched', 'noted', 'retagged', 'linked'].map((title) => ticket(workspace, title)));
    const run = await tagAll(workspace.owner, workspace, { helpdeskTag: 'billing', untriaged: true }, [billing.id]);
    const made = await highlightsOf(sources.map((source) => source.id));
    const madeFor = (index: number) => Object.entries(made).find(([, highlight]) => highlight.sourceId === sources[index]!.id)![0];
    const owner = workspace.owner.as;
    expect((await owner.patch(`/api/workspaces/${workspace.id}/highlights/${madeFor(1)}`, { note: 'Second time this month' })).statusCode).toBe(200);
    expect((await owner.post(`/api/workspaces/${workspace.id}/highlights/bulk`, { highlightIds: [madeFor(2)], addTagIds: [other.id] })).statusCode).toBe(200);
    expect((await owner.post(`/api/workspaces/${workspace.id}/insights/${problem.id}/evidence`, { highlightIds: [madeFor(3)] })).statusCode).toBe(200);

    const response = await undo(workspace.owner, workspace, run);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ trashed: 1, kept: 3, untagged: 0 });
    const after = await highlightsOf(sources.map((source) => source.id));
    expect([0, 1, 2, 3].map((index) => after[madeFor(index)])).toEqual([
      expect.objectContaining({ trashed: true, tagIds: [] }),
      expect.objectContaining({ trashed: false, note: 'Second time this month', tagIds: [] }),
      expect.objectContaining({ trashed: false, tagIds: [other.id] }),
      expect.objectContaining({ trashed: false, tagIds: [] }),
    ]);
    // The noted one waits in the queue again; the one tagged since and the evidence do not.
    expect(await queueTitles(workspace)).toEqual(['noted', 'untouched']);
  });

  it('takes off only the links the run made: a tag taken off and given back by hand before the undo stays, and so does its highlight', async () => {
    const workspace = await createWorkspace(context);
    const billing = await createTag(context, workspace, { name: 'Billing' });
    const sources = await Promise.all(['untouched', 'given back'].map((title) => ticket(workspace, title)));
    const run = await tagAll(workspace.owner, workspace, { helpdeskTag: 'billing' }, [billing.id]);
    expect(run.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const made = await highlightsOf(sources.map((source) => source.id));
    const givenBack = Object.entries(made).find(([, highlight]) => highlight.sourceId === sources[1]!.id)![0];
    const bulk = (body: object) => workspace.owner.as.post(`/api/workspaces/${workspace.id}/highlights/bulk`, { highlightIds: [givenBack], ...body });
    expect((await bulk({ removeTagIds: [billing.id] })).statusCode).toBe(200);
    expect((await bulk({ addTagIds: [billing.id] })).statusCode).toBe(200);

    const response = await undo(workspace.owner, workspace, run);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ trashed: 1, kept: 1, untagged: 0 });
    expect((await highlightsOf(sources.map((source) => source.id)))[givenBack]).toMatchObject({ trashed: false, tagIds: [billing.id] });
  });

  it('answers 409 naming body.at to a second undo of the same run, leaving a tag given back by hand since and writing no second event', async () => {
    const workspace = await createWorkspace(context);
    const [billing, invoices] = [await createTag(context, workspace, { name: 'Billing' }), await createTag(context, workspace, { name: 'Invoices' })];
    const reused = await createHighlight(context, workspace, await ticket(workspace, 'whole before'), { tagIds: [invoices.id] });
    const plain = await ticket(workspace, 'plain');
    const run = await tagAll(workspace.owner, workspace, { helpdeskTag: 'billing' }, [billing.id]);
    expect(run.addedTags).toEqual([{ tagId: billing.id, highlightIds: [reused.id] }]);
    const first = await undo(workspace.owner, workspace, run);
    expect(first.statusCode, first.body).toBe(200);
    // Given back by hand: the second undo must not take it off again.
    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/highlights/bulk`, { highlightIds: [reused.id], addTagIds: [billing.id] })).statusCode).toBe(200);
    const before = await highlightsOf([reused.sourceId, plain.id]);

    const second = await undo(workspace.owner, workspace, run);
    expect(second.statusCode, second.body).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(errorPaths(second)).toEqual(['body.at']);
    expect(await highlightsOf([reused.sourceId, plain.id])).toEqual(before);
    expect(before[reused.id]!.tagIds).toEqual([billing.id, invoices.id].sort());
    const events = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'highlight.create_many_undo')));
    expect(events).toHaveLength(1);
  });

  it('answers 422 naming body.createdHighlightIds for a highlight of the workspace the run did not make, changing nothing', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await ticket(workspace, 'ours');
    const other = await createHighlight(context, workspace, await createSource(context, workspace, { kind: 'ticket', body: 'Older than the run.' }));
    const run = await tagAll(workspace.owner, workspace, { helpdeskTag: 'billing' }, [tag.id]);
    const before = await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id));

    const response = await undo(workspace.owner, workspace, { ...run, createdHighlightIds: [...run.createdHighlightIds, other.id] });
    expect(response.statusCode, response.body).toBe(422);
    expect(errorPaths(response)).toEqual(['body.createdHighlightIds']);
    expect(await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id))).toEqual(before);
  });

  it('answers 404 naming the field for a highlight of another workspace, changing nothing', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await ticket(workspace, 'ours');
    const run = await tagAll(workspace.owner, workspace, { helpdeskTag: 'billing' }, [tag.id]);
    const theirs = await createWorkspace(context);
    const theirHighlight = await createHighlight(context, theirs, await ticket(theirs, 'theirs'));
    const before = await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id));

    const cases: Array<[TagSourcesWholeRun, string]> = [
      [{ ...run, createdHighlightIds: [...run.createdHighlightIds, theirHighlight.id] }, 'body.createdHighlightIds'],
      [{ ...run, addedTags: [{ tagId: tag.id, highlightIds: [theirHighlight.id] }] }, 'body.addedTags.0.highlightIds'],
    ];
    for (const [body, path] of cases) {
      const response = await undo(workspace.owner, workspace, body);
      expect(response.statusCode, response.body).toBe(404);
      expect(errorPaths(response)).toEqual([path]);
    }
    // Our run, sent to their workspace, names nothing there either.
    const elsewhere = await undo(theirs.owner, theirs, run);
    expect(elsewhere.statusCode).toBe(404);
    expect(errorPaths(elsewhere)).toEqual(['body.createdHighlightIds']);
    expect(await context.db.select().from(highlights).where(eq(highlights.workspaceId, workspace.id))).toEqual(before);
    expect(await queueTitles(workspace)).toEqual([]);
  });

  it('refuses a malformed run with a 400 naming the field, and contributors and viewers with a 403', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    await ticket(workspace, 'ours');
    const run = await tagAll(workspace.owner, workspace, { helpdeskTag: 'billing' }, [tag.id]);

    const cases: Array<[object, string]> = [
      [{ ...run, tagIds: [] }, 'body.tagIds'],
      [{ ...run, createdHighlightIds: ['not-an-id'] }, 'body.createdHighlightIds.0'],
      [{ ...run, addedTags: [{ tagId: tag.id, highlightIds: [] }] }, 'body.addedTags.0.highlightIds'],
      [{ ...run, filters: {} }, 'body'],
      [{ ...run, at: 'yesterday' }, 'body.at'],
    ];
    for (const [body, path] of cases) {
      const response = await undo(workspace.owner, workspace, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorPaths(response)).toEqual([path]);
    }
    for (const role of ['contributor', 'viewer'] as const) {
      const member = await createMember(context, workspace, role);
      expect((await undo(member, workspace, run)).statusCode, role).toBe(403);
    }
    expect(await queueTitles(workspace)).toEqual([]);
  });
});
