import { eq } from 'drizzle-orm';
import { queueAlerts } from '../db/schema';
import { AppError } from '../platform/errors';
import type { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { EVENT_TYPES } from '../../src-shared/protocol/sync';
import type { QueueAlert } from '../../src-shared/protocol/contacts';
import type { CommandDefinition } from '../features/sync/command-bus';
import type { NewEvent } from '../features/sync/event-log';
import { alertOf } from '../routing/alerts.repository';
import { markRead, notificationEvent } from '../features/notices/notifications.repository';
import { anyone, supervisesTeam, teamOfAlert } from '../features/access/command-scopes';

export function supervisorAlertEvent(alert: QueueAlert): NewEvent {
  return {
    type: EVENT_TYPES.alertChanged,
    entityKind: 'alert',
    entityId: alert.id,
    entityVersion: alert.version,
    payload: alert,
    audience: { queues: alert.queueId === null ? [] : [alert.queueId], roles: ['supervisor', 'admin'] },
  };
}

/** A supervisor of the alert's team takes it on: who and when is kept, and every board shows it. */
export const acknowledgeAlertCommand: CommandDefinition<typeof COMMAND_TYPES.acknowledgeAlert> = {
  who: ['supervisor', 'admin'],
  scope: supervisesTeam(({ tx }, { payload }) => teamOfAlert(tx, payload.alertId)),
  async handle({ tx, actor, now }, command) {
    const { alertId } = command.payload;
    const [current] = await tx.select().from(queueAlerts).where(eq(queueAlerts.id, alertId)).for('update');
    if (!current || !current.active) throw new AppError('not_found', `No open alert ${alertId}`);
    if (current.acknowledgedBy) {
      const alert = alertOf(current, null);
      if (!alert) throw new AppError('internal', 'The alert could not be read');
      return { entity: alert, events: [] };
    }
    const [row] = await tx
      .update(queueAlerts)
      .set({ acknowledgedBy: actor.id, acknowledgedAt: now, version: current.version + 1 })
      .where(eq(queueAlerts.id, alertId))
      .returning();
    const alert = row ? alertOf(row, actor.displayName) : null;
    if (!alert) throw new AppError('internal', 'The alert could not be read back');
    return { entity: alert, events: [supervisorAlertEvent(alert)] };
  },
};

/** A person marks one of their own console notifications read. */
export const readNotificationCommand: CommandDefinition<typeof COMMAND_TYPES.readNotification> = {
  who: ['agent', 'coach', 'supervisor', 'admin'],
  // Only the person's own notifications are found (`markRead` looks among theirs).
  scope: anyone,
  async handle({ tx, actor, now }, command) {
    const before = await markRead(tx, actor.id, command.payload.notificationId, now);
    if (!before) throw new AppError('not_found', `No notification ${command.payload.notificationId}`);
    return { entity: before, events: [notificationEvent(before)] };
  },
};
