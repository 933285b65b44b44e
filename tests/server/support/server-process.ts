import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { LoginResponse } from '../../../src-shared/protocol/auth';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
// Generous: on a loaded machine tsx compiles the server afresh in each process.
const STARTUP_TIMEOUT_MS = 90_000;
const EXIT_GRACE_MS = 5_000;

/** What every server process in a test gets unless the test says otherwise. */
const BASE_ENV: Record<string, string> = {
  AGENTDECK_HTTP_PORT: '0',
  AGENTDECK_SMTP_PORT: '0',
  AGENTDECK_HOST: '127.0.0.1',
  AGENTDECK_LOG_LEVEL: 'warn',
  AGENTDECK_RENDERER_DIR: '/nonexistent-console-build',
  AGENTDECK_JWT_SECRET: 'test-secret-test-secret-test-secret-42',
  AGENTDECK_LOGIN_RATE_LIMIT: '1000',
  // Load tests send commands as fast as they can; the limits have their own tests.
  AGENTDECK_SOCKET_EVENT_RATE_LIMIT: '1000',
  AGENTDECK_USER_EVENT_RATE_LIMIT: '2000',
  AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT: '1000',
  AGENTDECK_DEMO_SEED: '0',
};

/** A real `src-server/index.ts` in its own OS process, as production runs it. */
export interface ServerProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  pid: number;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Log lines at error level or above (pino levels 50 and 60). */
  errorLines(): string[];
  /** Whether the process has exited (by itself or stopped). */
  hasExited(): boolean;
  /** `kill -9`: no shutdown hooks, open transactions die with the connection. */
  crash(): Promise<void>;
  /** SIGTERM, then SIGKILL if it does not exit in time. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test runner that dies must not leave servers holding ports and database connections.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts a server process and resolves once it listens (port 0: the URL is read from its banner). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/index.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...BASE_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  void exited.then(() => running.delete(child));

  const endWith = async (signal: NodeJS.Signals) => {
    if (hasExited()) return;
    child.kill(signal);
    const timeout = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
    await exited;
    clearTimeout(timeout);
  };

  try {
    const url = await listeningUrl(() => output, exited);
    return {
      url,
      pid: child.pid ?? -1,
      output: () => output,
      errorLines: () => output.split('\n').filter((line) => /"level":(50|60)/.test(line)),
      hasExited,
      crash: () => endWith('SIGKILL'),
      stop: () => endWith('SIGTERM'),
    };
  } catch (err) {
    await endWith('SIGKILL');
    throw err;
  }
}

/** The banner line `Console:  http://localhost:PORT/` tells which port port 0 became. */
async function listeningUrl(output: () => string, exited: Promise<void>): Promise<string> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const port = /Console:\s+http:\/\/[^:/\s]+:(\d+)\//.exec(output())?.[1];
    if (port) return `http://127.0.0.1:${port}`;
    if (hasExited) throw new Error(`the server process exited while starting:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`the server process did not listen in time:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Signs in over HTTP as a console does; returns the access token. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return LoginResponse.parse(await res.json()).token;
}

/** A real socket.io client on `url`, connected; it does not reconnect by itself (the test decides where). */
export async function openSocket(url: string, token: string): Promise<Socket> {
  const socket = connectSocket(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((done, fail) => {
    socket.once('connect', () => done());
    socket.once('connect_error', (err) => fail(err));
  });
  return socket;
}
