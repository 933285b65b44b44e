import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { timers } from '../db/schema';

export const TIMER_KINDS = ['offer_timeout', 'wrap_up_due', 'callback_due'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

const timerId = (kind: TimerKind, contactId: string) => `${kind}:${contactId}`;

/** Sets (or moves) the contact's deadline of this kind, in the caller's transaction. */
export async function setTimer(tx: Tx, kind: TimerKind, contactId: string, dueAt: Date): Promise<void> {
  await tx
    .insert(timers)
    .values({ id: timerId(kind, contactId), kind, contactId, dueAt })
    .onConflictDoUpdate({ target: timers.id, set: { dueAt } });
}

export async function clearTimer(tx: Tx, kind: TimerKind, contactId: string): Promise<void> {
  await tx.delete(timers).where(eq(timers.id, timerId(kind, contactId)));
}

/**
 * Claims due deadlines for this transaction: rows another node is handling are skipped, rows
 * claimed here are deleted (and come back if the transaction rolls back).
 */
export async function claimDueTimers(
  tx: Tx,
  now: Date,
  limit: number,
): Promise<{ kind: string; contactId: string; dueAt: Date }[]> {
  const due = await tx
    .select()
    .from(timers)
    .where(lte(timers.dueAt, now))
    .orderBy(asc(timers.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length > 0) {
    await tx.delete(timers).where(
      and(
        lte(timers.dueAt, now),
        sql`${timers.id} in (${sql.join(
          due.map((t) => sql`${t.id}`),
          sql`, `,
        )})`,
      ),
    );
  }
  return due;
}
