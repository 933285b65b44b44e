import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { sessions, users } from '../../db/schema';
import { accountOf } from '../../db/account-row';
import type { AdminUser } from '../../../src-shared/protocol/entities';

const toAdminUser = (u: typeof users.$inferSelect): AdminUser => accountOf(u);

export async function listUsers(db: Db): Promise<AdminUser[]> {
  return (await db.select().from(users).orderBy(asc(users.displayName))).map(toAdminUser);
}

export async function lockUser(tx: Tx, id: string): Promise<AdminUser | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update').limit(1);
  return row ? toAdminUser(row) : null;
}

export async function saveDisabled(tx: Tx, id: string, disabled: boolean, version: number): Promise<void> {
  await tx.update(users).set({ disabled, version }).where(eq(users.id, id));
}

export async function revokeUserSessions(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
