import { UpdateSourceBodySchema, type Source } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { sourceFormValues, toUpdateSourceBody } from './source-form-values';

const SOURCE: Source = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'note',
  title: 'Call with the Bureau',
  externalId: null,
  occurredAt: '2024-05-01T09:30:00.000Z',
  customer: { id: '00000000-0000-4000-8000-000000000002', name: 'Dana Scully', email: 'dana@example.org', externalId: null, company: null },
  importId: null,
  preview: 'They would pay more',
  highlightCount: 0,
  tagged: false,
  createdBy: null,
  createdAt: '2024-05-01T09:30:00.000Z',
  deletedAt: null,
  body: 'They would pay more for scheduled exports.',
  segments: null,
  metadata: {},
  highlights: [],
  updatedAt: '2024-05-01T09:30:00.000Z',
};

describe('the source form', () => {
  const initial = sourceFormValues(SOURCE);

  it('sends nothing when nothing changed', () => {
    expect(toUpdateSourceBody(initial, initial)).toEqual({});
  });

  it('sends only the changed title and date, the date as an instant', () => {
    const body = toUpdateSourceBody({ ...initial, title: 'Call with Dana', occurredAt: '2024-06-02T10:15' }, initial);
    expect(body).toEqual({ title: 'Call with Dana', occurredAt: new Date('2024-06-02T10:15').toISOString() });
    expect(UpdateSourceBodySchema.safeParse(body).success).toBe(true);
  });

  it('refuses an empty title and an emptied date at their fields', () => {
    const parsed = UpdateSourceBodySchema.safeParse(toUpdateSourceBody({ ...initial, title: '  ', occurredAt: '' }, initial));
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['occurredAt', 'title']);
  });

  it('names another customer by email and name, or detaches the customer when both are emptied', () => {
    expect(toUpdateSourceBody({ ...initial, customerName: 'Fox Mulder', customerEmail: 'fox@example.org' }, initial)).toEqual({ customer: { name: 'Fox Mulder', email: 'fox@example.org' } });
    expect(toUpdateSourceBody({ ...initial, customerName: '', customerEmail: '' }, initial)).toEqual({ customer: null });
  });

  it('sends the text only when it changed', () => {
    expect(toUpdateSourceBody({ ...initial, body: `${initial.body} And faster search.` }, initial)).toEqual({ body: `${SOURCE.body} And faster search.` });
  });
});
