import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { connectRedisAdapter } from '../../../src-server/platform/redis-adapter';
import { REDIS_TEST_URL, createTestDatabase, hasPostgres } from './services';
import {
  startOnOwnDatabase,
  startTestServer,
  type DatabaseKind,
  type TestServer,
  type TestServerOptions,
} from './test-server';

/**
 * The database kinds a server suite runs on here: the embedded one always, PostgreSQL when it
 * answers (in CI it must: `hasPostgres` fails there instead of skipping).
 */
export const KINDS: readonly DatabaseKind[] = [
  'embedded',
  ...((await hasPostgres()) ? (['postgres'] as const) : []),
];

export type SuiteServerOptions = Omit<TestServerOptions, 'kind' | 'databaseUrl'>;

/**
 * The suite's server, on a database of its own: started before the suite's first test (and
 * before the `beforeAll` hooks declared after this call), closed with its database dropped after
 * the last. Read it inside tests and hooks; read too early or too late, it says so.
 */
export function serverForSuite(kind: DatabaseKind, options: SuiteServerOptions = {}): TestServer {
  let started: TestServer | undefined;
  const close = async () => {
    const server = started;
    started = undefined;
    await server?.close();
  };
  beforeAll(async () => {
    started = await startOnOwnDatabase(kind, options);
  });
  afterAll(close);
  const current = (): TestServer => {
    if (!started)
      throw new Error('the suite server is read outside its suite (before it started or after it closed)');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
    login: (user) => current().login(user),
    connect: (user, connectOptions) => current().connect(user, connectOptions),
    close,
  };
}

export interface Nodes {
  /** The first seeded the database; every node serves the same organisation. */
  nodes: TestServer[];
  /** Stops every node and its Redis link, then drops the database. */
  close(): Promise<void>;
}

/**
 * `count` server nodes on one fresh PostgreSQL database, sharing socket rooms through Redis (one
 * stream of their own) and, with `sharedLimits`, their rate limits: a deployment of several nodes.
 */
export async function startNodes(
  count: number,
  options: { env?: Record<string, string>; sharedLimits?: boolean } = {},
): Promise<Nodes> {
  const database = await createTestDatabase();
  const closers: (() => Promise<void>)[] = [database.drop];
  const close = async () => {
    for (const closer of closers.splice(0)) await closer();
  };
  const streamName = `agentdeck-test-${randomUUID()}`;
  const nodes: TestServer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const redis = await connectRedisAdapter(REDIS_TEST_URL, { streamName });
      closers.unshift(() => redis.close());
      const node = await startTestServer({
        kind: 'postgres',
        databaseUrl: database.url,
        seed: i === 0,
        env: options.env,
        configureSockets: redis.install,
        sharedLimitStore: options.sharedLimits ? redis.limitStore : undefined,
      });
      closers.unshift(() => node.close());
      nodes.push(node);
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { nodes, close };
}
