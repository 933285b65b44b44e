import { io as connectSocket, type Socket } from 'socket.io-client';
import { createApp, type App } from '../../../src-server/app';
import { openDatabase, type Database } from '../../../src-server/db/database';
import { readConfig } from '../../../src-server/platform/config';
import type { Ack } from '../../../src-shared/protocol/envelope';
import { LoginResponse } from '../../../src-shared/protocol/auth';
import { ORG, insertMinimalOrg, type FixtureUser } from '../../fixtures/minimal-org';
import { createTestDatabase } from './services';

export type DatabaseKind = 'embedded' | 'postgres';

/** The key test servers sign access tokens with, for tests that sign their own (e.g. short-lived). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-42';

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  login(user: FixtureUser): Promise<LoginResponse>;
  /** A real socket.io client signed in as `user`, connected. */
  connect(user: FixtureUser | { token: string }, options?: { origin?: string }): Promise<Socket>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  kind?: DatabaseKind;
  /** PostgreSQL URL (required for kind 'postgres'). Several servers may share one, as several nodes. */
  databaseUrl?: string;
  /** Insert the minimal organisation (default true; pass false for a second node on a seeded database). */
  seed?: boolean;
  env?: Record<string, string>;
  configureSockets?: Parameters<typeof createApp>[0]['configureSockets'];
  sharedLimitStore?: Parameters<typeof createApp>[0]['sharedLimitStore'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const kind = options.kind ?? 'embedded';
  const config = readConfig({
    AGENTDECK_HTTP_PORT: '0',
    AGENTDECK_SMTP_PORT: '0',
    AGENTDECK_HOST: '127.0.0.1',
    AGENTDECK_LOG_LEVEL: 'silent',
    AGENTDECK_RENDERER_DIR: '/nonexistent-console-build',
    AGENTDECK_JWT_SECRET: TEST_JWT_SECRET,
    AGENTDECK_LOGIN_RATE_LIMIT: '1000',
    // Suites send commands as fast as they can; the limits have their own tests.
    AGENTDECK_SOCKET_EVENT_RATE_LIMIT: '1000',
    AGENTDECK_USER_EVENT_RATE_LIMIT: '2000',
    AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT: '1000',
    ...(kind === 'postgres' ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const database = await openDatabase(
    kind === 'postgres' ? { kind, url: options.databaseUrl ?? '' } : { kind, dataDir: null },
  );
  if (options.seed !== false) await insertMinimalOrg(database.db);
  const app = await createApp({
    config,
    database,
    configureSockets: options.configureSockets,
    sharedLimitStore: options.sharedLimitStore,
  });
  const url = await app.listen();
  const sockets: Socket[] = [];

  const login = async (user: FixtureUser) => {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: ORG.password }),
    });
    if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
    return LoginResponse.parse(await res.json());
  };

  return {
    url,
    app,
    database,
    login,
    async connect(user, connectOptions = {}) {
      const token = typeof user === 'string' ? (await login(user)).token : user.token;
      const socket = connectSocket(url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: connectOptions.origin ? { origin: connectOptions.origin } : undefined,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(err));
      });
      return socket;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      await database.close();
    },
  };
}

/** Emits with an ack and a timeout; resolves to the server's envelope. */
export function request<T = unknown>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 5000,
): Promise<Ack<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** Collects every pushed event of a type on a socket. */
export function collect<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Resolves when `predicate` holds (polling), or rejects after `timeoutMs`. */
export async function eventually(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 3000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Gives in-flight pushes a moment to arrive, for asserting that something did NOT arrive. */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

/**
 * A server on a database of its own: a fresh embedded one, or a PostgreSQL database created for it
 * and dropped when the server closes.
 */
export async function startOnOwnDatabase(
  kind: DatabaseKind,
  options: Omit<TestServerOptions, 'kind' | 'databaseUrl'> = {},
): Promise<TestServer> {
  const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
  const server = await startTestServer({ ...options, kind, databaseUrl: pg?.url });
  return {
    ...server,
    async close() {
      await server.close();
      await pg?.drop();
    },
  };
}
