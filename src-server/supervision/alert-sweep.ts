import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { events as eventLog, floorAlertCursor, queueAlerts, supervisionDeadlines } from '../db/schema';
import { alertChanges, evaluateAlerts } from '../../src-shared/domain/supervision/alerts';
import {
  DEFAULT_ALERT_SETTINGS,
  type AlertCondition,
  type AlertSettings,
} from '../../src-shared/protocol/supervision';
import type { NewEvent } from '../features/sync/event-log';
import { alertOf } from '../routing/alerts.repository';
import { supervisorAlertEvent } from './alert.commands';
import { loadAlertFloor } from './alert-floor';

/** The one deadline row of the floor's alerts: when the next condition begins if nothing changes. */
const DEADLINE_ID = 'alerts';
/** The routing pass raises and clears this one itself, on every pass (routing-pass.ts). */
const ROUTING_OWNS = 'nobody_logged_in';

/**
 * Raises and clears the supervisor's alerts (SLA at risk, long wait, wrap-up overrun, Away past
 * its limit, missed offers, disconnected on a call) from persisted facts only: it runs in the
 * deadline sweep, under the routing turn, when events were appended since the last look
 * (`floor_alert_cursor`) or the `alerts` deadline row is due. So any node's sweep sees the same rows and writes each change once,
 * and nothing is lost to a restart. Returns the alerts that changed, as events.
 */
export async function sweepFloorAlerts(
  tx: Tx,
  now: Date,
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
): Promise<NewEvent[]> {
  const [cursor] = await tx.select().from(floorAlertCursor).where(eq(floorAlertCursor.id, 1)).for('update');
  const [head] = await tx.select({ syncId: sql<string | null>`max(${eventLog.syncId})` }).from(eventLog);
  const syncedTo = Number(head?.syncId ?? 0);
  const [deadline] = await tx
    .select()
    .from(supervisionDeadlines)
    .where(eq(supervisionDeadlines.id, DEADLINE_ID));
  const isDue = deadline !== undefined && deadline.dueAt.getTime() <= now.getTime();
  if (cursor && cursor.syncedTo >= syncedTo && !isDue) return [];

  const evaluation = evaluateAlerts(await loadAlertFloor(tx, now), settings);
  const open = evaluation.open.filter((c) => c.kind !== ROUTING_OWNS);
  const openRows = await tx
    .select({ id: queueAlerts.id })
    .from(queueAlerts)
    .where(and(eq(queueAlerts.active, true), ne(queueAlerts.kind, ROUTING_OWNS)));
  const changes = alertChanges(
    openRows.map((r) => r.id),
    { open },
  );
  const out: NewEvent[] = [];
  for (const condition of changes.raise) out.push(supervisorAlertEvent(await raise(tx, condition, now)));
  if (changes.clear.length > 0) out.push(...(await clear(tx, changes.clear, now)));

  const next = evaluation.upcoming.find((d) => d.kind !== ROUTING_OWNS)?.dueAt ?? null;
  if (next === null) await tx.delete(supervisionDeadlines).where(eq(supervisionDeadlines.id, DEADLINE_ID));
  else
    await tx
      .insert(supervisionDeadlines)
      .values({ id: DEADLINE_ID, dueAt: new Date(next) })
      .onConflictDoUpdate({ target: supervisionDeadlines.id, set: { dueAt: new Date(next) } });
  await tx
    .insert(floorAlertCursor)
    .values({ id: 1, syncedTo })
    .onConflictDoUpdate({ target: floorAlertCursor.id, set: { syncedTo } });
  return out;
}

/** Opens the alert (again: an acknowledgement of an earlier one does not carry over). */
async function raise(tx: Tx, condition: AlertCondition, now: Date) {
  const isQueue = condition.subject.kind === 'queue';
  const fields = {
    active: true,
    severity: condition.severity,
    facts: condition.facts,
    waiting: condition.facts.waiting ?? 0,
    since: condition.since === null ? null : new Date(condition.since),
    contactId: condition.contactId ?? null,
    at: now,
    acknowledgedBy: null,
    acknowledgedAt: null,
  };
  const [row] = await tx
    .insert(queueAlerts)
    .values({
      id: condition.key,
      kind: condition.kind,
      queueId: isQueue ? condition.subject.id : null,
      agentId: isQueue ? null : condition.subject.id,
      ...fields,
    })
    .onConflictDoUpdate({
      target: queueAlerts.id,
      set: { ...fields, version: sql`${queueAlerts.version} + 1` },
    })
    .returning();
  const alert = row && alertOf(row);
  if (!alert) throw new Error(`alert ${condition.key} could not be read back`);
  return alert;
}

/** Closes alerts whose condition ended (their facts stay as they were when raised). */
async function clear(tx: Tx, ids: string[], now: Date): Promise<NewEvent[]> {
  const rows = await tx
    .update(queueAlerts)
    .set({ active: false, at: now, version: sql`${queueAlerts.version} + 1` })
    .where(inArray(queueAlerts.id, ids))
    .returning();
  return rows.flatMap((row) => {
    const alert = alertOf(row);
    return alert ? [supervisorAlertEvent(alert)] : [];
  });
}
