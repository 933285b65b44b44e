/**
 * The whole surface the Electron preload exposes to the console as `window.api`.
 * The renderer imports this type only; `platform/desktop.ts` wraps it.
 */
export interface DesktopNotification {
  /** Echoed back through `onNotificationAction` when the person clicks the action. */
  id: string;
  title: string;
  body: string;
  /** Label of the one action button, e.g. "Accept". */
  actionLabel?: string;
}

export interface AppApi {
  readonly kind: 'desktop';
  /** Brings the console window to the front (screen pop). */
  bringToFront(): Promise<void>;
  showNotification(notification: DesktopNotification): Promise<void>;
  /** Subscribes to notification clicks; returns the unsubscribe function. */
  onNotificationAction(listener: (id: string, action: 'click' | 'action') => void): () => void;
  /** Tray badge / dock count: contacts waiting in my queues. */
  setBadgeCount(count: number): Promise<void>;
  /** Encrypted with the OS keychain (Electron safeStorage). */
  secureGet(key: string): Promise<string | null>;
  secureSet(key: string, value: string): Promise<void>;
  secureDelete(key: string): Promise<void>;
  appVersion(): Promise<string>;
}
