import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TagListSchema } from '@cairn/shared';
import { auditEvents, highlightTags, highlights, tags } from '../../db/schema/index.js';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import { createHighlight, createMember, createSource, createTag, createWorkspace, type TestWorkspace } from '../../../test/factories.js';
import { highlightTagCopies } from './tags.service.js';

const context = useTestApp();

const tagsUrl = (ws: string) => `/api/workspaces/${ws}/tags`;
const tagUrl = (ws: string, id: string) => `/api/workspaces/${ws}/tags/${id}`;

async function usage(workspace: TestWorkspace) {
  const list = TagListSchema.parse((await workspace.owner.as.get(tagsUrl(workspace.id))).json());
  return Object.fromEntries(list.items.map((tag) => [tag.name, tag.usageCount]));
}

describe('GET and POST /tags', () => {
  it('creates a tag and lists the codebook by group then name, with usage counts outside the trash', async () => {
    const workspace = await createWorkspace(context);
    const created = await workspace.owner.as.post(tagsUrl(workspace.id), { name: 'Frustrated', group: 'Emotion', color: '#aa3344', description: 'Anger or despair' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Frustrated', group: 'Emotion', color: '#aa3344', description: 'Anger or despair', usageCount: 0 });
    const billing = await createTag(context, workspace, { name: 'billing', groupName: 'Feature area' });
    const export_ = await createTag(context, workspace, { name: 'Export', groupName: 'Feature area' });
    await createTag(context, workspace, { name: 'misc' });
    const source = await createSource(context, workspace);
    await createHighlight(context, workspace, source, { start: 0, end: 3, tagIds: [billing.id, export_.id] });
    const trashed = await createHighlight(context, workspace, source, { start: 3, end: 6, tagIds: [billing.id] });
    await context.db.update(highlights).set({ deletedAt: new Date() }).where(eq(highlights.id, trashed.id));

    const list = (await workspace.owner.as.get(tagsUrl(workspace.id))).json();
    expect(list.items.map((tag: { name: string; usageCount: number }) => [tag.name, tag.usageCount])).toEqual([
      ['Frustrated', 0],
      ['billing', 1],
      ['Export', 1],
      ['misc', 0],
    ]);
  });

  it('refuses a second tag whose name differs only in case (409 naming the field)', async () => {
    const workspace = await createWorkspace(context);
    await createTag(context, workspace, { name: 'Onboarding' });
    const response = await workspace.owner.as.post(tagsUrl(workspace.id), { name: 'ONBOARDING' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('conflict');
    expect(errorPaths(response)).toEqual(['body.name']);
    const elsewhere = await createWorkspace(context);
    expect((await elsewhere.owner.as.post(tagsUrl(elsewhere.id), { name: 'onboarding' })).statusCode).toBe(201);
  });

  it('answers 400 listing invalid fields', async () => {
    const workspace = await createWorkspace(context);
    const response = await workspace.owner.as.post(tagsUrl(workspace.id), { name: '  ', color: 'red' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.name', 'body.color']));
  });

  it('lets contributors create tags and viewers only read them', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await contributor.as.post(tagsUrl(workspace.id), { name: 'from contributor' })).statusCode).toBe(201);
    expect((await viewer.as.post(tagsUrl(workspace.id), { name: 'from viewer' })).statusCode).toBe(403);
    expect((await viewer.as.get(tagsUrl(workspace.id))).statusCode).toBe(200);
    expect((await anonymous(context).get(tagsUrl(workspace.id))).statusCode).toBe(401);
  });
});

describe('PATCH and DELETE /tags/:id', () => {
  it('renames, regroups and recolours a tag, and every highlight carrying it shows the change', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace, { name: 'slow' });
    const source = await createSource(context, workspace);
    const highlight = await createHighlight(context, workspace, source, { start: 0, end: 3, tagIds: [tag.id] });
    const response = await workspace.owner.as.patch(tagUrl(workspace.id, tag.id), { name: 'Performance', group: 'Quality', color: '#112233' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Performance', group: 'Quality', color: '#112233', usageCount: 1 });
    const [row] = await context.db.select({ tagNames: highlights.tagNames }).from(highlights).where(eq(highlights.id, highlight.id));
    expect(row?.tagNames).toBe('Performance');
    const found = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?q=performance`);
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([highlight.id]);
    const recolored = await workspace.owner.as.patch(tagUrl(workspace.id, tag.id), { color: '#445566' });
    expect(recolored.statusCode).toBe(200);
    // Highlights show the tag as it is now: new name, group and colour.
    expect(found.json().items[0].tags).toEqual([{ id: tag.id, name: 'Performance', group: 'Quality', color: '#112233' }]);
    const again = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${source.id}`);
    expect(again.json().highlights[0].tags).toEqual([{ id: tag.id, name: 'Performance', group: 'Quality', color: '#445566' }]);
    const audit = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, tag.id));
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['tag.rename', 'tag.update']));
  });

  it('refuses a rename onto another tag’s name (409), allows a change of case, and needs a researcher', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace, { name: 'ux' });
    await createTag(context, workspace, { name: 'Pricing' });
    const taken = await workspace.owner.as.patch(tagUrl(workspace.id, tag.id), { name: 'pricing' });
    expect(taken.statusCode).toBe(409);
    expect(errorPaths(taken)).toEqual(['body.name']);
    expect((await workspace.owner.as.patch(tagUrl(workspace.id, tag.id), { name: 'UX' })).json().name).toBe('UX');
    const contributor = await createMember(context, workspace, 'contributor');
    expect((await contributor.as.patch(tagUrl(workspace.id, tag.id), { name: 'ux!' })).statusCode).toBe(403);
  });

  it('deletes an unused tag, and one in use only when confirmed with force', async () => {
    const workspace = await createWorkspace(context);
    const unused = await createTag(context, workspace);
    const used = await createTag(context, workspace, { name: 'doomed' });
    const keep = await createTag(context, workspace, { name: 'kept' });
    const highlight = await createHighlight(context, workspace, await createSource(context, workspace), { start: 0, end: 3, tagIds: [used.id, keep.id] });
    expect((await workspace.owner.as.delete(tagUrl(workspace.id, unused.id))).statusCode).toBe(204);
    const refused = await workspace.owner.as.delete(tagUrl(workspace.id, used.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 highlight');
    expect((await workspace.owner.as.delete(`${tagUrl(workspace.id, used.id)}?force=true`)).statusCode).toBe(204);
    expect(await usage(workspace)).toEqual({ kept: 1 });
    const [row] = await context.db.select({ tagNames: highlights.tagNames }).from(highlights).where(eq(highlights.id, highlight.id));
    expect(row?.tagNames).toBe('kept');
    const actions = (await context.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id))).map((event) => event.action);
    expect(actions).toEqual(['tag.delete', 'tag.delete']);
  });

  it('answers 404 for a tag of another workspace and 400 for a bad force flag', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const foreign = await createTag(context, other);
    expect((await workspace.owner.as.patch(tagUrl(workspace.id, foreign.id), { name: 'x' })).statusCode).toBe(404);
    expect((await workspace.owner.as.delete(tagUrl(workspace.id, foreign.id))).statusCode).toBe(404);
    const bad = await workspace.owner.as.delete(`${tagUrl(workspace.id, foreign.id)}?force=maybe`);
    expect(bad.statusCode).toBe(400);
    expect(errorPaths(bad)).toEqual(['query.force']);
  });
});

describe('POST /tags/:id/merge', () => {
  it('merges two tags used by 1,000 highlights: every link moves, counts add up, an audit event records it', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const merged = await createTag(context, workspace, { name: 'export-bug' });
    const survivor = await createTag(context, workspace, { name: 'Export' });
    const bystander = await createTag(context, workspace, { name: 'angry' });
    // 1,000 highlights: 0–599 carry the merged tag, 400–999 the survivor, so 200 carry both.
    const rows = await context.db
      .insert(highlights)
      .values(Array.from({ length: 1000 }, (_, i) => ({ workspaceId: workspace.id, sourceId: source.id, start: 0, end: 3, quote: source.body.slice(0, 3), tagNames: '' })))
      .returning({ id: highlights.id });
    const ids = rows.map((row) => row.id);
    const links = [
      ...ids.slice(0, 600).map((highlightId) => ({ workspaceId: workspace.id, highlightId, tagId: merged.id })),
      ...ids.slice(400).map((highlightId) => ({ workspaceId: workspace.id, highlightId, tagId: survivor.id })),
      ...ids.slice(0, 10).map((highlightId) => ({ workspaceId: workspace.id, highlightId, tagId: bystander.id })),
    ];
    await context.db.insert(highlightTags).values(links);
    // The copies of their tags that highlights carry, as the services keep them.
    const setTags = (slice: string[], tagRows: Array<typeof merged>) =>
      context.db.update(highlights).set(highlightTagCopies(tagRows)).where(inArray(highlights.id, slice));
    await setTags(ids.slice(0, 10), [bystander, merged]);
    await setTags(ids.slice(10, 400), [merged]);
    await setTags(ids.slice(400, 600), [survivor, merged]);
    await setTags(ids.slice(600), [survivor]);
    expect(await usage(workspace)).toEqual({ angry: 10, Export: 600, 'export-bug': 600 });

    const response = await workspace.owner.as.post(`${tagUrl(workspace.id, merged.id)}/merge`, { intoTagId: survivor.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: survivor.id, name: 'Export', usageCount: 1000 });

    expect(await usage(workspace)).toEqual({ angry: 10, Export: 1000 });
    const [linkCount] = await context.db
      .select({ count: sql<number>`count(*)::int` })
      .from(highlightTags)
      .where(and(eq(highlightTags.workspaceId, workspace.id), eq(highlightTags.tagId, survivor.id)));
    expect(linkCount?.count).toBe(1000);
    expect((await context.db.select().from(tags).where(eq(tags.id, merged.id))).length).toBe(0);
    const names = await context.db.select({ tagNames: highlights.tagNames }).from(highlights).where(inArray(highlights.id, ids));
    expect(new Set(names.map((row) => row.tagNames))).toEqual(new Set(['angry Export', 'Export']));
    // What the API shows of each highlight's tags follows too.
    const shown = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${source.id}`);
    const tagLists = new Set(shown.json<{ highlights: Array<{ tags: Array<{ name: string }> }> }>().highlights.map((h) => h.tags.map((tag) => tag.name).join(',')));
    expect(tagLists).toEqual(new Set(['angry,Export', 'Export']));

    const [event] = await context.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'tag.merge')));
    expect(event).toMatchObject({ objectId: survivor.id, actorUserId: workspace.owner.id });
    expect(event?.summary).toBe('Merged tag “export-bug” (600 highlights) into “Export” (600 highlights); 200 carried both, “Export” now has 1,000 highlights');
  });

  it('refuses merging a tag into itself (400), into another workspace’s tag (404), and below the researcher role (403)', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    const foreign = await createTag(context, other);
    const merge = (id: string, intoTagId: string) => workspace.owner.as.post(`${tagUrl(workspace.id, id)}/merge`, { intoTagId });
    const itself = await merge(tag.id, tag.id);
    expect(itself.statusCode).toBe(400);
    expect(errorPaths(itself)).toEqual(['body.intoTagId']);
    expect((await merge(tag.id, foreign.id)).statusCode).toBe(404);
    expect((await merge(foreign.id, tag.id)).statusCode).toBe(404);
    const contributor = await createMember(context, workspace, 'contributor');
    const second = await createTag(context, workspace);
    expect((await contributor.as.post(`${tagUrl(workspace.id, tag.id)}/merge`, { intoTagId: second.id })).statusCode).toBe(403);
    const invalid = await merge(tag.id, 'not-an-id');
    expect(invalid.statusCode).toBe(400);
    expect(errorPaths(invalid)).toEqual(['body.intoTagId']);
  });
});
