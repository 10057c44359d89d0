import type { ImportFormat } from '@cairn/shared';

/** Extensions that only a transcript has (a .txt is a transcript too: a helpdesk exports .csv). */
const TRANSCRIPT_EXTENSIONS = new Set(['vtt', 'srt', 'docx', 'txt', 'md', 'markdown']);
const CSV_EXTENSIONS = new Set(['csv', 'tsv']);
const JSON_EXTENSIONS = new Set(['json', 'ndjson', 'jsonl']);

/** Bytes of a file read to tell its format apart from its siblings'. */
export const FORMAT_SNIFF_BYTES = 64 * 1024;

/** Words only an Intercom conversation (or its list) has; a Zendesk export has `tickets`/`requester_id`. */
const INTERCOM_MARKERS = /"conversation_parts"|"type"\s*:\s*"conversation(?:\.list)?"/;
/** Column names of survey tools' exports (Qualtrics, Typeform), in the header lines (a legacy Qualtrics export names its columns on line 2). */
const SURVEY_HEADER = /\b(?:ResponseId|Response ?ID|StartDate|RecordedDate|LocationLatitude|Submitted At)\b/i;
const SURVEY_HEADER_LINES = 2;

const extensionOf = (fileName: string) => fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';

/**
 * The format a file most likely has, from its extension and, where two formats share one (.csv,
 * .json), from its first bytes; null when the name says nothing. A guess shown as chosen, so
 * the person can change it before anything is imported.
 */
export function inferFormat(fileName: string, head: string): ImportFormat | null {
  const extension = extensionOf(fileName);
  if (TRANSCRIPT_EXTENSIONS.has(extension)) return 'transcript';
  if (CSV_EXTENSIONS.has(extension)) return SURVEY_HEADER.test(head.split(/\r?\n/, SURVEY_HEADER_LINES).join('\n')) ? 'survey-csv' : 'tickets-csv';
  if (JSON_EXTENSIONS.has(extension)) return INTERCOM_MARKERS.test(head) ? 'intercom-json' : 'zendesk-json';
  return null;
}

/** Reads the start of the file only for the extensions that need it. */
export async function inferFileFormat(file: File): Promise<ImportFormat | null> {
  const extension = extensionOf(file.name);
  const needsHead = CSV_EXTENSIONS.has(extension) || JSON_EXTENSIONS.has(extension);
  return inferFormat(file.name, needsHead ? await file.slice(0, FORMAT_SNIFF_BYTES).text() : '');
}
