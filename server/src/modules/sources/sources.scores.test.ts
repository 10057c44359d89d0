import { describe, expect, it } from 'vitest';
import { SourceSummarySchema, pageOf } from '@cairn/shared';
import { errorPaths, useTestApp } from '../../../test/app.js';
import { createSource, createWorkspace, type TestWorkspace } from '../../../test/factories.js';

const context = useTestApp();

const url = (workspace: TestWorkspace, query = '') => `/api/workspaces/${workspace.id}/sources${query}`;

async function listTitles(workspace: TestWorkspace, query: string): Promise<string[]> {
  const response = await workspace.owner.as.get(url(workspace, query));
  expect(response.statusCode, response.body).toBe(200);
  return pageOf(SourceSummarySchema)
    .parse(response.json())
    .items.map((item) => item.title)
    .sort();
}

/** Survey answers with the scores imports keep: NPS numbers, a CSAT decimal, labels, none, and what an API caller may store. */
async function createScoredSources(workspace: TestWorkspace) {
  const scores: Array<[string, unknown]> = [
    ['zero', 0],
    ['six', 6],
    ['seven', 7],
    ['eight', 8],
    ['nine', 9],
    ['ten', 10],
    ['four and a half', 4.5],
    ['label', 'Very satisfied'],
    ['numeric text', '9'],
    ['flag', true],
    ['none', undefined],
  ];
  for (const [title, score] of scores) {
    await createSource(context, workspace, { kind: 'survey_response', title, metadata: score === undefined ? { question: 'Why?' } : { question: 'Why?', score } });
  }
}

describe('GET /sources: scores', () => {
  it('shows each item’s score: a number or a label as stored, null when there is none or it is neither', async () => {
    const workspace = await createWorkspace(context);
    await createScoredSources(workspace);
    const response = await workspace.owner.as.get(url(workspace));
    expect(response.statusCode).toBe(200);
    const scoreOf = Object.fromEntries(pageOf(SourceSummarySchema).parse(response.json()).items.map((item) => [item.title, item.score]));
    expect(scoreOf).toEqual({
      zero: 0,
      six: 6,
      seven: 7,
      eight: 8,
      nine: 9,
      ten: 10,
      'four and a half': 4.5,
      label: 'Very satisfied',
      'numeric text': '9',
      flag: null,
      none: null,
    });
    // None of them says its scale: answers imported before scales were kept.
    expect(pageOf(SourceSummarySchema).parse(response.json()).items.every((item) => item.scoreScale === null)).toBe(true);
  });

  it('shows each item’s score scale as its answer keeps it, null without one or when it is no scale', async () => {
    const workspace = await createWorkspace(context);
    const scales: Array<[string, unknown]> = [
      ['csat', { kind: 'rating', min: 1, max: 5 }],
      ['nps', { kind: 'nps' }],
      ['plain', { kind: 'number' }],
      ['unknown kind', { kind: 'csat' }],
      ['reversed', { kind: 'rating', min: 5, max: 1 }],
      ['text', '1-5'],
      ['none', undefined],
    ];
    for (const [title, scoreScale] of scales) {
      await createSource(context, workspace, { kind: 'survey_response', title, metadata: { score: 4, ...(scoreScale === undefined ? {} : { scoreScale }) } });
    }
    const response = await workspace.owner.as.get(url(workspace));
    const scaleOf = Object.fromEntries(pageOf(SourceSummarySchema).parse(response.json()).items.map((item) => [item.title, item.scoreScale]));
    expect(scaleOf).toEqual({
      csat: { kind: 'rating', min: 1, max: 5 },
      nps: { kind: 'nps' },
      plain: { kind: 'number' },
      'unknown kind': null,
      reversed: null,
      text: null,
      none: null,
    });
  });

  it('keeps a score range to one kind of scale: NPS answers and whole scores 0–10 without a scale for nps, never a CSAT’s', async () => {
    const workspace = await createWorkspace(context);
    const answers: Array<[string, unknown, unknown]> = [
      ['csat four', 4, { kind: 'rating', min: 1, max: 5 }],
      ['nps four', 4, { kind: 'nps' }],
      ['nps nine', 9, { kind: 'nps' }],
      ['old four', 4, undefined],
      ['old four and a half', 4.5, undefined],
      ['old twelve', 12, undefined],
      ['plain four', 4, { kind: 'number' }],
      ['label', 'Very satisfied', { kind: 'nps' }],
      ['no score', undefined, undefined],
    ];
    for (const [title, score, scoreScale] of answers) {
      await createSource(context, workspace, { kind: 'survey_response', title, metadata: { ...(score === undefined ? {} : { score }), ...(scoreScale === undefined ? {} : { scoreScale }) } });
    }
    expect(await listTitles(workspace, '?scoreMin=0&scoreMax=6&scoreScale=nps')).toEqual(['nps four', 'old four']);
    expect(await listTitles(workspace, '?scoreMin=0&scoreMax=6')).toEqual(['csat four', 'nps four', 'old four', 'old four and a half', 'plain four']);
    expect(await listTitles(workspace, '?scoreScale=nps')).toEqual(['nps four', 'nps nine', 'old four']);
    expect(await listTitles(workspace, '?scoreMin=4&scoreMax=5&scoreScale=rating')).toEqual(['csat four']);
    expect(await listTitles(workspace, '?scoreScale=number')).toEqual(['plain four']);
    const unknown = await workspace.owner.as.get(url(workspace, '?scoreScale=csat'));
    expect(unknown.statusCode).toBe(400);
    expect(errorPaths(unknown)).toEqual(['query.scoreScale']);
  });

  it('filters by score with both bounds included, and only numeric scores match', async () => {
    const workspace = await createWorkspace(context);
    await createScoredSources(workspace);
    expect(await listTitles(workspace, '?scoreMin=9&scoreMax=10')).toEqual(['nine', 'ten']);
    expect(await listTitles(workspace, '?scoreMin=7&scoreMax=8')).toEqual(['eight', 'seven']);
    expect(await listTitles(workspace, '?scoreMin=0&scoreMax=6')).toEqual(['four and a half', 'six', 'zero']);
    expect(await listTitles(workspace, '?scoreMin=9')).toEqual(['nine', 'ten']);
    expect(await listTitles(workspace, '?scoreMax=0')).toEqual(['zero']);
    expect(await listTitles(workspace, '?scoreMin=4.5&scoreMax=4.5')).toEqual(['four and a half']);
    expect(await listTitles(workspace, '?scoreMin=-100&scoreMax=100')).toEqual(['eight', 'four and a half', 'nine', 'seven', 'six', 'ten', 'zero']);
    expect(await listTitles(workspace, '?scoreMin=11')).toEqual([]);
  });

  it('combines the score range with the other filters, and leaves the trash out', async () => {
    const workspace = await createWorkspace(context);
    await createSource(context, workspace, { kind: 'survey_response', title: 'live detractor', metadata: { score: 3 } });
    await createSource(context, workspace, { kind: 'survey_response', title: 'binned detractor', metadata: { score: 3 }, deletedAt: new Date() });
    await createSource(context, workspace, { kind: 'ticket', title: 'ticket with a score', metadata: { score: 2 } });
    expect(await listTitles(workspace, '?scoreMax=6&kind=survey_response')).toEqual(['live detractor']);
    expect(await listTitles(workspace, '?scoreMax=6&trash=true')).toEqual(['binned detractor']);
  });

  it('answers 400 naming the field for a bound that is not a number, and naming scoreMax when it is below scoreMin', async () => {
    const workspace = await createWorkspace(context);
    for (const [query, paths] of [
      ['?scoreMin=high', ['query.scoreMin']],
      ['?scoreMax=', ['query.scoreMax']],
      ['?scoreMin=1e3&scoreMax=NaN', ['query.scoreMin', 'query.scoreMax']],
      ['?scoreMin=9&scoreMax=6', ['query.scoreMax']],
    ] as const) {
      const response = await workspace.owner.as.get(url(workspace, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(errorPaths(response), query).toEqual(paths);
    }
  });

  it('finds nothing of another workspace by score', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    await createSource(context, other, { kind: 'survey_response', title: 'theirs', metadata: { score: 10 } });
    expect(await listTitles(workspace, '?scoreMin=0&scoreMax=10')).toEqual([]);
    expect((await workspace.owner.as.get(url(other, '?scoreMin=0'))).statusCode).toBe(404);
  });
});
