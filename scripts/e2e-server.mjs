// The server the e2e tests run against (playwright.config.ts `webServer`): the console built from
// current sources, a fresh embedded database with demo data, removed again when the server stops.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { ensureConsoleBuilt } from './console-build.mjs';
import { E2E_DATA_DIR_POINTER, E2E_HTTP_PORT, E2E_SMTP_PORT } from './e2e-ports.mjs';

const root = resolve(import.meta.dirname, '..');
// `npx tsx src-server/index.ts` without npx in between: signals reach the server directly.
const command = [process.execPath, '--import', 'tsx', 'src-server/index.ts'];

ensureConsoleBuilt();

const dataDir = mkdtempSync(join(tmpdir(), 'agentdeck-e2e-'));
writeFileSync(E2E_DATA_DIR_POINTER, dataDir);
const removeDataDir = () => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(E2E_DATA_DIR_POINTER, { force: true });
};

const server = spawn(command[0], command.slice(1), {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    AGENTDECK_HTTP_PORT: String(E2E_HTTP_PORT),
    AGENTDECK_SMTP_PORT: String(E2E_SMTP_PORT),
    AGENTDECK_DATA_DIR: dataDir,
    AGENTDECK_DEMO_SEED: '1',
    // Every spec signs in afresh, several as the same person within a minute.
    AGENTDECK_LOGIN_RATE_LIMIT: '100',
    // console-call-controls.spec.ts and core-loop-demo-day.spec.ts sign their CTI events with this.
    AGENTDECK_CTI_SECRET: 'e2e-cti-secret',
    // core-loop-demo-day.spec.ts closes a console and waits for its agent to leave routing; a
    // reload comes back well within it.
    AGENTDECK_PRESENCE_GRACE_S: '6',
    // core-loop-admin-coach.spec.ts gives escalations@ to Tier 2 by an intake rule.
    AGENTDECK_SUPPORT_ADDRESSES: 'support@agentdeck.test,sales@agentdeck.test,escalations@agentdeck.test',
  },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
server.on('error', (error) => {
  console.error(`Could not start the e2e server: ${error.message}`);
  removeDataDir();
  process.exit(1);
});
server.on('exit', (code, signal) => {
  removeDataDir();
  process.exit(code ?? (signal ? 0 : 1));
});
