// The Electron main process: only wiring. Security, IPC, windows and tray live in their own modules.
import { join } from 'node:path';
import { app, session } from 'electron';
import type { BrowserWindow } from 'electron';
// electron-updater is CommonJS with getter exports: take its default export from ESM.
import electronUpdater from 'electron-updater';
import { IPC_CHANNELS } from '../src-shared/protocol/ipc-channels';
import { appLocationFrom, appPathsFrom } from './app-location';
import { createIpcHandle } from './ipc';
import { registerIpcHandlers } from './ipc-handlers';
import { createNotifier } from './notifications';
import { createSecureStore } from './secure-store';
import { secureSession, secureWebContents } from './security';
import { serverUrlsFrom } from './server-urls';
import { createTray } from './tray';
import { bringToFront, createMainWindow } from './window';

const APP_ID = 'io.agentdeck.console';

const paths = appPathsFrom(import.meta.dirname);
const location = appLocationFrom(process.env, app.isPackaged, paths);
const serverUrls = serverUrlsFrom(process.env);
const iconsDir = app.isPackaged
  ? join(process.resourcesPath, 'icons')
  : join(app.getAppPath(), 'resources', 'icons');

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const showWindow = (): BrowserWindow => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      bringToFront(mainWindow);
      return mainWindow;
    }
    mainWindow = createMainWindow({
      paths,
      location,
      serverUrl: serverUrls[0] ?? '',
      iconPath: join(iconsDir, 'icon.png'),
    });
    return mainWindow;
  };

  // A second launch (a click on the desktop icon) brings the running console forward instead.
  app.on('second-instance', () => {
    if (app.isReady()) showWindow();
  });
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, location));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    app.setAppUserModelId(APP_ID);
    secureSession(session.defaultSession, location, serverUrls);
    const tray = createTray({
      iconPath: join(iconsDir, 'tray.png'),
      onShow: showWindow,
      onQuit: () => app.quit(),
    });
    const showNotification = createNotifier((message) => {
      showWindow().webContents.send(IPC_CHANNELS.notificationAction, message);
    });
    registerIpcHandlers(createIpcHandle(location), {
      bringToFront: showWindow,
      showNotification,
      setWaitingCount: (count) => {
        app.setBadgeCount(count);
        tray.setWaitingCount(count);
      },
      secureStore: createSecureStore(join(app.getPath('userData'), 'secure-storage.json')),
      appVersion: () => app.getVersion(),
    });
    showWindow();
    app.on('activate', () => showWindow());
    if (app.isPackaged) {
      electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
        console.error('Update check failed:', error);
      });
    }
  });
}
