import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LOGIN_MAX_FAILURES } from '@cairn/shared';
import { AppError } from '../../errors.js';

/**
 * Counts failed sign-ins per email and per address. Only failures count, so a person who
 * signs in correctly is never slowed down; a blocked key answers 429 with Retry-After
 * even for the right password, until its window passes.
 */
export class LoginLimiter {
  private readonly failures: RateLimiterMemory;

  constructor(windowMs: number, maxFailures = LOGIN_MAX_FAILURES) {
    this.failures = new RateLimiterMemory({ points: maxFailures, duration: Math.ceil(windowMs / 1000) });
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const states = await Promise.all([this.failures.get(`email:${email}`), this.failures.get(`ip:${ip}`)]);
    const blocked = states.filter((s): s is RateLimiterRes => s !== null && s.remainingPoints <= 0);
    if (blocked.length) {
      const retryAfter = Math.max(...blocked.map((s) => Math.ceil(s.msBeforeNext / 1000)));
      throw new AppError('rate_limited', `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, undefined, {
        'retry-after': String(retryAfter),
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.failures.penalty(`email:${email}`), this.failures.penalty(`ip:${ip}`)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.failures.delete(`email:${email}`);
  }
}
