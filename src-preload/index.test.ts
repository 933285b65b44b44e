import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../src-shared/protocol/ipc-channels';
import { contextBridge, ipcRenderer } from './testing/fake-electron';
import type { AppApi } from './app-api';

vi.mock('electron', () => import('./testing/fake-electron'));

/** Every member of AppApi: `satisfies` makes the compiler check this list stays complete. */
const APP_API_NAMES = {
  kind: true,
  bringToFront: true,
  showNotification: true,
  onNotificationAction: true,
  setBadgeCount: true,
  secureGet: true,
  secureSet: true,
  secureDelete: true,
  appVersion: true,
} as const satisfies Record<keyof AppApi, true>;

let api: AppApi;
beforeAll(async () => {
  await import('./index');
  const exposed = contextBridge.exposed.get('api');
  if (typeof exposed !== 'object' || exposed === null) throw new Error('window.api was not exposed');
  api = exposed as AppApi;
});
beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.removeAllListeners();
});

describe('the preload', () => {
  it('exposes exactly the AppApi names as window.api, and nothing of ipcRenderer', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(Object.keys(APP_API_NAMES).sort());
    expect(api.kind).toBe('desktop');
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipcRenderer);
      expect(['function', 'string']).toContain(typeof value);
    }
  });

  it('invokes one named channel per call with plain arguments', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce('secret').mockResolvedValueOnce('0.1.0');
    await expect(api.secureGet('refreshToken')).resolves.toBe('secret');
    await expect(api.appVersion()).resolves.toBe('0.1.0');
    await api.bringToFront();
    await api.setBadgeCount(5);
    await api.secureSet('refreshToken', 'v');
    await api.secureDelete('refreshToken');
    await api.showNotification({ id: 'o1', title: 'Incoming call', body: 'ACME', actionLabel: 'Accept' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.secureGet, { key: 'refreshToken' }],
      [IPC_CHANNELS.appVersion],
      [IPC_CHANNELS.windowBringToFront],
      [IPC_CHANNELS.badgeSet, { count: 5 }],
      [IPC_CHANNELS.secureSet, { key: 'refreshToken', value: 'v' }],
      [IPC_CHANNELS.secureDelete, { key: 'refreshToken' }],
      [
        IPC_CHANNELS.notificationShow,
        { id: 'o1', title: 'Incoming call', body: 'ACME', actionLabel: 'Accept' },
      ],
    ]);
  });

  it('answers null from secureGet when the main process has nothing', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce(null);
    await expect(api.secureGet('refreshToken')).resolves.toBeNull();
  });

  it('delivers notification actions until unsubscribed, then removes exactly that listener', () => {
    const mine = vi.fn();
    const other = vi.fn();
    const unsubscribe = api.onNotificationAction(mine);
    api.onNotificationAction(other);
    ipcRenderer.emit(IPC_CHANNELS.notificationAction, {}, { id: 'o1', action: 'action' });
    expect(mine).toHaveBeenCalledWith('o1', 'action');
    unsubscribe();
    expect(ipcRenderer.listenerCount(IPC_CHANNELS.notificationAction)).toBe(1);
    ipcRenderer.emit(IPC_CHANNELS.notificationAction, {}, { id: 'o2', action: 'click' });
    expect(mine).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenLastCalledWith('o2', 'click');
  });

  it('ignores a malformed notification message', () => {
    const listener = vi.fn();
    api.onNotificationAction(listener);
    ipcRenderer.emit(IPC_CHANNELS.notificationAction, {}, { id: 'o1', action: 'delete-everything' });
    ipcRenderer.emit(IPC_CHANNELS.notificationAction, {}, 'o1');
    expect(listener).not.toHaveBeenCalled();
  });
});
