import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlined } from '../../../src-server/db/final-statement';
import { createTestDatabase, hasPostgres } from '../support/services';

/**
 * `inlined` writes parameters into the statement that travels with COMMIT as hand-escaped SQL
 * literals: a quoting slip there is an injection. Whatever the text — quotes, backslashes,
 * `$n`, comment and statement breaks, any (NUL-free) unicode — `SELECT <literal>` must answer it
 * unchanged, on both databases the server runs on.
 */
const tricky = fc.constantFrom(
  "'",
  "''",
  '\\',
  '\\\\',
  "\\'",
  '"',
  '$1',
  '$2',
  'E',
  ';',
  '--',
  '/*',
  '\n',
  '\r\n',
  '\t',
);
/** Real unicode (graphemes: no lone surrogates, which no UTF-8 database can store); no NUL. */
const text = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((value) => !value.includes('\u0000'));
const row = fc.record({ one: text, list: fc.array(text, { maxLength: 4 }) });

const hasPg = await hasPostgres();

type Ask = (sql: string) => Promise<{ one: string; list: string[] }>;
const STATEMENT = 'select $1::text as one, $2 as list';

async function roundTrips(ask: Ask): Promise<void> {
  await fc.assert(
    fc.asyncProperty(row, async ({ one, list }) => {
      expect(await ask(inlined(STATEMENT, [one, list]))).toEqual({ one, list });
    }),
    { numRuns: 300 },
  );
}

describe('SQL literals inlined into a final statement', () => {
  it('read back unchanged on PGlite', async () => {
    const pglite = new PGlite();
    try {
      await roundTrips(async (sql) => {
        const result = await pglite.query<{ one: string; list: string[] }>(sql);
        return result.rows[0]!;
      });
    } finally {
      await pglite.close();
    }
  });

  describe.runIf(hasPg)('on PostgreSQL', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let client: pg.Client;
    beforeAll(async () => {
      database = await createTestDatabase();
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
    });
    afterAll(async () => {
      await client?.end();
      await database?.drop();
    });

    it('read back unchanged, whatever standard_conforming_strings says', async () => {
      for (const setting of ['on', 'off']) {
        await client.query(`set standard_conforming_strings = ${setting}`);
        await roundTrips(async (sql) => {
          const result = await client.query<{ one: string; list: string[] }>(sql);
          return result.rows[0]!;
        });
      }
    });
  });
});
