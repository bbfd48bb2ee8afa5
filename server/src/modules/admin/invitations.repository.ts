/** Storage of invitations. Methods are named by intent; `use` is the single-use check and claim in one statement. */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { invitations } from '../../db/schema.js';

export type InvitationRow = typeof invitations.$inferSelect;

export class InvitationsRepository {
  constructor(private readonly db: Db) {}

  async insert(invitation: { token: string; createdBy: string; expiresAt: Date }): Promise<InvitationRow> {
    const [row] = await this.db.insert(invitations).values(invitation).returning();
    if (!row) throw new Error('invitation insert returned no row');
    return row;
  }

  /** Newest first. */
  async list(): Promise<InvitationRow[]> {
    return this.db.select().from(invitations).orderBy(desc(invitations.createdAt), desc(invitations.seq));
  }

  /** Revokes an invitation that is neither used nor revoked; the row as it is now, if it exists. */
  async revoke(id: string): Promise<InvitationRow | undefined> {
    await this.db
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.id, id), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    const [row] = await this.db.select().from(invitations).where(eq(invitations.id, id)).limit(1);
    return row;
  }

  /**
   * Uses up the invitation with this token for `userId` if it is unused, unrevoked and unexpired —
   * atomically, so of two registrations with one token at most one gets it. False otherwise.
   */
  async use(token: string, userId: string): Promise<boolean> {
    const rows = await this.db
      .update(invitations)
      .set({ usedAt: sql`now()`, usedBy: userId })
      .where(and(eq(invitations.token, token), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)))
      .returning({ id: invitations.id });
    return rows.length > 0;
  }
}
