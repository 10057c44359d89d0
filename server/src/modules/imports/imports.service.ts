import type { Readable } from 'node:stream';
import {
  IMPORT_ERRORS_SHOWN,
  IMPORT_UNCHANGED_FROM_SHOWN,
  PREVIEW_TEXT_LENGTH,
  PREVIEW_TURNS,
  ScoreScaleSchema,
  type EarlierImport,
  type Import,
  type ImportFormat,
  type ImportOptions,
  type ImportPreview,
  type ImportPreviewSource,
  type ImportRowCheck,
  type ImportScores,
  type ImportStarted,
  type ImportSummary,
  type Page,
  type PageQuery,
  type ScoreScale,
} from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { ImportFileError, previewFile, speakersOf, type ByteSource, type ImportedSource, type ImportRow } from '../../importers/index.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { iso } from '../../lib/dates.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import * as importsRepository from './imports.repository.js';
import { rejectionOf, runImport, toImporterOptions, type CsvLayout, type ImportJob, type ImportLogger, type ImportScheduler } from './imports.runner.js';
import { streamRejectedCsv } from './rejected-csv.js';
import { presentPerson } from '../../lib/people.js';
import { summarizeImportScores } from '../sources/sources.service.js';

type ImportWithCreator = NonNullable<Awaited<ReturnType<typeof importsRepository.findById>>>;

/** The file an upload or the sample data hands over, already on disk. `sample`: one of the sample data's files. */
export type StoredFile = { format: ImportFormat; fileName: string; filePath: string; options: ImportOptions; removeFile?: () => Promise<void>; sample?: boolean };

/** The key of an import's options that marks a sample data file: set by the server alone, never read from a request. */
const SAMPLE_MARK = 'sample';

const REJECTIONS_PAGE = 1_000;

function presentSummary({ import: row, creatorName, rejectionCount }: ImportWithCreator): ImportSummary {
  return {
    id: row.id,
    format: row.format,
    fileName: row.fileName,
    status: row.status,
    progress: Math.min(1, Math.max(0, row.progress)),
    counts: { total: row.total, created: row.created, updated: row.updated, unchanged: row.total - row.created - row.updated - row.rejected, rejected: row.rejected },
    skipped: Math.max(0, rejectionCount - row.rejected),
    redactPii: row.options.redactPii === true,
    redacted: row.redacted,
    failure: row.failure,
    createdBy: presentPerson(row.createdBy, creatorName),
    createdAt: iso(row.createdAt),
    finishedAt: iso(row.finishedAt),
    scoreScale: scoreScaleOf(row.options),
    sample: row.options[SAMPLE_MARK] === true,
  };
}

/** The survey score scale the runner kept in the import's options; imports from before scales were kept have none. */
function scoreScaleOf(options: Record<string, unknown>): ScoreScale | null {
  const parsed = ScoreScaleSchema.safeParse(options.scoreScale);
  return parsed.success ? parsed.data : null;
}

async function loadImport(executor: Executor, workspaceId: string, id: string): Promise<ImportWithCreator> {
  const row = await importsRepository.findById(executor, workspaceId, id);
  if (!row) throw notFound('Import');
  return row;
}

async function createImport(db: Db, actor: WorkspaceActor, file: StoredFile): Promise<ImportJob> {
  // The mark goes in the job's options too: the runner writes them back with what it detected.
  const options = file.sample ? { ...file.options, [SAMPLE_MARK]: true } : file.options;
  const row = await importsRepository.insert(db, {
    workspaceId: actor.workspaceId,
    format: file.format,
    fileName: file.fileName,
    options,
    status: 'queued',
    createdBy: actor.userId,
  });
  return { importId: row.id, actor, ...file, options };
}

/** Records the import and hands it to the background scheduler: the caller gets 202 at once. */
export async function startImport(db: Db, scheduler: ImportScheduler, actor: WorkspaceActor, file: StoredFile): Promise<ImportStarted> {
  let job: ImportJob;
  try {
    job = await createImport(db, actor, file);
  } catch (error) {
    // From here on the scheduler deletes the file; until then, nobody would.
    await file.removeFile?.();
    throw error;
  }
  scheduler.start(job);
  return { id: job.importId, status: 'queued' };
}

/** Imports a file that is already on the server (the sample data) and waits for the outcome. */
export async function importStoredFile(db: Db, actor: WorkspaceActor, file: StoredFile, log: ImportLogger): Promise<ImportSummary> {
  const job = await createImport(db, actor, file);
  await runImport(db, job, log);
  return presentSummary(await loadImport(db, actor.workspaceId, job.importId));
}

/** The sample data's entries in the import history (finished ones: a sample file being loaded is left to finish). */
export function countSampleImports(executor: Executor, workspaceId: string): Promise<number> {
  return importsRepository.countMarked(executor, workspaceId, SAMPLE_MARK);
}

/** Removes the sample data's finished entries from the import history, with their rejected rows; returns how many. */
export function deleteSampleImports(executor: Executor, workspaceId: string): Promise<number> {
  return importsRepository.removeMarked(executor, workspaceId, SAMPLE_MARK);
}

export async function getImport(db: Db, actor: WorkspaceActor, id: string): Promise<Import> {
  const row = await loadImport(db, actor.workspaceId, id);
  const errors = await importsRepository.listRejections(db, actor.workspaceId, id, IMPORT_ERRORS_SHOWN);
  return {
    ...presentSummary(row),
    errors: errors.map(({ line, message }) => ({ line, message })),
    errorsTotal: row.rejectionCount,
    unchangedFrom: await presentUnchangedFrom(db, actor.workspaceId, id),
  };
}

/** The earlier imports the runner counted the unchanged sources by (`CountsDelta.unchangedFrom`), most sources first. */
async function presentUnchangedFrom(executor: Executor, workspaceId: string, id: string): Promise<EarlierImport[]> {
  const rows = await importsRepository.listUnchangedFrom(executor, workspaceId, id, IMPORT_UNCHANGED_FROM_SHOWN);
  return rows.map((other) => ({ id: other.id, fileName: other.fileName, createdAt: iso(other.createdAt), finishedAt: iso(other.finishedAt), count: other.count }));
}

/** The scores of a survey import's answers, read on its scale (its NPS, or its CSAT); another workspace's import is a 404. */
export async function getImportScores(db: Db, actor: WorkspaceActor, id: string): Promise<ImportScores> {
  const { import: row } = await loadImport(db, actor.workspaceId, id);
  return summarizeImportScores(db, actor.workspaceId, id, scoreScaleOf(row.options));
}

export async function listImports(db: Db, actor: WorkspaceActor, query: PageQuery): Promise<Page<ImportSummary>> {
  const after = decodeCursor(query.cursor, 2);
  const rows = await importsRepository.list(db, actor.workspaceId, query.limit, after);
  return pageFrom(rows, query.limit, presentSummary, (row) => [row.cursorAt, row.import.id]);
}

/** rejected.csv of one import, streamed page by page from the database. */
export async function exportRejectedRows(db: Db, actor: WorkspaceActor, id: string): Promise<{ fileName: string; stream: Readable }> {
  const { import: row } = await loadImport(db, actor.workspaceId, id);
  const layout = (row.options.detected as CsvLayout | undefined) ?? null;
  async function* pages() {
    let after: { line: number; id: string } | undefined;
    for (;;) {
      const page = await importsRepository.listRejections(db, actor.workspaceId, id, REJECTIONS_PAGE, after);
      if (page.length) yield page;
      if (page.length < REJECTIONS_PAGE) return;
      const last = page[page.length - 1]!;
      after = { line: last.line, id: last.id };
    }
  }
  const baseName = row.fileName.replace(/\.[^.]*$/, '') || 'import';
  return { fileName: `${baseName}-rejected.csv`, stream: streamRejectedCsv(layout, pages()) };
}

function cut(text: string, length = PREVIEW_TEXT_LENGTH): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function presentPreviewSource(line: number, source: ImportedSource): ImportPreviewSource {
  const segments = source.segments ?? [];
  return {
    line,
    kind: source.kind,
    title: source.title,
    body: cut(source.body),
    occurredAt: iso(source.occurredAt),
    externalId: source.externalId,
    customer: source.customer
      ? { email: source.customer.email ?? null, name: source.customer.name ?? null, company: source.customer.company?.name ?? null }
      : null,
    turns: segments.slice(0, PREVIEW_TURNS).map((segment) => ({
      speaker: segment.speaker,
      startMs: segment.startMs,
      text: cut(source.body.slice(segment.start, segment.end)),
      interviewer: segment.interviewer === true,
    })),
    turnCount: segments.length,
    speakers: speakersOf(source.segments),
  };
}

function presentParsedRows(rows: ImportRow[]): Pick<ImportPreview, 'sources' | 'errors'> {
  const sources = rows.flatMap((row) => ('sources' in row ? row.sources.map((source) => presentPreviewSource(row.line, source)) : []));
  const errors = rows.flatMap((row) =>
    'error' in row ? [{ line: row.line, message: row.error }] : row.sources.flatMap((source) => source.warnings ?? []),
  );
  return { sources, errors };
}

/** A row as the import would take it: its sources, or the rejection its report would list. */
function presentRowCheck(row: ImportRow): ImportRowCheck {
  const error = rejectionOf(row);
  return { line: row.line, sources: error === null && 'sources' in row ? row.sources.map((source) => presentPreviewSource(row.line, source)) : [], error };
}

/** What an import would do, from the first rows only; nothing is stored. A broken file is a 422 saying why. */
export async function previewImport(format: ImportFormat, fileName: string, bytes: ByteSource, options: ImportOptions): Promise<ImportPreview> {
  try {
    const preview = await previewFile(format, fileName, bytes, toImporterOptions(options));
    if ('parsed' in preview) {
      return {
        format,
        encoding: null,
        delimiter: null,
        columns: [],
        labels: [],
        rows: [],
        suggestedMapping: null,
        dateOrders: {},
        scoreScales: {},
        ...presentParsedRows(preview.parsed),
        mappingCheck: null,
      };
    }
    return {
      format,
      encoding: preview.encoding,
      delimiter: preview.delimiter,
      columns: preview.columns,
      labels: preview.labels,
      rows: preview.rows,
      suggestedMapping: preview.suggestedMapping,
      dateOrders: preview.dateOrders,
      scoreScales: preview.scoreScales,
      sources: [],
      errors: [],
      mappingCheck: preview.mappingCheck && { mapping: preview.mappingCheck.mapping, rows: preview.mappingCheck.rows.map(presentRowCheck) },
    };
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError('unprocessable', error.message);
    throw error;
  }
}
