import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { signAccessToken } from '../../src-server/features/auth/tokens';
import { ORG } from '../fixtures/minimal-org';
import { eventually, request, startTestServer, type TestServer } from './support/test-server';

const SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-42');

describe('sign-in, tokens and sign-out', () => {
  let server: TestServer;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const me = (token: string) =>
    fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    server = await startTestServer({ env: { AGENTDECK_LOGIN_RATE_LIMIT: '8' } });
  });
  afterAll(() => server.close());

  it('signs in with the right password and answers the user with roles', async () => {
    const res = await post('/api/v1/auth/login', { username: 'ana', password: ORG.password });
    expect(res.status).toBe(200);
    const body = await res.json();
    const ana = { id: 'usr_ana', username: 'ana', displayName: 'Ana', roles: ['agent'], teamId: 'team_en' };
    expect(body.user).toEqual(ana);
    const meRes = await me(body.token);
    expect(meRes.status).toBe(200);
    expect((await meRes.json()).user).toEqual(ana);
  });

  it('answers a wrong password and an unknown user alike, without telling which', async () => {
    const wrong = await post('/api/v1/auth/login', { username: 'ben', password: 'nope' });
    const unknown = await post('/api/v1/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('refuses malformed and oversized bodies with 400-class errors and a reason', async () => {
    const missing = await post('/api/v1/auth/login', { username: 'ana' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe('invalid');
    const notJson = await post('/api/v1/auth/login', '{"username":');
    expect(notJson.status).toBe(400);
    const huge = await post('/api/v1/auth/login', { username: 'ana', password: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/too large/i);
    const wrongType = await post('/api/v1/auth/login', { username: 42, password: [] });
    expect(wrongType.status).toBe(400);
  });

  it('rate-limits repeated attempts for one username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await post('/api/v1/auth/login', { username: 'carl', password: 'guess' })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.at(-1)).toBe(429);
    // Another username from the same address is not locked out.
    expect((await post('/api/v1/auth/login', { username: 'sofia', password: ORG.password })).status).toBe(
      200,
    );
  });

  it('rotates refresh tokens and ends the session when a rotated-out token is replayed', async () => {
    const first = await server.login('ben');
    const res = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(res.status).toBe(200);
    const second = await res.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const replay = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    // The theft signal revoked the session: the fresh pair is dead too.
    expect((await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    expect((await me(second.token)).status).toBe(401);
  });

  it('refuses expired, tampered and alg:none tokens', async () => {
    const { token } = await server.login('ana');
    const sessionId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;
    const expired = await signAccessToken(SECRET, 'usr_ana', sessionId, -10);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'usr_admin' })).toString('base64url')}.${s}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    const otherKey = await new SignJWT({ sid: sessionId, typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('usr_ana')
      .setIssuer('agentdeck')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-secret-another-secret-another'));
    for (const bad of [expired, tampered, none, otherKey, 'garbage']) {
      const res = await me(bad);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthenticated');
    }
    expect((await (await me(expired)).json()).error.message).toMatch(/expired/);
    expect((await me(token)).status).toBe(200);
  });

  it('signs out: the session ends, its live socket is told why and disconnected', async () => {
    const session = await server.login('ana');
    const socket = await server.connect({ token: session.token });
    const ended: unknown[] = [];
    socket.on(SOCKET_EVENTS.sessionEnded, (p) => ended.push(p));
    const res = await post(
      '/api/v1/auth/logout',
      { refreshToken: session.refreshToken },
      { authorization: `Bearer ${session.token}` },
    );
    expect(res.status).toBe(204);
    await eventually(() => !socket.connected, 3000, 'socket disconnect');
    expect(ended).toEqual([{ reason: 'signed_out' }]);
    expect((await me(session.token)).status).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('a socket whose token expired is refused per event until it renews', async () => {
    const session = await server.login('ana');
    const sessionId = JSON.parse(Buffer.from(session.token.split('.')[1]!, 'base64url').toString())
      .sid as string;
    const shortLived = await signAccessToken(SECRET, 'usr_ana', sessionId, 1);
    const socket = await server.connect({ token: shortLived });
    await new Promise((r) => setTimeout(r, 1100));
    const refused = await request(socket, SOCKET_EVENTS.syncSince, { lastSyncId: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const renewed = await request(socket, SOCKET_EVENTS.sessionRenew, { token: session.token });
    expect(renewed).toMatchObject({ ok: true });
    expect((await request(socket, SOCKET_EVENTS.syncSince, { lastSyncId: 0 })).ok).toBe(true);
  });
});
