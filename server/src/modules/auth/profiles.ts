/**
 * Profiles ("Who's watching?"): the people of a household account, each with their own My List and
 * maturity limit, and the switch of a session from one to another. Every rule of API.md's profiles
 * section that JSON Schema cannot express lives here: trimmed unique names, kids limits, what needs
 * the account password, PINs and their throttle, the owner profile that cannot go.
 */
import {
  FIELD_LIMITS,
  KIDS_MAX_LEVEL,
  codePoints,
  isWellFormed,
  maturityRank,
  type CreateProfileBody,
  type MaturityLevel,
  type Profile,
  type SwitchProfileBody,
  type TokenResponse,
  type UpdateProfileBody,
} from '@marquee/contracts';
import type { Database } from '../../db/database.js';
import type { Caller } from '../../domain/caller.js';
import type { AppError} from '../../errors.js';
import { conflict, forbidden, invalidField, notFound, tooManyRequests } from '../../errors.js';
import type { AuthService } from './auth.service.js';
import { AVATAR_KEYS, avatarUrl, defaultAvatar, isAvatarKey } from './avatars.js';
import type { CounterStore } from '../../lib/counter-store.js';
import { hashPassword, verifyPassword } from './password.js';
import { ProfilesRepository, type ProfilePatch, type ProfileRow } from './profiles.repository.js';

/** A profile row as every route shows it: never the PIN's hash. */
export function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    name: row.name,
    avatar: row.avatar,
    kids: row.kids,
    maturity: row.maturity,
    locked: row.pinHash !== null,
    owner: row.owner,
    created_at: row.createdAt.toISOString(),
  };
}

/** Wrong PINs allowed per profile per window; the next attempt answers 429 until the window ends. */
export const PIN_LIMIT = { attempts: 5, windowSeconds: 15 * 60 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const restricted = () => forbidden('PROFILE_RESTRICTED', 'A kids profile cannot manage profiles.');
const nameTaken = () => conflict('PROFILE_NAME_TAKEN', 'Another profile of this account already has this name.');
const pinKey = (profileId: string) => `profiles:pin:${profileId}`;

/** A profile name as stored: trimmed, 1…30 code points, valid Unicode (control characters are refused by the schema). */
function normaliseName(raw: string): string {
  if (!isWellFormed(raw)) throw invalidField('/name', 'must be valid Unicode text');
  const name = raw.trim();
  const { min, max } = FIELD_LIMITS.profileName;
  if (codePoints(name) < min) throw invalidField('/name', 'must not be blank');
  if (codePoints(name) > max) throw invalidField('/name', `must be at most ${max} characters`);
  return name;
}

function checkAvatar(key: string): string {
  if (!isAvatarKey(key)) throw invalidField('/avatar', 'must be one of the keys GET /api/profiles/avatars lists');
  return key;
}

/** A kids profile's limit is at most `older_kids`. */
function checkKidsLimit(kids: boolean, maturity: MaturityLevel): void {
  if (kids && maturityRank(maturity) > maturityRank(KIDS_MAX_LEVEL)) {
    throw invalidField('/maturity', `must be at most ${KIDS_MAX_LEVEL} for a kids profile`);
  }
}

export class ProfilesService {
  private readonly repo: ProfilesRepository;

  constructor(
    private readonly deps: {
      database: Database;
      auth: Pick<AuthService, 'switchSession' | 'confirmPassword' | 'profileChanged'>;
      /** Counts wrong PINs; shared between instances when it is Redis (the login throttle's store). */
      counters: CounterStore;
    },
  ) {
    this.repo = new ProfilesRepository(deps.database.db);
  }

  /** The avatars a profile may take. */
  avatars(): { avatars: { key: string; url: string }[] } {
    return { avatars: AVATAR_KEYS.map((key) => ({ key, url: avatarUrl(key) })) };
  }

  /** The account's profiles, in creation order. */
  async list(caller: Caller): Promise<{ profiles: Profile[] }> {
    return { profiles: (await this.repo.listByUser(caller.userId)).map(toProfile) };
  }

  /** A new profile: `all` by default, `older_kids` for a kids profile; 409 at five or on a taken name. */
  async create(caller: Caller, body: CreateProfileBody): Promise<Profile> {
    if (caller.kids) throw restricted();
    const name = normaliseName(body.name);
    const kids = body.kids ?? false;
    const maturity = body.maturity ?? (kids ? KIDS_MAX_LEVEL : 'all');
    checkKidsLimit(kids, maturity);
    const avatar =
      body.avatar !== undefined ? checkAvatar(body.avatar) : defaultAvatar((await this.repo.listByUser(caller.userId)).map((p) => p.avatar), name);
    const result = await this.repo.create({ userId: caller.userId, name, avatar, kids, maturity, owner: false }, FIELD_LIMITS.profiles.max);
    if (result.outcome === 'limit') throw conflict('PROFILE_LIMIT', `An account holds at most ${FIELD_LIMITS.profiles.max} profiles.`);
    if (result.outcome === 'name_taken') throw nameTaken();
    return toProfile(result.row);
  }

  /**
   * Changes a profile. Raising its limit, making it an adult profile again, or setting or removing
   * its PIN needs the account password (403 WRONG_PASSWORD without it). The change applies to every
   * request from the next one on, tokens already issued on that profile included.
   */
  async update(caller: Caller, id: string, body: UpdateProfileBody, client: string): Promise<Profile> {
    if (caller.kids) throw restricted();
    const current = await this.find(caller, id);
    const patch: ProfilePatch = {};
    if (body.name !== undefined) patch.name = normaliseName(body.name);
    if (body.avatar !== undefined) patch.avatar = checkAvatar(body.avatar);
    if (body.kids !== undefined) patch.kids = body.kids;
    if (body.maturity !== undefined) patch.maturity = body.maturity;
    const kids = patch.kids ?? current.kids;
    const maturity = patch.maturity ?? current.maturity;
    // The owner profile manages the others: as a kids profile it could not, and nobody could undo it.
    if (kids && current.owner) throw invalidField('/kids', 'cannot be true for the owner profile');
    checkKidsLimit(kids, maturity);

    const needsPassword =
      maturityRank(maturity) > maturityRank(current.maturity) || (current.kids && !kids) || body.pin !== undefined;
    if (needsPassword) {
      if (body.current_password === undefined) {
        throw forbidden('WRONG_PASSWORD', 'This change needs the account password (current_password).');
      }
      await this.deps.auth.confirmPassword(caller, body.current_password, client);
    }
    if (body.pin !== undefined) patch.pinHash = body.pin === null ? null : await hashPassword(body.pin);

    if (Object.keys(patch).length === 0) return toProfile(current);
    const updated = await this.repo.update(caller.userId, id, patch);
    if (updated === 'name_taken') throw nameTaken();
    if (!updated) throw notFound('profile');
    this.deps.auth.profileChanged(id);
    if (body.pin !== undefined) await this.deps.counters.reset(pinKey(id));
    return toProfile(updated);
  }

  /** Deletes a profile with its list and ratings; sessions on it end. The owner profile stays (409). */
  async remove(caller: Caller, id: string): Promise<void> {
    if (caller.kids) throw restricted();
    const profile = await this.find(caller, id);
    if (profile.owner) throw conflict('LAST_PROFILE', 'The owner profile cannot be deleted.');
    if (!(await this.repo.deleteNonOwner(caller.userId, id))) throw notFound('profile');
    this.deps.auth.profileChanged(id);
  }

  /**
   * Moves the caller's session onto one of the account's profiles. A locked profile (other than the
   * one the session is on) needs its PIN: 403 PIN_REQUIRED without, 403 WRONG_PIN for a wrong one,
   * and 429 after five wrong PINs for the profile within 15 minutes (from any client or instance).
   */
  async switch(caller: Caller, id: string, body: SwitchProfileBody): Promise<TokenResponse> {
    const target = await this.find(caller, id);
    if (target.pinHash !== null && target.id !== caller.profileId) await this.checkPin(target.id, target.pinHash, body.pin);
    return this.deps.auth.switchSession(caller, target);
  }

  private async checkPin(profileId: string, pinHash: string, pin: string | undefined): Promise<void> {
    if (pin === undefined) throw forbidden('PIN_REQUIRED', 'This profile is locked: send its PIN.');
    const key = pinKey(profileId);
    const { counters } = this.deps;
    const before = await counters.peek(key);
    if (before.count >= PIN_LIMIT.attempts) throw pinLimited(before.resetInSeconds);
    if (await verifyPassword(pinHash, pin)) {
      if (before.count > 0) await counters.reset(key);
      return;
    }
    const after = await counters.hit(key, PIN_LIMIT.windowSeconds);
    if (after.count > PIN_LIMIT.attempts) throw pinLimited(after.resetInSeconds);
    throw forbidden('WRONG_PIN', 'The PIN is incorrect.');
  }

  /** One of the caller's account's profiles, or 404 (another account's id is not found either). */
  private async find(caller: Caller, id: string): Promise<ProfileRow> {
    const row = UUID.test(id) ? await this.repo.find(caller.userId, id) : undefined;
    if (!row) throw notFound('profile');
    return row;
  }
}

const pinLimited = (retryAfterSeconds: number): AppError =>
  tooManyRequests(retryAfterSeconds, 'RATE_LIMITED', 'Too many wrong PINs for this profile; try again later.');
