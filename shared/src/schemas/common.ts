import { z } from 'zod';
import { EARLIEST_TIMESTAMP_MS, LATEST_TIMESTAMP_MS, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../limits.js';

/** What a length limit on text someone types says when the text is over it. */
export const tooLongMessage = (max: number) => `Use at most ${max.toLocaleString('en')} characters`;

export const IdSchema = z.string().uuid();
/** An ISO 8601 instant with its offset, in the years 1 to 9999 once in UTC (what the database stores). */
export const TimestampSchema = z
  .string()
  .datetime({ offset: true })
  .refine((value) => {
    const instant = Date.parse(value);
    // Not a date at all is the format check's to report, once.
    return Number.isNaN(instant) || (instant >= EARLIEST_TIMESTAMP_MS && instant <= LATEST_TIMESTAMP_MS);
  }, 'Dates run from the year 1 to the year 9999');
/** A day (`2024-05-01`, in UTC) or an exact time. */
export const DateOrTimestampSchema = z.union([z.iso.date(), TimestampSchema]);

/**
 * The date range of every list filtered by when something happened (`from`/`to` in the query).
 * Each bound is a day or an instant: a day as `from` starts at 00:00 UTC, a day as `to`
 * includes that whole day (UTC), and an instant includes itself, to the millisecond (the
 * precision of every timestamp the API returns, so a date read from a response matches its
 * evidence). `from` after `to` is a 400 naming `query.to`: a rule across two fields, which the
 * server checks where it resolves the range (`resolveDateRange`).
 */
export const DateRangeQuerySchema = z.object({
  from: DateOrTimestampSchema.optional(),
  to: DateOrTimestampSchema.optional(),
});
export type DateRangeQuery = z.infer<typeof DateRangeQuerySchema>;

export const IdParamsSchema = z.object({ id: IdSchema });
export const WorkspaceParamsSchema = z.object({ ws: IdSchema });
export const WorkspaceIdParamsSchema = WorkspaceParamsSchema.extend({ id: IdSchema });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** `{ items, nextCursor, total? }` — the shape of every list response. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().optional(),
  });
}
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number };

/** Ids in a query string, once or repeated (`?tagId=…&tagId=…`): the query string gives a string or an array. */
export function idListQuery(max: number, tooMany: string) {
  return z
    .union([IdSchema, z.array(IdSchema)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(IdSchema).max(max, tooMany));
}

/** Query-string booleans arrive as text. */
export const QueryBooleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Who created something, as responses show it. */
export const PersonSchema = z.object({ id: IdSchema, name: z.string() });
export type Person = z.infer<typeof PersonSchema>;
