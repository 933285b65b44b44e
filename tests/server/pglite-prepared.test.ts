import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedPglite, type PreparedPgliteClient } from '../../src-server/db/pglite-prepared';

/** Values of every kind the server stores, as text, arrays, JSON, times and numbers. */
const ROW_SQL = `select $1::text as t, $2::text[] as arr, $3::jsonb as j, $4::timestamptz as at,
  $5::int as n, $6::bigint as big, $7::boolean as b, $8::text as nothing, 1.5::numeric as num`;
const ROW_PARAMS = [
  `it's "quoted" \\ ünïcödé 🎧`,
  ['a', 'b,c', 'd"e', ''],
  JSON.stringify({ nested: { list: [1, 2] } }),
  '2026-11-23T10:00:00.000Z',
  42,
  '9007199254740993',
  true,
  null,
];

describe('PGlite with prepared statements', () => {
  let pglite: PGlite;
  let client: PreparedPgliteClient;

  beforeAll(async () => {
    pglite = new PGlite();
    await pglite.waitReady;
    await pglite.exec('create table items (id text primary key, n int not null)');
    client = preparedPglite(pglite);
  });
  afterAll(async () => {
    await pglite.close();
  });

  it('answers exactly what PGlite.query answers, in both row modes, the first time and after', async () => {
    for (const rowMode of ['object', 'array'] as const) {
      const expected = await pglite.query(ROW_SQL, ROW_PARAMS, { rowMode });
      for (let i = 0; i < 7; i++) {
        // From the sixth run PostgreSQL may switch to a generic plan: the answer must not change.
        const actual = await client.query(ROW_SQL, ROW_PARAMS, { rowMode });
        expect(actual.rows).toEqual(expected.rows);
        expect(actual.fields).toEqual(expected.fields);
        expect(actual.affectedRows).toBe(expected.affectedRows);
      }
    }
  });

  it('uses the caller’s parsers, as Drizzle asks for timestamps as text', async () => {
    const parsers = { 1184: (value: string) => `raw:${value}` };
    const { rows } = await client.query<{ at: string }>(
      `select $1::timestamptz as at`,
      ['2026-11-23T10:00:00Z'],
      {
        parsers,
      },
    );
    expect(rows[0]?.at).toMatch(/^raw:2026-11-23 10:00:00/);
  });

  it('reports a failed statement with its code and text, and the next statement runs', async () => {
    await client.query(`insert into items (id, n) values ($1, $2)`, ['one', 1]);
    const duplicate = await client
      .query(`insert into items (id, n) values ($1, $2)`, ['one', 2])
      .catch((e) => e);
    expect(duplicate).toMatchObject({ code: '23505', query: 'insert into items (id, n) values ($1, $2)' });

    const typo = `selec n from items where id = $1`;
    for (let i = 0; i < 2; i++)
      await expect(client.query(typo, ['one'])).rejects.toMatchObject({ code: '42601' });

    const { rows, affectedRows } = await client.query(`update items set n = n + $1 where id = $2`, [
      10,
      'one',
    ]);
    expect([rows, affectedRows]).toEqual([[], 1]);
    expect((await client.query(`select n from items where id = $1`, ['one'])).rows).toEqual([{ n: 11 }]);
  });

  it('commits a transaction’s work, and a failed transaction leaves nothing behind', async () => {
    await client.transaction(async (tx) => {
      await tx.query(`insert into items (id, n) values ($1, $2)`, ['two', 2]);
    });
    const failed = client.transaction(async (tx) => {
      await tx.query(`insert into items (id, n) values ($1, $2)`, ['three', 3]);
      await tx.query(`insert into items (id, n) values ($1, $2)`, ['two', 4]);
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    const { rows } = await client.query<{ id: string }>(`select id from items order by id`);
    expect(rows.map((r) => r.id)).toEqual(['one', 'two']);
  });

  it('keeps working past the number of statements it keeps prepared', async () => {
    const distinct = (i: number) => `select $1::int + ${i} as v`;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 600; i += 1) {
        const { rows } = await client.query<{ v: number }>(distinct(i), [round]);
        expect(rows[0]?.v).toBe(round + i);
      }
    }
    const { rows } = await pglite.query<{ n: number }>(
      `select count(*)::int as n from pg_prepared_statements`,
    );
    // Every statement above was prepared once, and only the most recent 500 are kept.
    expect(rows[0]?.n).toBe(500);
  });
});
