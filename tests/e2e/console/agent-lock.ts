import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { E2E_HTTP_PORT } from '../../../scripts/e2e-ports.mjs';

/**
 * The e2e specs share one server and its demo people, two workers at a time. A spec that signs in
 * as a demo agent other specs also use (ana's presence, ben's account, their offers) takes them
 * here first, so two specs never drive the same agent at once. Locks are directories (mkdir is
 * atomic) holding the owner's pid; a lock whose worker died is taken over.
 */
const lockRoot = join(tmpdir(), `agentdeck-e2e-${E2E_HTTP_PORT}`);
const POLL_MS = 200;

function ownerAlive(dir: string): boolean {
  try {
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(name: string): boolean {
  const dir = join(lockRoot, name);
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A directory without a pid file is being written by its taker this instant: not stale.
    let written = true;
    try {
      readFileSync(join(dir, 'pid'));
    } catch {
      written = false;
    }
    if (!written || ownerAlive(dir)) return false;
    rmSync(dir, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(dir, 'pid'), String(process.pid));
  return true;
}

async function take(name: string): Promise<void> {
  while (!tryTake(name)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

function release(names: readonly string[]): void {
  for (const name of names) rmSync(join(lockRoot, name), { recursive: true, force: true });
}

/**
 * Holds `names` for every test of the calling spec file (call it at the top level of the file).
 * Names are taken in one order, so two specs cannot each hold what the other waits for; the time
 * spent waiting is added to the test's timeout.
 */
export function useDemoAgents(...names: string[]): void {
  const ordered = [...new Set(names)].sort();
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook asks for from this pattern
  test.beforeEach(async ({}, testInfo) => {
    mkdirSync(lockRoot, { recursive: true });
    const budget = testInfo.timeout;
    const started = Date.now();
    // No deadline while waiting (every holder is bounded by its own); the full budget after it.
    testInfo.setTimeout(0);
    for (const name of ordered) await take(name);
    testInfo.setTimeout(budget + (Date.now() - started));
  });
  // Hooks run before fixtures are torn down: close this test's consoles first, so the next holder
  // never meets a console of ours still connected.
  test.afterEach(async ({ browser }) => {
    await Promise.all(browser.contexts().map((context) => context.close()));
    release(ordered);
  });
}
