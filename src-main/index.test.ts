import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../src-shared/protocol/ipc-channels';
import { app, BrowserWindow, ipcHandlers, Notification, session, Tray } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));
const checkForUpdatesAndNotify = vi.fn(async () => null);
vi.mock('electron-updater', () => ({ default: { autoUpdater: { checkForUpdatesAndNotify } } }));

// The main process as `electron .` starts it in development (not packaged, no dev server).
beforeAll(async () => {
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.stubEnv('AGENTDECK_SERVER_URL', 'http://10.1.2.3:7400');
  await import('./index');
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
});

describe('the main process, once ready', () => {
  it('sandboxes every renderer and holds the single-instance lock', () => {
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('secures the session before the window loads', () => {
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
  });

  it('opens one window on the built console with the configured server', () => {
    const [window] = BrowserWindow.created;
    expect(window?.loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[\\/]index\.html$/), {
      query: { server: 'http://10.1.2.3:7400' },
    });
  });

  it('handles every channel the preload invokes, and shows a tray', () => {
    const invoked = Object.values(IPC_CHANNELS).filter(
      (channel) => channel !== IPC_CHANNELS.notificationAction,
    );
    expect([...ipcHandlers.keys()].sort()).toEqual(invoked.sort());
    expect(Tray.created).toHaveLength(1);
  });

  it('a second launch brings the same window forward instead of opening another', () => {
    app.emit('second-instance');
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]?.focus).toHaveBeenCalled();
  });

  it('does not look for updates when not packaged', () => {
    expect(checkForUpdatesAndNotify).not.toHaveBeenCalled();
  });

  it('relays a click on a notification to the console, and brings the window forward', async () => {
    const window = BrowserWindow.created[0];
    const page = window?.loadFile.mock.calls[0]?.[0];
    const show = ipcHandlers.get(IPC_CHANNELS.notificationShow);
    if (!window || !page || !show) throw new Error('the app did not start');
    const senderFrame = { url: `${pathToFileURL(page)}?server=x`, parent: null };
    await show(
      { senderFrame },
      { id: 'offer-9', title: 'Incoming call', body: 'ACME', actionLabel: 'Accept' },
    );
    window.focus.mockClear();
    Notification.created.at(-1)?.emit('action', {}, 0);
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.notificationAction, {
      id: 'offer-9',
      action: 'action',
    });
  });
});
