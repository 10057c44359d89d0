import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, fromDateTimeInputValue, isReversedRange, toDateTimeInputValue } from './dates';

describe('formatDate and formatDateTime', () => {
  // Noon UTC is the same day in every time zone the test may run in.
  const noon = '2024-05-01T12:00:00.000Z';

  it('writes a date the way the locale does', () => {
    expect(formatDate(noon, 'en-US')).toBe('May 1, 2024');
    expect(formatDate(noon, 'en-GB')).toBe('1 May 2024');
    expect(formatDate(new Date(noon), 'en-US')).toBe('May 1, 2024');
  });

  it('adds the time of day for moments', () => {
    const text = formatDateTime(noon, 'en-US');
    expect(text).toContain('May 1, 2024');
    expect(text).toMatch(/\d{1,2}:\d{2}/);
  });
});

describe('datetime-local values', () => {
  it('round-trips an instant through the input, to the minute', () => {
    const iso = '2024-05-01T09:30:00.000Z';
    const value = toDateTimeInputValue(iso);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromDateTimeInputValue(value)).toBe(iso);
  });

  it('answers null for an empty or broken value', () => {
    expect(fromDateTimeInputValue('')).toBeNull();
    expect(fromDateTimeInputValue('not a date')).toBeNull();
  });
});

describe('isReversedRange', () => {
  it('is true only when the start day comes after the end day', () => {
    expect(isReversedRange({ from: '2024-02-01', to: '2024-01-31' })).toBe(true);
    expect(isReversedRange({ from: '2024-01-31', to: '2024-01-31' })).toBe(false);
    // An instant on the end day is inside that day: the server reads a day as `to` as the whole day.
    expect(isReversedRange({ from: '2024-01-31T15:00:00.000Z', to: '2024-01-31' })).toBe(false);
    expect(isReversedRange({ from: '2024-02-01' })).toBe(false);
  });
});
