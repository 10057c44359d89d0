import fs from 'node:fs';
import { IMPORT_BATCH_SIZE, type ImportFormat, type ImportOptions, type ScoreScale, type SurveyCsvMapping } from '@cairn/shared';
import type { Db, Executor } from '../../db/client.js';
import { sqlStateOf } from '../../db/sql-state.js';
import { analyzeChangedTables } from '../../db/statistics.js';
import { createBackgroundJobs, type BackgroundJobs, type JobLogger } from '../../lib/background-jobs.js';
import { ImportFileError, importFile, previewFile, type ImportedSource, type ImportOptions as ImporterOptions, type ImportRow } from '../../importers/index.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { sourceKey, upsertSources } from '../sources/sources.service.js';
import { createCustomerMemo, matchCustomers, rememberCustomers, type CustomerMemo } from './imports.customers.js';
import * as importsRepository from './imports.repository.js';
import type { CountsDelta, NewRejection } from './imports.repository.js';

/** One import to process: the stored file and how to read it. */
export type ImportJob = {
  importId: string;
  actor: WorkspaceActor;
  format: ImportFormat;
  fileName: string;
  filePath: string;
  options: ImportOptions;
  /** Deletes the uploaded file once read; absent for files Cairn ships (the sample data). */
  removeFile?: () => Promise<void>;
};

/** How a CSV was read, kept with the import so rejected.csv can give rows back under their own header. */
export type CsvLayout = { encoding: string; delimiter: string; columns: string[] };

export type ImportLogger = JobLogger;

export const INTERRUPTED_FAILURE = 'Interrupted by a restart; re-upload the file — rows already imported will not be duplicated';

class ImportInterruptedError extends Error {}

export function toImporterOptions(options: ImportOptions): ImporterOptions {
  return {
    mapping: options.mapping,
    redactPii: options.redactPii,
    occurredAt: options.occurredAt ? new Date(options.occurredAt) : null,
    title: options.title,
    customer: options.customer ? { email: options.customer.email, name: options.customer.name, company: options.customer.company ? { name: options.customer.company } : null } : null,
    interviewer: options.interviewer,
    dateOrder: options.dateOrder,
    scoreScale: options.scoreScale,
  };
}

/** A slice of the file committed in one short transaction. */
type Batch = {
  sources: ImportedSource[];
  rejections: NewRejection[];
  /** Sources plus rejected rows: what `total` counts. */
  units: number;
  rejected: number;
  redacted: number;
  firstLine: number | null;
  lastLine: number;
  progress: number;
};

const emptyBatch = (): Batch => ({ sources: [], rejections: [], units: 0, rejected: 0, redacted: 0, firstLine: null, lastLine: 0, progress: 0 });

/**
 * Values that end up in unique indexes must fit in an index entry (PostgreSQL refuses entries
 * above ~2.7 kB, which would fail a whole batch): a row with a longer id, email or company
 * name is rejected on its own instead.
 */
const KEY_MAX_BYTES = 1_000;

function oversizedKey(source: ImportedSource): string | null {
  const keys: Array<[string, string | null | undefined]> = [
    ['The external id', source.externalId],
    ['The customer email', source.customer?.email],
    ['The customer external id', source.customer?.externalId],
    ['The company name', source.customer?.company?.name],
  ];
  for (const [what, value] of keys) {
    const bytes = value ? Buffer.byteLength(value) : 0;
    if (bytes > KEY_MAX_BYTES) return `${what} is ${bytes} bytes long; the limit is ${KEY_MAX_BYTES}`;
  }
  return null;
}

/** Why the import rejects the row (the importer's reason, else a key too long to store); null when it takes it. */
export function rejectionOf(row: ImportRow): string | null {
  if ('error' in row) return row.error;
  return row.sources.map(oversizedKey).find((problem) => problem !== null) ?? null;
}

function addRow(batch: Batch, row: ImportRow, job: ImportJob) {
  batch.firstLine ??= row.line;
  batch.lastLine = row.line;
  const rejection = (line: number, message: string, raw: string): NewRejection => ({ workspaceId: job.actor.workspaceId, importId: job.importId, line, message, raw });
  const rejected = rejectionOf(row);
  if (rejected !== null || !('sources' in row)) {
    batch.rejections.push(rejection(row.line, rejected ?? '', row.raw));
    batch.rejected += 1;
    batch.units += 1;
    return;
  }
  for (const source of row.sources) {
    batch.sources.push(source);
    batch.redacted += source.redactions ?? 0;
    // Parts of a file skipped while the rest imported (a malformed cue): listed, not counted as rejected rows.
    for (const warning of source.warnings ?? []) batch.rejections.push(rejection(warning.line, warning.message, ''));
  }
  batch.units += row.sources.length;
}

/** The batch's sources in chunks that one upsertSources call takes (a survey row yields several). */
function chunksOf(batch: Batch): ImportedSource[][] {
  const chunks: ImportedSource[][] = [];
  for (let from = 0; from < batch.sources.length; from += IMPORT_BATCH_SIZE) chunks.push(batch.sources.slice(from, from + IMPORT_BATCH_SIZE));
  return chunks;
}

/** Matches or creates the customers of a batch's sources, chunk by chunk. */
async function matchBatchCustomers(tx: Executor, job: ImportJob, batch: Batch, memo: CustomerMemo): Promise<Array<Array<string | null>>> {
  const ids: Array<Array<string | null>> = [];
  for (const chunk of chunksOf(batch)) ids.push(await matchCustomers(tx, job.actor.workspaceId, chunk.map((source) => source.customer), memo));
  return ids;
}

type Written = Pick<CountsDelta, 'created' | 'updated' | 'unchangedFrom'>;

/**
 * Writes a batch's sources (with customers matched beforehand, when given) and its rejected rows.
 * Counts the unchanged sources by the earlier import that last wrote them: they stay with it, so
 * the report can link there. A source an earlier batch of this import wrote is no earlier import's.
 */
async function writeBatch(tx: Executor, job: ImportJob, batch: Batch, customerIds?: Array<Array<string | null>>): Promise<Written> {
  const written: Written = { created: 0, updated: 0, unchangedFrom: {} };
  // A transcript imported under the old identity scheme takes its new id first, so the upsert updates it instead of adding a copy.
  for (const source of batch.sources) {
    if (source.formerExternalIds) await importsRepository.rekeyFormerSource(tx, job.actor.workspaceId, source.kind, source.externalId!, source.formerExternalIds);
  }
  for (const [index, chunk] of chunksOf(batch).entries()) {
    const result = await upsertSources(tx, job.actor, chunk, { importId: job.importId, customerIds: customerIds?.[index] });
    written.created += result.created;
    written.updated += result.updated;
    for (const importId of result.unchangedImportIds) {
      if (importId !== null && importId !== job.importId) written.unchangedFrom[importId] = (written.unchangedFrom[importId] ?? 0) + 1;
    }
  }
  await importsRepository.insertRejections(tx, batch.rejections);
  return written;
}

/** The import's counts and progress: the last statement of a batch, in file order. */
async function countBatch(tx: Executor, job: ImportJob, batch: Batch, written: Written) {
  await importsRepository.addCounts(tx, job.actor.workspaceId, job.importId, {
    total: batch.units,
    ...written,
    rejected: batch.rejected,
    redacted: batch.redacted,
    progress: batch.progress,
  });
}

async function commitBatch(db: Db, job: ImportJob, batch: Batch) {
  await db.transaction(async (tx) => countBatch(tx, job, batch, await writeBatch(tx, job, batch)));
}

/** Bytes handed to the parser so far: the progress of a streamed file. */
async function* countBytes(source: AsyncIterable<Buffer>, counter: { read: number }): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    counter.read += chunk.length;
    yield chunk;
  }
}

/**
 * Two imports (or an import and the webhook) may lock the same new customers or companies in
 * opposite orders; PostgreSQL then aborts one transaction, which is tried again. Two batches
 * of one import committing side by side may wait on each other's rows (`LOCK_WAIT_MAX`).
 */
const LOCK_RETRIES = 3;
const LOCK_CONFLICTS = new Set(['40P01', '55P03']); // deadlock detected, lock not available

const isLockConflict = (error: unknown) => LOCK_CONFLICTS.has(sqlStateOf(error) ?? '');

async function commitWithRetries(db: Db, job: ImportJob, batch: Batch): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await commitBatch(db, job, batch);
    } catch (error) {
      if (!isLockConflict(error) || attempt === LOCK_RETRIES) throw error;
    }
  }
}

/**
 * Batches in the database at once. Writing a batch (its search vectors above all) keeps one
 * PostgreSQL backend busy; two side by side use a second core (`npm run bench -- import`).
 * PGlite runs transactions one at a time, so there they simply follow each other.
 */
const BATCHES_IN_FLIGHT = 2;
/**
 * A batch that waits this long for a row lock gives up and is tried again alone: should the
 * batch after it hold the lock, that one waits for this one to commit, a wait PostgreSQL
 * cannot see. The ordering below keeps this from happening; this is the safety net.
 */
const LOCK_WAIT_MAX = '5s';

class PreviousBatchFailedError extends Error {}

/** A batch on its way to the database. */
type Commit = {
  batch: Batch;
  /** Settles once the batch's customers are matched (or its attempt failed before). */
  customersMatched: Promise<void>;
  /** The first attempt, made beside the batch before: resolves once committed. */
  attempt: Promise<void>;
  /** The batch's final outcome, as a value: null once stored, else why it was not. Never rejects. */
  outcome: Promise<unknown>;
};

function sharesSources(earlier: Batch, later: Batch): boolean {
  const keys = new Set(earlier.sources.map(sourceKey).filter((key) => key !== null));
  return later.sources.some((source) => keys.has(sourceKey(source) ?? ''));
}

/**
 * Commits a batch in file order, beside the batch before it, so that whatever stops an import
 * still leaves every line before some line stored and nothing after it:
 * 1. customers are matched, and new ones committed, after the batch before committed its own
 *    (a requester new in both is created by the earlier one; the later one finds it), and
 *    remembered for the batches after (`CustomerMemo`). Should the sources then fail, those
 *    customers stay, without sources: a re-import matches them;
 * 2. sources are written at the same time as the batch before writes its own — unless the
 *    two share a ticket, then after it commits — with the search vocabulary changes held back;
 * 3. once the batch before has committed: the vocabulary changes, the counts, the commit.
 * When the first attempt fails on a lock, or because the batch before failed its own, the
 * batch waits for the one before to settle for good and is tried again alone.
 */
function startCommit(db: Db, job: ImportJob, batch: Batch, previous: Commit | null, memo: CustomerMemo): Commit {
  let markCustomersMatched = () => {};
  const customersMatched = new Promise<void>((resolve) => (markCustomersMatched = resolve));
  const previousCommitted = async () => {
    await previous?.attempt.catch(() => {
      throw new PreviousBatchFailedError();
    });
  };
  const attempt = (async () => {
    await previous?.customersMatched;
    // Committed at once, so the next batch's new requesters never wait for these sources.
    const customerIds = await db.transaction((tx) => matchBatchCustomers(tx, job, batch, memo));
    chunksOf(batch).forEach((chunk, index) => rememberCustomers(memo, chunk.map((source) => source.customer), customerIds[index]!));
    markCustomersMatched();
    await db.transaction(async (tx) => {
      await importsRepository.holdBackSearchTerms(tx, LOCK_WAIT_MAX);
      if (previous && sharesSources(previous.batch, batch)) await previousCommitted();
      const written = await writeBatch(tx, job, batch, customerIds);
      await previousCommitted();
      await importsRepository.foldSearchTerms(tx);
      await countBatch(tx, job, batch, written);
    });
  })();
  void attempt.finally(markCustomersMatched).catch(() => {}); // handled through `outcome` (and by the next batch)
  const outcome = attempt.then(
    () => null,
    async (error: unknown) => {
      const previousFailure = await previous?.outcome;
      if (previousFailure) return new PreviousBatchFailedError();
      if (!(error instanceof PreviousBatchFailedError) && !isLockConflict(error)) return error;
      return commitWithRetries(db, job, batch).then(
        () => null,
        (failure: unknown) => failure ?? new Error('commit failed'),
      );
    },
  );
  return { batch, customersMatched, attempt, outcome };
}

/** Where an import stopped: the last line stored, and the first line from which nothing was. */
type StopPoint = { anyStored: boolean; storedThrough: number; notStoredFrom: number };

class ImportStoppedError extends Error {
  constructor(
    readonly reason: unknown,
    readonly where: StopPoint,
  ) {
    super('import stopped');
  }
}

class BatchFailedError extends Error {
  constructor(
    readonly reason: unknown,
    readonly batch: Batch,
  ) {
    super('a batch failed to commit');
  }
}

/**
 * Reads the file through its importer and commits it in batches: each batch is one short
 * transaction (sources, rejected rows, counts and progress), up to BATCHES_IN_FLIGHT at a time,
 * committed in file order (`startCommit`). The next batch is parsed while earlier ones commit,
 * never inside a transaction.
 */
async function readAndCommit(db: Db, job: ImportJob, shouldStop: () => boolean): Promise<void> {
  const fileSize = Math.max(1, (await fs.promises.stat(job.filePath)).size);
  const bytes = { read: 0 };
  const stored = { any: false, through: 0 };
  let lastReadLine = 0;
  let batch = emptyBatch();
  const inFlight: Commit[] = [];
  const memo = createCustomerMemo();

  const settleOldest = async () => {
    const oldest = inFlight.shift()!;
    const error = await oldest.outcome;
    if (error) throw new BatchFailedError(error, oldest.batch);
    stored.any = true;
    stored.through = oldest.batch.lastLine;
  };
  const send = async (sealed: Batch) => {
    if (inFlight.length === BATCHES_IN_FLIGHT) await settleOldest();
    if (shouldStop()) throw new ImportInterruptedError();
    inFlight.push(startCommit(db, job, sealed, inFlight.at(-1) ?? null, memo));
    batch = emptyBatch();
  };

  try {
    const legacyFileNames = job.format === 'transcript' ? await importsRepository.listLegacyTranscriptFileNames(db, job.actor.workspaceId) : [];
    const stream = fs.createReadStream(job.filePath);
    for await (const row of importFile(job.format, job.fileName, countBytes(stream, bytes), { ...toImporterOptions(job.options), legacyFileNames })) {
      addRow(batch, row, job);
      lastReadLine = row.line;
      if (batch.units >= IMPORT_BATCH_SIZE) {
        batch.progress = Math.min(1, bytes.read / fileSize);
        await send(batch);
      }
    }
    batch.progress = 1;
    await send(batch);
    while (inFlight.length) await settleOldest();
  } catch (error) {
    const unsentFrom = batch.firstLine ?? lastReadLine + 1;
    // Batches after a failed one roll back; let every transaction end before reporting.
    const pending = inFlight.splice(0);
    await Promise.all(pending.map((commit) => commit.outcome));
    if (error instanceof BatchFailedError) {
      throw new ImportStoppedError(error.reason, { anyStored: stored.any, storedThrough: stored.through, notStoredFrom: error.batch.firstLine ?? unsentFrom });
    }
    // A parse error or an interruption: batches still committing may yet have landed.
    let notStoredFrom = unsentFrom;
    for (const commit of pending) {
      if (await commit.outcome) {
        notStoredFrom = commit.batch.firstLine ?? unsentFrom;
        break;
      }
      stored.any = true;
      stored.through = commit.batch.lastLine;
    }
    throw new ImportStoppedError(error, { anyStored: stored.any, storedThrough: stored.through, notStoredFrom });
  }
}

function describeFailure(stopped: ImportStoppedError, job: ImportJob, log: ImportLogger): string {
  const { reason: cause, where } = stopped;
  let reason: string;
  if (cause instanceof ImportFileError) reason = cause.message;
  else if (cause instanceof ImportInterruptedError) reason = INTERRUPTED_FAILURE;
  else {
    // Internals (SQL, stack) stay in the log; the person sees where the file stopped.
    log.error({ err: cause, importId: job.importId }, 'import failed');
    reason = `An unexpected error stopped the import (reference ${job.importId})`;
  }
  if (!where.anyStored) return `${reason}. Nothing was stored.`;
  return `${reason}. Rows up to line ${where.storedThrough} were imported; nothing from line ${where.notStoredFrom} on was stored.`;
}

/** How a CSV import reads its file, found before the first row is: kept with the import. */
type CsvSetup = { layout: CsvLayout; scoreScale: ScoreScale | undefined };

/**
 * CSV formats: the encoding, delimiter and header, read from the file's first rows, and a
 * survey's score scale — the one chosen, else the one the preview infers for the score column
 * from the same first rows the parser would. Throws ImportFileError for a file that is no CSV.
 */
async function detectCsvSetup(job: ImportJob): Promise<CsvSetup | null> {
  if (job.format !== 'tickets-csv' && job.format !== 'survey-csv') return null;
  const preview = await previewFile(job.format, job.fileName, fs.createReadStream(job.filePath));
  if (!('columns' in preview)) return null;
  const layout = { encoding: preview.encoding, delimiter: preview.delimiter, columns: preview.columns };
  if (job.format !== 'survey-csv') return { layout, scoreScale: undefined };
  const scoreColumn = (job.options.mapping as SurveyCsvMapping | undefined)?.score ?? (preview.suggestedMapping as Partial<SurveyCsvMapping>).score;
  const inferred = scoreColumn !== undefined && Object.hasOwn(preview.scoreScales, scoreColumn) ? preview.scoreScales[scoreColumn] : undefined;
  return { layout, scoreScale: job.options.scoreScale ?? inferred };
}

function summarize(row: importsRepository.ImportRecord): string {
  const unchanged = row.total - row.created - row.updated - row.rejected;
  const redacted = row.redacted ? `, ${row.redacted} PII redactions` : '';
  return `${row.created} created, ${row.updated} updated, ${unchanged} unchanged, ${row.rejected} rejected${redacted}`;
}

/** Search's totals are estimated from the planner's statistics (ADR 005): fresh right after an import, not a minute later. */
async function analyzeImported(db: Db, row: importsRepository.ImportRecord, log: ImportLogger) {
  await analyzeChangedTables(db, { sources: row.created + row.updated }).catch((error: unknown) => log.error({ err: error, importId: row.id }, 'could not analyze the imported sources'));
}

/**
 * Processes one import from start to finish and records how it ended. Never throws for a
 * broken file or a failing batch: those end as a `failed` import that says what was stored.
 */
export async function runImport(db: Db, job: ImportJob, log: ImportLogger, shouldStop: () => boolean = () => false): Promise<void> {
  const { actor, importId } = job;
  let failure: string | null = null;
  try {
    await importsRepository.update(db, actor.workspaceId, importId, { status: 'running' });
    try {
      const setup = await detectCsvSetup(job);
      // The scale decided here is the one every answer is stored with and the one the import reports (`ImportSummary.scoreScale`): kept in the import's options, beside the layout, so no column is needed.
      const options: ImportOptions = setup?.scoreScale ? { ...job.options, scoreScale: setup.scoreScale } : job.options;
      if (setup) await importsRepository.update(db, actor.workspaceId, importId, { options: { ...options, detected: setup.layout } });
      await readAndCommit(db, { ...job, options }, shouldStop);
    } catch (error) {
      failure = describeFailure(
        error instanceof ImportStoppedError ? error : new ImportStoppedError(error, { anyStored: false, storedThrough: 0, notStoredFrom: 1 }),
        job,
        log,
      );
    }
    const ended = await db.transaction(async (tx) => {
      const row = await importsRepository.update(tx, actor.workspaceId, importId, {
        status: failure ? 'failed' : 'done',
        failure,
        finishedAt: new Date(),
        ...(failure ? {} : { progress: 1 }),
      });
      await recordAudit(tx, actor, {
        action: failure ? 'import.fail' : 'import.complete',
        objectType: 'import',
        objectId: importId,
        summary: failure ? `Import of “${job.fileName}” failed (${summarize(row)}): ${failure}` : `Imported “${job.fileName}” (${job.format}): ${summarize(row)}`,
      });
      return row;
    });
    await analyzeImported(db, ended, log);
  } catch (error) {
    // The database itself is gone (shut down mid-import): the restart sweep will mark it failed.
    log.error({ err: error, importId }, 'could not record how an import ended');
  } finally {
    await job.removeFile?.();
  }
}

export type ImportScheduler = BackgroundJobs<ImportJob>;

/** Runs imports in the background of this process (lib/background-jobs). */
export function createImportScheduler(db: Db, log: ImportLogger): ImportScheduler {
  return createBackgroundJobs({
    name: 'import',
    idOf: (job) => job.importId,
    run: (job, signal) => runImport(db, job, log, () => signal.aborted),
    touch: (ids) => importsRepository.touch(db, ids),
    failAbandoned: (staleBefore, runningHere) => importsRepository.failAbandoned(db, staleBefore, runningHere, INTERRUPTED_FAILURE),
    log,
  });
}
