import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { LOGIN_MAX_FAILURES } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import { loginFailures } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';

/**
 * Counts failed sign-ins per email and per address. Each attempt reserves a point on both
 * keys before the (slow) password check, so a burst of parallel guesses cannot slip past the
 * limit; a successful sign-in gives its point back, so only failures count. A blocked key
 * answers 429 with Retry-After even for the right password, until its window passes.
 *
 * The counts live in the database (`login_failures`), so several API processes share one quota.
 */
export class LoginLimiter {
  private readonly failures: RateLimiterDrizzle;

  constructor(db: Db, windowMs: number, maxFailures = LOGIN_MAX_FAILURES) {
    this.failures = new RateLimiterDrizzle({ storeClient: db, schema: loginFailures, points: maxFailures, duration: Math.ceil(windowMs / 1000) });
  }

  /** Takes one attempt from both keys, or answers 429 when either has none left. */
  async reserveAttempt(email: string, ip: string): Promise<void> {
    const results = await Promise.allSettled([this.failures.consume(emailKey(email)), this.failures.consume(ipKey(ip))]);
    const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (!refusals.length) return;
    const blocked = refusals.map((reason) => {
      if (reason instanceof RateLimiterRes) return reason;
      throw reason;
    });
    const retryAfter = Math.max(1, ...blocked.map((state) => Math.ceil(state.msBeforeNext / 1000)));
    throw new AppError('rate_limited', `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, undefined, {
      'retry-after': String(retryAfter),
    });
  }

  /** The attempt succeeded: the email starts afresh and the address gets its point back. */
  async releaseAttempt(email: string, ip: string): Promise<void> {
    await Promise.all([this.failures.delete(emailKey(email)), this.failures.reward(ipKey(ip), 1)]);
  }
}

const emailKey = (email: string) => `email:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;
