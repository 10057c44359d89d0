import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { HighlightSchema, SourceEvidenceLinksSchema } from '@cairn/shared';
import { auditEvents, backlogHighlights, companies, highlights, insightHighlights, sources, tags, users } from '../../db/schema/index.js';
import { anonymous, errorPaths, useTestApp } from '../../../test/app.js';
import {
  createBacklogItem,
  createCustomer,
  createHighlight,
  createInsight,
  createMember,
  createSource,
  createTag,
  createTokenCaller,
  createWorkspace,
  type TestWorkspace,
} from '../../../test/factories.js';

const context = useTestApp();

const sourceHighlights = (ws: string, sourceId: string) => `/api/workspaces/${ws}/sources/${sourceId}/highlights`;
const highlightUrl = (ws: string, id: string) => `/api/workspaces/${ws}/highlights/${id}`;

async function tagNamesOf(id: string) {
  const [row] = await context.db.select({ tagNames: highlights.tagNames, deletedAt: highlights.deletedAt }).from(highlights).where(eq(highlights.id, id));
  return row!;
}

describe('POST /sources/:id/highlights', () => {
  it('creates a highlight whose quote the server cuts from the body, with its tags and an audit event', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'Exports fail. Search is slow on big workspaces.' });
    const [slow, search] = [await createTag(context, workspace, { name: 'slow' }), await createTag(context, workspace, { name: 'Search' })];
    const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: 14, end: 29, tagIds: [slow.id, search.id], note: 'Big accounts' });
    expect(response.statusCode).toBe(201);
    const highlight = HighlightSchema.parse(response.json());
    expect(highlight).toMatchObject({ sourceId: source.id, start: 14, end: 29, quote: 'Search is slow ', note: 'Big accounts', createdBy: { id: workspace.owner.id, name: workspace.owner.name } });
    expect(highlight.tags.map((tag) => tag.name)).toEqual(['Search', 'slow']);
    expect((await tagNamesOf(highlight.id)).tagNames).toBe('Search slow');
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, highlight.id));
    expect(events).toMatchObject([{ action: 'highlight.create', actorUserId: workspace.owner.id }]);
  });

  it('highlights a whole short source in one call', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { kind: 'survey_response', body: 'I love the new dashboard.' });
    const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { whole: true });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ start: 0, end: source.body.length, quote: source.body });
  });

  it('allows overlapping highlights', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const first = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 20 });
    const second = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: 10, end: 30 });
    const same = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 20 });
    expect([first.statusCode, second.statusCode, same.statusCode]).toEqual([201, 201, 201]);
  });

  it.each([
    ['empty', { start: 5, end: 5 }, ['body.end']],
    ['reversed', { start: 9, end: 4 }, ['body.end']],
    ['past the end of the body', { start: 3, end: 1000 }, ['body.end']],
    ['entirely past the end', { start: 900, end: 1000 }, ['body.end', 'body.start']],
  ])('answers 422 for a range that is %s, naming the field', async (_, range, fields) => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), range);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('unprocessable');
    expect(errorPaths(response)).toEqual(expect.arrayContaining(fields));
  });

  it('answers 400 listing every invalid field, and never accepts a quote from the client', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: -1, end: 'x', tagIds: ['nope'], quote: 'made up' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body.start', 'body.end', 'body.tagIds.0', 'body']));
  });

  it('answers 400 when neither a range nor whole is sent, or both are', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const neither = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { note: 'hm' });
    expect(neither.statusCode).toBe(400);
    expect(errorPaths(neither)).toEqual(['body.start', 'body.end']);
    const both = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { whole: true, start: 0 });
    expect(both.statusCode).toBe(400);
    expect(errorPaths(both)).toEqual(['body.start']);
  });

  it('answers 404 for a source or a tag of another workspace', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const foreignSource = await createSource(context, other);
    const foreignTag = await createTag(context, other);
    const source = await createSource(context, workspace);
    expect((await workspace.owner.as.post(sourceHighlights(workspace.id, foreignSource.id), { start: 0, end: 3 })).statusCode).toBe(404);
    const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 3, tagIds: [foreignTag.id] });
    expect(response.statusCode).toBe(404);
    expect(errorPaths(response)).toEqual(['body.tagIds']);
  });

  it('answers 404 for a source in the trash', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { deletedAt: new Date() });
    expect((await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 3 })).statusCode).toBe(404);
  });

  it('copies what is current when the source, a tag or the author changed since the last highlight (in any process)', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'Exports fail. Search is slow.' });
    const tag = await createTag(context, workspace, { name: 'slow' });
    const create = (body: Record<string, unknown>) => workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { tagIds: [tag.id], ...body });
    expect((await create({ start: 0, end: 7 })).json()).toMatchObject({ quote: 'Exports', tags: [{ name: 'slow' }] });

    // Written straight to the database, as another API process would.
    await context.db.update(tags).set({ name: 'sluggish', color: '#ff0000' }).where(eq(tags.id, tag.id));
    await context.db.update(users).set({ name: 'Grace' }).where(eq(users.id, workspace.owner.id));
    const renamed = (await create({ start: 8, end: 12 })).json();
    expect(renamed).toMatchObject({ quote: 'fail', tags: [{ name: 'sluggish', color: '#ff0000' }], createdBy: { name: 'Grace' } });
    expect((await tagNamesOf(renamed.id)).tagNames).toBe('sluggish');

    // The text changes once its highlights are gone for good: quotes and ranges follow the new text.
    await context.db.delete(highlights).where(eq(highlights.sourceId, source.id));
    await context.db.update(sources).set({ body: 'Search is slow.' }).where(eq(sources.id, source.id));
    expect((await create({ start: 0, end: 6 })).json()).toMatchObject({ quote: 'Search' });
    expect(errorPaths(await create({ start: 20, end: 24 }))).toEqual(['body.end', 'body.start']);

    await context.db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, source.id));
    expect((await create({ start: 0, end: 6 })).statusCode).toBe(404);
    await context.db.update(sources).set({ deletedAt: null }).where(eq(sources.id, source.id));
    await context.db.delete(tags).where(eq(tags.id, tag.id));
    expect(errorPaths(await create({ start: 0, end: 6 }))).toEqual(['body.tagIds']);
  });

  it('refuses viewers (403) and anonymous callers (401), and accepts a contributor token', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 3 })).statusCode).toBe(403);
    expect((await anonymous(context).post(sourceHighlights(workspace.id, source.id), { start: 0, end: 3 })).statusCode).toBe(401);
    const token = await createTokenCaller(context, workspace, 'contributor');
    const response = await token.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 3 });
    expect(response.statusCode).toBe(201);
    expect(response.json().createdBy).toBeNull();
  });
});

describe('offsets in texts with emoji, combining accents and CRLF line ends', () => {
  // As the file came: CRLF line ends and a decomposed accent (e + U+0301). Cairn stores it
  // normalized (NFC, \n); offsets are JavaScript indices into the stored body.
  const file = 'Zoe\u0308 said: “the 📈 chart is great 👍🏽”\r\nThen: cafe\u0301 crème — ok.\r\n';

  async function postSource(workspace: Awaited<ReturnType<typeof createWorkspace>>) {
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/sources`, { kind: 'note', title: 'Mixed text', body: file });
    expect(response.statusCode).toBe(201);
    const source = response.json() as { id: string; body: string };
    expect(source.body).toBe('Zoë said: “the 📈 chart is great 👍🏽”\nThen: café crème — ok.');
    return source;
  }

  it('keeps quote === body.slice(start, end) for every range, emoji and accents included, through a reload', async () => {
    const workspace = await createWorkspace(context);
    const source = await postSource(workspace);
    const passages = ['📈 chart', 'great 👍🏽', 'café crème', 'Zoë', '”\nThen'];
    for (const passage of passages) {
      const start = source.body.indexOf(passage);
      expect(start).toBeGreaterThanOrEqual(0);
      const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start, end: start + passage.length });
      expect(response.statusCode).toBe(201);
      expect(response.json().quote).toBe(passage);
    }
    const reloaded = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${source.id}`)).json() as { body: string; highlights: Array<{ start: number; end: number; quote: string }> };
    expect(reloaded.highlights.map((highlight) => highlight.quote).sort()).toEqual([...passages].sort());
    for (const highlight of reloaded.highlights) expect(highlight.quote).toBe(reloaded.body.slice(highlight.start, highlight.end));
  });

  it('answers 422 for a range that would cut an emoji in half', async () => {
    const workspace = await createWorkspace(context);
    const source = await postSource(workspace);
    const inside = source.body.indexOf('📈') + 1;
    const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: inside, end: inside + 4 });
    expect(response.statusCode).toBe(422);
    expect(errorPaths(response)).toEqual(['body.start']);
  });
});

describe('the interviewer’s turns in a transcript', () => {
  // Two interviewers ask, then the customer answers: segments as imports mark them.
  const turns = [
    { speaker: 'Maya Okafor', text: 'How do you export today?', interviewer: true },
    { speaker: 'Sam Lee', text: 'And how long does it take?', interviewer: true },
    { speaker: 'Maria Lopez', text: 'By hand, and it takes an hour every Friday.' },
  ];
  const body = turns.map((turn) => turn.text).join('\n\n');
  const [question, followUp, answer] = turns.map((turn) => ({ start: body.indexOf(turn.text), end: body.indexOf(turn.text) + turn.text.length }));
  const createInterview = (workspace: TestWorkspace, { marked = true } = {}) =>
    createSource(context, workspace, {
      kind: 'interview',
      body,
      segments: turns.map((turn, index) => ({
        speaker: turn.speaker,
        startMs: index * 1000,
        endMs: index * 1000 + 900,
        start: body.indexOf(turn.text),
        end: body.indexOf(turn.text) + turn.text.length,
        ...(marked && turn.interviewer ? { interviewer: true } : {}),
      })),
    });
  const highlightsOf = (sourceId: string) => context.db.select().from(highlights).where(eq(highlights.sourceId, sourceId));

  it('refuses a range of nothing but the interviewer’s words with a 422 naming the field and the speaker, and keeps nothing', async () => {
    const workspace = await createWorkspace(context);
    const source = await createInterview(workspace);
    const inQuestion = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: question!.start + 4, end: question!.end });
    expect(inQuestion.statusCode).toBe(422);
    expect(inQuestion.json()).toMatchObject({ code: 'unprocessable', detail: 'Only the customer’s own words can be highlighted; this passage is all the interviewer’s (Maya Okafor)' });
    expect(errorPaths(inQuestion)).toEqual(['body.start']);
    // Both questions and the blank line between them, up to the answer's first letter.
    const bothQuestions = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: question!.start, end: answer!.start });
    expect(bothQuestions.statusCode).toBe(422);
    expect(bothQuestions.json().detail).toBe('Only the customer’s own words can be highlighted; this passage is all the interviewers’ (Maya Okafor and Sam Lee)');
    expect(await highlightsOf(source.id)).toEqual([]);
  });

  it('highlights the interviewer’s question together with the customer’s answer, and the answer alone', async () => {
    const workspace = await createWorkspace(context);
    const source = await createInterview(workspace);
    const withQuestion = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: followUp!.start, end: answer!.start + 8 });
    expect(withQuestion.statusCode).toBe(201);
    expect(withQuestion.json().quote).toBe('And how long does it take?\n\nBy hand,');
    const alone = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), answer!);
    expect(alone.statusCode).toBe(201);
  });

  it('leaves transcripts that mark no interviewer as they were', async () => {
    const workspace = await createWorkspace(context);
    const source = await createInterview(workspace, { marked: false });
    const response = await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), question!);
    expect(response.statusCode).toBe(201);
  });

  it('refuses moving a highlight onto the interviewer’s words, yet keeps one made before the rule editable', async () => {
    const workspace = await createWorkspace(context);
    const source = await createInterview(workspace);
    const highlight = await createHighlight(context, workspace, source, answer!);
    const moved = await workspace.owner.as.patch(highlightUrl(workspace.id, highlight.id), question!);
    expect(moved.statusCode).toBe(422);
    expect(errorPaths(moved)).toEqual(['body.start']);
    expect(moved.json().detail).toContain('(Maya Okafor)');
    expect((await highlightsOf(source.id))[0]).toMatchObject({ start: answer!.start, end: answer!.end });
    // A highlight of the interviewer's words from before (ADR 017) keeps its tags and note editable.
    const older = await createHighlight(context, workspace, source, question!);
    const noted = await workspace.owner.as.patch(highlightUrl(workspace.id, older.id), { note: 'Asked by us' });
    expect(noted.statusCode).toBe(200);
    expect(noted.json()).toMatchObject({ quote: 'How do you export today?', note: 'Asked by us' });
  });

  it('names the passage of the interviewer’s words among passages highlighted at once, and keeps nothing of the call', async () => {
    const workspace = await createWorkspace(context);
    const source = await createInterview(workspace);
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/highlights/passages`, {
      passages: [{ sourceId: source.id, ...answer! }, { sourceId: source.id, ...followUp! }],
    });
    expect(response.statusCode).toBe(422);
    expect(errorPaths(response)).toEqual(['body.passages.1.start']);
    expect(await highlightsOf(source.id)).toEqual([]);
  });
});

describe('the triage queue (untagged sources) through the sources API', () => {
  it('drops a source from ?untagged=true once one of its highlights carries a tag', async () => {
    const workspace = await createWorkspace(context);
    const [first, second] = [await createSource(context, workspace), await createSource(context, workspace)];
    const tag = await createTag(context, workspace);
    const untagged = async () =>
      ((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?untagged=true&kind=ticket`)).json().items as Array<{ id: string }>).map((item) => item.id).sort();
    expect(await untagged()).toEqual([first.id, second.id].sort());
    // A highlight without a tag leaves it in the queue; a tagged one takes it out.
    await workspace.owner.as.post(sourceHighlights(workspace.id, first.id), { whole: true });
    expect(await untagged()).toEqual([first.id, second.id].sort());
    await workspace.owner.as.post(sourceHighlights(workspace.id, first.id), { whole: true, tagIds: [tag.id] });
    expect(await untagged()).toEqual([second.id]);
  });
});

describe('PATCH and DELETE /highlights/:id', () => {
  it('recomputes the quote when the range changes and replaces the tag set', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'alpha beta gamma delta' });
    const [a, b] = [await createTag(context, workspace, { name: 'a' }), await createTag(context, workspace, { name: 'b' })];
    const created = (await workspace.owner.as.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 5, tagIds: [a.id] })).json();
    const response = await workspace.owner.as.patch(highlightUrl(workspace.id, created.id), { start: 6, end: 16, tagIds: [b.id], note: 'moved' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ start: 6, end: 16, quote: 'beta gamma', note: 'moved', tags: [{ id: b.id }] });
    expect((await tagNamesOf(created.id)).tagNames).toBe('b');
    const cleared = await workspace.owner.as.patch(highlightUrl(workspace.id, created.id), { note: null, tagIds: [] });
    expect(cleared.json()).toMatchObject({ quote: 'beta gamma', note: null, tags: [] });
    expect((await tagNamesOf(created.id)).tagNames).toBe('');
    const audit = await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, created.id));
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['highlight.create', 'highlight.update', 'highlight.update']));
    expect(audit.find((event) => event.action === 'highlight.update')?.summary).toMatch(/range, tags, note|tags, note/);
  });

  it('answers 422 when the new range does not fit', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'short' });
    const highlight = await createHighlight(context, workspace, source, { start: 0, end: 3 });
    const response = await workspace.owner.as.patch(highlightUrl(workspace.id, highlight.id), { end: 99 });
    expect(response.statusCode).toBe(422);
    expect(errorPaths(response)).toEqual(['body.end']);
  });

  it('lets a contributor change and delete their own highlight, but not another’s (403); a researcher can', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const contributor = await createMember(context, workspace, 'contributor');
    const researcher = await createMember(context, workspace, 'researcher');
    const own = (await contributor.as.post(sourceHighlights(workspace.id, source.id), { start: 0, end: 4 })).json();
    const ownersHighlight = await createHighlight(context, workspace, source, { start: 0, end: 10 });
    expect((await contributor.as.patch(highlightUrl(workspace.id, own.id), { note: 'mine' })).statusCode).toBe(200);
    expect((await contributor.as.patch(highlightUrl(workspace.id, ownersHighlight.id), { note: 'theirs' })).statusCode).toBe(403);
    expect((await contributor.as.delete(highlightUrl(workspace.id, ownersHighlight.id))).statusCode).toBe(403);
    expect((await researcher.as.patch(highlightUrl(workspace.id, ownersHighlight.id), { note: 'ok' })).statusCode).toBe(200);
    expect((await researcher.as.delete(highlightUrl(workspace.id, own.id))).statusCode).toBe(204);
    expect((await contributor.as.delete(highlightUrl(workspace.id, own.id))).statusCode).toBe(404);
  });

  it('moves a deleted highlight to the trash, out of lists, and restores it', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const highlight = await createHighlight(context, workspace, source, { start: 0, end: 10 });
    expect((await workspace.owner.as.delete(highlightUrl(workspace.id, highlight.id))).statusCode).toBe(204);
    expect((await tagNamesOf(highlight.id)).deletedAt).not.toBeNull();
    const listed = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights`);
    expect(listed.json().items).toEqual([]);
    expect((await workspace.owner.as.patch(highlightUrl(workspace.id, highlight.id), { note: 'x' })).statusCode).toBe(404);
    const restored = await workspace.owner.as.post(`${highlightUrl(workspace.id, highlight.id)}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: highlight.id, quote: highlight.quote });
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights`)).json().items).toHaveLength(1);
    const actions = (await context.db.select().from(auditEvents).where(eq(auditEvents.objectId, highlight.id))).map((event) => event.action);
    expect(actions.sort()).toEqual(['highlight.delete', 'highlight.restore']);
  });

  it('answers 404 for a highlight of another workspace', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const foreign = await createHighlight(context, other, await createSource(context, other), { start: 0, end: 3 });
    expect((await workspace.owner.as.patch(highlightUrl(workspace.id, foreign.id), { note: 'x' })).statusCode).toBe(404);
    expect((await workspace.owner.as.delete(highlightUrl(workspace.id, foreign.id))).statusCode).toBe(404);
    expect((await workspace.owner.as.post(`${highlightUrl(workspace.id, foreign.id)}/restore`)).statusCode).toBe(404);
  });

  it('answers 400 naming unknown fields', async () => {
    const workspace = await createWorkspace(context);
    const highlight = await createHighlight(context, workspace, await createSource(context, workspace), { start: 0, end: 3 });
    const response = await workspace.owner.as.patch(highlightUrl(workspace.id, highlight.id), { quote: 'forged', start: 'one' });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['body', 'body.start']));
  });
});

describe('GET /highlights', () => {
  it('lists highlights newest first with their source and customer, filtered and paged', async () => {
    const workspace = await createWorkspace(context);
    const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Initech', segment: 'Enterprise' }).returning();
    const customer = await createCustomer(context, workspace, { companyId: company!.id });
    const interview = await createSource(context, workspace, { kind: 'interview', body: 'Billing is confusing every month.', customerId: customer.id, occurredAt: new Date('2024-03-01T00:00:00Z') });
    const ticket = await createSource(context, workspace, { kind: 'ticket', body: 'Export keeps timing out.', occurredAt: new Date('2024-06-01T00:00:00Z') });
    const billing = await createTag(context, workspace, { name: 'billing' });
    const first = await createHighlight(context, workspace, interview, { start: 0, end: 7, tagIds: [billing.id] });
    const second = await createHighlight(context, workspace, ticket, { start: 0, end: 6 });
    const base = `/api/workspaces/${workspace.id}/highlights`;

    const all = (await workspace.owner.as.get(base)).json();
    expect(all.total).toBe(2);
    expect(all.items.map((item: { id: string }) => item.id)).toEqual([second.id, first.id]);
    expect(all.items[1]).toMatchObject({
      quote: 'Billing',
      tags: [{ id: billing.id, name: 'billing' }],
      source: { id: interview.id, kind: 'interview', title: interview.title },
      customer: { id: customer.id, company: { name: 'Initech', segment: 'Enterprise' } },
    });
    expect(all.items[0].customer).toBeNull();

    const only = async (query: string) => (await workspace.owner.as.get(`${base}?${query}`)).json().items.map((item: { id: string }) => item.id);
    expect(await only(`tagId=${billing.id}`)).toEqual([first.id]);
    expect(await only('sourceKind=ticket,survey_response')).toEqual([second.id]);
    expect(await only(`customerId=${customer.id}`)).toEqual([first.id]);
    expect(await only('segment=enterprise')).toEqual([first.id]);
    expect(await only('from=2024-05-01T00:00:00Z')).toEqual([second.id]);
    expect(await only('to=2024-05-01T00:00:00Z')).toEqual([first.id]);
    expect(await only('q=billing')).toEqual([first.id]);
    expect(await only(`sourceId=${ticket.id}`)).toEqual([second.id]);

    const page1 = (await workspace.owner.as.get(`${base}?limit=1`)).json();
    expect(page1.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
    const page2 = (await workspace.owner.as.get(`${base}?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();

    // A source in the trash takes its highlights out of the list and the total, and back.
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/sources/${ticket.id}`)).statusCode).toBe(204);
    const withoutTicket = (await workspace.owner.as.get(base)).json();
    expect([withoutTicket.total, withoutTicket.items.map((item: { id: string }) => item.id)]).toEqual([1, [first.id]]);
    expect((await workspace.owner.as.post(`/api/workspaces/${workspace.id}/sources/${ticket.id}/restore`, {})).statusCode).toBe(200);
    expect((await workspace.owner.as.get(base)).json().total).toBe(2);
  });

  it('filters by when the source occurred: a day as to includes that whole day, an instant includes itself, from after to is a 400 naming query.to', async () => {
    const workspace = await createWorkspace(context);
    for (const [quote, at] of [
      ['april 30', '2024-04-30T23:59:59.999Z'],
      ['may 1', '2024-05-01T00:00:00.000Z'],
      ['may 1 late', '2024-05-01T23:59:59.999Z'],
      ['may 2', '2024-05-02T00:00:00.000Z'],
    ] as const) {
      await createHighlight(context, workspace, await createSource(context, workspace, { body: quote, occurredAt: new Date(at) }));
    }
    const base = `/api/workspaces/${workspace.id}/highlights`;
    const quotes = async (query: string) => (await workspace.owner.as.get(`${base}?${query}`)).json().items.map((item: { quote: string }) => item.quote).sort();
    expect(await quotes('from=2024-05-01&to=2024-05-01')).toEqual(['may 1', 'may 1 late']);
    expect(await quotes('to=2024-04-30')).toEqual(['april 30']);
    expect(await quotes('from=2024-05-01T23:59:59.999Z&to=2024-05-02T00:00:00.000Z')).toEqual(['may 1 late', 'may 2']);
    expect(await quotes(`from=2024-05-01T02:00:00%2B02:00&to=2024-05-01T00:00:00Z`)).toEqual(['may 1']);
    // Stored a microsecond past the time the API shows for it: that time still finds it.
    const undated = (await workspace.owner.as.post(`/api/workspaces/${workspace.id}/sources`, { kind: 'note', title: 'Undated', body: 'undated' })).json();
    await createHighlight(context, workspace, undated);
    expect(await quotes(`from=${undated.occurredAt}&to=${undated.occurredAt}`)).toEqual(['undated']);
    for (const reversed of ['from=2024-05-02&to=2024-05-01', 'from=2024-05-01T00:00:00.001Z&to=2024-05-01T00:00:00.000Z']) {
      const response = await workspace.owner.as.get(`${base}?${reversed}`);
      expect(response.statusCode, reversed).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(errorPaths(response)).toEqual(['query.to']);
    }
  });

  it('answers 400 for invalid filters and 404 for another workspace', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?sourceKind=podcast&tagId=1&limit=0`);
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['query.sourceKind.0', 'query.tagId', 'query.limit']));
    expect((await workspace.owner.as.get(`/api/workspaces/${other.id}/highlights`)).statusCode).toBe(404);
  });
});

describe('POST /highlights/bulk', () => {
  it('adds and removes tags on many highlights at once and keeps tag names in step', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const [keep, drop, add] = [await createTag(context, workspace, { name: 'keep' }), await createTag(context, workspace, { name: 'drop' }), await createTag(context, workspace, { name: 'add' })];
    const rows = [
      await createHighlight(context, workspace, source, { start: 0, end: 5, tagIds: [keep.id, drop.id] }),
      await createHighlight(context, workspace, source, { start: 5, end: 9, tagIds: [drop.id] }),
      await createHighlight(context, workspace, source, { start: 9, end: 12, tagIds: [add.id] }),
    ];
    const response = await workspace.owner.as.post(`/api/workspaces/${workspace.id}/highlights/bulk`, {
      highlightIds: rows.map((row) => row.id),
      addTagIds: [add.id],
      removeTagIds: [drop.id],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ updated: 3 });
    expect(await Promise.all(rows.map(async (row) => (await tagNamesOf(row.id)).tagNames))).toEqual(['add keep', 'add', 'add']);
    const [event] = await context.db.select().from(auditEvents).where(eq(auditEvents.action, 'highlight.bulk_tag'));
    expect(event?.summary).toBe('Added “add” and removed “drop” on 3 highlights');
  });

  it('answers 404 when a highlight or tag belongs to another workspace, changing nothing', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    const mine = await createHighlight(context, workspace, await createSource(context, workspace), { start: 0, end: 3 });
    const foreign = await createHighlight(context, other, await createSource(context, other), { start: 0, end: 3 });
    const url = `/api/workspaces/${workspace.id}/highlights/bulk`;
    const response = await workspace.owner.as.post(url, { highlightIds: [mine.id, foreign.id], addTagIds: [tag.id] });
    expect(response.statusCode).toBe(404);
    expect(errorPaths(response)).toEqual(['body.highlightIds']);
    const foreignTag = await createTag(context, other);
    expect((await workspace.owner.as.post(url, { highlightIds: [mine.id], addTagIds: [foreignTag.id] })).statusCode).toBe(404);
    expect((await tagNamesOf(mine.id)).tagNames).toBe('');
  });

  it('refuses a contributor changing others’ highlights (403) and a tag both added and removed (400)', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    const contributor = await createMember(context, workspace, 'contributor');
    const highlight = await createHighlight(context, workspace, await createSource(context, workspace), { start: 0, end: 3 });
    const url = `/api/workspaces/${workspace.id}/highlights/bulk`;
    expect((await contributor.as.post(url, { highlightIds: [highlight.id], addTagIds: [tag.id] })).statusCode).toBe(403);
    const both = await workspace.owner.as.post(url, { highlightIds: [highlight.id], addTagIds: [tag.id], removeTagIds: [tag.id] });
    expect(both.statusCode).toBe(400);
    expect(errorPaths(both)).toEqual(['body.removeTagIds']);
    const viewer = await createMember(context, workspace, 'viewer');
    expect((await viewer.as.post(url, { highlightIds: [highlight.id], addTagIds: [tag.id] })).statusCode).toBe(403);
  });
});

describe('POST /highlights/passages', () => {
  const passagesUrl = (ws: string) => `/api/workspaces/${ws}/highlights/passages`;

  it('highlights passages of several sources in one call and one audit event, reusing a range highlighted before', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace, { name: 'exports' });
    const ticket = await createSource(context, workspace, { kind: 'ticket', body: 'Exports fail every night.' });
    const interview = await createSource(context, workspace, { body: 'Hello. Exports are slow. Bye.' });
    const before = await createHighlight(context, workspace, interview, { start: 7, end: 23 });
    const response = await workspace.owner.as.post(passagesUrl(workspace.id), {
      passages: [{ sourceId: ticket.id, whole: true }, { sourceId: interview.id, start: 7, end: 23 }, { sourceId: ticket.id, whole: true }],
      tagIds: [tag.id],
    });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items).toMatchObject([
      { sourceId: ticket.id, start: 0, end: 25, created: true },
      { id: before.id, sourceId: interview.id, start: 7, end: 23, created: false },
      { sourceId: ticket.id, start: 0, end: 25, created: true },
    ]);
    expect(items[2].id).toBe(items[0].id);
    const [made] = await context.db.select().from(highlights).where(eq(highlights.id, items[0].id));
    expect(made).toMatchObject({ quote: 'Exports fail every night.', createdBy: workspace.owner.id, tagNames: 'exports', sourceKind: 'ticket' });
    expect((await tagNamesOf(before.id)).tagNames).toBe('exports');
    const events = await context.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id));
    expect(events.map((event) => [event.action, event.summary])).toEqual([
      ['highlight.create_many', 'Highlighted 1 passage in 2 sources (1 already highlighted), tagged “exports”'],
    ]);
  });

  it('names the passage whose range does not fit or whose source is missing, and keeps nothing of the call', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'Short text.' });
    const foreign = await createSource(context, other);
    const tooLong = await workspace.owner.as.post(passagesUrl(workspace.id), { passages: [{ sourceId: source.id, start: 0, end: 5 }, { sourceId: source.id, start: 3, end: 400 }] });
    expect(tooLong.statusCode).toBe(422);
    expect(errorPaths(tooLong)).toEqual(['body.passages.1.end']);
    const elsewhere = await workspace.owner.as.post(passagesUrl(workspace.id), { passages: [{ sourceId: source.id, start: 0, end: 5 }, { sourceId: foreign.id, whole: true }] });
    expect(elsewhere.statusCode).toBe(404);
    expect(errorPaths(elsewhere)).toEqual(['body.passages.1.sourceId']);
    const neither = await workspace.owner.as.post(passagesUrl(workspace.id), { passages: [{ sourceId: source.id }] });
    expect(neither.statusCode).toBe(400);
    expect(errorPaths(neither)).toEqual(expect.arrayContaining(['body.passages.0.start', 'body.passages.0.end']));
    expect(await context.db.select().from(highlights).where(eq(highlights.sourceId, source.id))).toEqual([]);
  });

  it('lets a contributor reuse but not tag another member’s highlight, naming the passage', async () => {
    const workspace = await createWorkspace(context);
    const tag = await createTag(context, workspace);
    const contributor = await createMember(context, workspace, 'contributor');
    const source = await createSource(context, workspace, { body: 'Exports fail every night.' });
    const theirs = await createHighlight(context, workspace, source, { start: 0, end: 12 });
    const url = passagesUrl(workspace.id);
    const tagging = await contributor.as.post(url, { passages: [{ sourceId: source.id, start: 13, end: 25 }, { sourceId: source.id, start: 0, end: 12 }], tagIds: [tag.id] });
    expect(tagging.statusCode).toBe(403);
    expect(errorPaths(tagging)).toEqual(['body.passages.1']);
    const linking = await contributor.as.post(url, { passages: [{ sourceId: source.id, start: 0, end: 12 }] });
    expect(linking.statusCode).toBe(200);
    expect(linking.json().items).toMatchObject([{ id: theirs.id, created: false }]);
  });
});

describe('GET /sources/:id/evidence-links', () => {
  it('gives each linked highlight of the source its problems and backlog items, leaving out the trash and other sources', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'Exports fail. Search is slow on big workspaces.' });
    const [exports, search, unlinked] = [
      await createHighlight(context, workspace, source, { start: 0, end: 13 }),
      await createHighlight(context, workspace, source, { start: 14, end: 29 }),
      await createHighlight(context, workspace, source, { start: 30, end: 47 }),
    ];
    const elsewhere = await createHighlight(context, workspace, await createSource(context, workspace));
    const problem = await createInsight(context, workspace, { title: 'Exports break' });
    const trashedProblem = await createInsight(context, workspace, { title: 'Old', deletedAt: new Date() });
    const item = await createBacklogItem(context, workspace, { title: 'Faster search', externalKey: 'PROJ-7' });
    const link = { workspaceId: workspace.id, createdBy: workspace.owner.id };
    await context.db.insert(insightHighlights).values([
      { ...link, insightId: problem.id, highlightId: exports.id },
      { ...link, insightId: trashedProblem.id, highlightId: search.id },
      { ...link, insightId: problem.id, highlightId: elsewhere.id },
    ]);
    await context.db.insert(backlogHighlights).values({ ...link, backlogItemId: item.id, highlightId: search.id });

    const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${source.id}/evidence-links`);
    expect(response.statusCode, response.body).toBe(200);
    expect(SourceEvidenceLinksSchema.parse(response.json()).items).toEqual([
      { highlightId: exports.id, insights: [{ id: problem.id, type: 'problem', title: 'Exports break', status: 'draft' }], backlogItems: [] },
      { highlightId: search.id, insights: [], backlogItems: [{ id: item.id, title: 'Faster search', status: 'idea', externalKey: 'PROJ-7' }] },
    ]);
    expect(response.body).not.toContain(unlinked.id);
  });

  it("answers 404 for another workspace's source", async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace);
    const other = await createWorkspace(context);
    expect((await other.owner.as.get(`/api/workspaces/${other.id}/sources/${source.id}/evidence-links`)).statusCode).toBe(404);
  });
});

describe('GET /highlights as evidence', () => {
  it('says who linked each highlight, which contributors must be to unlink it', async () => {
    const workspace = await createWorkspace(context);
    const contributor = await createMember(context, workspace, 'contributor');
    const source = await createSource(context, workspace, { body: 'Exports fail. Search is slow on big workspaces.' });
    const [mine, theirs] = [await createHighlight(context, workspace, source, { start: 0, end: 13 }), await createHighlight(context, workspace, source, { start: 14, end: 29 })];
    const problem = await createInsight(context, workspace);
    const evidenceUrl = `/api/workspaces/${workspace.id}/insights/${problem.id}/evidence`;
    expect((await workspace.owner.as.post(evidenceUrl, { highlightIds: [mine.id] })).statusCode).toBe(200);
    expect((await contributor.as.post(evidenceUrl, { highlightIds: [theirs.id] })).statusCode).toBe(200);

    const listed = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?insightId=${problem.id}`)).json() as { items: Array<{ id: string; linkedBy?: string | null }> };
    expect(Object.fromEntries(listed.items.map((item) => [item.id, item.linkedBy]))).toEqual({ [mine.id]: workspace.owner.id, [theirs.id]: contributor.id });
    const plain = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?sourceId=${source.id}`)).json() as { items: Array<Record<string, unknown>> };
    expect(plain.items.every((item) => !('linkedBy' in item))).toBe(true);
  });
});

describe('GET /highlights?importance=', () => {
  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  it("keeps an insight's or a backlog item's evidence of the importances asked, paged by keyset, with a total to match", async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'one two three four five six' });
    const [a, b, c, d, e] = [
      await createHighlight(context, workspace, source, { start: 0, end: 3 }),
      await createHighlight(context, workspace, source, { start: 4, end: 7 }),
      await createHighlight(context, workspace, source, { start: 8, end: 13 }),
      await createHighlight(context, workspace, source, { start: 14, end: 18 }),
      await createHighlight(context, workspace, source, { start: 19, end: 23 }),
    ];
    const problem = await createInsight(context, workspace);
    const item = await createBacklogItem(context, workspace);
    const base = `/api/workspaces/${workspace.id}/highlights`;
    const linkTo = (url: string, linked: Array<{ id: string }>, importance: string) => workspace.owner.as.post(url, { highlightIds: linked.map((highlight) => highlight.id), importance });
    const problemEvidence = `/api/workspaces/${workspace.id}/insights/${problem.id}/evidence`;
    const itemEvidence = `/api/workspaces/${workspace.id}/backlog-items/${item.id}/evidence`;
    expect((await linkTo(problemEvidence, [a, b, c], 'critical')).statusCode).toBe(200);
    expect((await linkTo(problemEvidence, [d], 'nice_to_have')).statusCode).toBe(200);
    expect((await linkTo(problemEvidence, [e], 'important')).statusCode).toBe(200);
    expect((await linkTo(itemEvidence, [a], 'nice_to_have')).statusCode).toBe(200);
    expect((await linkTo(itemEvidence, [d], 'critical')).statusCode).toBe(200);

    const list = async (query: string) => (await workspace.owner.as.get(`${base}?${query}`)).json();
    const critical = await list(`insightId=${problem.id}&importance=critical`);
    expect([critical.total, ids(critical)]).toEqual([3, [c.id, b.id, a.id]]);
    expect(critical.items.every((row: { importance: string }) => row.importance === 'critical')).toBe(true);
    const several = await list(`insightId=${problem.id}&importance=nice_to_have,important`);
    expect([several.total, ids(several)]).toEqual([2, [e.id, d.id]]);

    // Keyset pages of the filtered list: each page the next of the filtered rows, the total on the first.
    const first = await list(`insightId=${problem.id}&importance=critical&limit=2`);
    expect([first.total, ids(first)]).toEqual([3, [c.id, b.id]]);
    const second = await list(`insightId=${problem.id}&importance=critical&limit=2&cursor=${first.nextCursor}`);
    expect([ids(second), second.nextCursor]).toEqual([[a.id], null]);

    // The item's own links.
    expect(ids(await list(`backlogItemId=${item.id}&importance=critical`))).toEqual([d.id]);

    // All the item's evidence, at the importance its score weighs: its own link's (a: nice to have,
    // over the problem's critical; d: critical, over nice to have), else the problem's.
    await workspace.owner.as.post(itemEvidence, { insightIds: [problem.id] });
    const ofItem = async (importance: string) => ids(await list(`evidenceOfBacklogItemId=${item.id}&importance=${importance}`));
    expect(await ofItem('critical')).toEqual([d.id, c.id, b.id]);
    expect(await ofItem('nice_to_have')).toEqual([a.id]);
    expect(await ofItem('important')).toEqual([e.id]);
    const paged = await list(`evidenceOfBacklogItemId=${item.id}&importance=critical&limit=1`);
    expect([paged.total, ids(paged)]).toEqual([3, [d.id]]);
    const rest = await list(`evidenceOfBacklogItemId=${item.id}&importance=critical&limit=2&cursor=${paged.nextCursor}`);
    expect([ids(rest), rest.nextCursor]).toEqual([[c.id, b.id], null]);
  });

  it('answers 400 naming query.importance without an insight or backlog item, or for an unknown importance', async () => {
    const workspace = await createWorkspace(context);
    const problem = await createInsight(context, workspace);
    const base = `/api/workspaces/${workspace.id}/highlights`;
    for (const query of ['importance=critical', `importance=urgent&insightId=${problem.id}`, `importance=&insightId=${problem.id}`]) {
      const response = await workspace.owner.as.get(`${base}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(errorPaths(response).every((path) => path.startsWith('query.importance')), query).toBe(true);
    }
    const exported = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights.csv?importance=critical`);
    expect([exported.statusCode, errorPaths(exported)]).toEqual([400, ['query.importance']]);
  });

  it('answers 404 naming the insight or backlog item of another workspace, filtered by importance', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const [problem, item] = [await createInsight(context, other), await createBacklogItem(context, other)];
    for (const [name, id] of [['insightId', problem.id], ['backlogItemId', item.id], ['evidenceOfBacklogItemId', item.id]] as const) {
      const response = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?${name}=${id}&importance=critical`);
      expect([response.statusCode, errorPaths(response)], name).toEqual([404, [`query.${name}`]]);
    }
  });
});
