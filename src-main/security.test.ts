import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, shell } from './testing/fake-electron';
import type { AppLocation } from './app-location';
import { secureSession, secureWebContents } from './security';

vi.mock('electron', () => import('./testing/fake-electron'));

const rendererDir = resolve('/opt/agentdeck/out/renderer');
const location: AppLocation = { kind: 'file', rendererDir };
const appPage = `${pathToFileURL(join(rendererDir, 'index.html'))}?server=http%3A%2F%2Flocalhost%3A7400`;

type OpenHandler = (details: { url: string }) => { action: string };
class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  navigate(eventName: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = { url, preventDefault: vi.fn() };
    this.emit(eventName, event, url);
    return event.preventDefault.mock.calls.length > 0;
  }
  open(url: string): { action: string } {
    if (!this.openHandler) throw new Error('no window open handler');
    return this.openHandler({ url });
  }
}

function securedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  secureWebContents(contents as unknown as WebContents, location);
  return contents;
}

beforeEach(() => resetFakeElectron());

describe('navigation', () => {
  it('is prevented to another origin or another file, on navigate and on redirect', () => {
    const contents = securedContents();
    expect(contents.navigate('will-navigate', 'https://evil.example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example.com/login')).toBe(true);
  });

  it('is allowed within the app', () => {
    const contents = securedContents();
    expect(contents.navigate('will-navigate', appPage)).toBe(false);
    expect(contents.navigate('will-redirect', appPage)).toBe(false);
  });

  it('never attaches a webview', () => {
    const contents = securedContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('window.open', () => {
  it('opens http and https links in the browser and never opens a window', () => {
    const contents = securedContents();
    expect(contents.open('https://kb.example.com/article/7')).toEqual({ action: 'deny' });
    expect(contents.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://kb.example.com/article/7'],
      ['http://example.com/'],
    ]);
  });

  it('does not hand javascript:, file: or smb: links to the operating system', () => {
    const contents = securedContents();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://attacker/share']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

function securedSession(serverUrls = ['http://localhost:7400']) {
  const handlers: { request?: RequestHandler; check?: CheckHandler; headers?: HeadersListener } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
    webRequest: { onHeadersReceived: (listener: HeadersListener) => (handlers.headers = listener) },
  };
  secureSession(session as unknown as Session, location, serverUrls);
  const { request, check, headers } = handlers;
  if (!request || !check || !headers) throw new Error('a session hook was not set');
  const requestPermission = (permission: string, requestingUrl = appPage): boolean => {
    let granted: boolean | undefined;
    request({}, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === undefined) throw new Error('the permission request was never answered');
    return granted;
  };
  const checkPermission = (permission: string, requestingUrl = appPage): boolean =>
    check(null, permission, 'file:///', { requestingUrl });
  const headersFor = (url: string): Record<string, string[]> | undefined => {
    let answer: { responseHeaders?: Record<string, string[]> } | undefined;
    headers({ url, responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => (answer = response));
    return answer?.responseHeaders;
  };
  return { requestPermission, checkPermission, headersFor };
}

describe('permissions', () => {
  it('are denied by default, for requests and checks', () => {
    const { requestPermission, checkPermission } = securedSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'unknown',
    ]) {
      expect(requestPermission(permission)).toBe(false);
      expect(checkPermission(permission)).toBe(false);
    }
  });

  it('allow copying to the clipboard from the app, never from another page', () => {
    const { requestPermission, checkPermission } = securedSession();
    expect(requestPermission('clipboard-sanitized-write')).toBe(true);
    expect(checkPermission('clipboard-sanitized-write')).toBe(true);
    expect(requestPermission('clipboard-sanitized-write', 'https://evil.example.com/')).toBe(false);
    expect(checkPermission('clipboard-sanitized-write', 'https://evil.example.com/')).toBe(false);
  });
});

describe('content security policy', () => {
  it('is set on the app page: own scripts, the configured servers only, no objects, no frames', () => {
    const { headersFor } = securedSession(['https://agentdeck.example.com', 'http://10.0.0.5:7400']);
    const headers = headersFor(appPage);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    const policy = headers?.['Content-Security-Policy']?.[0] ?? '';
    const directive = (name: string) =>
      policy
        .split('; ')
        .find((part) => part.startsWith(`${name} `))
        ?.split(' ')
        .slice(1);
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('frame-src')).toEqual(["'none'"]);
    expect(directive('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive('connect-src')).toEqual([
      "'self'",
      'https://agentdeck.example.com',
      'wss://agentdeck.example.com',
      'http://10.0.0.5:7400',
      'ws://10.0.0.5:7400',
    ]);
  });

  it('is not added to responses from elsewhere', () => {
    const { headersFor } = securedSession();
    expect(headersFor('http://localhost:7400/api/cases')).toBeUndefined();
  });
});
