import { runOnlineCommand } from './online-command';

/** A person answers what a supervisor told them. */

export async function acknowledgeBroadcast(broadcastId: string): Promise<void> {
  await runOnlineCommand({ type: 'broadcast:acknowledge', payload: { broadcastId } });
}

export async function markNotificationRead(notificationId: string): Promise<void> {
  await runOnlineCommand({ type: 'notification:read', payload: { notificationId } });
}
