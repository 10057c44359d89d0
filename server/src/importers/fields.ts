import { normalizeText } from './normalize.js';

/** A CSV row keeps at most this many of the columns its mapping does not use, the first ones with a value. */
export const ROW_FIELDS_MAX = 50;
export const FIELD_NAME_MAX_LENGTH = 100;
export const FIELD_VALUE_MAX_LENGTH = 1_000;

/**
 * A column of the row the mapping did not use, kept on the source as `metadata.fields`. A list
 * and not an object keyed by column: jsonb keeps no key order, and the file's order is the one
 * people know their columns by (a list also compares in that order, so re-imports stay unchanged).
 */
export type SourceField = { name: string; value: string };

/** An unused column, named once per file. */
export type FieldColumn = { name: string; index: number };

const ELLIPSIS = '…';
const ENDS_IN_HALF_A_CHARACTER = /[\uD800-\uDBFF]$/;

/** `text` cut to `max` characters with an ellipsis, never through an emoji. */
function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - ELLIPSIS.length);
  return (ENDS_IN_HALF_A_CHARACTER.test(cut) ? cut.slice(0, -1) : cut) + ELLIPSIS;
}

/**
 * The columns that no mapped field uses, by their names in the header (`names`), in file order. A column without a name (after a
 * trailing delimiter) is "Column 7" by its position; a name that repeats an earlier one (or
 * becomes one once cut) gets " (2)", so no value overwrites another.
 */
export function unmappedColumns(names: string[], mapped: ReadonlySet<number>): FieldColumn[] {
  const taken = new Set<string>();
  return names.flatMap((column, index) => {
    if (mapped.has(index)) return [];
    const base = cutToLength(column.trim() || `Column ${index + 1}`, FIELD_NAME_MAX_LENGTH);
    let name = base;
    for (let copy = 2; taken.has(name); copy++) name = `${cutToLength(base, FIELD_NAME_MAX_LENGTH - ` (${copy})`.length)} (${copy})`;
    taken.add(name);
    return [{ name, index }];
  });
}

/** The row's non-empty values in those columns, normalized as bodies are, cut to FIELD_VALUE_MAX_LENGTH; at most ROW_FIELDS_MAX. */
export function readFields(cells: string[], columns: FieldColumn[]): SourceField[] {
  const fields: SourceField[] = [];
  for (const { name, index } of columns) {
    const value = normalizeText(cells[index] ?? '');
    if (value === '') continue;
    fields.push({ name, value: cutToLength(value, FIELD_VALUE_MAX_LENGTH) });
    if (fields.length === ROW_FIELDS_MAX) break;
  }
  return fields;
}

/** `metadata` with the row's fields, or as it was when the row has none (so that metadata only says what is known). */
export function withFields(metadata: Record<string, unknown>, fields: SourceField[]): Record<string, unknown> {
  return fields.length > 0 ? { ...metadata, fields } : metadata;
}
