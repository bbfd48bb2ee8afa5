/**
 * Accounts and sessions: registration, login, refresh-token rotation, logout, the profile, and the
 * bearer check behind `app.authenticate`. Every rule of API.md that JSON Schema cannot express
 * (trimming, lower-casing, code-point lengths, URL schemes, paired password fields) lives here.
 */
import type { FastifyBaseLogger } from 'fastify';
import { FIELD_LIMITS, codePoints, hasControlCharacter, isWellFormed, type LoginBody, type ProfileBody, type RegisterBody, type TokenResponse, type User } from '@marquee/contracts';
import type { Database } from '../../db/database.js';
import type { Redis } from '../../lib/redis.js';
import { conflict, forbidden, invalidCredentials, invalidField, unauthorized } from '../../errors.js';
import type { Caller } from '../../domain/caller.js';
import type { AccessTokenVerifier } from '../../plugins/auth.js';
import { AuthRepository, type UserRow } from './auth.repository.js';
import { createCounterStore } from './counter-store.js';
import { LiveSessions } from './live-sessions.js';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle, type ThrottleLimits } from './login-throttle.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AccessTokens,
  REFRESH_TOKEN_TTL_SECONDS,
  SESSION_TTL_SECONDS,
  hashRefreshToken,
  newRefreshToken,
} from './tokens.js';

export interface AuthServiceDeps {
  database: Database;
  jwtSecret: string;
  /** Shares the throttle counters between instances; null keeps them in-process. */
  redis: Redis | null;
  log: FastifyBaseLogger;
  /** The ids `User.watchlist` lists (the watchlist module owns that table). */
  watchlist: WatchlistIds;
  limits?: Partial<ThrottleLimits>;
}

/** What the auth module needs of My List. */
export interface WatchlistIds {
  /** Title ids of the user's list, newest first. */
  ids(userId: string): Promise<number[]>;
}

/** Emails compare and are stored trimmed and lower-cased (the syntax itself is checked by the schema). */
function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (codePoints(email) > FIELD_LIMITS.email.max) throw invalidField('/email', `must be at most ${FIELD_LIMITS.email.max} characters`);
  return email;
}

/** Names are stored trimmed, within FIELD_LIMITS.name; no control characters anywhere in what was sent. */
function normaliseName(raw: string): string {
  if (!isWellFormed(raw)) throw invalidField('/name', 'must be valid Unicode text');
  if (hasControlCharacter(raw)) throw invalidField('/name', 'must not contain control characters');
  const name = raw.trim();
  const length = codePoints(name);
  if (length < FIELD_LIMITS.name.min) throw invalidField('/name', 'must not be blank');
  if (length > FIELD_LIMITS.name.max) throw invalidField('/name', `must be at most ${FIELD_LIMITS.name.max} characters`);
  return name;
}

/**
 * Passwords are used exactly as typed; the schema bounds them to 8…128 code points. A string with
 * a lone surrogate has no UTF-8 form (it would be hashed as U+FFFD), so it is refused rather than
 * silently changed.
 */
function checkPassword(path: string, password: string): string {
  if (!isWellFormed(password)) throw invalidField(path, 'must be valid Unicode text');
  return password;
}

/** An absolute http(s) URL of at most 2048 characters, or null. */
function checkAvatar(raw: string | null): string | null {
  if (raw === null) return null;
  if (codePoints(raw) > FIELD_LIMITS.avatarUrl.max) throw invalidField('/avatar', `must be at most ${FIELD_LIMITS.avatarUrl.max} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidField('/avatar', 'must be an absolute https: or http: URL');
  }
  // `new URL` forgives surrounding spaces; a stored avatar must be the exact URL it names.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || raw.trim() !== raw || !url.hostname) {
    throw invalidField('/avatar', 'must be an absolute https: or http: URL');
  }
  return raw;
}

/** A user row as every route shows it: no password hash, ISO 8601 UTC timestamps. */
export function toUser(row: UserRow, watchlist: number[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    avatar: row.avatar,
    watchlist,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);
const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** The token of an `Authorization: Bearer …` header. */
function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer +([\w.~+/-]+=*) *$/i.exec(authorization ?? '')?.[1];
}

export class AuthService implements AccessTokenVerifier {
  private readonly repo: AuthRepository;
  private readonly tokens: AccessTokens;
  private readonly live: LiveSessions;
  private readonly throttle: LoginThrottle;
  private readonly watchlist: WatchlistIds;

  constructor(deps: AuthServiceDeps) {
    this.watchlist = deps.watchlist;
    this.repo = new AuthRepository(deps.database.db);
    this.tokens = new AccessTokens(deps.jwtSecret);
    this.live = new LiveSessions(this.repo, deps.database.changes);
    this.throttle = new LoginThrottle(createCounterStore(deps.redis, deps.log), { ...DEFAULT_THROTTLE_LIMITS, ...deps.limits });
  }

  /** Creates an account and signs it in. 400 on invalid fields, 409 when the email is taken, 429 past the per-client limit. */
  async register(body: RegisterBody, client: string): Promise<TokenResponse> {
    await this.throttle.registration(client);
    const email = normaliseEmail(body.email);
    const name = normaliseName(body.name);
    const password = checkPassword('/password', body.password);
    const passwordHash = await hashPassword(password);
    const user = await this.repo.insertUserIfEmailFree({ email, name, passwordHash });
    if (!user) throw conflict('EMAIL_TAKEN', 'An account with this email already exists.');
    return this.startSession(user, []);
  }

  /**
   * Signs in. An unknown email and a wrong password get the same 401 after the same work (a
   * dummy hash is verified), so neither the body nor the timing tells which one it was.
   */
  async login(body: LoginBody, client: string): Promise<TokenResponse> {
    const email = body.email.trim().toLowerCase();
    await this.throttle.check(email, client);
    const user = codePoints(email) <= FIELD_LIMITS.email.max ? await this.repo.findUserByEmail(email) : undefined;
    const matches = user && isWellFormed(body.password) ? await verifyPassword(user.passwordHash, body.password) : await verifyAgainstDummy(body.password);
    if (!user || !matches) {
      await this.throttle.failed(email, client);
      throw invalidCredentials();
    }
    await this.throttle.succeeded(email);
    return this.startSession(user, await this.watchlist.ids(user.id));
  }

  /**
   * Rotates a refresh token: the presented one is marked used and a new one issued in the same
   * transaction. A token that was already used revokes its whole session (someone holds a copy).
   */
  async refresh(refreshToken: string | undefined): Promise<TokenResponse> {
    if (!refreshToken) throw unauthorized('A refresh token is required.');
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await this.repo.transaction(async (tx) => {
      const presented = await tx.consumeRefreshToken(tokenHash);
      if (!presented) {
        const reusedIn = await tx.sessionOfUsedRefreshToken(tokenHash);
        if (reusedIn && (await tx.revokeSession(reusedIn, 'reuse'))) return { kind: 'reused' as const, sessionId: reusedIn };
        return { kind: 'refused' as const };
      }
      const session = await tx.findLiveSession(presented.sessionId);
      const user = session && (await tx.findUserById(session.userId));
      if (!session || !user) return { kind: 'refused' as const };
      const next = newRefreshToken();
      await tx.insertRefreshToken({
        tokenHash: hashRefreshToken(next),
        sessionId: session.id,
        expiresAt: earlier(secondsFromNow(REFRESH_TOKEN_TTL_SECONDS), session.expiresAt),
      });
      return { kind: 'rotated' as const, user, sessionId: session.id, refreshToken: next };
    });
    if (outcome.kind === 'reused') this.live.revoked([outcome.sessionId]);
    if (outcome.kind !== 'rotated') throw unauthorized('The refresh token is invalid, expired or revoked.');
    return this.tokenResponse(outcome.user, await this.watchlist.ids(outcome.user.id), outcome.sessionId, outcome.refreshToken);
  }

  /** Ends the caller's session: its access and refresh tokens are refused from the next request on. */
  async logout(caller: Caller): Promise<void> {
    await this.repo.revokeSession(caller.sessionId, 'logout');
    this.live.revoked([caller.sessionId]);
  }

  /** The caller's account. */
  async me(caller: Caller): Promise<User> {
    const user = await this.repo.findUserById(caller.userId);
    if (!user) throw unauthorized();
    return toUser(user, await this.watchlist.ids(user.id));
  }

  /**
   * Changes name, avatar and/or password. An empty body changes nothing (200 with the user as is).
   * A password change needs the current password and revokes the user's other sessions; the
   * calling session keeps working. Wrong current passwords count as failed logins of the account
   * (same limits, same 429), so a stolen access token cannot be used to guess the password.
   */
  async updateProfile(caller: Caller, body: ProfileBody, client: string): Promise<User> {
    const patch: { name?: string; avatar?: string | null; passwordHash?: string } = {};
    if (body.name !== undefined) patch.name = normaliseName(body.name);
    if (body.avatar !== undefined) patch.avatar = checkAvatar(body.avatar);
    const { current_password: currentPassword, new_password: newPassword } = body;
    if (newPassword !== undefined && currentPassword === undefined) throw invalidField('/current_password', 'is required to set new_password');
    if (currentPassword !== undefined && newPassword === undefined) throw invalidField('/new_password', 'is required with current_password');
    if (newPassword !== undefined) checkPassword('/new_password', newPassword);
    if (Object.keys(patch).length === 0 && newPassword === undefined) return this.me(caller);

    const user = await this.repo.findUserById(caller.userId);
    if (!user) throw unauthorized();
    if (newPassword !== undefined && currentPassword !== undefined) {
      await this.throttle.check(user.email, client);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        await this.throttle.failed(user.email, client);
        throw forbidden('WRONG_PASSWORD', 'The current password is incorrect.');
      }
      await this.throttle.succeeded(user.email);
      patch.passwordHash = await hashPassword(newPassword);
    }
    const { updated, revoked } = await this.repo.transaction(async (tx) => ({
      updated: await tx.updateUser(user.id, patch),
      revoked: patch.passwordHash ? await tx.revokeOtherSessions(user.id, caller.sessionId, 'password_change') : [],
    }));
    this.live.revoked(revoked);
    if (!updated) throw unauthorized();
    return toUser(updated, await this.watchlist.ids(user.id));
  }

  /** `app.authenticate`: a valid HS256 access token whose session is live in the store, else 401. */
  async verify(authorization: string | undefined): Promise<Caller> {
    const token = bearerToken(authorization);
    const claims = token ? await this.tokens.verify(token) : null;
    if (!claims || !(await this.live.isLive(claims.sessionId, claims.userId))) throw unauthorized();
    return claims;
  }

  /** A new session (rotation family) with its first refresh token. */
  private async startSession(user: UserRow, watchlist: number[]): Promise<TokenResponse> {
    const refreshToken = newRefreshToken();
    const session = await this.repo.transaction(async (tx) => {
      const created = await tx.createSession(user.id, secondsFromNow(SESSION_TTL_SECONDS));
      await tx.insertRefreshToken({
        tokenHash: hashRefreshToken(refreshToken),
        sessionId: created.id,
        expiresAt: secondsFromNow(REFRESH_TOKEN_TTL_SECONDS),
      });
      return created;
    });
    return this.tokenResponse(user, watchlist, session.id, refreshToken);
  }

  private async tokenResponse(user: UserRow, watchlist: number[], sessionId: string, refreshToken: string): Promise<TokenResponse> {
    return {
      access_token: await this.tokens.sign({ userId: user.id, sessionId }),
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      refresh_token: refreshToken,
      user: toUser(user, watchlist),
    };
  }
}
