import { describe, expect, it } from 'vitest';
import { readDate } from './dates.js';

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

  it.each(['2024-02-30', '2024-13-01', '25:00', 'yesterday', '12/13/14', '2024-03-25T24:30', '0000-01-01', '9999-12-31T23:00:00-05:00'])('rejects %j', (value) => {
    expect(readDate(value)).toHaveProperty('problem');
  });
});
