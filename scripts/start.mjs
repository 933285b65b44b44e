// `npm start`: the server on the embedded database with demo data, plus the console —
// an Electron window where the Electron runtime is installed, otherwise served at the printed URL.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureConsoleBuilt } from './console-build.mjs';
import { findElectronBinary } from './electron-runtime.mjs';

const root = resolve(import.meta.dirname, '..');
const port = process.env.AGENTDECK_HTTP_PORT ?? '7400';
const smtpPort = process.env.AGENTDECK_SMTP_PORT ?? '2525';
// `npm start -- --simulate [rate]`: demo traffic on every channel alongside, so the queue is live at once.
const simulateAt = process.argv.indexOf('--simulate');
const simulateRate =
  simulateAt === -1
    ? null
    : /^\d+(\.\d+)?$/.test(process.argv[simulateAt + 1] ?? '')
      ? process.argv[simulateAt + 1]
      : '1';

ensureConsoleBuilt();

const children = [];
let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const server = spawn(process.execPath, ['--import', 'tsx', 'src-server/index.ts'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, AGENTDECK_HTTP_PORT: port },
});
children.push(server);
server.on('exit', (code) => {
  if (!stopping) {
    console.error(`The server stopped (exit code ${code}).`);
    stopAll(code ?? 1);
  }
});

let electronStarted = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  // The server prints its console URL once it listens: then the window may open.
  if (!electronStarted && chunk.toString().includes('Console:')) {
    electronStarted = true;
    openDesktopWindow();
    if (simulateRate) startSimulator();
  }
});

function openDesktopWindow() {
  const electron = findElectronBinary();
  if (!electron) {
    console.log('(The Electron runtime is not installed here: open the console URL above in a browser.)');
    return;
  }
  const window = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, AGENTDECK_SERVER_URL: `http://localhost:${port}` },
  });
  children.push(window);
  // Closing the window ends the session, as a desktop app does.
  window.on('exit', () => stopAll(0));
}

function startSimulator() {
  const simulator = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/simulate/simulate.ts',
      '--rate',
      simulateRate,
      '--url',
      `http://127.0.0.1:${port}`,
      '--smtp',
      `127.0.0.1:${smtpPort}`,
    ],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  children.push(simulator);
}
