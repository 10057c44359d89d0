import { EARLIEST_TIMESTAMP_MS, LATEST_TIMESTAMP_MS, type DateOrder } from '@cairn/shared';
export type DateReading = { date: Date } | { problem: string };
/** What one slashed date says about its column: an order it proves, none (`04/04`), or that it reads both ways. */
type SlashedOrder = DateOrder | 'either' | 'ambiguous';

// 2024-03-25, 2024/03/25, 2024-03-25T10:00, 2024-03-25 10:00:00.123+02:00, …Z
const ISO_LIKE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?[ ]?(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
// 25/03/2024, 03/25/2024, 25.03.2024, 3-25-2024, optionally with a time and am/pm.
const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?[ ]?([ap]\.?m\.?)?)?$/i;
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const HAS_ZONE = /(?:\b(?:Z|UTC|GMT)|[+-]\d{2}:?\d{2})$/i;
const ZONE_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

const UNREADABLE = 'is not a date Cairn can read (use ISO 8601, e.g. 2024-03-25 or 2024-03-25T14:30:00Z)';

/**
 * Dates from exports, read leniently but never guessed: ISO 8601 (times without a zone are
 * taken as UTC, as exports rarely say), day-first dotted dates, slashed dates when just one of
 * day/month and month/day is possible or when `order` says which (the column's order, proved by
 * its other values or chosen by the person), and English month names. Without an order
 * `03/04/2024` is rejected rather than silently read the American or the European way.
 */
export function readDate(value: string, order?: DateOrder): DateReading {
  const text = value.trim();
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    return fromParts({ year, month, day, hour, minute, second, fraction, zone });
  }
  const slashed = DAY_MONTH_YEAR.exec(text);
  if (slashed) {
    const [, first = '', separator, second = '', year, hour, minute, secondOfMinute, meridiem] = slashed;
    const proven = separator === '.' ? 'day-first' : orderOf(Number(first), Number(second));
    const used = proven === 'ambiguous' ? order : proven === 'either' ? 'day-first' : proven;
    if (used === undefined) {
      return { problem: `is ambiguous: ${first}${separator}${second} could be day/month or month/day; choose the date order for the import, or use ISO 8601 (YYYY-MM-DD)` };
    }
    const [day, month] = used === 'day-first' ? [first, second] : [second, first];
    return fromParts({ year, month, day, hour: to24Hour(hour, meridiem), minute, second: secondOfMinute });
  }
  if (MONTH_NAME.test(text)) {
    const time = Date.parse(HAS_ZONE.test(text) ? text : `${text} UTC`);
    if (!Number.isNaN(time)) return { date: new Date(time) };
  }
  return { problem: UNREADABLE };
}

function orderOf(first: number, second: number): SlashedOrder {
  if (first === second) return 'either';
  if (first > 12) return 'day-first';
  if (second > 12) return 'month-first';
  return 'ambiguous';
}

function slashedOrderOf(value: string): SlashedOrder | null {
  const slashed = DAY_MONTH_YEAR.exec(value.trim());
  // Dotted dates are always day-first: they say nothing about a column's slashed ones.
  if (!slashed || slashed[2] === '.') return null;
  return orderOf(Number(slashed[1]), Number(slashed[3]));
}

/**
 * The day/month order of a column's slashed dates, from its values: the order they prove,
 * `unknown` when every one reads both ways (or some prove each order), null when the column
 * has no slashed dates. A column is written one way, so one `06/22/2026` settles `09/11/2026`.
 */
export function inferDateOrder(values: Iterable<string>): DateOrder | 'unknown' | null {
  const seen = new Set<SlashedOrder>();
  for (const value of values) {
    const order = slashedOrderOf(value);
    if (order !== null) seen.add(order);
  }
  if (seen.size === 0) return null;
  const proven = (['day-first', 'month-first'] as const).filter((order) => seen.has(order));
  return proven.length === 1 ? proven[0]! : 'unknown';
}

function to24Hour(hour: string | undefined, meridiem: string | undefined): string | undefined {
  if (hour === undefined || meridiem === undefined) return hour;
  const isPm = meridiem.toLowerCase().startsWith('p');
  return String((Number(hour) % 12) + (isPm ? 12 : 0));
}

type DateParts = { year?: string; month?: string; day?: string; hour?: string; minute?: string; second?: string; fraction?: string; zone?: string };

function fromParts(parts: DateParts): DateReading {
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const [hour, minute, second] = [Number(parts.hour ?? 0), Number(parts.minute ?? 0), Number(parts.second ?? 0)];
  const millis = Number((parts.fraction ?? '0').padEnd(3, '0').slice(0, 3));
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  utc.setUTCFullYear(year, month - 1, day); // Date.UTC reads the years 0–99 as 1900–1999
  // Date.UTC rolls 2024-02-30 over to March; a date that does not survive the round trip is not real.
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return { problem: 'is not a real date or time' };
  }
  const date = new Date(utc.getTime() - zoneOffsetMs(parts.zone));
  if (date.getTime() < EARLIEST_TIMESTAMP_MS || date.getTime() > LATEST_TIMESTAMP_MS) return { problem: 'is outside the years 1 to 9999' };
  return { date };
}

function zoneOffsetMs(zone: string | undefined): number {
  const match = zone ? ZONE_OFFSET.exec(zone) : null;
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}
