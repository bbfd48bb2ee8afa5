/** The database schema: one definition for PGlite and PostgreSQL; migrations are generated from it. */
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Title } from '@marquee/contracts';

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
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

/** A sign-in: one refresh-token rotation family, with an absolute expiry. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Absolute limit of the session (90 days), whatever the rotations. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    /** Why it was revoked: `logout`, `reuse`, `password_change`. */
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
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

/** "My List": one row per (user, media type, title id). */
export const watchlist = pgTable(
  'watchlist',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mediaType: text('media_type', { enum: ['movie', 'tv'] }).notNull(),
    titleId: integer('title_id').notNull(),
    /** Insertion order, to break ties between equal `added_at`s. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The title as the catalog showed it when added: shown when the catalog can no longer resolve it. */
    snapshot: jsonb('snapshot').$type<Title>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.mediaType, t.titleId] }),
    index('watchlist_user_added_idx').on(t.userId, t.addedAt.desc(), t.seq.desc()),
    check('watchlist_media_type_check', sql`${t.mediaType} in ('movie', 'tv')`),
    check('watchlist_title_id_check', sql`${t.titleId} > 0`),
  ],
);

export const schema = { users, sessions, refreshTokens, watchlist };
