import {
  BadgeCountArgs,
  NoArgs,
  NotificationShowArgs,
  SecureKeyArgs,
  SecureSetArgs,
} from '../src-shared/protocol/ipc';
import { IPC_CHANNELS } from '../src-shared/protocol/ipc-channels';
import type { IpcHandle } from './ipc';
import type { ShowNotification } from './notifications';
import type { SecureStore } from './secure-store';

export interface IpcHandlerDeps {
  bringToFront(): void;
  showNotification: ShowNotification;
  setWaitingCount(count: number): void;
  secureStore: SecureStore;
  appVersion(): string;
}

/** Every channel the preload may invoke, each through the validating `handle`. */
export function registerIpcHandlers(handle: IpcHandle, deps: IpcHandlerDeps): void {
  handle(IPC_CHANNELS.windowBringToFront, NoArgs, () => deps.bringToFront());
  handle(IPC_CHANNELS.notificationShow, NotificationShowArgs, (args) => deps.showNotification(args));
  handle(IPC_CHANNELS.badgeSet, BadgeCountArgs, ({ count }) => deps.setWaitingCount(count));
  handle(IPC_CHANNELS.secureGet, SecureKeyArgs, ({ key }) => deps.secureStore.get(key));
  handle(IPC_CHANNELS.secureSet, SecureSetArgs, ({ key, value }) => deps.secureStore.set(key, value));
  handle(IPC_CHANNELS.secureDelete, SecureKeyArgs, ({ key }) => deps.secureStore.delete(key));
  handle(IPC_CHANNELS.appVersion, NoArgs, () => deps.appVersion());
}
