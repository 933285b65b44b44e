import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLocationFrom, appPathsFrom, isAppUrl, isExternalWebUrl } from './app-location';
import type { AppLocation } from './app-location';

const paths = appPathsFrom(resolve('/opt/agentdeck/out/main'));
const built: AppLocation = { kind: 'file', rendererDir: paths.rendererDir };
const dev: AppLocation = { kind: 'dev', url: 'http://localhost:5173/' };
const fileUrl = (path: string): string => pathToFileURL(path).toString();

describe('the app location', () => {
  it('puts the preload and the page next to the bundled main process', () => {
    expect(paths.preload).toBe(resolve('/opt/agentdeck/out/preload/index.cjs'));
    expect(paths.rendererIndex).toBe(resolve('/opt/agentdeck/out/renderer/index.html'));
  });

  it('uses the dev server only when not packaged, and only for an http(s) URL', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(appLocationFrom(env, false, paths)).toEqual({ kind: 'dev', url: 'http://localhost:5173' });
    expect(appLocationFrom(env, true, paths)).toEqual(built);
    expect(appLocationFrom({ ELECTRON_RENDERER_URL: 'file:///etc/passwd' }, false, paths)).toEqual(built);
    expect(appLocationFrom({}, false, paths)).toEqual(built);
  });
});

describe('isAppUrl', () => {
  it('accepts the built page, with its query and hash', () => {
    expect(isAppUrl(`${fileUrl(paths.rendererIndex)}?server=http%3A%2F%2Fx#/queue`, built)).toBe(true);
    expect(isAppUrl(fileUrl(join(paths.rendererDir, 'assets', 'index.js')), built)).toBe(true);
  });

  it('refuses other files, a way out of the renderer folder, remote file hosts and the web', () => {
    expect(isAppUrl(fileUrl(resolve('/etc/passwd')), built)).toBe(false);
    expect(isAppUrl(fileUrl(join(paths.rendererDir, '..', 'main', 'index.js')), built)).toBe(false);
    expect(isAppUrl(`${fileUrl(paths.rendererDir)}/..%2Fmain/index.js`, built)).toBe(false);
    expect(isAppUrl(fileUrl(`${paths.rendererDir}-evil/index.html`), built)).toBe(false);
    expect(isAppUrl('file://evil-host/share/index.html', built)).toBe(false);
    expect(isAppUrl('https://example.com/', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
  });

  it('in dev, accepts exactly the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/index.html?server=x', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(fileUrl(paths.rendererIndex), dev)).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it('is true only for http and https', () => {
    expect(isExternalWebUrl('https://example.com/kb/42')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'mailto:a@b.c',
      'nonsense',
    ]) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });
});
