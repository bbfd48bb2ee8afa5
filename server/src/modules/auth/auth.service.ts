/**
 * Accounts and sessions: registration, login, refresh-token rotation, logout, the profile, and the
 * bearer check behind `app.authenticate`. Every rule of API.md that JSON Schema cannot express
 * (trimming, lower-casing, code-point lengths, URL schemes, paired password fields) lives here.
 */
import {
  FIELD_LIMITS,
  codePoints,
  hasControlCharacter,
  isWellFormed,
  type LoginBody,
  type Member,
  type MaturityLevel,
  type Me,
  type ProfileBody,
  type RegisterBody,
  type TokenResponse,
  type User,
} from '@marquee/contracts';
import type { Database, Db } from '../../db/database.js';
import { conflict, forbidden, invalidCredentials, invalidField, notFound, unauthorized } from '../../errors.js';
import type { Caller } from '../../domain/caller.js';
import type { AccessTokenVerifier } from '../../plugins/auth.js';
import { AuthRepository, type UserRow } from './auth.repository.js';
import { defaultAvatar } from './avatars.js';
import type { CounterStore } from '../../lib/counter-store.js';
import { LiveSessions } from './live-sessions.js';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle, type ThrottleLimits } from './login-throttle.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import { toProfile } from './profiles.js';
import { ProfilesRepository, type ProfileRow } from './profiles.repository.js';
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
  /** Still accepted to verify access tokens, during a rotation. */
  jwtSecretPrevious?: string | null;
  /** The throttles' counters: Redis-backed (shared between instances) or in-process. */
  counters: CounterStore;
  /** The ids `User.watchlist` lists (the watchlist module owns that table). */
  watchlist: WatchlistIds;
  limits?: Partial<ThrottleLimits>;
  /** Who may join: the registration policy and invitations (the admin module decides). */
  admission: Admission;
}

/** What registration asks of the instance's policy, inside its own transaction. */
export interface Admission {
  /**
   * Lets the new account `userId` (not the first one) join, or throws 403 `REGISTRATION_CLOSED` /
   * `INVITATION_REQUIRED`; a valid `invitation` is used up in the same transaction `tx`.
   */
  admit(tx: Db, userId: string, invitation: string | undefined): Promise<void>;
}

/** What the auth module needs of My List. */
export interface WatchlistIds {
  /** Title ids of a profile's list within its limit, newest first. */
  ids(profile: { profileId: string; maturity: MaturityLevel }): Promise<number[]>;
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
    role: row.role,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** An account as the owner's member list shows it. */
export function toMember(row: UserRow): Member {
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabledAt !== null, created_at: row.createdAt.toISOString() };
}

const ownerProtected = () => conflict('OWNER_PROTECTED', 'The owner’s account cannot be disabled or deleted.');

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);
const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** The token of an `Authorization: Bearer …` header. */
function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer +([\w.~+/-]+=*) *$/i.exec(authorization ?? '')?.[1];
}

export class AuthService implements AccessTokenVerifier {
  private readonly repo: AuthRepository;
  private readonly profiles: ProfilesRepository;
  private readonly tokens: AccessTokens;
  private readonly live: LiveSessions;
  private readonly throttle: LoginThrottle;
  private readonly watchlist: WatchlistIds;
  private readonly admission: Admission;

  constructor(deps: AuthServiceDeps) {
    this.watchlist = deps.watchlist;
    this.admission = deps.admission;
    this.repo = new AuthRepository(deps.database.db);
    this.profiles = new ProfilesRepository(deps.database.db);
    this.tokens = new AccessTokens(deps.jwtSecret, deps.jwtSecretPrevious ?? null);
    this.live = new LiveSessions(this.repo, deps.database.changes);
    this.throttle = new LoginThrottle(deps.counters, { ...DEFAULT_THROTTLE_LIMITS, ...deps.limits });
  }

  /**
   * Creates an account and signs it in. 400 on invalid fields, 409 when the email is taken, 429 past
   * the per-client limit, 403 when the registration policy does not let it in. The first account of
   * the instance is its owner and can always register.
   */
  async register(body: RegisterBody, client: string): Promise<TokenResponse> {
    await this.throttle.registration(client);
    const email = normaliseEmail(body.email);
    const name = normaliseName(body.name);
    const password = checkPassword('/password', body.password);
    const passwordHash = await hashPassword(password);
    const refreshToken = newRefreshToken();
    // The account, its owner profile (named after it) and the first session, all or nothing.
    const created = await this.repo.transaction(async (tx, profiles, db) => {
      await tx.lockRegistrations();
      const first = !(await tx.anyUser());
      const user = await tx.insertUserIfEmailFree({ email, name, passwordHash, role: first ? 'owner' : 'member' });
      if (!user) return null;
      if (!first) await this.admission.admit(db, user.id, body.invitation);
      const owner = await profiles.insertOwner({ userId: user.id, name: [...name].slice(0, FIELD_LIMITS.profileName.max).join('').trim(), avatar: defaultAvatar([], user.id) });
      const sessionId = await this.startSession(tx, user.id, owner.id, refreshToken);
      return { user, owner, sessionId };
    });
    if (!created) throw conflict('EMAIL_TAKEN', 'An account with this email already exists.');
    return this.tokenResponse(created.user, created.owner, created.sessionId, refreshToken);
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
    // A disabled account is refused like a wrong password, after the same work.
    if (!user || !matches || user.disabledAt !== null) {
      await this.throttle.failed(email, client);
      throw invalidCredentials();
    }
    await this.throttle.succeeded(email);
    // A new session starts on the owner profile.
    const refreshToken = newRefreshToken();
    const started = await this.repo.transaction(async (tx, profiles) => {
      const owner = await profiles.findOwner(user.id);
      return owner ? { owner, sessionId: await this.startSession(tx, user.id, owner.id, refreshToken) } : null;
    });
    if (!started) throw invalidCredentials();
    return this.tokenResponse(user, started.owner, started.sessionId, refreshToken);
  }

  /**
   * Rotates a refresh token: the presented one is marked used and a new one issued in the same
   * transaction. A token that was already used revokes its whole session (someone holds a copy).
   */
  async refresh(refreshToken: string | undefined): Promise<TokenResponse> {
    if (!refreshToken) throw unauthorized('A refresh token is required.');
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await this.repo.transaction(async (tx, profiles) => {
      const presented = await tx.consumeRefreshToken(tokenHash);
      if (!presented) {
        const reusedIn = await tx.sessionOfUsedRefreshToken(tokenHash);
        if (reusedIn && (await tx.revokeSession(reusedIn, 'reuse'))) return { kind: 'reused' as const, sessionId: reusedIn };
        return { kind: 'refused' as const };
      }
      const session = await tx.findLiveSession(presented.sessionId);
      const user = session && (await tx.findUserById(session.userId));
      const profile = session && (await profiles.find(session.userId, session.profileId));
      if (!session || !user || !profile) return { kind: 'refused' as const };
      const next = newRefreshToken();
      await tx.insertRefreshToken({
        tokenHash: hashRefreshToken(next),
        sessionId: session.id,
        expiresAt: earlier(secondsFromNow(REFRESH_TOKEN_TTL_SECONDS), session.expiresAt),
      });
      return { kind: 'rotated' as const, user, profile, sessionId: session.id, refreshToken: next };
    });
    if (outcome.kind === 'reused') this.live.revoked([outcome.sessionId]);
    if (outcome.kind !== 'rotated') throw unauthorized('The refresh token is invalid, expired or revoked.');
    return this.tokenResponse(outcome.user, outcome.profile, outcome.sessionId, outcome.refreshToken);
  }

  /**
   * Moves the caller's session onto another profile of the account and answers tokens for it: a new
   * access token naming that profile, and a new refresh token (the session's others are used up, as
   * by a refresh). Tokens naming the old profile are refused from now on.
   */
  async switchSession(caller: Caller, profile: ProfileRow): Promise<TokenResponse> {
    const refreshToken = newRefreshToken();
    const moved = await this.repo.transaction(async (tx) => {
      if (!(await tx.moveSession(caller.sessionId, profile.id))) return false;
      await tx.useRefreshTokensOf(caller.sessionId);
      const session = await tx.findLiveSession(caller.sessionId);
      if (!session) return false;
      await tx.insertRefreshToken({
        tokenHash: hashRefreshToken(refreshToken),
        sessionId: caller.sessionId,
        expiresAt: earlier(secondsFromNow(REFRESH_TOKEN_TTL_SECONDS), session.expiresAt),
      });
      return true;
    });
    this.live.revoked([caller.sessionId]);
    const user = moved ? await this.repo.findUserById(caller.userId) : undefined;
    if (!user) throw unauthorized();
    return this.tokenResponse(user, profile, caller.sessionId, refreshToken);
  }

  /**
   * Checks the account password for a sensitive change made with an access token (a new password, a
   * PIN, a raised limit): a wrong one answers 403 WRONG_PASSWORD and counts as a failed sign-in of
   * the account (same limits, same 429), so a stolen access token cannot be used to guess it.
   */
  async confirmPassword(caller: Caller, password: string, client: string): Promise<UserRow> {
    const user = await this.repo.findUserById(caller.userId);
    if (!user) throw unauthorized();
    await this.throttle.check(user.email, client);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.throttle.failed(user.email, client);
      throw forbidden('WRONG_PASSWORD', 'The current password is incorrect.');
    }
    await this.throttle.succeeded(user.email);
    return user;
  }

  /** Forgets cached sessions on a profile that changed or was deleted (after the change committed). */
  profileChanged(profileId: string): void {
    this.live.profileChanged(profileId);
  }

  /** Every account of the instance, oldest (the owner) first. */
  async listMembers(): Promise<Member[]> {
    return (await this.repo.listUsers()).map(toMember);
  }

  /**
   * Disables (every session ends at once: their tokens are refused from the next request on) or
   * enables a member. The owner cannot be disabled: 409 OWNER_PROTECTED. 404 for an unknown id.
   */
  async setMemberDisabled(id: string, disabled: boolean): Promise<Member> {
    const { row, revoked } = await this.repo.transaction(async (tx) => {
      const user = await tx.findUserById(id);
      if (!user) throw notFound('member');
      if (user.role === 'owner') throw ownerProtected();
      const updated = await tx.setDisabled(id, disabled);
      return { row: updated, revoked: disabled ? await tx.revokeAllSessions(id, 'disabled') : [] };
    });
    this.live.revoked(revoked);
    if (!row) throw notFound('member');
    return toMember(row);
  }

  /** Deletes a member with their profiles, lists and sessions. The owner cannot be deleted: 409 OWNER_PROTECTED. */
  async deleteMember(id: string): Promise<void> {
    const revoked = await this.repo.transaction(async (tx) => {
      const user = await tx.findUserById(id);
      if (!user) throw notFound('member');
      if (user.role === 'owner') throw ownerProtected();
      const sessionIds = await tx.revokeAllSessions(id, 'deleted');
      await tx.deleteUser(id);
      return sessionIds;
    });
    this.live.revoked(revoked);
  }

  /** Ends the caller's session: its access and refresh tokens are refused from the next request on. */
  async logout(caller: Caller): Promise<void> {
    await this.repo.revokeSession(caller.sessionId, 'logout');
    this.live.revoked([caller.sessionId]);
  }

  /** The caller's account and the profile their token names. */
  async me(caller: Caller): Promise<Me> {
    const user = await this.repo.findUserById(caller.userId);
    if (!user) throw unauthorized();
    return this.toMe(user, caller);
  }

  /**
   * Changes name, avatar and/or password. An empty body changes nothing (200 with the user as is).
   * A password change needs the current password and revokes the user's other sessions; the
   * calling session keeps working. Wrong current passwords count as failed logins of the account
   * (same limits, same 429), so a stolen access token cannot be used to guess the password.
   */
  async updateProfile(caller: Caller, body: ProfileBody, client: string): Promise<Me> {
    const patch: { name?: string; avatar?: string | null; passwordHash?: string } = {};
    if (body.name !== undefined) patch.name = normaliseName(body.name);
    if (body.avatar !== undefined) patch.avatar = checkAvatar(body.avatar);
    const { current_password: currentPassword, new_password: newPassword } = body;
    if (newPassword !== undefined && currentPassword === undefined) throw invalidField('/current_password', 'is required to set new_password');
    if (currentPassword !== undefined && newPassword === undefined) throw invalidField('/new_password', 'is required with current_password');
    if (newPassword !== undefined) checkPassword('/new_password', newPassword);
    if (Object.keys(patch).length === 0 && newPassword === undefined) return this.me(caller);

    const user = newPassword !== undefined && currentPassword !== undefined ? await this.confirmPassword(caller, currentPassword, client) : await this.repo.findUserById(caller.userId);
    if (!user) throw unauthorized();
    if (newPassword !== undefined) patch.passwordHash = await hashPassword(newPassword);
    const { updated, revoked } = await this.repo.transaction(async (tx) => ({
      updated: await tx.updateUser(user.id, patch),
      revoked: patch.passwordHash ? await tx.revokeOtherSessions(user.id, caller.sessionId, 'password_change') : [],
    }));
    this.live.revoked(revoked);
    if (!updated) throw unauthorized();
    return this.toMe(updated, caller);
  }

  /**
   * `app.authenticate`: a valid HS256 access token whose session is live in the store and still on
   * the token's profile, else 401. The caller carries the profile's limit as it is now.
   */
  async verify(authorization: string | undefined): Promise<Caller> {
    const token = bearerToken(authorization);
    const claims = token ? await this.tokens.verify(token) : null;
    const caller = claims ? await this.live.caller(claims) : null;
    if (!caller) throw unauthorized();
    return caller;
  }

  /** A new session (rotation family) of `userId` on `profileId`, with its first refresh token; its id. */
  private async startSession(tx: AuthRepository, userId: string, profileId: string, refreshToken: string): Promise<string> {
    const sessionId = await tx.createSession(userId, profileId, secondsFromNow(SESSION_TTL_SECONDS));
    await tx.insertRefreshToken({
      tokenHash: hashRefreshToken(refreshToken),
      sessionId,
      expiresAt: secondsFromNow(REFRESH_TOKEN_TTL_SECONDS),
    });
    return sessionId;
  }

  private async tokenResponse(user: UserRow, profile: ProfileRow, sessionId: string, refreshToken: string): Promise<TokenResponse> {
    const [accessToken, watchlist] = await Promise.all([
      this.tokens.sign({ userId: user.id, sessionId, profileId: profile.id }),
      this.watchlist.ids({ profileId: profile.id, maturity: profile.maturity }),
    ]);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      refresh_token: refreshToken,
      user: toUser(user, watchlist),
      profile: toProfile(profile),
    };
  }

  private async toMe(user: UserRow, caller: Caller): Promise<Me> {
    const [profile, watchlist] = await Promise.all([this.profileRow(caller), this.watchlist.ids(caller)]);
    return { ...toUser(user, watchlist), profile: toProfile(profile) };
  }

  private async profileRow(caller: Caller): Promise<ProfileRow> {
    const row = await this.profiles.find(caller.userId, caller.profileId);
    if (!row) throw unauthorized();
    return row;
  }
}
