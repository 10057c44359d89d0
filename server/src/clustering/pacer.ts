import type { ClusterOptions } from './index.js';

/** Work on the API's main thread gives the event loop a turn at least this often. */
const SLICE_MS = 10;
/** Loops whose steps cost less than reading the clock read it on every this many steps (a power of two). */
const CHEAP_STEPS_PER_CHECK = 64;
/** Progress is reported at most this often, plus once at the end. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Clustering runs inside the API process. Long loops ask `due()` (cheap) and, once their time
 * slice is spent, `await pause(fraction)`: HTTP requests get through, an abort is noticed, and
 * progress is reported. A run is a sequence of steps, each filling a fixed share of the progress bar.
 */
export class Pacer {
  private sliceStart = performance.now();
  private lastReportAt = -Infinity;
  private reported = 0;
  private stepStart = 0;
  private stepShare = 0;

  constructor(private readonly options: ClusterOptions) {
    options.signal?.throwIfAborted();
  }

  /** Starts the next step, which fills `share` of the progress bar (fractions passed to `pause` are of this step). */
  step(share: number) {
    this.stepStart += this.stepShare;
    this.stepShare = share;
  }

  /** Whether the time slice is spent; for loops whose steps take at most a few milliseconds. */
  due(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  /** `due()` for loops whose steps take well under a microsecond, where reading the clock on each would double their cost. */
  dueAt(step: number): boolean {
    return (step & (CHEAP_STEPS_PER_CHECK - 1)) === 0 && this.due();
  }

  async pause(fraction: number) {
    this.report(fraction);
    await new Promise((resolve) => setImmediate(resolve));
    this.options.signal?.throwIfAborted();
    this.sliceStart = performance.now();
  }

  finish() {
    this.options.onProgress?.(1);
  }

  private report(fraction: number) {
    const now = performance.now();
    const value = Math.min(1, this.stepStart + this.stepShare * Math.min(1, Math.max(0, fraction)));
    if (value <= this.reported || now - this.lastReportAt < PROGRESS_INTERVAL_MS) return;
    this.reported = value;
    this.lastReportAt = now;
    this.options.onProgress?.(value);
  }
}
