import { IMPORT_PREVIEW_ROWS, SurveyCsvMappingSchema, TicketsCsvMappingSchema, type DateOrder, type ImportFormat, type ScoreScale } from '@cairn/shared';
import { readMapping } from './csv.js';
import { previewCsv, type CsvPreview } from './csv-preview.js';
import { decodeStream, readAllBytes, type ByteSource } from './decode.js';
import { parseIntercomJson } from './intercom-json.js';
import { redactSource } from './redact.js';
import { createIdentityAssigner } from './source-identity.js';
import { parseSurveyCsv } from './survey-csv.js';
import { parseTicketsCsv } from './tickets-csv.js';
import { parseTranscript } from './transcript.js';
import type { ImportedCustomer, ImportRow } from './types.js';
import { parseZendeskJson } from './zendesk-json.js';

export { toImportedSource } from './generic-ticket.js';
export { speakersOf } from './transcript.js';
export type { ByteSource } from './decode.js';
export type { CsvPreview } from './csv-preview.js';
export * from './types.js';

export type ImportOptions = {
  /** Column mapping for the CSV formats, validated here against the format's schema; the suggested one when absent. */
  mapping?: unknown;
  /** Replace emails, phone, card and IBAN numbers and IP addresses in titles, bodies, replies and CSV fields, and latitude/longitude fields whole; each source then counts its `redactions`. */
  redactPii?: boolean;
  /** Default date for sources whose row has none (and the transcript's date). */
  occurredAt?: Date | null;
  /** Transcript only: title, customer and interviewer. */
  title?: string;
  customer?: ImportedCustomer | null;
  interviewer?: string;
  /** CSV only: how the date column's slashed dates that read both ways are read (else what its first rows prove). */
  dateOrder?: DateOrder;
  /** Survey CSV only: the score column's scale (else inferred from the question and its first rows). */
  scoreScale?: ScoreScale;
  /** Transcript only: the file names the workspace's transcripts with an old-scheme id were imported under (`formerExternalIds`). */
  legacyFileNames?: readonly string[];
};

/**
 * Reads one uploaded file as import rows, streaming. A file that is unusable as a whole throws
 * ImportFileError before the first row, so a broken file stores nothing; a bad row is yielded
 * as `{ error }` and the import goes on. Transcripts are read whole (one source per file).
 */
export async function* importFile(format: ImportFormat, fileName: string, bytes: ByteSource, options: ImportOptions = {}): AsyncGenerator<ImportRow> {
  // Sources without an id of their own are known by their text as written, before redaction:
  // importing a file again with redactPii finds the same sources and redacts them in place.
  const assignIdentity = createIdentityAssigner(fileName, options.legacyFileNames);
  for await (const row of readRows(format, fileName, bytes, options)) {
    if (!('sources' in row)) {
      yield row;
      continue;
    }
    const sources = row.sources.map(assignIdentity);
    yield { ...row, sources: options.redactPii ? sources.map(redactSource) : sources };
  }
}

async function* readRows(format: ImportFormat, fileName: string, bytes: ByteSource, options: ImportOptions): AsyncGenerator<ImportRow> {
  switch (format) {
    case 'transcript':
      // The row's raw text is the file name: a whole transcript has no place in a rejected-rows CSV.
      yield { line: 1, raw: fileName, sources: [await parseTranscript(fileName, await readAllBytes(bytes), options)] };
      return;
    case 'tickets-csv':
      yield* parseTicketsCsv((await decodeStream(bytes)).chunks, readMapping(TicketsCsvMappingSchema, options.mapping), options);
      return;
    case 'survey-csv':
      yield* parseSurveyCsv((await decodeStream(bytes)).chunks, readMapping(SurveyCsvMappingSchema, options.mapping), options);
      return;
    case 'zendesk-json':
      yield* parseZendeskJson((await decodeStream(bytes)).chunks);
      return;
    case 'intercom-json':
      yield* parseIntercomJson((await decodeStream(bytes)).chunks);
      return;
  }
}

export type FilePreview =
  | ({ format: 'tickets-csv' | 'survey-csv' } & CsvPreview)
  | { format: 'transcript' | 'zendesk-json' | 'intercom-json'; parsed: ImportRow[] };

/** What an import would do, storing nothing: columns, a suggested mapping and the first rows run through the mapping for CSV, the first parsed rows otherwise. */
export async function previewFile(format: ImportFormat, fileName: string, bytes: ByteSource, options: ImportOptions = {}): Promise<FilePreview> {
  if (format === 'tickets-csv' || format === 'survey-csv') return { format, ...(await previewCsv(bytes, format, options)) };
  const parsed: ImportRow[] = [];
  for await (const row of importFile(format, fileName, bytes, options)) {
    parsed.push(row);
    if (parsed.length === IMPORT_PREVIEW_ROWS) break;
  }
  return { format, parsed };
}
