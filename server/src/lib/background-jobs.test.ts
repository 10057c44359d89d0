import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundJobs, HEARTBEAT_MS, type BackgroundJobsOptions } from './background-jobs.js';

/** A job the test ends by hand once it runs (`finish`, or `fail`); `signal` is what the scheduler ran it with. */
type TestJob = { id: string; started: boolean; signal?: AbortSignal; finish: () => void; fail: () => void };

const job = (id: string): TestJob => ({ id, started: false, finish: () => {}, fail: () => {} });

/** A scheduler whose jobs work until the test finishes them or they are stopped. */
function scheduler(overrides: Partial<BackgroundJobsOptions<TestJob>> = {}) {
  const log = { error: vi.fn() };
  const jobs = createBackgroundJobs<TestJob>({
    name: 'test job',
    idOf: (job) => job.id,
    run: (job, signal) =>
      new Promise<void>((resolve, reject) => {
        job.started = true;
        job.signal = signal;
        job.finish = resolve;
        job.fail = () => reject(new Error('broke'));
        signal.addEventListener('abort', () => resolve());
        if (signal.aborted) resolve();
      }),
    touch: vi.fn(async () => {}),
    failAbandoned: vi.fn(async () => []),
    log,
    ...overrides,
  });
  return { jobs, log };
}

/** Lets the scheduler's promise chains settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('background jobs with a concurrency limit', () => {
  it('runs one job at a time: the next waits until the one working ends, fails or is stopped', async () => {
    const { jobs, log } = scheduler({ concurrency: 1 });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(job) as [TestJob, TestJob, TestJob, TestJob];
    for (const each of [a, b, c, d]) jobs.start(each);
    await settle();
    expect([a, b, c, d].map((each) => each.started)).toEqual([true, false, false, false]);

    a.finish();
    await settle();
    expect([b.started, c.started]).toEqual([true, false]);
    // A job that fails frees its slot too, and so does one stopped while it works.
    b.fail();
    await settle();
    expect([c.started, d.started]).toEqual([true, false]);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }), 'test job failed unexpectedly');
    await jobs.stop('c');
    await settle();
    expect(d.started).toBe(true);
    await jobs.close();
  });

  it('runs a job stopped while it waits at once with its signal aborted, taking no slot', async () => {
    const { jobs } = scheduler({ concurrency: 1 });
    const [a, b, c] = [job('a'), job('b'), job('c')];
    for (const each of [a, b, c]) jobs.start(each);
    await settle();

    await jobs.stop('b');
    expect(b.started).toBe(true);
    expect(b.signal?.aborted).toBe(true);
    // The slot is still the working job's; the one after the stopped job waits for it.
    expect([a.signal?.aborted, c.started]).toEqual([false, false]);
    a.finish();
    await settle();
    expect(c.started).toBe(true);
    await jobs.close();
  });

  it('runs every job at once when no limit is set', async () => {
    const { jobs } = scheduler();
    const all = ['a', 'b', 'c'].map(job);
    for (const each of all) jobs.start(each);
    await settle();
    expect(all.map((each) => each.started)).toEqual([true, true, true]);
    await jobs.close();
  });

  it('keeps waiting jobs alive: the heartbeat touches them and the sweep spares them', async () => {
    vi.useFakeTimers();
    const touch = vi.fn(async () => {});
    const failAbandoned = vi.fn(async () => []);
    const { jobs } = scheduler({ concurrency: 1, touch, failAbandoned });
    jobs.start(job('a'));
    jobs.start(job('b'));
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(touch).toHaveBeenCalledWith(['a', 'b']);
    expect(failAbandoned).toHaveBeenCalledWith(expect.any(Date), ['a', 'b']);
    await jobs.close();
  });

  it('stops the working and the waiting jobs on close, and waits for them', async () => {
    const { jobs } = scheduler({ concurrency: 1 });
    const [a, b] = [job('a'), job('b')];
    jobs.start(a);
    jobs.start(b);
    await settle();
    await jobs.close();
    expect([a.signal?.aborted, b.signal?.aborted]).toEqual([true, true]);
    // Started after close, a job is run only to record that it stopped.
    const late = job('late');
    jobs.start(late);
    await jobs.stop('late');
    expect(late.signal?.aborted).toBe(true);
  });
});
