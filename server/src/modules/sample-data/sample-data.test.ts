import { describe, expect, it } from 'vitest';
import { SampleDataResultSchema } from '@cairn/shared';
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
