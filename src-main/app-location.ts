import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where the console page comes from: the Vite dev server, or the built files on disk. */
export type AppLocation = { kind: 'dev'; url: string } | { kind: 'file'; rendererDir: string };

/** Paths of the built app, relative to the folder of the bundled main process (out/main). */
export interface AppPaths {
  preload: string;
  rendererDir: string;
  rendererIndex: string;
}

export function appPathsFrom(mainDir: string): AppPaths {
  const rendererDir = join(mainDir, '..', 'renderer');
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir,
    rendererIndex: join(rendererDir, 'index.html'),
  };
}

const HttpUrl = z.url({ protocol: /^https?$/ });

/**
 * The dev server URL is honoured only when not packaged: an environment variable must never
 * point an installed app at a page it did not ship.
 */
export function appLocationFrom(
  env: Record<string, string | undefined>,
  isPackaged: boolean,
  paths: AppPaths,
): AppLocation {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devUrl && HttpUrl.safeParse(devUrl).success) return { kind: 'dev', url: devUrl };
  return { kind: 'file', rendererDir: paths.rendererDir };
}

function parseUrl(rawUrl: string): URL | null {
  try {
    return new URL(rawUrl);
  } catch {
    return null;
  }
}

/** True when the URL is the app's own page: the dev server's origin, or a file under the renderer folder. */
export function isAppUrl(rawUrl: string, location: AppLocation): boolean {
  const url = parseUrl(rawUrl);
  if (!url) return false;
  if (location.kind === 'dev') return url.origin === new URL(location.url).origin;
  if (url.protocol !== 'file:' || url.host !== '') return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  const inside = relative(location.rendererDir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** True for the only URLs we hand to the operating system: plain web links. */
export function isExternalWebUrl(rawUrl: string): boolean {
  const url = parseUrl(rawUrl);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}
