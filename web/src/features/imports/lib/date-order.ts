import type { DateOrder, ImportPreview } from '@cairn/shared';

/** What the preview's rows say about a column's slashed dates; null when it has none (or no column is mapped). */
export function dateOrderInFile(preview: ImportPreview, column: string | undefined): DateOrder | 'unknown' | null {
  // Own keys only: a column named "constructor" must not find Object's.
  return column !== undefined && Object.hasOwn(preview.dateOrders, column) ? (preview.dateOrders[column] ?? null) : null;
}

/**
 * The order sent with the import, so that it reads the file as the wizard showed it: the
 * person's choice, else the order the preview proved; none when the column has no slashed dates.
 */
export function dateOrderToSend(inFile: DateOrder | 'unknown' | null, choice: DateOrder | null): DateOrder | undefined {
  if (inFile === null) return undefined;
  return choice ?? (inFile === 'unknown' ? undefined : inFile);
}
