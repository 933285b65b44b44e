import { defineConfig, devices } from '@playwright/test';
import { BROWSER_HINT, findChromium } from './scripts/find-browser.mjs';
import { E2E_BASE_URL } from './scripts/e2e-ports.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(BROWSER_HINT);

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: the server, its database and two browsers already share them.
  workers: 2,
  // On CI, one retry: two browsers, the server and PostgreSQL share two cores, and a test that
  // passes only on its retry is listed as flaky by name (and counted by scripts/test.mjs), not hidden.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E_BASE_URL,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${E2E_BASE_URL}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // SIGTERM, not the default SIGKILL: the script then stops the server and removes its data directory.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
