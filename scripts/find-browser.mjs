// Where the e2e tests find Chromium: the system's package first, then Playwright's own download.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** One line telling a person how to get a browser for the e2e tests. */
export const BROWSER_HINT =
  'No Chromium found for the e2e tests: run `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium` (elsewhere).';

/** The path of a Chromium executable, or null when none is installed. */
export function findChromium({ systemPath = SYSTEM_CHROMIUM, bundledPath = playwrightChromium } = {}) {
  if (existsSync(systemPath)) return systemPath;
  const bundled = bundledPath();
  return bundled && existsSync(bundled) ? bundled : null;
}

function playwrightChromium() {
  try {
    // playwright-core is CommonJS: require keeps findChromium synchronous for playwright.config.ts.
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    return chromium.executablePath();
  } catch {
    // It throws when this platform has no entry in its browser registry.
    return null;
  }
}
