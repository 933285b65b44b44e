import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-runtime.mjs';

let packageDir: string;
beforeEach(() => {
  packageDir = mkdtempSync(join(tmpdir(), 'agentdeck-electron-'));
});
afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('returns null here, where the runtime is not installed, without throwing', () => {
    expect(() => findElectronBinary()).not.toThrow();
    expect(findElectronBinary()).toBeNull();
  });

  it('returns the binary named by path.txt when it exists', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    mkdirSync(join(packageDir, 'dist'));
    writeFileSync(join(packageDir, 'dist', 'electron'), '');
    expect(findElectronBinary({ packageDir, env: {} })).toBe(join(packageDir, 'dist', 'electron'));
  });

  it('returns null when path.txt names a binary that was never downloaded', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir, env: {} })).toBeNull();
  });

  it('returns null for a missing package instead of throwing', () => {
    expect(findElectronBinary({ packageDir: join(packageDir, 'nowhere'), env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    const override = join(packageDir, 'custom');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toBe(
      join(override, 'electron'),
    );
  });
});
