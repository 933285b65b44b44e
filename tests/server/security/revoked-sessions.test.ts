import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { LoginResponse } from '../../../src-shared/protocol/auth';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { runCommand } from '../support/contact-commands';
import { KINDS, serverForSuite, startNodes, type Nodes } from '../support/server-test';
import { hasRedis } from '../support/services';
import { eventually, request, type TestServer } from '../support/test-server';

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
describe.each(KINDS)('a revoked session on %s', (kind) => {
  const server = serverForSuite(kind);

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

describe.runIf(KINDS.includes('postgres') && (await hasRedis()))(
  'a session revoked on one node of two',
  () => {
    let deployment: Nodes | undefined;
    let nodeA: TestServer, nodeB: TestServer;

    beforeAll(async () => {
      deployment = await startNodes(2, { sharedLimits: true });
      nodeA = deployment.nodes[0]!;
      nodeB = deployment.nodes[1]!;
    });
    afterAll(() => deployment?.close());

    it('ends its live socket on the other node', async () => {
      const { socket, ended, rotatedOut } = await refreshedSocket(nodeA, nodeB);
      expect((await refresh(nodeA.url, rotatedOut)).status).toBe(401);
      await eventually(() => !socket.connected, 10_000, 'the socket on node B ended');
      expect(ended).toEqual([{ reason: 'revoked' }]);
    });
  },
);
