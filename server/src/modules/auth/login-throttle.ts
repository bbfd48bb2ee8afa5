/**
 * Brute-force limits of API.md: after 10 failed logins for one email within 15 minutes, that email
 * answers 429 until the window passes — even with the right password; one client address gets at
 * most 30 failed logins per 15 minutes; registration is limited per client address per minute.
 *
 * Only failures count, so any number of concurrent *successful* logins to one account pass. A
 * failure is counted atomically after the password check, and the failure that goes past a limit
 * is answered 429 instead of 401: however many guesses arrive at once, at most 10 (per email) are
 * ever answered "wrong password", and a right password that finishes after the limit is reached
 * is refused too. Windows are fixed: they start at the first failure and are never extended.
 */
import { createHash } from 'node:crypto';
import { tooManyRequests, type AppError } from '../../errors.js';
import type { CounterState, CounterStore } from '../../lib/counter-store.js';

export interface ThrottleLimits {
  /** Failed logins per email per window; the next attempt gets 429. */
  perEmail: number;
  /** Failed logins per client address per window; the next attempt gets 429. */
  perClient: number;
  /** The login window, in seconds. */
  windowSeconds: number;
  /** Registrations per client address per minute. */
  registrationsPerMinute: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  perEmail: 10,
  perClient: 30,
  windowSeconds: 15 * 60,
  registrationsPerMinute: 30,
};

// Keys name a digest of the email, so the store never holds addresses in clear.
const emailKey = (email: string) => `auth:login:email:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
const clientKey = (ip: string) => `auth:login:client:${ip}`;
const registerKey = (ip: string) => `auth:register:client:${ip}`;

const loginLimited = (retryAfterSeconds: number): AppError =>
  tooManyRequests(retryAfterSeconds, 'RATE_LIMITED', 'Too many failed sign-in attempts; try again later.');

export class LoginThrottle {
  constructor(
    private readonly store: CounterStore,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
  ) {}

  /** Throws 429 (with Retry-After) when the email or the client has used up its failures. */
  async check(email: string, ip: string): Promise<void> {
    const [byEmail, byClient] = await Promise.all([this.store.peek(emailKey(email)), this.store.peek(clientKey(ip))]);
    this.throwIfOver(byEmail, this.limits.perEmail - 1, byClient, this.limits.perClient - 1);
  }

  /** Counts a failed attempt; throws 429 instead of letting the caller answer 401 when it went past a limit. */
  async failed(email: string, ip: string): Promise<void> {
    const { windowSeconds } = this.limits;
    const [byEmail, byClient] = await Promise.all([
      this.store.hit(emailKey(email), windowSeconds),
      this.store.hit(clientKey(ip), windowSeconds),
    ]);
    this.throwIfOver(byEmail, this.limits.perEmail, byClient, this.limits.perClient);
  }

  /**
   * A right password: throws 429 if the email's failures reached the limit while it was being
   * checked, else resets the email's run of failures.
   */
  async succeeded(email: string): Promise<void> {
    const byEmail = await this.store.peek(emailKey(email));
    if (byEmail.count >= this.limits.perEmail) throw loginLimited(byEmail.resetInSeconds);
    if (byEmail.count > 0) await this.store.reset(emailKey(email));
  }

  /** Counts a registration from `ip`; throws 429 past the per-minute limit. */
  async registration(ip: string): Promise<void> {
    const state = await this.store.hit(registerKey(ip), 60);
    if (state.count > this.limits.registrationsPerMinute) {
      throw tooManyRequests(state.resetInSeconds, 'RATE_LIMITED', 'Too many registrations from this address; try again later.');
    }
  }

  private throwIfOver(byEmail: CounterState, emailAllowed: number, byClient: CounterState, clientAllowed: number): void {
    const retryAfter = Math.max(
      byEmail.count > emailAllowed ? byEmail.resetInSeconds : 0,
      byClient.count > clientAllowed ? byClient.resetInSeconds : 0,
    );
    if (retryAfter > 0) throw loginLimited(retryAfter);
  }
}
