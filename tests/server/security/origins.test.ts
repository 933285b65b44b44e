import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Which browser pages may call the API with CORS and open console sockets. Origins are checked
 * before anything touches the database, so one database kind (embedded) covers it.
 */

/** A port free right now: the server's own origin is configured by its port, not learned from it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('the origins a browser may call from', () => {
  let server: TestServer;
  let port: number;
  let token: string;

  beforeAll(async () => {
    port = await freePort();
    server = await startTestServer({
      env: {
        AGENTDECK_HTTP_PORT: String(port),
        AGENTDECK_PUBLIC_URL: 'https://desk.example.com/agentdeck/',
        AGENTDECK_ALLOWED_ORIGINS: 'https://crm.example.org',
      },
    });
    token = (await server.login('ana')).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** What CORS allows `origin` (the allow-origin header of a preflight), or null. */
  const corsAllows = async (origin: string) => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    return res.headers.get('access-control-allow-origin');
  };
  /** Whether a console socket from `origin` gets through the handshake. */
  const socketAllowed = (origin: string, namespace = '') =>
    new Promise<boolean>((resolve) => {
      const socket = connectSocket(`${server.url}${namespace}`, {
        auth: namespace ? {} : { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin },
      });
      socket.once('connect', () => {
        socket.disconnect();
        resolve(true);
      });
      socket.once('connect_error', () => {
        socket.disconnect();
        resolve(false);
      });
    });

  const allowed = () => [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    'https://desk.example.com',
    'https://crm.example.org',
    'file://',
  ];
  const refused = () => [
    `http://evil.test:${port}`,
    `https://evil.test:${port}`,
    'null',
    'https://evil.test',
  ];

  it('allows the server as served and configured, the desktop app and the listed origins', async () => {
    for (const origin of allowed()) {
      expect(await corsAllows(origin), origin).toBe(origin);
      expect(await socketAllowed(origin), origin).toBe(true);
    }
  });

  it('refuses any other host on the server’s port, and the opaque origin null', async () => {
    for (const origin of refused()) {
      expect(await corsAllows(origin), origin).toBeNull();
      expect(await socketAllowed(origin), origin).toBe(false);
    }
  });

  it('leaves the visitor chat open to customers’ websites', async () => {
    expect(await socketAllowed(`http://evil.test:${port}`, '/visitor')).toBe(true);
    expect(await socketAllowed('https://shop.example', '/visitor')).toBe(true);
  });
});
