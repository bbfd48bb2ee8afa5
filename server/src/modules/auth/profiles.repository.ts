/**
 * Storage of profiles. An account's profiles are counted and named under a lock on the account's
 * row, so concurrent creations cannot pass the limit; names are unique case-insensitively by index.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { MaturityLevel } from '@marquee/contracts';
import type { Db } from '../../db/database.js';
import { profiles, users } from '../../db/schema.js';

export type ProfileRow = typeof profiles.$inferSelect;

export interface NewProfile {
  userId: string;
  name: string;
  avatar: string;
  kids: boolean;
  maturity: MaturityLevel;
  owner: boolean;
}

export type ProfilePatch = Partial<{ name: string; avatar: string; kids: boolean; maturity: MaturityLevel; pinHash: string | null }>;

export type CreateResult = { outcome: 'created'; row: ProfileRow } | { outcome: 'limit' } | { outcome: 'name_taken' };

/** Postgres' unique_violation, whichever driver raised it (Drizzle keeps the driver's error as `cause`). */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export class ProfilesRepository {
  constructor(private readonly db: Db) {}

  /** The account's profiles in creation order. */
  listByUser(userId: string): Promise<ProfileRow[]> {
    return this.db.select().from(profiles).where(eq(profiles.userId, userId)).orderBy(asc(profiles.createdAt), asc(profiles.seq));
  }

  /** One of the account's profiles; undefined for an unknown id or another account's. */
  async find(userId: string, id: string): Promise<ProfileRow | undefined> {
    const [row] = await this.db
      .select()
      .from(profiles)
      .where(and(eq(profiles.id, id), eq(profiles.userId, userId)))
      .limit(1);
    return row;
  }

  /** Inserts the owner profile of a new account (inside its registration's transaction). */
  async insertOwner(profile: Omit<NewProfile, 'owner' | 'kids' | 'maturity'>): Promise<ProfileRow> {
    const [row] = await this.db
      .insert(profiles)
      .values({ ...profile, owner: true, kids: false, maturity: 'all' })
      .returning();
    if (!row) throw new Error('profile insert returned no row');
    return row;
  }

  /** The account's owner profile. */
  async findOwner(userId: string): Promise<ProfileRow | undefined> {
    const [row] = await this.db
      .select()
      .from(profiles)
      .where(and(eq(profiles.userId, userId), eq(profiles.owner, true)))
      .limit(1);
    return row;
  }

  /** Inserts a profile unless the account already holds `limit` or the name is taken. */
  create(profile: NewProfile, limit: number): Promise<CreateResult> {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, profile.userId)).for('update');
      const [held] = await tx.select({ n: count() }).from(profiles).where(eq(profiles.userId, profile.userId));
      if ((held?.n ?? 0) >= limit) return { outcome: 'limit' as const };
      const [row] = await tx
        .insert(profiles)
        .values(profile)
        // The one unique key a new profile can collide on is (account, lower(name)).
        .onConflictDoNothing()
        .returning();
      return row ? { outcome: 'created' as const, row } : { outcome: 'name_taken' as const };
    });
  }

  /** Applies a change; undefined when the profile is gone, `name_taken` when the new name is another profile's. */
  async update(userId: string, id: string, patch: ProfilePatch): Promise<ProfileRow | undefined | 'name_taken'> {
    try {
      const [row] = await this.db
        .update(profiles)
        .set(patch)
        .where(and(eq(profiles.id, id), eq(profiles.userId, userId)))
        .returning();
      return row;
    } catch (error) {
      if (isUniqueViolation(error)) return 'name_taken';
      throw error;
    }
  }

  /** Deletes a profile that is not the owner's (its list and its sessions go with it); false when none was. */
  async deleteNonOwner(userId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(profiles)
      .where(and(eq(profiles.id, id), eq(profiles.userId, userId), eq(profiles.owner, false)))
      .returning({ id: profiles.id });
    return rows.length > 0;
  }
}
