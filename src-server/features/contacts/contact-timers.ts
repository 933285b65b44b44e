import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { runRaw } from '../../db/raw-sql';
import { contacts, timers } from '../../db/schema';

/**
 * Deadlines kept as rows: an offer's timeout, a wrap-up's maximum, a callback's promised time,
 * and the grace a chat visitor who disconnected gets to come back before the chat is abandoned.
 */
export const TIMER_KINDS = [
  'offer_timeout',
  'wrap_up_due',
  'callback_due',
  'visitor_gone',
  /** A reassignment's response timer (issue 14). */
  'reassign_response',
] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

const timerId = (kind: TimerKind, contactId: string) => `${kind}:${contactId}`;

/** Sets (or moves) the contact's deadline of this kind, in the caller's transaction. */
export function setTimer(tx: Tx, kind: TimerKind, contactId: string, dueAt: Date): Promise<void> {
  return setTimers(tx, kind, [{ contactId, dueAt }]);
}

/** Hand-written: a routing pass sets one deadline per offer, up to thousands at once. */
const SET_TIMERS = {
  name: 'set_timers',
  text: `insert into timers (id, kind, contact_id, due_at)
    select t.id, $1::text, t."contactId", t."dueAt"
    from jsonb_to_recordset($2::jsonb) as t(id text, "contactId" text, "dueAt" timestamptz)
    on conflict (id) do update set due_at = excluded.due_at`,
};

/** Sets (or moves) deadlines of one kind for several contacts, in one statement. */
export async function setTimers(
  tx: Tx,
  kind: TimerKind,
  due: { contactId: string; dueAt: Date }[],
): Promise<void> {
  if (due.length === 0) return;
  const rows = due.map(({ contactId, dueAt }) => ({ id: timerId(kind, contactId), contactId, dueAt }));
  await runRaw(tx, SET_TIMERS, [kind, JSON.stringify(rows)]);
}

export async function clearTimer(tx: Tx, kind: TimerKind, contactId: string): Promise<void> {
  await tx.delete(timers).where(eq(timers.id, timerId(kind, contactId)));
}

/** Drops the contact's deadlines of these kinds, in one statement. */
export async function clearTimers(tx: Tx, contactId: string, kinds: readonly TimerKind[]): Promise<void> {
  await tx.delete(timers).where(
    inArray(
      timers.id,
      kinds.map((kind) => timerId(kind, contactId)),
    ),
  );
}

/**
 * Claims due deadlines for this transaction: rows another node is handling are skipped, rows
 * claimed here are deleted (and come back if the transaction rolls back).
 *
 * The deadline's contact is locked with it, and a deadline whose contact a command holds is left
 * for the next sweep. Commands lock the contact first and then set or clear its timers; a sweep
 * that took the timer first and then waited for the contact deadlocked with them (an Accept
 * that queued for the contact past its offer's deadline failed, or the whole sweep did).
 */
export async function claimDueTimers(
  tx: Tx,
  now: Date,
  limit: number,
): Promise<{ kind: string; contactId: string; dueAt: Date }[]> {
  const due = await tx
    .select({ id: timers.id, kind: timers.kind, contactId: timers.contactId, dueAt: timers.dueAt })
    .from(timers)
    .innerJoin(contacts, eq(contacts.id, timers.contactId))
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
