import fs from 'node:fs';
import { IMPORT_BATCH_SIZE, type ImportFormat, type ImportOptions } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import { ImportFileError, importFile, previewFile, type ImportedSource, type ImportOptions as ImporterOptions, type ImportRow } from '../../importers/index.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { upsertSources } from '../sources/sources.service.js';
import * as importsRepository from './imports.repository.js';
import type { NewRejection } from './imports.repository.js';
import { createIdentityAssigner } from './source-identity.js';

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

/** Where unexpected failures are reported: the app's logger, or the console of a script. */
export type ImportLogger = { error: (details: object, message: string) => void };

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

function addRow(batch: Batch, row: ImportRow, job: ImportJob, assignIdentity: (source: ImportedSource) => ImportedSource) {
  batch.firstLine ??= row.line;
  batch.lastLine = row.line;
  const rejection = (line: number, message: string, raw: string): NewRejection => ({ workspaceId: job.actor.workspaceId, importId: job.importId, line, message, raw });
  const oversized = 'sources' in row ? row.sources.map(oversizedKey).find((problem) => problem !== null) : null;
  if ('error' in row || oversized) {
    batch.rejections.push(rejection(row.line, 'error' in row ? row.error : oversized!, row.raw));
    batch.rejected += 1;
    batch.units += 1;
    return;
  }
  for (const source of row.sources) {
    batch.sources.push(assignIdentity(source));
    batch.redacted += source.redactions ?? 0;
    // Parts of a file skipped while the rest imported (a malformed cue): listed, not counted as rejected rows.
    for (const warning of source.warnings ?? []) batch.rejections.push(rejection(warning.line, warning.message, ''));
  }
  batch.units += row.sources.length;
}

async function commitBatch(db: Db, job: ImportJob, batch: Batch) {
  await db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    // A survey row yields several sources, so a batch may hold a little more than one call takes.
    for (let from = 0; from < batch.sources.length; from += IMPORT_BATCH_SIZE) {
      const result = await upsertSources(tx, job.actor, batch.sources.slice(from, from + IMPORT_BATCH_SIZE), { importId: job.importId });
      created += result.created;
      updated += result.updated;
    }
    await importsRepository.insertRejections(tx, batch.rejections);
    await importsRepository.addCounts(tx, job.actor.workspaceId, job.importId, {
      total: batch.units,
      created,
      updated,
      rejected: batch.rejected,
      redacted: batch.redacted,
      progress: batch.progress,
    });
  });
}

/** Bytes handed to the parser so far: the progress of a streamed file. */
async function* countBytes(source: AsyncIterable<Buffer>, counter: { read: number }): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    counter.read += chunk.length;
    yield chunk;
  }
}

/**
 * Batches committing at once, each in its own short transaction (on PostgreSQL, its own
 * connection): the file is parsed ahead while they commit, and the database works on two
 * batches in parallel.
 */
const BATCHES_IN_FLIGHT = 2;
/** Two batches may lock the same new customers or companies in opposite orders; PostgreSQL then aborts one, and it is tried again. */
const DEADLOCK_RETRIES = 3;
const DEADLOCK_DETECTED = '40P01';

function isDeadlock(error: unknown): boolean {
  // Drizzle wraps the driver's error: look one level down too.
  const codeOf = (value: unknown) => (value as { code?: unknown } | null)?.code;
  return codeOf(error) === DEADLOCK_DETECTED || codeOf((error as { cause?: unknown } | null)?.cause) === DEADLOCK_DETECTED;
}

async function commitWithRetries(db: Db, job: ImportJob, batch: Batch): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await commitBatch(db, job, batch);
    } catch (error) {
      if (!isDeadlock(error) || attempt === DEADLOCK_RETRIES) throw error;
    }
  }
}

/** Which lines made it into the database when an import stopped. */
type StopPoint = { anyStored: boolean; storedThrough: number; notStoredFrom: number; storedAfter: { from: number; to: number } | null };

class ImportStoppedError extends Error {
  constructor(
    readonly reason: unknown,
    readonly where: StopPoint,
  ) {
    super('import stopped');
  }
}

class BatchFailedError extends Error {
  constructor(readonly reason: unknown) {
    super('a batch failed to commit');
  }
}

function stopPoint(committed: Batch[], notStored: number[]): StopPoint {
  const notStoredFrom = Math.min(...notStored);
  const before = committed.filter((batch) => batch.lastLine < notStoredFrom);
  const after = committed.filter((batch) => batch.firstLine !== null && batch.firstLine > notStoredFrom);
  return {
    anyStored: committed.length > 0,
    storedThrough: Math.max(0, ...before.map((batch) => batch.lastLine)),
    notStoredFrom,
    storedAfter: after.length ? { from: Math.min(...after.map((batch) => batch.firstLine!)), to: Math.max(...after.map((batch) => batch.lastLine)) } : null,
  };
}

/**
 * Reads the file through its importer and commits it in batches: each batch is one short
 * transaction (sources, rejected rows, counts and progress). Parsing never happens inside a
 * transaction; the next batches are parsed while earlier ones commit.
 */
async function readAndCommit(db: Db, job: ImportJob, shouldStop: () => boolean): Promise<void> {
  const fileSize = Math.max(1, (await fs.promises.stat(job.filePath)).size);
  const bytes = { read: 0 };
  const assignIdentity = createIdentityAssigner(job.fileName);
  const committed: Batch[] = [];
  const failed: Batch[] = [];
  // Each outcome resolves to the commit's error or null, never rejects: an error waits, as a
  // value, until its turn to be read (a rejected promise nobody awaits yet would crash Node).
  const sent: Array<{ batch: Batch; outcome: Promise<unknown> }> = [];
  let lastReadLine = 0;
  let batch = emptyBatch();

  const settleOldest = async () => {
    const oldest = sent.shift()!;
    const error = await oldest.outcome;
    (error ? failed : committed).push(oldest.batch);
    if (error) throw new BatchFailedError(error);
  };
  const send = async (sealed: Batch) => {
    while (sent.length >= BATCHES_IN_FLIGHT) await settleOldest();
    if (shouldStop()) throw new ImportInterruptedError();
    sent.push({ batch: sealed, outcome: commitWithRetries(db, job, sealed).then(() => null, (error: unknown) => error ?? new Error('commit failed')) });
    batch = emptyBatch();
  };

  try {
    const stream = fs.createReadStream(job.filePath);
    for await (const row of importFile(job.format, job.fileName, countBytes(stream, bytes), toImporterOptions(job.options))) {
      addRow(batch, row, job, assignIdentity);
      lastReadLine = row.line;
      if (batch.units >= IMPORT_BATCH_SIZE) {
        batch.progress = Math.min(1, bytes.read / fileSize);
        await send(batch);
      }
    }
    batch.progress = 1;
    await send(batch);
    while (sent.length) await settleOldest();
  } catch (error) {
    // Whatever is still committing may land: wait for it, so no transaction outlives the import.
    for (const { batch: pending, outcome } of sent.splice(0)) ((await outcome) ? failed : committed).push(pending);
    const unsent = batch.firstLine ?? lastReadLine + 1;
    const where = stopPoint(committed, [unsent, ...failed.map((item) => item.firstLine ?? unsent)]);
    throw new ImportStoppedError(error instanceof BatchFailedError ? error.reason : error, where);
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
  const stored = where.storedThrough ? `Rows up to line ${where.storedThrough} were imported; nothing` : 'Nothing';
  const except = where.storedAfter ? ` except lines ${where.storedAfter.from}–${where.storedAfter.to}` : '';
  return `${reason}. ${stored} from line ${where.notStoredFrom} on was stored${except}.`;
}

/** CSV formats: the encoding, delimiter and header, read from the file's first rows. Throws ImportFileError for a file that is no CSV. */
async function detectCsvLayout(job: ImportJob): Promise<CsvLayout | null> {
  if (job.format !== 'tickets-csv' && job.format !== 'survey-csv') return null;
  const preview = await previewFile(job.format, job.fileName, fs.createReadStream(job.filePath));
  return 'columns' in preview ? { encoding: preview.encoding, delimiter: preview.delimiter, columns: preview.columns } : null;
}

function summarize(row: importsRepository.ImportRow): string {
  const unchanged = row.total - row.created - row.updated - row.rejected;
  const redacted = row.redacted ? `, ${row.redacted} PII redactions` : '';
  return `${row.created} created, ${row.updated} updated, ${unchanged} unchanged, ${row.rejected} rejected${redacted}`;
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
      const layout = await detectCsvLayout(job);
      if (layout) await importsRepository.update(db, actor.workspaceId, importId, { options: { ...job.options, detected: layout } });
      await readAndCommit(db, job, shouldStop);
    } catch (error) {
      failure = describeFailure(
        error instanceof ImportStoppedError ? error : new ImportStoppedError(error, { anyStored: false, storedThrough: 0, notStoredFrom: 1, storedAfter: null }),
        job,
        log,
      );
    }
    await db.transaction(async (tx) => {
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
    });
  } catch (error) {
    // The database itself is gone (shut down mid-import): the restart sweep will mark it failed.
    log.error({ err: error, importId }, 'could not record how an import ended');
  } finally {
    await job.removeFile?.();
  }
}

/** Imports not written for this long are nobody's any more (their process died). */
export const IMPORT_STALE_MS = 30_000;
/** How often running imports say they are alive, and abandoned ones are looked for. */
const IMPORT_HEARTBEAT_MS = 10_000;

export type ImportScheduler = {
  /** Processes the import in the background of this process. */
  start: (job: ImportJob) => void;
  /** Fails imports a previous (or crashed) process left queued or running. */
  sweep: () => Promise<void>;
  /** Stops taking work, lets running imports end at their next batch, and waits for them. */
  close: () => Promise<void>;
};

/**
 * Runs imports in the background of this process. Running imports are touched every few
 * seconds, so any process — this one after a restart, or another one sharing the
 * database — can tell an abandoned import from one that is still being worked on.
 */
export function createImportScheduler(db: Db, log: ImportLogger): ImportScheduler {
  const running = new Map<string, Promise<void>>();
  let closing = false;

  const sweep = async () => {
    const failed = await importsRepository.failAbandoned(db, new Date(Date.now() - IMPORT_STALE_MS), [...running.keys()], INTERRUPTED_FAILURE);
    if (failed.length) log.error({ importIds: failed.map((row) => row.id) }, 'marked abandoned imports as failed');
  };
  const timer = setInterval(() => {
    importsRepository
      .touch(db, [...running.keys()])
      .then(sweep)
      .catch((error: unknown) => log.error({ err: error }, 'import heartbeat failed'));
  }, IMPORT_HEARTBEAT_MS);
  timer.unref();

  return {
    start(job) {
      const done = runImport(db, job, log, () => closing).finally(() => running.delete(job.importId));
      running.set(job.importId, done);
    },
    sweep,
    async close() {
      closing = true;
      clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
