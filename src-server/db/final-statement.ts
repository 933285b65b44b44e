import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db, Tx } from './database';
import { runRaw, type RawParam, type RawStatement } from './raw-sql';
import * as schema from './schema';

/** The statement a transaction ends with, and its parameters. */
export interface FinalStatement {
  statement: RawStatement;
  values: RawParam[];
}

/**
 * Runs `work` in a transaction and ends it with the statement `work` returns. On PostgreSQL that
 * statement and COMMIT travel in one round trip (the simple protocol runs both), so a lock the
 * statement takes — the event log's append lock — is held for the commit alone, never while this
 * process gets round to sending COMMIT. Parameters are inlined as escaped literals for that one
 * message. On the embedded database (one connection, nothing to wait for) it is the last
 * statement before an ordinary commit. Resolves with `work`'s value and the statement's rows.
 */
export async function transactionEndingWith<T>(
  db: Db,
  work: (tx: Tx) => Promise<{ value: T; final: FinalStatement | null }>,
): Promise<{ value: T; rows: unknown[] }> {
  const pool = (db as unknown as { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) {
    return db.transaction(async (tx) => {
      const { value, final } = await work(tx);
      return { value, rows: final ? await runRaw(tx, final.statement, final.values) : [] };
    });
  }
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { value, final } = await work(drizzleOn(client));
    let rows: unknown[] = [];
    if (final) {
      const text = `${inlined(final.statement.text, final.values)};\ncommit`;
      const results = (await client.query(text)) as unknown as pg.QueryResult[];
      rows = results[0]?.rows ?? [];
    } else {
      await client.query('commit');
    }
    client.release();
    return { value, rows };
  } catch (err) {
    // A connection that cannot roll back is closed, not handed to the next transaction.
    const rolledBack = await client.query('rollback').then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}

/**
 * Drizzle on one pooled connection: the query API of a Drizzle transaction. Made once per
 * connection (the pool reuses them), as building it costs more than a statement.
 */
const handles = new WeakMap<pg.PoolClient, Tx>();
function drizzleOn(client: pg.PoolClient): Tx {
  let handle = handles.get(client);
  if (!handle) {
    handle = drizzlePg(client, { schema }) as unknown as Tx;
    handles.set(client, handle);
  }
  return handle;
}

/** `text` with each `$n` replaced by values[n-1] as an escaped SQL literal. */
export function inlined(text: string, values: RawParam[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]));
}

function literal(value: RawParam | undefined): string {
  if (value === undefined) throw new Error('a final statement refers to a parameter it was not given');
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot inline ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `array[${value.map(quoted).join(', ')}]::text[]`;
  return quoted(value);
}

/**
 * A string literal (what `pg.escapeLiteral` makes, with regular expressions rather than a loop
 * over every character: a pass's events run to a megabyte). Quotes are doubled; with a backslash
 * it is an E'' literal with backslashes doubled, which reads the same whatever
 * standard_conforming_strings says.
 */
function quoted(text: string): string {
  const body = text.replace(/'/g, "''");
  return text.includes('\\') ? ` E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}
