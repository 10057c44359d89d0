import type { SourceKind } from '@cairn/shared';

export type ImportedCustomer = {
  email?: string | null;
  name?: string | null;
  externalId?: string | null;
  company?: { name: string; segment?: string | null; plan?: string | null; annualRevenue?: number | null } | null;
};

export type ImportedSegment = { speaker: string; startMs: number | null; endMs: number | null; start: number; end: number; interviewer?: boolean };

/** Something worth telling the importing person that did not stop the source from importing (a skipped cue…). */
export type ImportWarning = { line: number; message: string };

export type ImportedSource = {
  kind: SourceKind;
  title: string;
  /** Normalized plain text (see normalizeText). */
  body: string;
  occurredAt: Date | null;
  externalId: string | null;
  /** Ids an older identity scheme gave this source, most likely first (see source-identity.ts); an import re-keys a source found by one. */
  formerExternalIds?: string[];
  customer: ImportedCustomer | null;
  metadata: Record<string, unknown>;
  /** A turn covers body.slice(start, end); offsets are UTF-16 code units, as JavaScript strings count. */
  segments: ImportedSegment[] | null;
  /** Tag names from a tickets-csv `tags` column or vendor tags. */
  tags?: string[];
  /** How many PII matches were replaced in the title, body and replies (only when redaction was asked for). */
  redactions?: number;
  warnings?: ImportWarning[];
};

/** One input row (CSV line/record, JSON ticket, or the whole transcript file): accepted sources or a reason. */
export type ImportRow = { line: number; raw: string } & ({ sources: ImportedSource[] } | { error: string });

/** The whole file is unusable (empty, not a CSV, truncated .docx, invalid JSON): one clear message. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** One row is unusable; importers throw it from row converters and turn it into `{ error }`. */
export class RowError extends Error {
  override name = 'RowError';
}
