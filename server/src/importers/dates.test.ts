import { describe, expect, it } from 'vitest';
import { inferDateOrder, readDate } from './dates.js';

function iso(value: string): string | null {
  const reading = readDate(value);
  return 'date' in reading ? reading.date.toISOString() : null;
}

describe('readDate', () => {
  it.each([
    ['2024-03-25', '2024-03-25T00:00:00.000Z'],
    ['2024-03-25T14:30:00Z', '2024-03-25T14:30:00.000Z'],
    ['2024-03-25T14:30:00.123456+02:00', '2024-03-25T12:30:00.123Z'],
    ['2024-03-25 14:30', '2024-03-25T14:30:00.000Z'],
    ['2017-07-18 08:28:09', '2017-07-18T08:28:09.000Z'],
    ['2024/03/25', '2024-03-25T00:00:00.000Z'],
    ['03/25/2024', '2024-03-25T00:00:00.000Z'],
    ['25/03/2024 14:30', '2024-03-25T14:30:00.000Z'],
    ['3/25/2024 2:30 PM', '2024-03-25T14:30:00.000Z'],
    ['04/04/2024', '2024-04-04T00:00:00.000Z'],
    ['25.03.2024', '2024-03-25T00:00:00.000Z'],
    ['03.04.2024', '2024-04-03T00:00:00.000Z'],
    ['March 25, 2024', '2024-03-25T00:00:00.000Z'],
    ['Tue, 18 Jul 2017 08:28:09 +0200', '2017-07-18T06:28:09.000Z'],
    ['0050-03-25', '0050-03-25T00:00:00.000Z'],
  ])('reads %j', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it('rejects a slashed date that reads both ways, saying why', () => {
    expect(readDate('03/04/2024')).toEqual({ problem: expect.stringContaining('is ambiguous') });
  });

  it('reads a slashed date that reads both ways in the order it is given', () => {
    expect(readDate('09/11/2026 16:58', 'month-first')).toEqual({ date: new Date('2026-09-11T16:58:00Z') });
    expect(readDate('09/11/2026 16:58', 'day-first')).toEqual({ date: new Date('2026-11-09T16:58:00Z') });
  });

  it('reads a date that reads only one way that way, whatever order is given', () => {
    expect(readDate('25/03/2024', 'month-first')).toEqual({ date: new Date('2024-03-25T00:00:00Z') });
    expect(readDate('03.04.2024', 'month-first')).toEqual({ date: new Date('2024-04-03T00:00:00Z') });
  });

  it.each(['2024-02-30', '2024-13-01', '25:00', 'yesterday', '12/13/14', '2024-03-25T24:30', '0000-01-01', '9999-12-31T23:00:00-05:00'])('rejects %j', (value) => {
    expect(readDate(value)).toHaveProperty('problem');
  });
});

describe('inferDateOrder', () => {
  it.each([
    [['09/11/2026 16:58', '06/22/2026 10:26'], 'month-first'],
    [['09/11/2026', '22/06/2026'], 'day-first'],
    [['09/11/2026', '04/04/2026', ''], 'unknown'],
    [['13/01/2026', '01/13/2026'], 'unknown'],
    [['2026-06-22', '25.03.2024', 'n/a'], null],
  ])('reads %j as %s', (values, expected) => {
    expect(inferDateOrder(values)).toBe(expected);
  });
});
