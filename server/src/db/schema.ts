/** The database schema: one definition for PGlite and PostgreSQL; migrations are generated from it. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MATURITY_LEVELS, type Title } from '@marquee/contracts';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored trimmed and lower-cased; unique case-insensitively. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    avatar: text('avatar'),
    passwordHash: text('password_hash').notNull(),
    /** `owner` (the first account: administers the instance; exactly one) or `member`. */
    role: text('role', { enum: ['owner', 'member'] }).notNull().default('member'),
    /** Set while the owner has disabled the account: it cannot sign in. */
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    // At most one owner: a constant expression indexed over the owner rows only.
    uniqueIndex('users_one_owner_key').on(sql`(true)`).where(sql`${t.role} = 'owner'`),
    check('users_role_check', sql`${t.role} in ('owner', 'member')`),
  ],
);

/** Single-use invitation links the owner hands out while registration is by invitation. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The link's token. Kept readable so the owner can copy the link again until it is used. */
    token: text('token').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    usedBy: uuid('used_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    /** Creation order, to break ties between equal `created_at`s. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('invitations_token_key').on(t.token), index('invitations_order_idx').on(t.createdAt, t.seq)],
);

/**
 * The owner's instance settings, one row per key (JSON values). Changes are announced on the change
 * feed (`setting:<key>`, migration 0004) so every instance applies them without a restart.
 */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * The people of a household account (1…5): each has their own My List and maturity limit. The
 * owner profile is made with the account and cannot be deleted.
 */
export const profiles = pgTable(
  'profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Stored trimmed; unique per account case-insensitively. */
    name: text('name').notNull(),
    /** An avatar key (see the profiles module's avatars). */
    avatar: text('avatar').notNull(),
    kids: boolean('kids').notNull().default(false),
    maturity: text('maturity', { enum: MATURITY_LEVELS }).notNull().default('all'),
    /** argon2id hash of the 4-digit PIN; null when the profile is not locked. */
    pinHash: text('pin_hash'),
    owner: boolean('owner').notNull().default(false),
    createdAt: createdAt(),
    /** Creation order, to break ties between equal `created_at`s. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('profiles_user_name_key').on(t.userId, sql`lower(${t.name})`),
    uniqueIndex('profiles_one_owner_key').on(t.userId).where(sql`${t.owner}`),
    index('profiles_user_order_idx').on(t.userId, t.createdAt, t.seq),
    check('profiles_maturity_check', sql`${t.maturity} in ('little_kids', 'older_kids', 'teens', 'all')`),
    check('profiles_kids_maturity_check', sql`not ${t.kids} or ${t.maturity} in ('little_kids', 'older_kids')`),
  ],
);

/**
 * A sign-in: one refresh-token rotation family, with an absolute expiry, on one profile at a time
 * (switching moves it). Deleting the profile ends the session.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Absolute limit of the session (90 days), whatever the rotations. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    /** Why it was revoked: `logout`, `reuse`, `password_change`. */
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_profile_idx').on(t.profileId)],
);

/** Refresh tokens, stored only as SHA-256 hashes. A used token stays here so its reuse is detected. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when the token is rotated; presenting it again revokes the session. */
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

/** "My List": one row per (profile, media type, title id). */
export const watchlist = pgTable(
  'watchlist',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    mediaType: text('media_type', { enum: ['movie', 'tv'] }).notNull(),
    titleId: integer('title_id').notNull(),
    /** Insertion order, to break ties between equal `added_at`s. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The title as the catalog showed it when added: shown when the catalog can no longer resolve it. */
    snapshot: jsonb('snapshot').$type<Title>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.mediaType, t.titleId] }),
    index('watchlist_profile_added_idx').on(t.profileId, t.addedAt.desc(), t.seq.desc()),
    check('watchlist_media_type_check', sql`${t.mediaType} in ('movie', 'tv')`),
    check('watchlist_title_id_check', sql`${t.titleId} > 0`),
  ],
);

/** Thumbs up / down: one row per (profile, media type, title id). */
export const ratings = pgTable(
  'ratings',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    mediaType: text('media_type', { enum: ['movie', 'tv'] }).notNull(),
    titleId: integer('title_id').notNull(),
    rating: text('rating', { enum: ['up', 'down'] }).notNull(),
    /** When the rating last changed. */
    ratedAt: timestamp('rated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Order of changes, to break ties between equal `rated_at`s. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** The title as the catalog showed it when rated: its name for "Because you liked …", and the list entry when the catalog cannot resolve it. */
    snapshot: jsonb('snapshot').$type<Title>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.mediaType, t.titleId] }),
    index('ratings_profile_rated_idx').on(t.profileId, t.ratedAt.desc(), t.seq.desc()),
    check('ratings_media_type_check', sql`${t.mediaType} in ('movie', 'tv')`),
    check('ratings_rating_check', sql`${t.rating} in ('up', 'down')`),
    check('ratings_title_id_check', sql`${t.titleId} > 0`),
  ],
);

/** Secrets generated once and shared by every instance on this database (migration 0005). */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

export const schema = { users, profiles, sessions, refreshTokens, watchlist, ratings, invitations, instanceSettings, serverSecrets };
