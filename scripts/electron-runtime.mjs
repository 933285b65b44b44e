// Finds the Electron executable without ever downloading it. The `electron` package's own
// index.js runs its installer (a download) when the binary is missing, so it is not required here:
// this reads the package's path.txt and checks that the binary it names really exists.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

/**
 * The absolute path of the Electron executable when the runtime is really installed, else null.
 * Never throws, never downloads.
 * @param {{ packageDir?: string, env?: Record<string, string | undefined> }} [options] for tests
 * @returns {string | null}
 */
export function findElectronBinary({ packageDir, env = process.env } = {}) {
  try {
    const dir = packageDir ?? electronPackageDir();
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const executable = readFileSync(pathFile, 'utf8').trim();
    if (!executable) return null;
    const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
    const binary = resolve(distDir, executable);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
