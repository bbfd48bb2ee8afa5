/**
 * "Who is calling, and may they?" — asked on every authenticated request: is the session a token
 * names still live, still on the token's profile, and what is that profile's limit now? Answered
 * from an in-process cache of live sessions when the database's change feed allows it.
 *
 * A revocation, a profile switch or a profile change made here drops what it affects at once,
 * after it commits. One made by another instance sharing PostgreSQL reaches this one through the
 * change feed (a notification PostgreSQL sends at commit); while the feed is not listening, every
 * check is a primary-key lookup. With PGlite this process is the only writer, so its own changes
 * are all there is.
 */
import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../../db/change-feed.js';
import type { Caller } from '../../domain/caller.js';
import type { AuthRepository } from './auth.repository.js';
import type { AccessClaims } from './tokens.js';

interface LiveSession {
  /** The caller a valid token for this session resolves to (frozen: shared by every request). */
  caller: Caller;
  /** The session's absolute expiry, in milliseconds. */
  expiresAt: number;
}

export class LiveSessions {
  private readonly cache = new LRUCache<string, LiveSession>({ max: 10_000 });
  /**
   * Bumped by every invalidation. A lookup that started before an invalidation may have read the
   * session as it was just before the change committed; it must not cache that answer.
   */
  private epoch = 0;

  constructor(
    private readonly repo: AuthRepository,
    private readonly changes: ChangeFeed,
  ) {
    changes.subscribe((change) => {
      if (change.kind === 'session') this.revoked([change.id]);
      else if (change.kind === 'profile') this.profileChanged(change.id);
      else if (change.kind === 'reset') this.forgetAll();
    });
  }

  /**
   * The caller of a verified token: its session exists, is not revoked, has not expired, belongs to
   * the token's account and is still on the token's profile. Null otherwise.
   */
  async caller(claims: AccessClaims): Promise<Caller | null> {
    const trusted = this.changes.trusted;
    const cached = trusted ? this.cache.get(claims.sessionId) : undefined;
    if (cached) {
      if (cached.expiresAt > Date.now()) return matches(cached.caller, claims) ? cached.caller : null;
      this.cache.delete(claims.sessionId);
    }
    const epoch = this.epoch;
    const session = await this.repo.findLiveSession(claims.sessionId);
    if (!session) return null;
    const caller: Caller = Object.freeze({
      userId: session.userId,
      sessionId: session.id,
      profileId: session.profileId,
      maturity: session.maturity,
      kids: session.kids,
      role: session.role,
    });
    if (trusted && this.changes.trusted && epoch === this.epoch) this.cache.set(session.id, { caller, expiresAt: session.expiresAt.getTime() });
    return matches(caller, claims) ? caller : null;
  }

  /** Forgets sessions that were revoked or changed; call it after the change has committed. */
  revoked(sessionIds: Iterable<string>): void {
    this.epoch += 1;
    for (const id of sessionIds) this.cache.delete(id);
  }

  /** Forgets every session on a profile that changed (its limit) or is gone; call it after the commit. */
  profileChanged(profileId: string): void {
    this.epoch += 1;
    for (const [sessionId, live] of this.cache.entries()) {
      if (live.caller.profileId === profileId) this.cache.delete(sessionId);
    }
  }

  private forgetAll(): void {
    this.epoch += 1;
    this.cache.clear();
  }
}

const matches = (caller: Caller, claims: AccessClaims) => caller.userId === claims.userId && caller.profileId === claims.profileId;
