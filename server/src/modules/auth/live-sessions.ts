/**
 * "Is this session still live?" — asked on every authenticated request.
 *
 * With PostgreSQL several instances may share the database, and any of them may revoke a session,
 * so every check is a primary-key lookup. With PGlite this process is the only one that can open
 * the data directory, so every revocation happens here: an in-process cache of live sessions,
 * invalidated synchronously by each revocation after it commits, is exact and saves the query.
 */
import { LRUCache } from 'lru-cache';
import type { AuthRepository, SessionRow } from './auth.repository.js';

export class LiveSessions {
  private readonly cache: LRUCache<string, SessionRow> | null;
  /**
   * Bumped by every invalidation. A lookup that started before an invalidation may have read the
   * session as live just before the revocation committed; it must not cache that answer.
   */
  private epoch = 0;

  constructor(
    private readonly repo: AuthRepository,
    options: { cache: boolean },
  ) {
    this.cache = options.cache ? new LRUCache({ max: 10_000 }) : null;
  }

  /** True when the session exists, belongs to `userId`, is not revoked and has not expired. */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const cached = this.cache?.get(sessionId);
    if (cached) {
      if (cached.expiresAt.getTime() > Date.now()) return cached.userId === userId;
      this.cache?.delete(sessionId);
    }
    const epoch = this.epoch;
    const session = await this.repo.findLiveSession(sessionId);
    if (!session) return false;
    if (this.cache && epoch === this.epoch) this.cache.set(sessionId, session);
    return session.userId === userId;
  }

  /** Forgets revoked sessions; call it after the revocation has committed. */
  revoked(sessionIds: Iterable<string>): void {
    this.epoch += 1;
    for (const id of sessionIds) this.cache?.delete(id);
  }
}
