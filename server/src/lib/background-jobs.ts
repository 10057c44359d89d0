/** Where a scheduler reports what went wrong in the background: the app's logger, or the console of a script. */
export type JobLogger = { error: (details: object, message: string) => void };

export type BackgroundJobs<Job> = {
  /** Runs the job in the background of this process. */
  start: (job: Job) => void;
  /** Asks one running job to stop at its next checkpoint; resolves once it has. */
  stop: (id: string) => Promise<void>;
  /** Fails jobs that a previous (or crashed) process left queued or running. */
  sweep: () => Promise<void>;
  /** Stops taking work, asks running jobs to stop at their next checkpoint, and waits for them. */
  close: () => Promise<void>;
};

export type BackgroundJobsOptions<Job> = {
  /** What the log calls these jobs ("import", "cluster run"). */
  name: string;
  idOf: (job: Job) => string;
  /** Does the work and records how it ended; `signal` aborts when the job is stopped or the process closes. */
  run: (job: Job, signal: AbortSignal) => Promise<void>;
  /** Marks the jobs running here as alive. */
  touch: (ids: string[]) => Promise<void>;
  /** Fails live jobs not touched since `staleBefore`, except the ones running here; returns their ids. */
  failAbandoned: (staleBefore: Date, runningHere: string[]) => Promise<Array<{ id: string }>>;
  log: JobLogger;
};

/** Jobs not touched for this long are nobody's any more (their process died). */
const STALE_MS = 30_000;
/** How often running jobs say they are alive, and abandoned ones are looked for. */
const HEARTBEAT_MS = 10_000;

/**
 * Runs long work (imports, cluster runs) in the background of this process. Running jobs are
 * touched every few seconds, so any process — this one after a restart, or another one sharing
 * the database — can tell an abandoned job from one that is still being worked on. The state
 * lives in PostgreSQL, so the work could move to worker processes (pg-boss) without changing it.
 */
export function createBackgroundJobs<Job>(options: BackgroundJobsOptions<Job>): BackgroundJobs<Job> {
  const { name, idOf, run, touch, failAbandoned, log } = options;
  const running = new Map<string, { done: Promise<void>; controller: AbortController }>();
  let closing = false;

  const sweep = async () => {
    const failed = await failAbandoned(new Date(Date.now() - STALE_MS), [...running.keys()]);
    if (failed.length) log.error({ ids: failed.map((row) => row.id) }, `marked abandoned ${name}s as failed`);
  };
  const timer = setInterval(() => {
    touch([...running.keys()])
      .then(sweep)
      .catch((error: unknown) => log.error({ err: error }, `${name} heartbeat failed`));
  }, HEARTBEAT_MS);
  timer.unref();

  return {
    start(job) {
      const id = idOf(job);
      const controller = new AbortController();
      if (closing) controller.abort();
      const done = run(job, controller.signal)
        .catch((error: unknown) => log.error({ err: error, id }, `${name} failed unexpectedly`))
        .finally(() => running.delete(id));
      running.set(id, { done, controller });
    },
    async stop(id) {
      const job = running.get(id);
      if (!job) return;
      job.controller.abort();
      await job.done;
    },
    sweep,
    async close() {
      closing = true;
      clearInterval(timer);
      for (const job of running.values()) job.controller.abort();
      await Promise.all([...running.values()].map((job) => job.done));
    },
  };
}
