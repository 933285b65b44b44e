import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database';
import { agentStates, presenceDeadlines } from '../db/schema';

/** Starts (or keeps) the agent's grace period: their last console socket went away. */
export async function setPresenceDeadline(db: Db, userId: string, dueAt: Date): Promise<void> {
  await db
    .insert(presenceDeadlines)
    .values({ userId, dueAt })
    .onConflictDoUpdate({ target: presenceDeadlines.userId, set: { dueAt } });
}

/** A console of the agent is connected again: no grace period runs. */
export async function clearPresenceDeadline(db: Db, userId: string): Promise<void> {
  await db.delete(presenceDeadlines).where(eq(presenceDeadlines.userId, userId));
}

/** Whether the agent's consoles are all gone (their grace period runs). */
export async function isConsoleGone(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: presenceDeadlines.userId })
    .from(presenceDeadlines)
    .where(eq(presenceDeadlines.userId, userId))
    .limit(1);
  return row !== undefined;
}

/**
 * Claims grace periods that have ended, like timers: rows another node handles are skipped,
 * claimed rows are deleted (and come back if the transaction rolls back).
 */
export async function claimEndedGracePeriods(tx: Tx, now: Date, limit: number): Promise<string[]> {
  const due = await tx
    .select({ userId: presenceDeadlines.userId })
    .from(presenceDeadlines)
    .where(lte(presenceDeadlines.dueAt, now))
    .orderBy(asc(presenceDeadlines.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const userIds = due.map((d) => d.userId);
  if (userIds.length > 0)
    await tx.delete(presenceDeadlines).where(inArray(presenceDeadlines.userId, userIds));
  return userIds;
}

/** Agents in routing (not Offline) with no grace period running: the ones a console must hold. */
export async function agentsInRouting(db: Db): Promise<string[]> {
  const rows = await db
    .select({ userId: agentStates.userId })
    .from(agentStates)
    .where(
      and(
        sql`${agentStates.state} <> 'offline'`,
        sql`not exists (select 1 from ${presenceDeadlines} p where p.user_id = ${agentStates.userId})`,
      ),
    );
  return rows.map((r) => r.userId);
}
