// Builds the console (electron-vite: main, preload, renderer) when its output is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['src-renderer', 'src-shared', 'src-main', 'src-preload'];
const OUTPUT = join(root, 'out', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function consoleBuildIsStale() {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  return SOURCE_DIRS.some((dir) => existsSync(join(root, dir)) && newestMtime(join(root, dir)) > built);
}

/** Builds when stale; throws with the build's own output when the build fails. */
export function ensureConsoleBuilt({ log = console.log } = {}) {
  if (!consoleBuildIsStale()) return false;
  log('Building the console (electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error('The console build failed (see above).');
  return true;
}
