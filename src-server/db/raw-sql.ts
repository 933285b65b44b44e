import { getTableColumns, type Table } from 'drizzle-orm';
import pg from 'pg';
import type { Db, Tx } from './database';

/**
 * A hand-written statement for the hottest paths (a contact's intake, the log, a routing pass's
 * reads and writes), where building the query through Drizzle cost more CPU than PostgreSQL spent
 * running it. On PostgreSQL it runs as a named prepared statement (parsed once per connection).
 * Parameters are plain text, numbers, text arrays or null: cast them in the SQL (`$3::jsonb`,
 * `$4::timestamptz`) so both drivers send them the same way.
 */
export interface RawStatement {
  name: string;
  text: string;
}

export type RawParam = string | number | boolean | null | string[];

interface PgLike {
  query(config: { name: string; text: string; values: RawParam[] }): Promise<{ rows: unknown[] }>;
}
interface PgliteLike {
  query(text: string, values: RawParam[]): Promise<{ rows: unknown[] }>;
}

/** The connection a Drizzle handle runs on (the pool, a pooled client, PGlite or its transaction). */
function clientOf(handle: Db | Tx): PgLike | PgliteLike {
  const session = (handle as unknown as { session?: { client?: unknown } }).session;
  if (!session?.client) throw new Error('raw SQL needs a Drizzle database or transaction');
  return session.client as PgLike | PgliteLike;
}

/** Runs `statement` on the handle's connection (inside its transaction, if it is one); rows as objects. */
export async function runRaw(
  handle: Db | Tx,
  statement: RawStatement,
  values: RawParam[],
): Promise<unknown[]> {
  const client = clientOf(handle);
  const result =
    client instanceof pg.Client || client instanceof pg.Pool
      ? await (client as PgLike).query({ name: statement.name, text: statement.text, values })
      : await (client as PgliteLike).query(statement.text, values);
  return result.rows;
}

/** Maps a raw row (snake_case columns, as the driver parsed them) to the table's Drizzle row. */
export function rowMapper<T extends Table>(table: T): (raw: unknown) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, column }));
  return (raw) => {
    const source = raw as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const { key, column } of columns) {
      const value = source[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  };
}
