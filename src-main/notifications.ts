import { Notification } from 'electron';
import type { NotificationActionMessage, NotificationShowArgs } from '../src-shared/protocol/ipc';

/** Notifications kept alive: Electron drops the click handlers of one that is garbage collected. */
const MAX_LIVE_NOTIFICATIONS = 50;

export type ShowNotification = (args: NotificationShowArgs) => void;

/**
 * Native notifications whose click or action button is reported through `onAction`.
 * The action button shows where the platform supports one (macOS, Windows); a click works everywhere.
 */
export function createNotifier(onAction: (message: NotificationActionMessage) => void): ShowNotification {
  const live = new Map<string, Notification>();
  return ({ id, title, body, actionLabel }) => {
    if (!Notification.isSupported())
      throw new Error('Native notifications are not supported on this system.');
    live.get(id)?.close();
    live.delete(id);
    const notification = new Notification({
      title,
      body,
      actions: actionLabel ? [{ type: 'button', text: actionLabel }] : [],
      // An offer waits for the person: it must not vanish before they see it.
      timeoutType: actionLabel ? 'never' : 'default',
    });
    notification.on('click', () => onAction({ id, action: 'click' }));
    notification.on('action', () => onAction({ id, action: 'action' }));
    notification.on('close', () => {
      if (live.get(id) === notification) live.delete(id);
    });
    live.set(id, notification);
    const oldest = live.keys().next().value;
    if (live.size > MAX_LIVE_NOTIFICATIONS && oldest !== undefined) live.delete(oldest);
    notification.show();
  };
}
