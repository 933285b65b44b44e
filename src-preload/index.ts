// The sandboxed preload: exposes the named AppApi functions to the console, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, NOTIFICATION_ACTIONS } from '../src-shared/protocol/ipc-channels';
import type { NotificationAction } from '../src-shared/protocol/ipc-channels';
import type { AppApi, DesktopNotification } from './app-api';

async function bringToFront(): Promise<void> {
  await ipcRenderer.invoke(IPC_CHANNELS.windowBringToFront);
}

async function showNotification({ id, title, body, actionLabel }: DesktopNotification): Promise<void> {
  // Only the known fields cross: the main process refuses anything else.
  await ipcRenderer.invoke(IPC_CHANNELS.notificationShow, { id, title, body, actionLabel });
}

// The message comes from our own main process; the check only guards the listener's types.
function isNotificationActionMessage(
  message: unknown,
): message is { id: string; action: NotificationAction } {
  if (typeof message !== 'object' || message === null) return false;
  if (!('id' in message) || typeof message.id !== 'string' || !('action' in message)) return false;
  const { action } = message;
  return NOTIFICATION_ACTIONS.some((known) => known === action);
}

function onNotificationAction(listener: (id: string, action: 'click' | 'action') => void): () => void {
  const relay = (_event: IpcRendererEvent, message: unknown): void => {
    if (isNotificationActionMessage(message)) listener(message.id, message.action);
  };
  ipcRenderer.on(IPC_CHANNELS.notificationAction, relay);
  return () => {
    ipcRenderer.removeListener(IPC_CHANNELS.notificationAction, relay);
  };
}

async function setBadgeCount(count: number): Promise<void> {
  await ipcRenderer.invoke(IPC_CHANNELS.badgeSet, { count });
}

async function secureGet(key: string): Promise<string | null> {
  const value: unknown = await ipcRenderer.invoke(IPC_CHANNELS.secureGet, { key });
  return typeof value === 'string' ? value : null;
}

async function secureSet(key: string, value: string): Promise<void> {
  await ipcRenderer.invoke(IPC_CHANNELS.secureSet, { key, value });
}

async function secureDelete(key: string): Promise<void> {
  await ipcRenderer.invoke(IPC_CHANNELS.secureDelete, { key });
}

async function appVersion(): Promise<string> {
  const version: unknown = await ipcRenderer.invoke(IPC_CHANNELS.appVersion);
  return typeof version === 'string' ? version : '';
}

const api = {
  kind: 'desktop',
  bringToFront,
  showNotification,
  onNotificationAction,
  setBadgeCount,
  secureGet,
  secureSet,
  secureDelete,
  appVersion,
} as const satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);
