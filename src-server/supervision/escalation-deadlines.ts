import { and, asc, inArray, like, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { cases, supervisionDeadlines } from '../db/schema';

/** `escalation:<caseId>`: one row per case, at the moment its rules must be looked at again. */
const PREFIX = 'escalation:';
const idOf = (caseId: string) => `${PREFIX}${caseId}`;

/**
 * Sets (or moves) the case's escalation deadline. `at` now means "evaluate on the next sweep":
 * what every change of a case's facts asks for, since the old deadline assumed they stayed.
 */
export async function scheduleEscalation(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tx
    .insert(supervisionDeadlines)
    .values({ id: idOf(caseId), dueAt: at })
    .onConflictDoUpdate({ target: supervisionDeadlines.id, set: { dueAt: at } });
}

export async function clearEscalation(tx: Tx, caseId: string): Promise<void> {
  await tx.delete(supervisionDeadlines).where(sql`${supervisionDeadlines.id} = ${idOf(caseId)}`);
}

/**
 * Every unresolved case is looked at on the next sweep (the rules changed, or a database that
 * predates them): one statement, however many cases.
 */
export async function scheduleAllUnresolved(tx: Tx, at: Date): Promise<void> {
  await tx.execute(sql`
    insert into ${supervisionDeadlines} (id, due_at)
    select ${PREFIX} || ${cases.id}, ${at.toISOString()}::timestamptz from ${cases}
    where ${cases.status} not in ('resolved', 'closed')
    on conflict (id) do update set due_at = excluded.due_at`);
}

/**
 * Claims due escalation deadlines for this transaction (SKIP LOCKED: a row another node is
 * firing is left to it) and deletes them; the sweep writes the next one. A rollback restores them.
 */
export async function claimDueEscalations(tx: Tx, now: Date, limit: number): Promise<string[]> {
  const due = await tx
    .select({ id: supervisionDeadlines.id })
    .from(supervisionDeadlines)
    .where(and(like(supervisionDeadlines.id, `${PREFIX}%`), lte(supervisionDeadlines.dueAt, now)))
    .orderBy(asc(supervisionDeadlines.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  const ids = due.map((d) => d.id);
  await tx.delete(supervisionDeadlines).where(inArray(supervisionDeadlines.id, ids));
  return ids.map((id) => id.slice(PREFIX.length));
}
