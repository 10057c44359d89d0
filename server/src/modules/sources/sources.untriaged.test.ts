import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backlogHighlights, backlogItems, highlights, insightHighlights, insights } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createBacklogItem, createHighlight, createInsight, createMember, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const url = (workspace: TestWorkspace, rest = '') => `/api/workspaces/${workspace.id}/sources${rest}`;
const titles = (body: { items: Array<{ title: string }> }) => body.items.map((item) => item.title);

async function listTitles(workspace: TestWorkspace, query: string) {
  const response = await workspace.owner.as.get(url(workspace, query));
  expect(response.statusCode, response.body).toBe(200);
  return titles(response.json()).sort();
}

const trash = { deletedAt: new Date() };

/** A ticket whose whole text is one untagged highlight, linked as evidence to an insight or a backlog item. */
async function linkedTicket(workspace: TestWorkspace, title: string, target: { insightId: string } | { backlogItemId: string }) {
  const ticket = await createSource(context, workspace, { title, kind: 'ticket' });
  const highlight = await createHighlight(context, workspace, ticket);
  if ('insightId' in target) await context.db.insert(insightHighlights).values({ workspaceId: workspace.id, insightId: target.insightId, highlightId: highlight.id });
  else await context.db.insert(backlogHighlights).values({ workspaceId: workspace.id, backlogItemId: target.backlogItemId, highlightId: highlight.id });
  return { ticket, highlight };
}

describe('GET /sources?untriaged=true (the triage queue)', () => {
  it('leaves out sources with a tagged highlight or one linked to a live problem or backlog item, and keeps the rest', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    const problem = await createInsight(context, workspace);
    const opportunity = await createInsight(context, workspace, { type: 'opportunity' });
    const item = await createBacklogItem(context, workspace);
    const trashedProblem = await createInsight(context, workspace, trash);
    const trashedItem = await createBacklogItem(context, workspace, trash);

    await createSource(context, workspace, { title: 'fresh', kind: 'ticket' });
    await createHighlight(context, workspace, await createSource(context, workspace, { title: 'tagged', kind: 'ticket' }), { tagIds: [tag.id] });
    await createHighlight(context, workspace, await createSource(context, workspace, { title: 'highlighted, nothing more', kind: 'ticket' }));
    await linkedTicket(workspace, 'problem evidence', { insightId: problem.id });
    await linkedTicket(workspace, 'opportunity evidence', { insightId: opportunity.id });
    await linkedTicket(workspace, 'backlog evidence', { backlogItemId: item.id });
    await linkedTicket(workspace, 'evidence of a trashed problem', { insightId: trashedProblem.id });
    await linkedTicket(workspace, 'evidence of a trashed backlog item', { backlogItemId: trashedItem.id });
    const { highlight: trashedLinked } = await linkedTicket(workspace, 'trashed evidence', { insightId: problem.id });
    await context.db.update(highlights).set(trash).where(eq(highlights.id, trashedLinked.id));
    const trashedTagged = await createHighlight(context, workspace, await createSource(context, workspace, { title: 'tag in the trash', kind: 'ticket' }), { tagIds: [tag.id] });
    await context.db.update(highlights).set(trash).where(eq(highlights.id, trashedTagged.id));

    const stillWaiting = ['evidence of a trashed backlog item', 'evidence of a trashed problem', 'fresh', 'highlighted, nothing more', 'tag in the trash', 'trashed evidence'];
    expect(await listTitles(workspace, '?untriaged=true')).toEqual(stillWaiting);
    // `untagged` keeps meaning what it says: linked evidence without a tag is untagged.
    expect(await listTitles(workspace, '?untagged=true')).toEqual([...stillWaiting, 'backlog evidence', 'opportunity evidence', 'problem evidence'].sort());
    // Both together: what neither takes out.
    expect(await listTitles(workspace, '?untagged=true&untriaged=true')).toEqual(stillWaiting);
    const page = (await workspace.owner.as.get(url(workspace, '?untriaged=true'))).json();
    expect(page.items.every((source: { tagged: boolean; triaged: boolean }) => !source.tagged && !source.triaged)).toBe(true);

    // Every list says where each source stands, as the queue sees it, whichever filter chose it.
    const standing = (body: { items: Array<{ title: string; tagged: boolean; triaged: boolean }> }) =>
      Object.fromEntries(body.items.map((source) => [source.title, { tagged: source.tagged, triaged: source.triaged }]));
    const all = standing((await workspace.owner.as.get(url(workspace))).json());
    const untagged = standing((await workspace.owner.as.get(url(workspace, '?untagged=true'))).json());
    for (const title of stillWaiting) expect(all[title]).toEqual({ tagged: false, triaged: false });
    expect(all['tagged']).toEqual({ tagged: true, triaged: true });
    for (const title of ['problem evidence', 'opportunity evidence', 'backlog evidence']) {
      expect(all[title]).toEqual({ tagged: false, triaged: true });
      expect(untagged[title]).toEqual({ tagged: false, triaged: true });
    }
    // The detail leaves it out: links made elsewhere would leave its cached response behind.
    const { ticket } = await linkedTicket(workspace, 'one more', { insightId: problem.id });
    expect((await workspace.owner.as.get(url(workspace, `/${ticket.id}`))).json()).not.toHaveProperty('triaged');
  });

  it('counts what is left on the first page, for the queue to show, and pages through the rest oldest first', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace);
    for (const [index, title] of ['first', 'second', 'third'].entries()) {
      await createSource(context, workspace, { title, kind: 'ticket', occurredAt: new Date(Date.UTC(2024, 0, index + 1)) });
    }
    await linkedTicket(workspace, 'linked', { insightId: problem.id });

    const first = (await workspace.owner.as.get(url(workspace, '?untriaged=true&kind=ticket&order=oldest&limit=2'))).json();
    expect(titles(first)).toEqual(['first', 'second']);
    expect(first.total).toBe(3);
    const second = (await workspace.owner.as.get(url(workspace, `?untriaged=true&kind=ticket&order=oldest&limit=2&cursor=${first.nextCursor}`))).json();
    expect(titles(second)).toEqual(['third']);
    expect(second).not.toHaveProperty('total');
    // One page holds them all: counted from the page, no second query.
    expect((await workspace.owner.as.get(url(workspace, '?untriaged=true&kind=ticket'))).json().total).toBe(3);
  });

  it('follows links made, undone and trashed through the API, as a contributor makes them', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const problem = await createInsight(context, workspace);
    const item = await createBacklogItem(context, workspace);
    await createSource(context, workspace, { title: 'other', kind: 'ticket' });
    const ticket = await createSource(context, workspace, { title: 'ticket', kind: 'ticket' });
    const highlight = (await contributor.as.post(`/api/workspaces/${workspace.id}/highlights/passages`, { passages: [{ sourceId: ticket.id, whole: true }] })).json().items[0];
    const waiting = () => listTitles(workspace, '?untriaged=true');
    expect(await waiting()).toEqual(['other', 'ticket']);

    const evidence = (target: string) => `/api/workspaces/${workspace.id}/${target}/evidence`;
    expect((await contributor.as.post(evidence(`insights/${problem.id}`), { highlightIds: [highlight.id] })).statusCode).toBe(200);
    expect(await waiting()).toEqual(['other']);
    expect((await contributor.as.delete(evidence(`insights/${problem.id}`), { highlightIds: [highlight.id] })).statusCode).toBe(200);
    expect(await waiting()).toEqual(['other', 'ticket']);

    expect((await contributor.as.post(evidence(`backlog-items/${item.id}`), { highlightIds: [highlight.id] })).statusCode).toBe(200);
    expect(await waiting()).toEqual(['other']);
    // The item in the trash: its evidence no longer counts as triaged, until it comes back.
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/backlog-items/${item.id}`)).statusCode).toBe(204);
    expect(await waiting()).toEqual(['other', 'ticket']);
    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/backlog-items/${item.id}/restore`)).statusCode).toBe(200);
    expect(await waiting()).toEqual(['other']);
    // The highlight in the trash: nothing of the ticket is evidence any more.
    expect((await contributor.as.delete(`/api/workspaces/${workspace.id}/highlights/${highlight.id}`)).statusCode).toBe(204);
    expect(await waiting()).toEqual(['other', 'ticket']);
  });

  it("never lets another workspace's links or tags count", async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const ticket = await createSource(context, workspace, { title: 'ours', kind: 'ticket' });
    const highlight = await createHighlight(context, workspace, ticket);
    // Rows no API writes (every link is checked against the caller's workspace), as a bug or a bad restore might leave them.
    const [theirProblem] = await context.db.insert(insights).values({ workspaceId: other.id, type: 'problem', title: 'Theirs' }).returning();
    const [theirItem] = await context.db.insert(backlogItems).values({ workspaceId: other.id, title: 'Theirs' }).returning();
    await context.db.insert(insightHighlights).values({ workspaceId: other.id, insightId: theirProblem!.id, highlightId: highlight.id });
    await context.db.insert(backlogHighlights).values({ workspaceId: other.id, backlogItemId: theirItem!.id, highlightId: highlight.id });
    // Their own evidence, in their own workspace, leaves their queue and not ours.
    await linkedTicket(other, 'theirs', { insightId: theirProblem!.id });
    await createSource(context, other, { title: 'theirs, waiting', kind: 'ticket' });

    expect(await listTitles(workspace, '?untriaged=true')).toEqual(['ours']);
    expect(await listTitles(other, '?untriaged=true')).toEqual(['theirs, waiting']);
  });

  it('refuses a value that is not a boolean, naming query.untriaged', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.get(url(workspace, '?untriaged=maybe'));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toContain('query.untriaged');
  });
});
