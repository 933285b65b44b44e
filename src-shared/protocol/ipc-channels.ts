/**
 * IPC channel names between the Electron main process and the preload, `domain:verb`.
 * Every channel except `notificationAction` is renderer → main through `ipcRenderer.invoke`.
 */
export const IPC_CHANNELS = {
  /** no args → void */
  windowBringToFront: 'window:bring-to-front',
  /** NotificationShowArgs → void */
  notificationShow: 'notification:show',
  /** main → renderer: NotificationActionMessage */
  notificationAction: 'notification:action',
  /** BadgeCountArgs → void */
  badgeSet: 'badge:set',
  /** SecureKeyArgs → string | null */
  secureGet: 'secure:get',
  /** SecureSetArgs → void */
  secureSet: 'secure:set',
  /** SecureKeyArgs → void */
  secureDelete: 'secure:delete',
  /** no args → string */
  appVersion: 'app:version',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

export const NOTIFICATION_ACTIONS = ['click', 'action'] as const;
export type NotificationAction = (typeof NOTIFICATION_ACTIONS)[number];
