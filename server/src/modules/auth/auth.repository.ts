/**
 * Storage of users, sessions and refresh tokens. Methods are named by intent; the service decides
 * when to group them in a transaction (`transaction(fn)` hands it a repository bound to one).
 */
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { MaturityLevel, Role } from '@marquee/contracts';
import type { Db } from '../../db/database.js';
import { profiles, refreshTokens, sessions, users } from '../../db/schema.js';
import { ProfilesRepository } from './profiles.repository.js';

export type UserRow = typeof users.$inferSelect;

/** A live session and the profile it is on: what the per-request check needs. */
export interface SessionRow {
  id: string;
  userId: string;
  profileId: string;
  expiresAt: Date;
  maturity: MaturityLevel;
  kids: boolean;
  role: Role;
}

/** Why a session ended, kept in `sessions.revoked_reason`. */
export type RevokeReason = 'logout' | 'reuse' | 'password_change' | 'disabled' | 'deleted';

/** The advisory lock key that serialises registrations (any constant unique to this purpose). */
const REGISTRATION_LOCK = 0x6d617271; // "marq"

export class AuthRepository {
  constructor(private readonly db: Db) {}

  /** Runs `fn` in one transaction, with repositories bound to it (and the transaction itself, for collaborators). */
  transaction<T>(fn: (repo: AuthRepository, profiles: ProfilesRepository, tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new AuthRepository(tx as unknown as Db), new ProfilesRepository(tx as unknown as Db), tx as unknown as Db));
  }

  /**
   * Serialises registrations until the transaction ends, so exactly one first account becomes the
   * owner and a registration policy is read and applied by one registration at a time.
   */
  async lockRegistrations(): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(${REGISTRATION_LOCK})`);
  }

  /** Whether any account exists yet. */
  async anyUser(): Promise<boolean> {
    const [row] = await this.db.select({ id: users.id }).from(users).limit(1);
    return row !== undefined;
  }

  /** Every account, oldest first (the owner is the oldest). */
  async listUsers(): Promise<UserRow[]> {
    return this.db.select().from(users).orderBy(asc(users.createdAt), asc(users.id));
  }

  /** Marks an account disabled (a date) or enabled (null); the updated row, if it exists. */
  async setDisabled(id: string, disabled: boolean): Promise<UserRow | undefined> {
    const [row] = await this.db
      .update(users)
      .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    return row;
  }

  /** Revokes every live session of the user; returns the revoked ids. */
  async revokeAllSessions(userId: string, reason: RevokeReason): Promise<string[]> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.map((row) => row.id);
  }

  /** Deletes an account: its profiles, lists, sessions and tokens go with it (foreign keys cascade). */
  async deleteUser(id: string): Promise<boolean> {
    const rows = await this.db.delete(users).where(eq(users.id, id)).returning({ id: users.id });
    return rows.length > 0;
  }

  /** Inserts a user; null when the email (compared lower-cased) is already registered. */
  async insertUserIfEmailFree(user: { email: string; name: string; passwordHash: string; role: Role }): Promise<UserRow | null> {
    const [row] = await this.db.insert(users).values(user).onConflictDoNothing().returning();
    return row ?? null;
  }

  /** The user with this (already lower-cased) email, through the `lower(email)` unique index. */
  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    return row;
  }

  async findUserById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  /** Applies a profile change and stamps `updated_at`. */
  async updateUser(id: string, patch: { name?: string; avatar?: string | null; passwordHash?: string }): Promise<UserRow | undefined> {
    const [row] = await this.db
      .update(users)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    return row;
  }

  /** A new session of `userId` on `profileId`; its id. */
  async createSession(userId: string, profileId: string, expiresAt: Date): Promise<string> {
    const [row] = await this.db.insert(sessions).values({ userId, profileId, expiresAt }).returning({ id: sessions.id });
    if (!row) throw new Error('session insert returned no row');
    return row.id;
  }

  /** Moves a live session onto another profile of its account; false when the session is not live. */
  async moveSession(sessionId: string, profileId: string): Promise<boolean> {
    const rows = await this.db
      .update(sessions)
      .set({ profileId })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  /**
   * Marks every unused refresh token of a session used (a switch rotates the session's refresh
   * token like a refresh does: the old one is dead, and presenting it again is reuse).
   */
  async useRefreshTokensOf(sessionId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.sessionId, sessionId), isNull(refreshTokens.usedAt)));
  }

  async insertRefreshToken(token: { tokenHash: string; sessionId: string; expiresAt: Date }): Promise<void> {
    await this.db.insert(refreshTokens).values(token);
  }

  /**
   * Marks an unused refresh token used and returns it — atomically, so of several concurrent
   * callers with the same token exactly one gets the row. Undefined when it is unknown or used.
   */
  async consumeRefreshToken(tokenHash: string): Promise<{ sessionId: string; expiresAt: Date } | undefined> {
    const [row] = await this.db
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), gt(refreshTokens.expiresAt, sql`now()`)))
      .returning({ sessionId: refreshTokens.sessionId, expiresAt: refreshTokens.expiresAt });
    return row;
  }

  /** The session of a refresh token that was already used, if the token is known at all. */
  async sessionOfUsedRefreshToken(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.tokenHash, tokenHash), sql`${refreshTokens.usedAt} is not null`))
      .limit(1);
    return row?.sessionId;
  }

  /**
   * The session and its profile's limit, if it exists, is not revoked and has not passed its
   * absolute expiry (primary-key lookups).
   */
  async findLiveSession(id: string): Promise<SessionRow | undefined> {
    const [row] = await this.db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        profileId: sessions.profileId,
        expiresAt: sessions.expiresAt,
        maturity: profiles.maturity,
        kids: profiles.kids,
        role: users.role,
      })
      .from(sessions)
      .innerJoin(profiles, eq(profiles.id, sessions.profileId))
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)))
      .limit(1);
    return row;
  }

  /** Revokes one session; true when it was live until now. */
  async revokeSession(id: string, reason: RevokeReason): Promise<boolean> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  /** Revokes every live session of the user but `keepId`; returns the revoked ids. */
  async revokeOtherSessions(userId: string, keepId: string, reason: RevokeReason): Promise<string[]> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.map((row) => row.id);
  }
}
