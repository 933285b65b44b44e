import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The ports of the e2e server. AGENTDECK_E2E_PORT moves both (SMTP at HTTP − 4900), so several
// checkouts on one machine can run their browser suites side by side.
const http = Number(process.env.AGENTDECK_E2E_PORT ?? 7499);
if (!Number.isInteger(http) || http < 5000 || http > 65535) {
  throw new Error(
    `AGENTDECK_E2E_PORT must be a port between 5000 and 65535, not ${process.env.AGENTDECK_E2E_PORT}`,
  );
}
export const E2E_HTTP_PORT = http;
export const E2E_SMTP_PORT = http - 4900;
export const E2E_BASE_URL = `http://127.0.0.1:${http}`;
/**
 * A file naming the e2e server's data directory (a fresh temporary one per run), so specs can read
 * the mail it sent: without a relay, outbound mail is written as .eml files under `mail-out/`.
 */
export const E2E_DATA_DIR_POINTER = join(tmpdir(), `agentdeck-e2e-${http}-data-dir`);
