/**
 * "Is this session still live?" — asked on every authenticated request, answered from an
 * in-process cache of live sessions when the database's change feed allows it.
 *
 * A revocation made here drops the session at once, after it commits. One made by another
 * instance sharing PostgreSQL reaches this one through the change feed (a notification PostgreSQL
 * sends at commit); while the feed is not listening, every check is a primary-key lookup. With
 * PGlite this process is the only writer, so its own revocations are all there is.
 */
import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../../db/change-feed.js';
import type { AuthRepository, SessionRow } from './auth.repository.js';

export class LiveSessions {
  private readonly cache = new LRUCache<string, SessionRow>({ max: 10_000 });
  /**
   * Bumped by every invalidation. A lookup that started before an invalidation may have read the
   * session as live just before the revocation committed; it must not cache that answer.
   */
  private epoch = 0;

  constructor(
    private readonly repo: AuthRepository,
    private readonly changes: ChangeFeed,
  ) {
    changes.subscribe((change) => {
      if (change.kind === 'session') this.revoked([change.id]);
      else if (change.kind === 'reset') {
        this.epoch += 1;
        this.cache.clear();
      }
    });
  }

  /** True when the session exists, belongs to `userId`, is not revoked and has not expired. */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const trusted = this.changes.trusted;
    const cached = trusted ? this.cache.get(sessionId) : undefined;
    if (cached) {
      if (cached.expiresAt.getTime() > Date.now()) return cached.userId === userId;
      this.cache.delete(sessionId);
    }
    const epoch = this.epoch;
    const session = await this.repo.findLiveSession(sessionId);
    if (!session) return false;
    if (trusted && this.changes.trusted && epoch === this.epoch) this.cache.set(sessionId, session);
    return session.userId === userId;
  }

  /** Forgets revoked sessions; call it after the revocation has committed. */
  revoked(sessionIds: Iterable<string>): void {
    this.epoch += 1;
    for (const id of sessionIds) this.cache.delete(id);
  }
}
