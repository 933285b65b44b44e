import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';

export const POSTGRES_ADMIN_URL =
  process.env.AGENTDECK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_TEST_URL = process.env.AGENTDECK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const isCi = process.env.CI === 'true' || process.env.CI === '1';

async function reachable(probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a service tests need is here. In CI a missing service is a failure, never a skip;
 * on a developer machine the suite is skipped with a notice.
 */
async function requireService(name: string, probe: () => Promise<void>): Promise<boolean> {
  if (await reachable(probe)) return true;
  const message = `${name} is not reachable: its tests cannot run`;
  if (isCi) throw new Error(`${message} (CI=true: start it, do not skip)`);
  console.warn(`${message}; skipping them (set CI=true to make this a failure)`);
  return false;
}

export const hasPostgres = () =>
  requireService(`PostgreSQL at ${POSTGRES_ADMIN_URL}`, async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
  });

export const hasRedis = () =>
  requireService(`Redis at ${REDIS_TEST_URL}`, async () => {
    const client = createClient({
      url: REDIS_TEST_URL,
      socket: { connectTimeout: 3000, reconnectStrategy: false },
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.quit();
  });

/** A new empty PostgreSQL database for one suite; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `agentdeck_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
