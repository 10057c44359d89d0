import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SampleDataRemovalSchema, SampleDataResultSchema, SampleDataStatusSchema } from '@cairn/shared';
import { useTestApp } from '../../../test/app.js';
import { createMember, createWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const INTERVIEWS = 4;
const TICKETS = 308;
const SURVEY_ANSWERS = 61;
const SOURCES = INTERVIEWS + TICKETS + SURVEY_ANSWERS;

describe('POST /sample-data', () => {
  it('loads interviews, tickets and survey answers with their customers and companies, and nothing new the second time', async () => {
    const workspace = await createWorkspace(context);
    const url = `/api/workspaces/${workspace.id}/sample-data`;
    const first = await workspace.owner.as.post(url);
    expect(first.statusCode).toBe(201);
    const result = SampleDataResultSchema.parse(first.json());
    expect(result.sources).toEqual({ created: SOURCES, updated: 0, unchanged: 0 });
    expect(result.imports.map((item) => [item.format, item.status, item.counts.created, item.counts.rejected])).toEqual([
      ['transcript', 'done', 1, 0],
      ['transcript', 'done', 1, 0],
      ['transcript', 'done', 1, 0],
      ['transcript', 'done', 1, 0],
      ['tickets-csv', 'done', TICKETS, 0],
      ['survey-csv', 'done', SURVEY_ANSWERS, 0],
    ]);

    const customers = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/customers?limit=500`)).json().items;
    expect(customers).toHaveLength(41);
    const priya = customers.find((customer: { name: string }) => customer.name === 'Priya Raman');
    expect(priya.company).toMatchObject({ name: 'Harbor & Pine Logistics', segment: 'Mid-market', plan: 'Scale', annualRevenue: 48_000 });
    expect(priya.evidence.sourcesByKind.interview).toBe(1);

    const interviews = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?kind=interview`)).json().items;
    const interview = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources/${interviews[0].id}`)).json();
    expect(interview.segments.some((segment: { speaker: string; interviewer?: boolean }) => segment.speaker === 'Maya Okafor' && segment.interviewer)).toBe(true);

    // A codebook and highlights come with it, and part of the tickets is left for the triage queue.
    expect(result.tagsCreated).toBe(11);
    expect(result.highlightsCreated).toBeGreaterThan(13 + 40);
    const tags = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/tags`)).json().items;
    expect(tags.find((tag: { name: string }) => tag.name === 'Cards').usageCount).toBeGreaterThan(4);
    const quoted = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?sourceId=${interviews[0].id}`)).json().items;
    for (const highlight of quoted) expect(interview.body.slice(highlight.start, highlight.end)).toBe(highlight.quote);
    const untagged = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/sources?kind=ticket&untagged=true&limit=500`)).json().items;
    expect(untagged.length).toBeGreaterThan(TICKETS / 2);
    expect(untagged.length).toBeLessThan(TICKETS);

    // Problems, an opportunity under one, and backlog items, backed by those highlights.
    const problems = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/insights?type=problem`)).json().items;
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem.customerCount).toBeGreaterThan(3);
    const declines = problems.find((problem: { title: string }) => problem.title === 'Card payments are declined without a reason');
    const opportunities = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/insights?parentId=${declines.id}`)).json().items;
    expect(opportunities).toMatchObject([{ type: 'opportunity', evidenceCount: 1 }]);
    const backlog = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/backlog-items?sort=evidence`)).json().items;
    expect(backlog).toHaveLength(2);
    expect(backlog.find((item: { externalKey: string | null }) => item.externalKey)).toMatchObject({
      externalKey: 'LED-142',
      externalUrl: 'https://tracker.example.com/browse/LED-142',
      insightCount: 2,
    });
    for (const item of backlog) expect(item.score.customers).toBeGreaterThan(3);

    // The log says what was loaded in one event per file and one that sums up the rest, not one per tag or highlight.
    const log = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/audit?limit=500`)).json().items;
    expect(log.map((event: { action: string }) => event.action)).toEqual(['sample.load', ...result.imports.map(() => 'import.complete')]);

    const again = SampleDataResultSchema.parse((await workspace.owner.as.post(url)).json());
    expect(again.sources).toEqual({ created: 0, updated: 0, unchanged: SOURCES });
    expect([again.tagsCreated, again.highlightsCreated]).toEqual([0, 0]);
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/insights`)).json().total).toBe(3);
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/backlog-items`)).json().items).toHaveLength(2);
  });

  it('leaves a sample problem the user trashed in the trash when loaded again', async () => {
    const workspace = await createWorkspace(context);
    const url = `/api/workspaces/${workspace.id}/sample-data`;
    await workspace.owner.as.post(url);
    const [problem] = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/insights?q=declined&type=problem`)).json().items;
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/insights/${problem.id}`)).statusCode).toBe(204);
    expect((await workspace.owner.as.post(url)).statusCode).toBe(201);
    expect((await workspace.owner.as.get(`/api/workspaces/${workspace.id}/insights?type=problem`)).json().total).toBe(1);
  });

  it('is for admins: a researcher gets 403', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.post(`/api/workspaces/${workspace.id}/sample-data`)).statusCode).toBe(403);
  });
});

describe('GET and DELETE /sample-data', () => {
  const CONTENTS = { interviews: INTERVIEWS, tickets: TICKETS, surveyAnswers: SURVEY_ANSWERS, customers: 41, companies: 10, tags: 11, insights: 3, backlogItems: 2, imports: 6 };
  const NOTHING = { interviews: 0, tickets: 0, surveyAnswers: 0, highlights: 0, customers: 0, companies: 0, tags: 0, insights: 0, backlogItems: 0, imports: 0 };
  const NOTHING_KEPT = { tags: 0, insights: 0, backlogItems: 0, customers: 0, companies: 0 };

  it('removes the sample and keeps what the workspace made with it: its own source, highlight and tag, and the sample tag, problems, customer and company these use', async () => {
    const workspace = await createWorkspace(context);
    const ws = `/api/workspaces/${workspace.id}`;
    const as = workspace.owner.as;
    const empty = SampleDataStatusSchema.parse((await as.get(`${ws}/sample-data`)).json());
    expect(empty).toMatchObject({ loaded: false, contents: CONTENTS, removable: NOTHING, kept: NOTHING_KEPT });

    const loaded = SampleDataResultSchema.parse((await as.post(`${ws}/sample-data`)).json());
    expect(loaded.imports.every((item) => item.sample)).toBe(true);
    const status = SampleDataStatusSchema.parse((await as.get(`${ws}/sample-data`)).json());
    expect(status.contents.highlights).toBe(loaded.highlightsCreated);
    expect(status).toMatchObject({ loaded: true, removable: status.contents, kept: NOTHING_KEPT });

    // The team's own work: a note from a sample customer, highlighted with a sample tag and its own, as evidence of a sample problem; an opportunity under another.
    const tagId = async (name: string) => (await as.get(`${ws}/tags`)).json().items.find((tag: { name: string }) => tag.name === name).id as string;
    const onboarding = (await as.post(`${ws}/tags`, { name: 'Onboarding' })).json();
    const note = (await as.post(`${ws}/sources`, { kind: 'note', title: 'Call with Priya', body: 'Priya wants to see why a card was declined.', customer: { email: 'priya.raman@harborpine.example' } })).json();
    const ownHighlight = (await as.post(`${ws}/sources/${note.id}/highlights`, { start: 0, end: 20, tagIds: [await tagId('Cards'), onboarding.id] })).json();
    const problems = (await as.get(`${ws}/insights?type=problem`)).json().items as Array<{ id: string; title: string }>;
    const problemId = (words: string) => problems.find((problem) => problem.title.includes(words))!.id;
    expect((await as.post(`${ws}/insights/${problemId('Fees and exchange rates')}/evidence`, { highlightIds: [ownHighlight.id] })).statusCode).toBe(200);
    const ownOpportunity = (await as.post(`${ws}/insights`, { type: 'opportunity', title: 'Let managers raise a limit from the decline notice', parentId: problemId('declined without a reason') })).json();
    // Sample rows it touches go all the same: a highlight the team made on a sample interview, a sample ticket it trashed.
    const [{ id: interviewId }] = (await as.get(`${ws}/sources?kind=interview`)).json().items;
    const interview = (await as.get(`${ws}/sources/${interviewId}`)).json();
    const onSample = await as.post(`${ws}/sources/${interview.id}/highlights`, { start: 0, end: interview.body.length, tagIds: [onboarding.id] });
    expect(onSample.statusCode).toBe(201);
    const [ticket] = (await as.get(`${ws}/sources?kind=ticket&limit=1`)).json().items;
    expect((await as.delete(`${ws}/sources/${ticket.id}`)).statusCode).toBe(204);

    const before = SampleDataStatusSchema.parse((await as.get(`${ws}/sample-data`)).json());
    const expected = { ...status.contents, highlights: status.contents.highlights + 1, customers: 40, companies: 9, tags: 10, insights: 1 };
    expect(before).toMatchObject({ loaded: true, removable: expected, kept: { tags: 1, insights: 2, backlogItems: 0, customers: 1, companies: 1 } });

    const removal = await as.delete(`${ws}/sample-data`);
    expect(removal.statusCode).toBe(200);
    expect(SampleDataRemovalSchema.parse(removal.json())).toEqual({ removed: expected, kept: before.kept });

    const sources = (await as.get(`${ws}/sources?limit=500`)).json().items;
    expect(sources.map((source: { id: string }) => source.id)).toEqual([note.id]);
    expect((await as.get(`${ws}/sources?trash=true`)).json().items).toEqual([]);
    const highlights = (await as.get(`${ws}/highlights?limit=500`)).json().items;
    expect(highlights.map((highlight: { id: string; tags: Array<{ name: string }> }) => [highlight.id, highlight.tags.map((tag) => tag.name)])).toEqual([[ownHighlight.id, ['Cards', 'Onboarding']]]);
    expect((await as.get(`${ws}/tags`)).json().items.map((tag: { name: string; usageCount: number }) => [tag.name, tag.usageCount])).toEqual([['Cards', 1], ['Onboarding', 1]]);
    const insights = (await as.get(`${ws}/insights`)).json().items as Array<{ id: string; title: string; evidenceCount: number }>;
    expect(insights.map((insight) => insight.id).sort()).toEqual([problemId('Fees and exchange rates'), problemId('declined without a reason'), ownOpportunity.id].sort());
    expect(insights.find((insight) => insight.id === problemId('Fees and exchange rates'))!.evidenceCount).toBe(1);
    expect((await as.get(`${ws}/backlog-items`)).json().items).toEqual([]);
    const customers = (await as.get(`${ws}/customers?limit=500`)).json().items;
    expect(customers.map((customer: { name: string; company: { name: string } }) => [customer.name, customer.company.name])).toEqual([['Priya Raman', 'Harbor & Pine Logistics']]);
    expect((await as.get(`${ws}/companies`)).json().items.map((company: { name: string }) => company.name)).toEqual(['Harbor & Pine Logistics']);
    expect((await as.get(`${ws}/imports`)).json().items).toEqual([]);
    const [event] = (await as.get(`${ws}/audit?limit=1`)).json().items;
    expect(event).toMatchObject({ action: 'sample.remove', actor: { id: workspace.owner.id } });
    expect(event.summary).toMatch(/^Removed the sample data: deleted 4 interviews, 308 support tickets, 61 survey answers, .* and its 6 entries in the import history; kept 1 customer, 1 company, 1 tag, and 2 problems and opportunities that the workspace's own work uses$/);

    // Removing again finds nothing to delete, and logs nothing.
    const again = await as.delete(`${ws}/sample-data`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ removed: NOTHING, kept: before.kept });
    expect((await as.get(`${ws}/audit?limit=1`)).json().items[0].id).toBe(event.id);
    expect(SampleDataStatusSchema.parse((await as.get(`${ws}/sample-data`)).json()).loaded).toBe(false);
  });

  it('removes sample interviews loaded when a transcript was known by its file name and text', async () => {
    const workspace = await createWorkspace(context);
    const ws = `/api/workspaces/${workspace.id}`;
    await workspace.owner.as.post(`${ws}/sample-data`);
    // The ids the interviews were given before a transcript's identity became its text alone.
    await context.db.execute(sql`update sources set external_id = 'transcript:' || encode(sha256(convert_to((metadata->>'fileName') || E'\n' || body, 'UTF8')), 'hex')
      where workspace_id = ${workspace.id} and kind = 'interview'`);
    const removal = SampleDataRemovalSchema.parse((await workspace.owner.as.delete(`${ws}/sample-data`)).json());
    expect(removal.removed).toMatchObject({ interviews: INTERVIEWS, tickets: TICKETS, surveyAnswers: SURVEY_ANSWERS });
    expect((await workspace.owner.as.get(`${ws}/sources?limit=1`)).json().total).toBe(0);
  });

  it('leaves another workspace’s sample alone, and answers 404 to its members', async () => {
    const mine = await createWorkspace(context);
    const theirs = await createWorkspace(context);
    await theirs.owner.as.post(`/api/workspaces/${theirs.id}/sample-data`);
    expect((await theirs.owner.as.delete(`/api/workspaces/${mine.id}/sample-data`)).statusCode).toBe(404);
    expect((await mine.owner.as.delete(`/api/workspaces/${mine.id}/sample-data`)).json().removed).toEqual(NOTHING);
    expect((await theirs.owner.as.get(`/api/workspaces/${theirs.id}/sources?limit=1`)).json().total).toBe(SOURCES);
  });

  it('is for admins: a researcher can read whether the sample is here but gets 403 removing it', async () => {
    const workspace = await createWorkspace(context);
    const researcher = await createMember(context, workspace, 'researcher');
    expect((await researcher.as.get(`/api/workspaces/${workspace.id}/sample-data`)).statusCode).toBe(200);
    expect((await researcher.as.delete(`/api/workspaces/${workspace.id}/sample-data`)).statusCode).toBe(403);
  });
});
