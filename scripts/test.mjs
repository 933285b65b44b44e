// `npm test`: every check CI runs, in order, then ONE summary line `N passed, N failed[, N skipped]`.
// Test cases of vitest and Playwright are counted one by one; a failed typecheck, lint or format
// step counts as one failure. `--only static|unit|server|e2e` runs one group.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BROWSER_HINT, findChromium } from './find-browser.mjs';

const root = resolve(import.meta.dirname, '..');
const reports = mkdtempSync(join(tmpdir(), 'agentdeck-test-'));
const TSCONFIG_ROOTS = ['src-shared', 'src-server', 'src-main', 'src-preload', 'src-renderer', 'tests'];

function run(bin, args, env = {}) {
  const result = spawnSync(join(root, 'node_modules', '.bin', bin), args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** A check that is not a test suite: one failure when it fails. */
const check = (bin, args) => () => ({ passed: 0, failed: run(bin, args) ? 0 : 1, skipped: 0 });

function vitest(project) {
  const output = join(reports, `vitest-${project}.json`);
  const ok = run('vitest', [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  const report = readJson(output);
  const counts = {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
  // A suite that cannot load, or errors outside tests, fail the run without failing a test case.
  if (!ok && counts.failed === 0) counts.failed = 1;
  return counts;
}

function playwright() {
  if (!findChromium()) {
    console.log(BROWSER_HINT);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const output = join(reports, 'playwright.json');
  const ok = run('playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const stats = readJson(output)?.stats;
  const counts = {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
  };
  // The web server not starting, or a global error, fails the run before any test does.
  if (!ok && counts.failed === 0) counts.failed = 1;
  if (stats?.flaky)
    console.log(`${stats.flaky} e2e test(s) passed only on their retry: listed as flaky above.`);
  return counts;
}

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? null : process.argv[onlyIndex + 1];
const steps = [
  ...TSCONFIG_ROOTS.map((dir) => ({
    group: 'static',
    name: `typecheck ${dir}`,
    run: check('tsc', ['--noEmit', '-p', join(dir, 'tsconfig.json')]),
  })),
  { group: 'static', name: 'lint', run: check('eslint', ['.', '--max-warnings', '0']) },
  { group: 'static', name: 'format', run: check('prettier', ['--check', '.', '--log-level', 'warn']) },
  // One run per project: they differ in maxWorkers, which vitest runs separately anyway.
  { group: 'unit', name: 'vitest (unit)', run: () => vitest('unit') },
  { group: 'server', name: 'vitest (server)', run: () => vitest('server') },
  { group: 'e2e', name: 'playwright (e2e)', run: playwright },
].filter((step) => !only || step.group === only);

if (steps.length === 0) {
  console.error(`Unknown --only '${only}': use static, unit, server or e2e.`);
  process.exit(2);
}

const total = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
steps.forEach((step, index) => {
  console.log(`\n[${index + 1}/${steps.length}] ${step.name} …`);
  const counts = step.run();
  for (const key of Object.keys(total)) total[key] += counts[key];
  if (counts.failed > 0) failedSteps.push(step.name);
});
if (existsSync(reports)) rmSync(reports, { recursive: true, force: true });

if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(', ')}`);
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
