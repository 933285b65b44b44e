import { resolve } from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appPathsFrom } from './app-location';
import { BrowserWindow, resetFakeElectron } from './testing/fake-electron';
import { bringToFront, createMainWindow } from './window';

vi.mock('electron', () => import('./testing/fake-electron'));

const paths = appPathsFrom(resolve('/opt/agentdeck/out/main'));
const options = {
  paths,
  location: { kind: 'file', rendererDir: paths.rendererDir } as const,
  serverUrl: 'https://agentdeck.example.com',
  iconPath: '/icons/icon.png',
};

function onlyWindow(): BrowserWindow {
  const [window] = BrowserWindow.created;
  if (!window || BrowserWindow.created.length !== 1) throw new Error('expected exactly one window');
  return window;
}

beforeEach(() => resetFakeElectron());

describe('the main window', () => {
  it('isolates the renderer: sandboxed preload, no Node.js, no webview', () => {
    createMainWindow(options);
    expect(onlyWindow().options.webPreferences).toMatchObject({
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('loads the built console with the server as ?server=', () => {
    createMainWindow(options);
    const window = onlyWindow();
    expect(window.loadFile).toHaveBeenCalledWith(paths.rendererIndex, {
      query: { server: 'https://agentdeck.example.com' },
    });
    expect(window.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev server page in dev, with ?server= too', () => {
    createMainWindow({ ...options, location: { kind: 'dev', url: 'http://localhost:5173/' } });
    const window = onlyWindow();
    expect(window.loadURL).toHaveBeenCalledWith(
      'http://localhost:5173/?server=https%3A%2F%2Fagentdeck.example.com',
    );
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('shows itself once painted', () => {
    createMainWindow(options);
    const window = onlyWindow();
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});

describe('bringToFront', () => {
  it('restores a minimised window, shows and focuses it', () => {
    createMainWindow(options);
    const window = onlyWindow();
    window.minimized = true;
    bringToFront(window as unknown as ElectronWindow);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.flashFrame).not.toHaveBeenCalledWith(true);
  });

  it('flashes the taskbar when the system refuses focus', () => {
    createMainWindow(options);
    const window = onlyWindow();
    window.focus.mockImplementation(() => {});
    bringToFront(window as unknown as ElectronWindow);
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.flashFrame).toHaveBeenCalledWith(true);
  });
});
