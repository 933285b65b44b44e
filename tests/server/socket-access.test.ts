import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { ORG } from '../fixtures/minimal-org';
import { collect, eventually, request, startTestServer, type TestServer } from './support/test-server';

describe('who may hold a socket, and for how long', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const tryConnect = (auth: unknown, headers: Record<string, string> = {}) =>
    new Promise<string>((resolve) => {
      const socket = connectSocket(server.url, {
        auth: auth as Record<string, unknown>,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: headers,
      });
      socket.on('connect', () => {
        socket.disconnect();
        resolve('connected');
      });
      socket.on('connect_error', (err) => resolve(err.message));
    });

  it('refuses a handshake without a valid token', async () => {
    expect(await tryConnect({})).toBe('unauthenticated');
    expect(await tryConnect({ token: 'not.a.jwt' })).toBe('unauthenticated');
    expect(await tryConnect({ token: 42 })).toBe('unauthenticated');
  });

  it('refuses a handshake from a foreign browser origin, accepts the console origins', async () => {
    const { token } = await server.login('ana');
    expect(await tryConnect({ token }, { origin: 'https://evil.example' })).not.toBe('connected');
    expect(await tryConnect({ token }, { origin: 'file://' })).toBe('connected');
    expect(await tryConnect({ token })).toBe('connected');
  });

  it('drops a socket that sends an oversized message, and keeps serving others', async () => {
    const big = await server.connect('ana');
    const other = await server.connect('ben');
    big.emit(SOCKET_EVENTS.command, { junk: 'x'.repeat(200_000) });
    await eventually(() => !big.connected, 3000, 'oversized sender dropped');
    expect((await request(other, SOCKET_EVENTS.syncSince, { lastSyncId: 0 })).ok).toBe(true);
  });

  it('disabling a user ends their live sockets and sessions, and takes them out of routing', async () => {
    const ben = await server.connect('ben');
    const benAgain = await server.login('ben');
    const admin = await server.connect('admin');
    const sofia = await server.connect('sofia');
    expect(
      (
        await request(ben, SOCKET_EVENTS.command, {
          commandId: randomUUID(),
          type: 'agent:set-state',
          payload: { state: 'available' },
        })
      ).ok,
    ).toBe(true);
    const ended: unknown[] = [];
    ben.on(SOCKET_EVENTS.sessionEnded, (p) => ended.push(p));
    const boardEvents = collect<{ type: string; payload: { id: string; state?: string } }>(
      sofia,
      SOCKET_EVENTS.syncEvent,
    );

    const answer = await request(admin, SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'user:set-disabled',
      payload: { userId: ORG.users.ben.id, disabled: true },
    });
    expect(answer).toMatchObject({ ok: true, data: { entity: { disabled: true } } });
    await eventually(() => !ben.connected, 3000, 'ben disconnected');
    expect(ended).toEqual([{ reason: 'disabled' }]);
    await eventually(() =>
      boardEvents.some((e) => e.type === 'agent.state-changed' && e.payload.state === 'offline'),
    );

    const refresh = await fetch(`${server.url}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: benAgain.refreshToken }),
    });
    expect(refresh.status).toBe(401);
    await expect(server.login('ben')).rejects.toThrow(/401/);

    const selfDisable = await request(admin, SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'user:set-disabled',
      payload: { userId: ORG.users.admin.id, disabled: true },
    });
    expect(selfDisable).toMatchObject({ ok: false, error: { code: 'invalid' } });

    await request(admin, SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'user:set-disabled',
      payload: { userId: ORG.users.ben.id, disabled: false },
    });
    expect((await server.login('ben')).user.username).toBe('ben');
  });
});
