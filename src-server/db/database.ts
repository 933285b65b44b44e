import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { preparedPglite } from './pglite-prepared';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The transaction handle handed to a command; same query API as `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseConfig =
  { kind: 'embedded'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize?: number };

export interface Database {
  kind: DatabaseConfig['kind'];
  db: Db;
  /**
   * The routing engine's own connections (PostgreSQL; the same handle on the embedded database):
   * a pass never waits in the pool behind a burst of intake, which is when it matters most.
   */
  routingDb: Db;
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  /**
   * Calls `listener` when a connection to PostgreSQL breaks (terminated by the server, a failover,
   * a network blip), idle or in use. Never on the embedded database.
   */
  onConnectionError(listener: (err: Error) => void): void;
  close(): Promise<void>;
}

/** Waiting longer than this for a new connection means the database is not there. */
const CONNECT_TIMEOUT_MS = 5_000;

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens the database named by the config and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'embedded') {
    if (config.dataDir) mkdirSync(resolve(config.dataDir), { recursive: true });
    const client = config.dataDir ? new PGlite(resolve(config.dataDir, 'pglite')) : new PGlite();
    await client.waitReady;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    // Prepared after the migrations: a statement's plan is for the schema it was prepared on.
    const db = drizzlePglite(preparedPglite(client) as unknown as PGlite, { schema }) as unknown as Db;
    return {
      kind: 'embedded',
      db,
      routingDb: db,
      ping: async () => void (await client.query('select 1')),
      onConnectionError: () => undefined,
      close: () => client.close(),
    };
  }
  const connectionTimeoutMillis = CONNECT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis,
  });
  // Deadlines and a pass run one after the other: one connection, and a spare for a reconnect.
  const routingPool = new pg.Pool({ connectionString: config.url, max: 2, connectionTimeoutMillis });
  const listeners: ((err: Error) => void)[] = [];
  const connectionError = (err: Error) => {
    for (const listener of listeners) listener(err);
  };
  for (const p of [pool, routingPool]) {
    // An idle connection that breaks: the pool drops it and emits here.
    p.on('error', connectionError);
    // A connection in use (inside a transaction) that breaks emits on its client, which the pool
    // does not listen to while the connection is checked out: an unhandled 'error' event would
    // end the process. The query in flight fails on its own and its caller answers for it.
    p.on('connect', (client) => client.on('error', connectionError));
  }
  const migrator = drizzlePg(pool);
  await withMigrationLock(pool, () => migratePg(migrator, { migrationsFolder }));
  return {
    kind: 'postgres',
    db: drizzlePg(pool, { schema }) as unknown as Db,
    routingDb: drizzlePg(routingPool, { schema }) as unknown as Db,
    ping: async () => void (await pool.query('select 1')),
    onConnectionError: (listener) => void listeners.push(listener),
    close: async () => {
      await Promise.all([pool.end(), routingPool.end()]);
    },
  };
}

/** Several nodes starting at once must not run the same migration twice. */
async function withMigrationLock(pool: pg.Pool, run: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(7400001)');
    await run();
  } finally {
    await client.query('select pg_advisory_unlock(7400001)').catch(() => undefined);
    client.release();
  }
}
