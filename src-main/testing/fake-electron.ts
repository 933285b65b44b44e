// A small stand-in for the `electron` module in unit tests: the real runtime cannot run here.
// Tests use it through `vi.mock('electron', () => import('./testing/fake-electron'))`.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** Handlers registered with `ipcMain.handle`, by channel. */
export const ipcHandlers = new Map<string, InvokeHandler>();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
  }),
};

export const shell = { openExternal: vi.fn(async (_url: string) => {}) };

/** A reversible scrambling that never leaves the plaintext readable, like the OS keychain would. */
function scramble(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((byte) => byte ^ 0xa5));
}
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plainText: string) =>
    Buffer.concat([Buffer.from('v10'), scramble(Buffer.from(plainText))]),
  ),
  decryptString: vi.fn((encrypted: Buffer) => {
    if (encrypted.subarray(0, 3).toString() !== 'v10')
      throw new Error('Error while decrypting the ciphertext');
    return scramble(encrypted.subarray(3)).toString();
  }),
};

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  minimized = false;
  focused = false;
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly loadFile = vi.fn(async (_path: string, _options?: { query?: Record<string, string> }) => {});
  readonly show = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly focus = vi.fn(() => {
    this.focused = true;
  });
  readonly flashFrame = vi.fn();
  readonly webContents = { send: vi.fn((_channel: string, ..._args: unknown[]) => {}) };
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class Notification extends EventEmitter {
  static supported = true;
  static created: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  readonly show = vi.fn();
  readonly close = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    Notification.created.push(this);
  }
}

export class Tray extends EventEmitter {
  static created: Tray[] = [];
  tooltip = '';
  title = '';
  menu: unknown = null;
  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
}

export interface FakeMenuItem {
  label?: string;
  type?: string;
  click?: () => void;
}
export const Menu = { buildFromTemplate: (items: FakeMenuItem[]) => ({ items }) };

export const nativeImage = {
  createFromPath: (path: string) => ({ path, resize: () => ({ path, resized: true }) }),
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly setBadgeCount = vi.fn((_count: number) => true);
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getAppPath = vi.fn(() => '/opt/agentdeck');
  readonly getPath = vi.fn((_name: string) => '/tmp/agentdeck-user-data');
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly setAppUserModelId = vi.fn();
  readonly quit = vi.fn();
  readonly whenReady = vi.fn(async () => {});
  readonly isReady = vi.fn(() => true);
}
export const app = new FakeApp();

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  },
};

/** Puts every fake back as it was, between tests. */
export function resetFakeElectron(): void {
  ipcHandlers.clear();
  BrowserWindow.created = [];
  Notification.created = [];
  Tray.created = [];
  Notification.supported = true;
  safeStorage.isEncryptionAvailable.mockReturnValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  vi.clearAllMocks();
}
