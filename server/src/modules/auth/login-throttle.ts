/**
 * Brute-force limits of API.md: after 10 failed logins for one email within 15 minutes, that email
 * answers 429 until the window passes — even with the right password; one client address gets at
 * most 30 failed logins per 15 minutes; registration is limited per client address per minute.
 *
 * An attempt is counted *before* the password is checked (and taken back when it succeeds), so
 * concurrent guesses cannot slip past the limit while their hashes are being verified.
 */
import { createHash } from 'node:crypto';
import { tooManyRequests } from '../../errors.js';
import type { CounterStore } from './counter-store.js';

export interface ThrottleLimits {
  /** Failed logins per email per window before 429. */
  perEmail: number;
  /** Failed logins per client address per window before 429. */
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

/** A login attempt in progress: report its outcome exactly once. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

export class LoginThrottle {
  constructor(
    private readonly store: CounterStore,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
  ) {}

  /**
   * Counts an attempt for `email` from `ip` as failed until `succeeded()` is called; throws 429
   * (with Retry-After) when either limit is already used up.
   */
  async begin(email: string, ip: string): Promise<LoginAttempt> {
    const { windowSeconds } = this.limits;
    const [byEmail, byClient] = await Promise.all([
      this.store.hit(emailKey(email), windowSeconds),
      this.store.hit(clientKey(ip), windowSeconds),
    ]);
    const blocked = [
      byEmail.count > this.limits.perEmail ? byEmail.resetInSeconds : 0,
      byClient.count > this.limits.perClient ? byClient.resetInSeconds : 0,
    ];
    const retryAfter = Math.max(...blocked);
    if (retryAfter > 0) throw tooManyRequests(retryAfter, 'RATE_LIMITED', 'Too many failed sign-in attempts; try again later.');
    return {
      succeeded: async () => {
        // A success resets the email's run of failures and is not a failure of the client.
        await Promise.all([this.store.reset(emailKey(email)), this.store.undo(clientKey(ip))]);
      },
    };
  }

  /** Counts a registration from `ip`; throws 429 past the per-minute limit. */
  async registration(ip: string): Promise<void> {
    const state = await this.store.hit(registerKey(ip), 60);
    if (state.count > this.limits.registrationsPerMinute) {
      throw tooManyRequests(state.resetInSeconds, 'RATE_LIMITED', 'Too many registrations from this address; try again later.');
    }
  }
}
