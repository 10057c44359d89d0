import { IMPORT_PREVIEW_ROWS, TicketsCsvMappingSchema, type DateOrder, type TicketsCsvMapping } from '@cairn/shared';
import { cellOf, cellRows, DATE_ORDER_SAMPLE_ROWS, dateOrderOf, openCsv, peekRecords, resolveColumn, resolveColumns, type CsvRecord, type ResolvedColumn } from './csv.js';
import { toTicketTitle } from './normalize.js';
import { readFields, unmappedColumns, withFields, type FieldColumn } from './fields.js';
import { compact, convertRow, readBody, readOptionalDate, readOptionalEmail } from './rows.js';
import { suggestTicketsMapping } from './suggest-mapping.js';
import { ImportFileError, RowError, type ImportedCustomer, type ImportedSource, type ImportRow } from './types.js';

export type CsvImportOptions = {
  /** When the row has no date of its own. */
  occurredAt?: Date | null;
  /** How the date column's slashed dates that read both ways are read; else the order the first rows prove. */
  dateOrder?: DateOrder;
};

const TAG_SEPARATORS = /[,;]/;

type TicketColumns = Partial<Record<keyof TicketsCsvMapping, ResolvedColumn>> & { body: ResolvedColumn };

/** Each CSV row → one `ticket` source. Without a mapping, the suggested one is used. */
export async function* parseTicketsCsv(text: AsyncIterable<string>, mapping?: TicketsCsvMapping, options: CsvImportOptions = {}): AsyncGenerator<ImportRow> {
  const table = await openCsv(text);
  const { head, records } = await peekRecords(table.records, DATE_ORDER_SAMPLE_ROWS);
  const chosen = mapping ?? requireSuggestedMapping(suggestTicketsMapping({ columns: table.columns, rows: cellRows(head.slice(0, IMPORT_PREVIEW_ROWS)) }));
  const readRow = ticketRowReader(table.columns, head, chosen, options);
  for await (const record of records) yield readRow(record);
}

/**
 * The conversion of one record under a mapping, set up once per file from its header and first
 * rows (`head`, where the date order is read from): the import and the preview's mapping check both use it.
 */
export function ticketRowReader(header: string[], head: CsvRecord[], mapping: TicketsCsvMapping, options: CsvImportOptions): (record: CsvRecord) => ImportRow {
  const columns: TicketColumns = { ...resolveColumns(header, mapping), body: resolveColumn(header, 'body', mapping.body) };
  const read = { ...options, dateOrder: dateOrderOf(options.dateOrder, head, columns.createdAt) };
  const fieldColumns = unmappedColumns(header, new Set(Object.values(columns).map((column) => column.index)));
  return (record) => ('error' in record ? record : convertRow(record.line, record.raw, () => [toTicket(record.cells, columns, fieldColumns, header.length, read)]));
}

function requireSuggestedMapping(suggestion: Partial<TicketsCsvMapping>): TicketsCsvMapping {
  const parsed = TicketsCsvMappingSchema.safeParse(suggestion);
  if (!parsed.success) {
    throw new ImportFileError('No column looks like the ticket text (description, body, message, text…); choose the columns in a mapping');
  }
  return parsed.data;
}

function toTicket(cells: string[], columns: TicketColumns, fieldColumns: FieldColumn[], headerLength: number, options: CsvImportOptions): ImportedSource {
  if (cells.length > headerLength && cells.slice(headerLength).some((cell) => cell.trim() !== '')) {
    throw new RowError(`The row has ${cells.length} values but the header names ${headerLength} columns (an unquoted delimiter inside a value?)`);
  }
  const bodyCell = cells[columns.body.index];
  if (bodyCell === undefined) {
    throw new RowError(`${columns.body.field} is empty (column "${columns.body.column}"): the row has only ${cells.length} of ${headerLength} columns`);
  }
  const body = readBody(bodyCell, columns.body);
  const value = (field: keyof TicketsCsvMapping) => cellOf(cells, columns[field]);
  const email = columns.requesterEmail ? readOptionalEmail(value('requesterEmail'), columns.requesterEmail) : null;
  const createdAt = columns.createdAt ? readOptionalDate(value('createdAt'), columns.createdAt, options.dateOrder) : null;
  const [subject, name, company] = [value('subject'), value('requesterName'), value('company')];
  const customer: ImportedCustomer | null = email || name ? { email, name: name || null, company: company ? { name: company } : null } : null;
  return {
    kind: 'ticket',
    title: toTicketTitle(subject, body),
    body,
    occurredAt: createdAt ?? options.occurredAt ?? null,
    externalId: value('externalId') || null,
    customer,
    // Without a person to attach it to, the company is still worth keeping.
    metadata: withFields(compact({ priority: value('priority'), status: value('status'), channel: value('channel'), company: customer ? null : company }), readFields(cells, fieldColumns)),
    segments: null,
    tags: splitTags(value('tags')),
  };
}

function splitTags(value: string): string[] {
  return [...new Set(value.split(TAG_SEPARATORS).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}
