import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_HINT, findChromium } from './find-browser.mjs';

describe('findChromium', () => {
  let dir = '';
  let system = '';
  let bundled = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
    system = join(dir, 'chromium');
    bundled = join(dir, 'chrome');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("prefers the system's chromium", () => {
    writeFileSync(system, '');
    writeFileSync(bundled, '');
    expect(findChromium({ systemPath: system, bundledPath: () => bundled })).toBe(system);
  });

  it("falls back to Playwright's chromium when it is really on disk", () => {
    writeFileSync(bundled, '');
    expect(findChromium({ systemPath: join(dir, 'none'), bundledPath: () => bundled })).toBe(bundled);
  });

  it('answers null when neither exists, so callers can print the hint', () => {
    expect(findChromium({ systemPath: join(dir, 'none'), bundledPath: () => join(dir, 'gone') })).toBeNull();
    expect(findChromium({ systemPath: join(dir, 'none'), bundledPath: () => null })).toBeNull();
    expect(BROWSER_HINT).not.toContain('\n');
    expect(BROWSER_HINT).toContain('apt-get install -y chromium');
    expect(BROWSER_HINT).toContain('npx playwright install chromium');
  });
});
