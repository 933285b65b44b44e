import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { transactionEndingWith } from '../../src-server/db/final-statement';
import { commitWithEvents } from '../../src-server/features/sync/log-append';
import type { NewEvent } from '../../src-server/features/sync/event-log';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import type { SinceResponse } from '../../src-shared/protocol/sync';
import { ORG } from '../fixtures/minimal-org';
import { createTestDatabase, hasPostgres } from './support/services';
import { request, settle, startTestServer, type DatabaseKind, type TestServer } from './support/test-server';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

/** Text that breaks naive quoting or placeholder substitution. */
const AWKWARD = `It's "quoted" \\ back\\slash \\' $1 $2::jsonb ${'$'}{x} ünïcödé 🎧 \n second line`;

const positions = async (server: TestServer, after: number) => {
  const result = await server.database.db.execute<{ sync_id: string | number }>(
    sql`select sync_id from events where sync_id > ${after} order by sync_id`,
  );
  return (result as unknown as { rows: { sync_id: string | number }[] }).rows.map((r) => Number(r.sync_id));
};

const aNote = (i: number): NewEvent =>
  ({
    type: 'note.added',
    entityKind: 'case',
    entityId: ORG.cases.en,
    entityVersion: i,
    payload: { i },
    audience: { roles: ['supervisor'] },
  }) as unknown as NewEvent;

describe.each(kinds)('appending to the event log on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    databaseUrl = pg?.url;
    server = await startTestServer({ kind, databaseUrl: pg?.url });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('keeps a command’s text exactly, in the log and in the answer to a repeat', async () => {
    const ana = await server.connect('ana');
    // Not the log's first event: catch-up from position 0 is a snapshot, not events.
    const ready = { commandId: randomUUID(), type: 'agent:set-state', payload: { state: 'available' } };
    expect((await request(ana, SOCKET_EVENTS.command, ready)).ok).toBe(true);
    const command = {
      commandId: randomUUID(),
      type: 'case:add-note',
      payload: { caseId: ORG.cases.en, noteId: randomUUID(), body: AWKWARD, visibility: 'internal' },
    };
    const first = await request<{ syncId: number; entity: { body: string } }>(
      ana,
      SOCKET_EVENTS.command,
      command,
    );
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data.entity.body).toBe(AWKWARD);

    const since = await request<SinceResponse>(ana, SOCKET_EVENTS.syncSince, {
      lastSyncId: first.data.syncId - 1,
    });
    if (!since.ok) throw new Error('since failed');
    expect(since.data.events.map((e) => (e.payload as { body?: string }).body)).toEqual([AWKWARD]);

    const repeat = await request(ana, SOCKET_EVENTS.command, command);
    expect(repeat).toEqual(first);
  });

  it('a failing last statement undoes the transaction’s work and leaves the connections usable', async () => {
    const { db } = server.database;
    const noteId = randomUUID();
    await expect(
      transactionEndingWith(db, async (tx) => {
        await tx.execute(
          sql`insert into applied_commands (actor_id, command_id, type, result) values ('probe', ${noteId}, 'probe', '{}')`,
        );
        return {
          value: null,
          final: { statement: { name: 'divide_by_zero', text: 'select 1 / $1::int' }, values: [0] },
        };
      }),
    ).rejects.toThrow(/division by zero/);
    const left = await db.execute(sql`select 1 from applied_commands where command_id = ${noteId}`);
    expect((left as unknown as { rows: unknown[] }).rows).toHaveLength(0);
    // More transactions than the pool has connections: none inherits an aborted one.
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        commitWithEvents(db, null, async () => ({ value: i, events: [aNote(i)] })),
      ),
    );
    expect(results.map((r) => r.stored.length)).toEqual(Array(25).fill(1));
  });

  it('never lets a reader skip a position that commits late (catch-up stays complete)', async () => {
    const { db } = server.database;
    const [start = 0] = (await positions(server, 0)).slice(-1);
    const seen: number[] = [];
    let writing = true;
    const reader = (async () => {
      let last = start;
      while (writing) {
        const batch = await positions(server, last);
        seen.push(...batch);
        last = batch.at(-1) ?? last;
      }
      seen.push(...(await positions(server, last)));
    })();
    // Transactions of different lengths, all appending at once: without the log's lock, a later
    // position often commits first and a reader moving past it never sees the earlier one.
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        commitWithEvents(db, null, async (tx) => {
          if (kind === 'postgres') await tx.execute(sql`select pg_sleep(${(i % 7) / 1000})`);
          return { value: null, events: [aNote(i), aNote(i)] };
        }),
      ),
    );
    writing = false;
    await reader;
    expect(seen).toEqual(await positions(server, start));
    expect(seen).toHaveLength(400);
  });

  // Only PostgreSQL has other connections (nodes) to hold a position open.
  if (kind === 'postgres')
    it('holds a later append until an earlier position commits (another node’s open transaction)', async () => {
      const other = new pg.Client({ connectionString: databaseUrl });
      await other.connect();
      try {
        await other.query('begin');
        const held = await other.query<{ sync_id: string }>(
          `insert into events (type, entity_kind, entity_id, entity_version, payload)
           values ('note.added', 'case', 'held', 1, '{}') returning sync_id`,
        );
        const heldAt = Number(held.rows[0]!.sync_id);
        let appended: number | undefined;
        const later = commitWithEvents(server.database.db, null, async () => ({
          value: null,
          events: [aNote(1)],
        })).then((r) => (appended = r.stored[0]!.syncId));
        await settle(300);
        // Had the later append committed, a reader would have moved past the open position.
        expect(appended).toBeUndefined();
        expect(await positions(server, heldAt - 1)).toEqual([]);
        await other.query('commit');
        await later;
        expect(appended).toBeGreaterThan(heldAt);
        expect(await positions(server, heldAt - 1)).toEqual([heldAt, appended]);
      } finally {
        await other.end();
      }
    });
});
