import { CreateBacklogItemBodySchema, CreateInsightBodySchema, UpdateBacklogItemBodySchema, UpdateInsightBodySchema, type Insight } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { backlogFormValues, insightFormValues, toCreateBacklogBody, toCreateInsightBody, toUpdateBacklogBody, toUpdateInsightBody } from './form-values';

const PROBLEM_ID = '00000000-0000-4000-8000-000000000001';
const OPPORTUNITY: Insight = {
  id: '00000000-0000-4000-8000-000000000002',
  type: 'opportunity',
  title: 'Background exports',
  status: 'draft',
  statement: 'Let people leave while a big export runs.',
  parentId: PROBLEM_ID,
  evidenceCount: 3,
  customerCount: 2,
  createdBy: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deletedAt: null,
  merge: null,
};

describe('the insight form', () => {
  it('starts a new problem as a draft, or a child under the parent it was opened from', () => {
    expect(insightFormValues()).toEqual({ type: 'problem', title: '', statement: '', status: 'draft', parentId: '' });
    expect(insightFormValues(undefined, { type: 'opportunity', parentId: PROBLEM_ID })).toMatchObject({ type: 'opportunity', parentId: PROBLEM_ID });
  });

  it('creates with trimmed text, and without a statement or parent when none was given', () => {
    const body = toCreateInsightBody({ ...insightFormValues(), title: '  Exports fail  ', statement: '   ' });
    expect(CreateInsightBodySchema.parse(body)).toEqual({ type: 'problem', title: 'Exports fail', statement: null, status: 'draft', parentId: null });
  });

  it('refuses an empty title on the title field', () => {
    const parsed = CreateInsightBodySchema.safeParse(toCreateInsightBody(insightFormValues()));
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['title']);
  });

  it('edits only what changed, an emptied statement or parent as null', () => {
    const initial = insightFormValues(OPPORTUNITY);
    expect(toUpdateInsightBody(initial, initial)).toEqual({});
    const body = toUpdateInsightBody({ ...initial, status: 'validated', statement: '', parentId: '' }, initial);
    expect(UpdateInsightBodySchema.parse(body)).toEqual({ status: 'validated', statement: null, parentId: null });
  });
});

describe('the backlog item form', () => {
  it('creates an idea with the tracker key and address when given', () => {
    const body = toCreateBacklogBody({ ...backlogFormValues(), title: 'Background exports', externalKey: ' PROJ-12 ', externalUrl: 'https://tracker.example.com/PROJ-12' });
    expect(CreateBacklogItemBodySchema.parse(body)).toEqual({
      title: 'Background exports',
      description: null,
      status: 'idea',
      externalKey: 'PROJ-12',
      externalUrl: 'https://tracker.example.com/PROJ-12',
    });
  });

  it('adds https:// to an address typed without its scheme, and leaves a full one alone', () => {
    const addressOf = (externalUrl: string) => toCreateBacklogBody({ ...backlogFormValues(), title: 'x', externalUrl }).externalUrl;
    expect(addressOf(' github.com/org/repo/issues/1 ')).toBe('https://github.com/org/repo/issues/1');
    expect(addressOf('tracker.example.com:8080/browse/PROJ-12?focus=1')).toBe('https://tracker.example.com:8080/browse/PROJ-12?focus=1');
    expect(addressOf('http://tracker.example.com/PROJ-12')).toBe('http://tracker.example.com/PROJ-12');
    expect(addressOf('PROJ-12')).toBe('PROJ-12');
    expect(CreateBacklogItemBodySchema.safeParse(toCreateBacklogBody({ ...backlogFormValues(), title: 'x', externalUrl: 'github.com/org/repo/issues/1' })).success).toBe(true);
  });

  it('refuses an address that is not a web address, on its field', () => {
    const parsed = CreateBacklogItemBodySchema.safeParse(toCreateBacklogBody({ ...backlogFormValues(), title: 'x', externalUrl: 'PROJ-12' }));
    expect(new Set(parsed.error?.issues.map((issue) => issue.path.join('.')))).toEqual(new Set(['externalUrl']));
  });

  it('clears the tracker link when its inputs are emptied, and sends nothing else', () => {
    const initial = { ...backlogFormValues(), title: 'Exports', externalKey: 'PROJ-12', externalUrl: 'https://tracker.example.com/PROJ-12' };
    expect(UpdateBacklogItemBodySchema.parse(toUpdateBacklogBody({ ...initial, externalKey: '', externalUrl: ' ' }, initial))).toEqual({ externalKey: null, externalUrl: null });
  });
});
