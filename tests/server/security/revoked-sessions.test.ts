import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { LoginResponse } from '../../../src-shared/protocol/auth';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { connectRedisAdapter } from '../../../src-server/platform/redis-adapter';
import { runCommand } from '../support/contact-commands';
import { REDIS_TEST_URL, createTestDatabase, hasPostgres, hasRedis } from '../support/services';
import {
  eventually,
  request,
  startOnOwnDatabase,
  startTestServer,
  type DatabaseKind,
  type TestServer,
} from '../support/test-server';

const hasPg = await hasPostgres();
const kinds: DatabaseKind[] = ['embedded', ...(hasPg ? (['postgres'] as const) : [])];

async function refresh(url: string, refreshToken: string): Promise<Response> {
  return fetch(`${url}${API_ROUTES.refresh}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
}

/** Signs in, refreshes once, and opens a socket with the refreshed token; keeps the old refresh token. */
async function refreshedSocket(server: TestServer, connectTo: TestServer = server) {
  const first = await server.login('ana');
  const res = await refresh(server.url, first.refreshToken);
  expect(res.status).toBe(200);
  const second = LoginResponse.parse(await res.json());
  const socket = await connectTo.connect({ token: second.token });
  const ended: unknown[] = [];
  socket.on(SOCKET_EVENTS.sessionEnded, (notice: unknown) => ended.push(notice));
  return { socket, ended, rotatedOut: first.refreshToken };
}

const addNote = (socket: Socket) =>
  runCommand(socket, 'case:add-note', {
    caseId: 'case_en',
    noteId: randomUUID(),
    body: 'written after the session ended',
    visibility: 'internal',
  });

/** Issue 13, finding 3: a revoked session keeps no live socket, for whatever reason it was revoked. */
describe.each(kinds)('a revoked session on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startOnOwnDatabase(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a replayed refresh token ends the session and its live socket, told why', async () => {
    const { socket, ended, rotatedOut } = await refreshedSocket(server);
    expect((await refresh(server.url, rotatedOut)).status).toBe(401);
    await eventually(() => !socket.connected, 10_000, 'the socket ended');
    expect(ended).toEqual([{ reason: 'revoked' }]);
  });

  it('every event re-checks the session: one revoked without a notice is refused and ended', async () => {
    const { socket, ended } = await refreshedSocket(server);
    // Revoked behind the sockets' back (as by another node whose notice never came).
    await server.database.db.execute(sql`update sessions set revoked_at = now() where user_id = 'usr_ana'`);
    const answer = await addNote(socket);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const catchUp = socket.connected
      ? await request(socket, SOCKET_EVENTS.syncSince, { lastSyncId: 1 })
      : null;
    expect(catchUp?.ok ?? false).toBe(false);
    await eventually(() => !socket.connected, 10_000, 'the socket ended');
    expect(ended).toEqual([{ reason: 'revoked' }]);
    const notes = await server.database.db.execute(
      sql`select id from notes where body = 'written after the session ended'`,
    );
    expect((notes as unknown as { rows: unknown[] }).rows).toHaveLength(0);
  });
});

describe.runIf(hasPg && (await hasRedis()))('a session revoked on one node of two', () => {
  let nodeA: TestServer, nodeB: TestServer;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase();
    closers.push(database.drop);
    const streamName = `agentdeck-test-${randomUUID()}`;
    const start = async (seed: boolean) => {
      const redis = await connectRedisAdapter(REDIS_TEST_URL, { streamName });
      const node = await startTestServer({
        kind: 'postgres',
        databaseUrl: database.url,
        seed,
        configureSockets: redis.install,
        sharedLimitStore: redis.limitStore,
      });
      closers.unshift(async () => {
        await node.close();
        await redis.close();
      });
      return node;
    };
    nodeA = await start(true);
    nodeB = await start(false);
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('ends its live socket on the other node', async () => {
    const { socket, ended, rotatedOut } = await refreshedSocket(nodeA, nodeB);
    expect((await refresh(nodeA.url, rotatedOut)).status).toBe(401);
    await eventually(() => !socket.connected, 10_000, 'the socket on node B ended');
    expect(ended).toEqual([{ reason: 'revoked' }]);
  });
});
