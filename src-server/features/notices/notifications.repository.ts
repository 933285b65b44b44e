import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { notifications } from '../../db/schema';
import { ConsoleNotification, type NotificationKind } from '../../../src-shared/protocol/supervisor-entities';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import type { NewEvent } from '../sync/event-log';

type NotificationRow = typeof notifications.$inferSelect;

function notificationOf(row: NotificationRow): ConsoleNotification {
  return ConsoleNotification.parse({
    ...row,
    at: row.at.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  });
}

export function notificationEvent(notification: ConsoleNotification): NewEvent {
  return {
    type: EVENT_TYPES.notificationChanged,
    entityKind: 'notification',
    entityId: notification.id,
    entityVersion: notification.version,
    payload: notification,
    audience: { users: [notification.userId] },
  };
}

/** Writes a console notification for one person; answers its event (pushed to them alone). */
export async function notify(
  tx: Tx,
  note: {
    userId: string;
    kind: NotificationKind;
    params: Record<string, string>;
    contactId?: string | null;
    caseId?: string | null;
    now: Date;
  },
): Promise<NewEvent> {
  const [row] = await tx
    .insert(notifications)
    .values({
      id: `ntf_${crypto.randomUUID()}`,
      userId: note.userId,
      kind: note.kind,
      params: note.params,
      contactId: note.contactId ?? null,
      caseId: note.caseId ?? null,
      at: note.now,
    })
    .returning();
  if (!row) throw new Error('notification not written');
  return notificationEvent(notificationOf(row));
}

/** A person's notifications, newest first. */
export async function listNotifications(db: Db, userId: string, limit = 100): Promise<ConsoleNotification[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.at))
    .limit(limit);
  return rows.map(notificationOf);
}

/** Marks one of the person's notifications read; null when it is not theirs. */
export async function markRead(
  tx: Tx,
  userId: string,
  id: string,
  now: Date,
): Promise<ConsoleNotification | null> {
  const [current] = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .for('update');
  if (!current) return null;
  if (current.readAt) return notificationOf(current);
  const [row] = await tx
    .update(notifications)
    .set({ readAt: now, version: current.version + 1 })
    .where(eq(notifications.id, id))
    .returning();
  return row ? notificationOf(row) : null;
}
