/** Where a scheduler reports what went wrong in the background: the app's logger, or the console of a script. */
export type JobLogger = { error: (details: object, message: string) => void };

export type BackgroundJobs<Job> = {
  /** Runs the job in the background of this process, once one of its `concurrency` slots is free. */
  start: (job: Job) => void;
  /** Asks one job to stop: a working one at its next checkpoint, a waiting one at once; resolves once it has. */
  stop: (id: string) => Promise<void>;
  /** Fails jobs that a previous (or crashed) process left queued or running. */
  sweep: () => Promise<void>;
  /** Stops taking work, asks every job (working or waiting) to stop, and waits for them. */
  close: () => Promise<void>;
};

export type BackgroundJobsOptions<Job> = {
  /** What the log calls these jobs ("import", "cluster run"). */
  name: string;
  idOf: (job: Job) => string;
  /**
   * Does the work and records how it ended; `signal` aborts when the job is stopped or the process
   * closes. A job stopped while it waits for a slot is run at once with `signal` already aborted,
   * so that it records that it stopped.
   */
  run: (job: Job, signal: AbortSignal) => Promise<void>;
  /** Marks the jobs of this process (working or waiting) as alive. */
  touch: (ids: string[]) => Promise<void>;
  /** Fails live jobs not touched since `staleBefore`, except the ones of this process; returns their ids. */
  failAbandoned: (staleBefore: Date, aliveHere: string[]) => Promise<Array<{ id: string }>>;
  log: JobLogger;
  /** How many jobs work at once; the others wait their turn, first come first served. No limit when left out. */
  concurrency?: number;
};

/** Jobs not touched for this long are nobody's any more (their process died). */
const STALE_MS = 30_000;
/** How often the jobs of this process say they are alive, and abandoned ones are looked for. */
export const HEARTBEAT_MS = 10_000;

/**
 * Runs long work (imports, cluster runs) in the background of this process, at most
 * `concurrency` jobs at once. Jobs working or waiting for a slot are touched every few seconds,
 * so any process — this one after a restart, or another one sharing the database — can tell an
 * abandoned job from one that is still being worked on or waited for. The state lives in
 * PostgreSQL, so the work could move to worker processes (pg-boss) without changing it.
 */
export function createBackgroundJobs<Job>(options: BackgroundJobsOptions<Job>): BackgroundJobs<Job> {
  const { name, idOf, run, touch, failAbandoned, log, concurrency = Number.POSITIVE_INFINITY } = options;
  /** Every job of this process, working or waiting for a slot. */
  const alive = new Map<string, { done: Promise<void>; controller: AbortController }>();
  /** Jobs waiting for a slot, oldest first: each takes the slot it is handed. */
  const waiting: Array<() => void> = [];
  let working = 0;
  let closing = false;

  const release = () => {
    working -= 1;
    waiting.shift()?.();
  };
  /** Resolves once the job holds a slot (true), or once it is stopped while it waits (false: it takes none). */
  const acquire = (signal: AbortSignal) =>
    new Promise<boolean>((resolve) => {
      if (signal.aborted) return resolve(false);
      if (working < concurrency) {
        working += 1;
        return resolve(true);
      }
      const take = () => {
        signal.removeEventListener('abort', leave);
        working += 1;
        resolve(true);
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(take), 1);
        resolve(false);
      };
      waiting.push(take);
      signal.addEventListener('abort', leave, { once: true });
    });

  const sweep = async () => {
    const failed = await failAbandoned(new Date(Date.now() - STALE_MS), [...alive.keys()]);
    if (failed.length) log.error({ ids: failed.map((row) => row.id) }, `marked abandoned ${name}s as failed`);
  };
  const timer = setInterval(() => {
    touch([...alive.keys()])
      .then(sweep)
      .catch((error: unknown) => log.error({ err: error }, `${name} heartbeat failed`));
  }, HEARTBEAT_MS);
  timer.unref();

  return {
    start(job) {
      const id = idOf(job);
      const controller = new AbortController();
      if (closing) controller.abort();
      const done = acquire(controller.signal)
        .then((holdsSlot) => run(job, controller.signal).finally(() => holdsSlot && release()))
        .catch((error: unknown) => log.error({ err: error, id }, `${name} failed unexpectedly`))
        .finally(() => alive.delete(id));
      alive.set(id, { done, controller });
    },
    async stop(id) {
      const job = alive.get(id);
      if (!job) return;
      job.controller.abort();
      await job.done;
    },
    sweep,
    async close() {
      closing = true;
      clearInterval(timer);
      for (const job of alive.values()) job.controller.abort();
      await Promise.all([...alive.values()].map((job) => job.done));
    },
  };
}
