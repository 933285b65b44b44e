import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import type { AppLocation, AppPaths } from './app-location';

/** The renderer gets no Node.js, an isolated sandboxed preload, and no `<webview>`. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
  };
}

export interface MainWindowOptions {
  paths: AppPaths;
  location: AppLocation;
  /** The console's default server, handed to it as `?server=`. */
  serverUrl: string;
  iconPath: string;
}

/** Loads the console: the dev server's page, or the built index.html, with `?server=` set. */
export function loadConsole(window: BrowserWindow, options: MainWindowOptions): Promise<void> {
  const { location, paths, serverUrl } = options;
  if (location.kind === 'dev') {
    const url = new URL(location.url);
    url.searchParams.set('server', serverUrl);
    return window.loadURL(url.toString());
  }
  return window.loadFile(paths.rendererIndex, { query: { server: serverUrl } });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Agentdeck',
    icon: options.iconPath,
    // Shown once painted, so the person never sees a blank white frame.
    show: false,
    webPreferences: secureWebPreferences(options.paths.preload),
  });
  window.once('ready-to-show', () => window.show());
  window.on('focus', () => window.flashFrame(false));
  loadConsole(window, options).catch((error: unknown) => {
    console.error('The console page did not load:', error);
  });
  return window;
}

/** Screen pop: the window comes to the front even when minimised or hidden in the tray. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  // Windows may refuse to move focus from another app; then the taskbar button flashes instead.
  if (!window.isFocused()) window.flashFrame(true);
}
