import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BadgeCountArgs, NoArgs } from '../src-shared/protocol/ipc';
import { IPC_CHANNELS } from '../src-shared/protocol/ipc-channels';
import type { AppLocation } from './app-location';
import { createIpcHandle } from './ipc';
import { registerIpcHandlers } from './ipc-handlers';
import type { IpcHandlerDeps } from './ipc-handlers';
import { ipcHandlers, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const rendererDir = resolve('/opt/agentdeck/out/renderer');
const location: AppLocation = { kind: 'file', rendererDir };
const appPage = `${pathToFileURL(join(rendererDir, 'index.html'))}?server=x`;

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}
const mainFrame: FakeFrame = { url: appPage, parent: null };

/** Calls a registered handler the way Electron does for `ipcRenderer.invoke(channel, ...args)`. */
async function invoke(channel: string, senderFrame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return handler({ senderFrame }, ...args);
}

beforeEach(() => resetFakeElectron());

describe('the IPC wrapper', () => {
  it('passes the parsed arguments of a good call from the app to the handler', async () => {
    const run = vi.fn((args: BadgeCountArgs) => args.count * 2);
    createIpcHandle(location)(IPC_CHANNELS.badgeSet, BadgeCountArgs, run);
    await expect(invoke(IPC_CHANNELS.badgeSet, mainFrame, { count: 4 })).resolves.toBe(8);
    expect(run).toHaveBeenCalledWith({ count: 4 }, expect.anything());
  });

  it('refuses a sender from another origin, a sub-frame and a vanished frame; the handler never runs', async () => {
    const run = vi.fn();
    createIpcHandle(location)(IPC_CHANNELS.badgeSet, BadgeCountArgs, run);
    const foreign: FakeFrame = { url: 'https://evil.example.com/', parent: null };
    const subFrame: FakeFrame = { url: appPage, parent: mainFrame };
    const otherFile: FakeFrame = { url: 'file:///tmp/index.html', parent: null };
    await expect(invoke(IPC_CHANNELS.badgeSet, foreign, { count: 1 })).rejects.toThrow(
      /badge:set refused: the sender/,
    );
    await expect(invoke(IPC_CHANNELS.badgeSet, otherFile, { count: 1 })).rejects.toThrow(/is not the app/);
    await expect(invoke(IPC_CHANNELS.badgeSet, subFrame, { count: 1 })).rejects.toThrow(
      /only the main frame/,
    );
    await expect(invoke(IPC_CHANNELS.badgeSet, null, { count: 1 })).rejects.toThrow(/frame is gone/);
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments with a clear error, and the handler never runs', async () => {
    const run = vi.fn();
    createIpcHandle(location)(IPC_CHANNELS.badgeSet, BadgeCountArgs, run);
    for (const bad of [
      { count: -1 },
      { count: 1.5 },
      { count: '3' },
      { count: 3, extra: true },
      'x',
      undefined,
    ]) {
      await expect(invoke(IPC_CHANNELS.badgeSet, mainFrame, bad)).rejects.toThrow(
        /badge:set refused: bad arguments/,
      );
    }
    await expect(invoke(IPC_CHANNELS.badgeSet, mainFrame, { count: 1 }, 'more')).rejects.toThrow(
      /at most one/,
    );
    expect(run).not.toHaveBeenCalled();
  });

  it('accepts no argument for a channel that takes none, and refuses one', async () => {
    createIpcHandle(location)(IPC_CHANNELS.appVersion, NoArgs, () => '1.2.3');
    await expect(invoke(IPC_CHANNELS.appVersion, mainFrame)).resolves.toBe('1.2.3');
    await expect(invoke(IPC_CHANNELS.appVersion, mainFrame, { sneaky: 1 })).rejects.toThrow(/bad arguments/);
  });
});

describe('the registered handlers', () => {
  function registered(): IpcHandlerDeps {
    const deps: IpcHandlerDeps = {
      bringToFront: vi.fn(),
      showNotification: vi.fn(),
      setWaitingCount: vi.fn(),
      secureStore: {
        get: vi.fn(async () => 'token'),
        set: vi.fn(async () => {}),
        delete: vi.fn(async () => {}),
      },
      appVersion: () => '0.1.0',
    };
    registerIpcHandlers(createIpcHandle(location), deps);
    return deps;
  }

  it('cover every channel the preload invokes', () => {
    registered();
    const invoked = Object.values(IPC_CHANNELS).filter(
      (channel) => channel !== IPC_CHANNELS.notificationAction,
    );
    expect([...ipcHandlers.keys()].sort()).toEqual(invoked.sort());
  });

  it('route each call to its dependency', async () => {
    const deps = registered();
    await invoke(IPC_CHANNELS.windowBringToFront, mainFrame);
    await invoke(IPC_CHANNELS.badgeSet, mainFrame, { count: 3 });
    await invoke(IPC_CHANNELS.notificationShow, mainFrame, {
      id: 'c1',
      title: 'Call',
      body: 'ACME',
      actionLabel: 'Accept',
    });
    await expect(invoke(IPC_CHANNELS.secureGet, mainFrame, { key: 'refreshToken' })).resolves.toBe('token');
    await invoke(IPC_CHANNELS.secureSet, mainFrame, { key: 'refreshToken', value: 'v' });
    await invoke(IPC_CHANNELS.secureDelete, mainFrame, { key: 'refreshToken' });
    await expect(invoke(IPC_CHANNELS.appVersion, mainFrame)).resolves.toBe('0.1.0');
    expect(deps.bringToFront).toHaveBeenCalledOnce();
    expect(deps.setWaitingCount).toHaveBeenCalledWith(3);
    expect(deps.showNotification).toHaveBeenCalledWith({
      id: 'c1',
      title: 'Call',
      body: 'ACME',
      actionLabel: 'Accept',
    });
    expect(deps.secureStore.set).toHaveBeenCalledWith('refreshToken', 'v');
    expect(deps.secureStore.delete).toHaveBeenCalledWith('refreshToken');
  });

  it('refuse a secure key that is not a plain name', async () => {
    const deps = registered();
    for (const key of ['../../etc/passwd', '__proto__', '', 'a'.repeat(101)]) {
      await expect(invoke(IPC_CHANNELS.secureGet, mainFrame, { key })).rejects.toThrow(/bad arguments/);
    }
    expect(deps.secureStore.get).not.toHaveBeenCalled();
  });
});
