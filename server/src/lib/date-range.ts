import { EARLIEST_TIMESTAMP_MS, LATEST_TIMESTAMP_MS, type DateRangeQuery } from '@cairn/shared';
import { invalidField } from '../errors.js';

/**
 * A date range as repositories compare it: `from <= t < before`. Half-open, so that a day and
 * an instant end the same way: a day as `to` ends before the next day's midnight, an instant
 * before its next millisecond (stored times can carry microseconds the API never shows, such
 * as an undated source's; `<= to` would leave those out).
 */
export type DateRange = { from?: Date; before?: Date };

const DAY_MS = 86_400_000;

/** `2024-05-31`: the only form of a day the schema lets through (instants always carry a `T`). */
const isDay = (value: string) => !value.includes('T');
const startOf = (value: string) => Date.parse(isDay(value) ? `${value}T00:00:00.000Z` : value);

/**
 * The one meaning of `from`/`to` (`DateRangeQuerySchema`): a day as `from` starts at 00:00 UTC,
 * a day as `to` includes that whole day, an instant includes itself. `from` after `to` is a
 * 400 naming `query.to`. A bound past the years the database holds leaves that side open
 * (`to=9999-12-31` means "no end"); one that would empty the range from there is a 400.
 * `at` names where the range came from in those errors (a saved search's `body.filters`).
 */
export function resolveDateRange(query: DateRangeQuery, at = 'query'): DateRange {
  const from = query.from === undefined ? undefined : startOf(query.from);
  const before = query.to === undefined ? undefined : startOf(query.to) + (isDay(query.to) ? DAY_MS : 1);
  if (from !== undefined && before !== undefined && from >= before) throw invalidField(`${at}.to`, 'The end date comes before the start date');
  if (before !== undefined && before <= EARLIEST_TIMESTAMP_MS) throw invalidField(`${at}.to`, 'Dates start in the year 1');
  return {
    from: from === undefined || from < EARLIEST_TIMESTAMP_MS ? undefined : new Date(from),
    before: before === undefined || before > LATEST_TIMESTAMP_MS ? undefined : new Date(before),
  };
}
