import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/database';
import { queueAlerts } from '../db/schema';
import { QueueAlert } from '../../src-shared/protocol/contacts';
import { seesEverything, type Actor } from '../features/auth/actor';

type AlertKind = QueueAlert['kind'];

export function alertOf(
  row: typeof queueAlerts.$inferSelect,
  acknowledgedByName: string | null = null,
): QueueAlert | null {
  const parsed = QueueAlert.safeParse({
    ...row,
    at: row.at.toISOString(),
    since: row.since?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName,
  });
  return parsed.success ? parsed.data : null;
}

/** Alerts still raised that the actor may see (supervisors and admins: all; others: their queues). */
export async function listActiveAlerts(db: Db, actor: Actor): Promise<QueueAlert[]> {
  const scope = seesEverything(actor) ? undefined : inArray(queueAlerts.queueId, actor.queueIds);
  if (scope && actor.queueIds.length === 0) return [];
  const rows = await db
    .select()
    .from(queueAlerts)
    .where(and(eq(queueAlerts.active, true), scope));
  return rows.flatMap((row) => alertOf(row) ?? []);
}

/**
 * Raises or clears one alert; returns its new state only when that changed (so a routing pass
 * that sees the same situation every second emits nothing).
 */
export async function setAlert(
  tx: Tx,
  queueId: string,
  kind: AlertKind,
  active: boolean,
  waiting: number,
  now: Date,
): Promise<QueueAlert | null> {
  const id = `${queueId}:${kind}`;
  const [current] = await tx.select().from(queueAlerts).where(eq(queueAlerts.id, id)).for('update');
  if (!current && !active) return null;
  if (current && current.active === active) return null;
  const [row] = current
    ? await tx
        .update(queueAlerts)
        // A raised alert is new work: an acknowledgement of an earlier one does not carry over.
        .set({
          active,
          waiting,
          at: now,
          version: current.version + 1,
          ...(active ? { acknowledgedBy: null, acknowledgedAt: null } : {}),
        })
        .where(eq(queueAlerts.id, id))
        .returning()
    : await tx.insert(queueAlerts).values({ id, queueId, kind, active, waiting, at: now }).returning();
  return row ? alertOf(row) : null;
}
