import { describe, expect, it } from 'vitest';
import { DateRangeQuerySchema, type DateRangeQuery } from '@cairn/shared';
import { AppError } from '../errors.js';
import { resolveDateRange } from './date-range.js';

const at = (iso: string) => new Date(iso);

describe('resolveDateRange', () => {
  const resolves: Array<[string, DateRangeQuery, { from?: Date; before?: Date }]> = [
    ['no bounds', {}, { from: undefined, before: undefined }],
    ['a day as from starts at midnight UTC', { from: '2024-05-01' }, { from: at('2024-05-01T00:00:00.000Z') }],
    ['a day as to includes that whole day', { to: '2024-05-31' }, { before: at('2024-06-01T00:00:00.000Z') }],
    ['a day as to at the end of a leap February', { to: '2024-02-29' }, { before: at('2024-03-01T00:00:00.000Z') }],
    ['the same day on both sides is that one day', { from: '2024-05-01', to: '2024-05-01' }, { from: at('2024-05-01T00:00:00.000Z'), before: at('2024-05-02T00:00:00.000Z') }],
    ['an instant as from includes itself', { from: '2024-05-01T10:30:00.250Z' }, { from: at('2024-05-01T10:30:00.250Z') }],
    ['an instant as to includes its own millisecond', { to: '2024-05-01T10:30:00.250Z' }, { before: at('2024-05-01T10:30:00.251Z') }],
    ['the same instant on both sides is that millisecond', { from: '2024-05-01T10:30:00Z', to: '2024-05-01T10:30:00Z' }, { from: at('2024-05-01T10:30:00.000Z'), before: at('2024-05-01T10:30:00.001Z') }],
    ['an instant with an offset is that moment in UTC', { from: '2024-05-01T02:00:00+02:00', to: '2024-05-01T23:00:00-05:00' }, { from: at('2024-05-01T00:00:00.000Z'), before: at('2024-05-02T04:00:00.001Z') }],
    ['digits past the millisecond belong to that millisecond', { to: '2024-05-01T10:30:00.250999Z' }, { before: at('2024-05-01T10:30:00.251Z') }],
    ['a day and an instant mix', { from: '2024-05-01', to: '2024-05-01T00:00:00Z' }, { from: at('2024-05-01T00:00:00.000Z'), before: at('2024-05-01T00:00:00.001Z') }],
    ['a from before the year 1 leaves the start open', { from: '0000-06-01' }, { from: undefined }],
    ['a to on the last day of 9999 leaves the end open', { to: '9999-12-31' }, { before: undefined }],
    ['the last millisecond of 9999 is still a bound', { to: '9999-12-31T23:59:59.998Z' }, { before: at('9999-12-31T23:59:59.999Z') }],
  ];
  it.each(resolves)('resolves %s', (_, query, expected) => {
    expect(resolveDateRange(DateRangeQuerySchema.parse(query))).toEqual({ from: undefined, before: undefined, ...expected });
  });

  const rejects: Array<[string, DateRangeQuery, string]> = [
    ['a from day after the to day', { from: '2024-05-02', to: '2024-05-01' }, 'query.to'],
    ['a from instant after the to instant', { from: '2024-05-01T10:30:00.001Z', to: '2024-05-01T10:30:00.000Z' }, 'query.to'],
    ['a from instant after the whole to day', { from: '2024-05-02T00:00:00Z', to: '2024-05-01' }, 'query.to'],
    ['a from day after the to instant', { from: '2024-05-01', to: '2024-04-30T23:59:59.999Z' }, 'query.to'],
    ['a to before the year 1', { to: '0000-12-31' }, 'query.to'],
  ];
  it.each(rejects)('answers 400 for %s, naming the field', (_, query, path) => {
    let error: unknown;
    try {
      resolveDateRange(DateRangeQuerySchema.parse(query));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 400, issues: [{ path }] });
  });
});

describe('DateRangeQuerySchema', () => {
  it.each(['yesterday', '2024-02-30', '2024-5-1', '2024-05-01T10:30:00', '2024-05-01 10:30:00Z', '1714557000000', '9999-12-31T23:00:00-05:00'])('refuses %s as a bound', (value) => {
    expect(DateRangeQuerySchema.safeParse({ from: value }).success).toBe(false);
    expect(DateRangeQuerySchema.safeParse({ to: value }).success).toBe(false);
  });
});
