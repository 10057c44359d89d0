import type { DateRangeQuery } from '@cairn/shared';

/**
 * How the app shows times: one short date for lists and headers, one date with time where the
 * moment matters (imports, tokens, the audit log). Both in the reader's own locale and time zone.
 */
const DATE_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Lists format hundreds of dates per render: one formatter per locale, built once. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, locale: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${options.timeStyle ?? ''}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(locale, options)));
  return found;
}

/** `May 1, 2024` (or the locale's way of writing it). */
export function formatDate(value: string | Date, locale?: string): string {
  return formatter(DATE_OPTIONS, locale).format(new Date(value));
}

/** `May 1, 2024, 9:30 AM` (or the locale's way of writing it). */
export function formatDateTime(value: string | Date, locale?: string): string {
  return formatter(DATE_TIME_OPTIONS, locale).format(new Date(value));
}

/** `from` after `to` matches nothing (the server answers 400, ADR 008): compared by day, as the inputs show them. */
export function isReversedRange(range: DateRangeQuery): boolean {
  return !!range.from && !!range.to && range.from.slice(0, 10) > range.to.slice(0, 10);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as the value of `<input type="datetime-local">`: local time, to the minute. */
export function toDateTimeInputValue(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of `<input type="datetime-local">` (local time) as an ISO instant; null when empty or not a time. */
export function fromDateTimeInputValue(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
